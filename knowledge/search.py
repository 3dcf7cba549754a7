"""Full-text search over what is published, in the six languages of the United Nations.

`search_publications` ranks a queryset of publications (public ones: the caller starts from
`public_publications()`, so the gate stays in one place) against what a visitor typed;
`highlighted` turns one page of the results into titles and excerpts with the words found marked.

On PostgreSQL each publication is matched in its own language's text search configuration (its
stemmer: "migrants" finds "migrant", "миграция" finds "миграции"), against the query parsed in the
same configuration as a web search ("quoted phrase", -excluded, or). Chinese has no word breaks
PostgreSQL's parsers could use, so it is matched by containment, which a trigram index serves.
Elsewhere (SQLite, the embedded default) every word must be contained in the title or the text.
Either way a hit in the title ranks first. The indexes are in migration 0002.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
)
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat, Left
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from knowledge.models import Publication

# PostgreSQL's text search configuration (its stemmer) for each language it can split into words.
TEXT_SEARCH_CONFIGS = {
    "ar": "arabic",
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
}
# Written without spaces between words: matched by containment over trigrams.
UNSEGMENTED_LANGUAGES = ("zh-hans",)

MAX_QUERY_LENGTH = 200
EXCERPT_LENGTH = 240
# Private-use characters that no text of ours means: ts_headline wraps each hit in them, and the
# excerpt is escaped before they become <mark> tags.
_START, _STOP = "\ue000", "\ue001"
_TERM = re.compile(r'-?"[^"]+"|\S+')


def document_vector(config: str) -> SearchVector:
    """What a publication in `config`'s language is matched on: its title, weighted above its text.

    Kept in `Publication.search_vector` by `store_vectors`, which a GIN index serves.
    """
    return SearchVector("title", config=config, weight="A") + SearchVector(
        "text", config=config, weight="D"
    )


def store_vectors(publications: QuerySet[Publication]) -> None:
    """Keep each publication's vector, in its own language's configuration (PostgreSQL only;
    Chinese is matched by containment and keeps none). Whatever writes a title or a text calls
    this after."""
    if connection.vendor != "postgresql":
        return
    publications.update(
        search_vector=Case(
            *(
                When(language=language, then=document_vector(config))
                for language, config in TEXT_SEARCH_CONFIGS.items()
            ),
            default=Value(None),
        )
    )


def searched_text() -> Concat:
    """Title and text as one string: what containment is matched on (and trigram-indexed)."""
    return Concat("title", Value(" "), "text", output_field=TextField())


class ContainsIgnoringCase(Func):
    """`expression ILIKE '%term%'`: the form a GIN trigram index on the expression serves."""

    template = "%(expressions)s"
    arg_joiner = " ILIKE "
    output_field = BooleanField()


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Terms:
    """The words of a query: those every result contains, and those none may contain."""

    required: tuple[str, ...]
    excluded: tuple[str, ...]

    @classmethod
    def parse(cls, query: str) -> "Terms":
        required, excluded = [], []
        for token in _TERM.findall(query):
            negated = token.startswith("-") and len(token) > 1
            word = token.lstrip("-").strip('"').strip()
            if not word or word.lower() == "or":
                continue
            (excluded if negated else required).append(word)
        return cls(tuple(required), tuple(excluded))


def clean_query(query: str) -> str:
    return " ".join((query or "").replace(_START, "").replace(_STOP, "").split())[:MAX_QUERY_LENGTH]


def search_publications(query: str, queryset: QuerySet[Publication]) -> QuerySet[Publication]:
    """The publications of `queryset` that match `query`, best first: title hits, then by rank.

    Each row is annotated with `search_rank` and `title_hit`; `highlighted` marks a page of them.
    An empty query finds nothing.
    """
    query = clean_query(query)
    terms = Terms.parse(query)
    if not terms.required:
        return queryset.none()
    if connection.vendor == "postgresql":
        found = _search_postgresql(query, terms, queryset)
    else:
        found = _search_by_containment(terms, queryset)
    return found.order_by("-title_hit", "-search_rank", "-published_at", "-pk")


def _contains_every_term(terms: Terms, lookup) -> Q:
    condition = Q()
    for term in terms.required:
        condition &= lookup(term)
    for term in terms.excluded:
        condition &= ~lookup(term)
    return condition


def _search_postgresql(query: str, terms: Terms, queryset: QuerySet) -> QuerySet:
    matches = Q()
    rank, title_hit = [], []
    for language, config in TEXT_SEARCH_CONFIGS.items():
        parsed = SearchQuery(query, config=config, search_type="websearch")
        in_language = Q(language=language)
        matches |= in_language & Q(search_vector=parsed)
        rank.append(When(in_language, then=SearchRank(F("search_vector"), parsed)))
        title_hit.append(
            When(in_language, then=SearchVectorExact(SearchVector("title", config=config), parsed))
        )
    contained = _contains_every_term(
        terms, lambda term: Q(ContainsIgnoringCase(searched_text(), Value(_like_pattern(term))))
    )
    title_contains = _contains_every_term(
        terms, lambda term: Q(ContainsIgnoringCase(F("title"), Value(_like_pattern(term))))
    )
    unsegmented = Q(language__in=UNSEGMENTED_LANGUAGES)
    return queryset.filter(matches | (unsegmented & contained)).annotate(
        search_rank=Case(*rank, default=Value(0.0), output_field=FloatField()),
        title_hit=Case(*title_hit, default=title_contains, output_field=BooleanField()),
    )


# ts_headline parses what it is given: the start of a long text is enough for an excerpt (the
# words are marked in Python when they come later).
HEADLINE_SOURCE = 6_000


def _headlines(pks: list[int], query: str) -> dict[int, tuple[str, str, str]]:
    """The text, marked title and marked excerpt of each of a page's publications, in one query
    (listings leave the long text out)."""
    if connection.vendor != "postgresql":
        texts = Publication.objects.filter(pk__in=pks).values_list("pk", "text")
        return {pk: (text, "", "") for pk, text in texts}
    title_headline, text_headline = [], []
    for language, config in TEXT_SEARCH_CONFIGS.items():
        parsed = SearchQuery(query, config=config, search_type="websearch")
        in_language = Q(language=language)
        options = {"config": config, "start_sel": _START, "stop_sel": _STOP}
        title_headline.append(
            When(in_language, then=SearchHeadline("title", parsed, highlight_all=True, **options))
        )
        text_headline.append(
            When(
                in_language,
                then=SearchHeadline(
                    Left("text", HEADLINE_SOURCE),
                    parsed,
                    max_fragments=2,
                    max_words=30,
                    min_words=12,
                    fragment_delimiter=" … ",
                    **options,
                ),
            )
        )
    rows = (
        Publication.objects.filter(pk__in=pks)
        .annotate(
            title_headline=Case(*title_headline, default=Value(""), output_field=TextField()),
            text_headline=Case(*text_headline, default=Value(""), output_field=TextField()),
        )
        .values_list("pk", "text", "title_headline", "text_headline")
    )
    return {pk: (text, title, excerpt) for pk, text, title, excerpt in rows}


def _search_by_containment(terms: Terms, queryset: QuerySet) -> QuerySet:
    in_title = _contains_every_term(terms, lambda term: Q(title__icontains=term))
    in_either = _contains_every_term(
        terms, lambda term: Q(title__icontains=term) | Q(text__icontains=term)
    )
    return queryset.filter(in_either).annotate(
        title_hit=Case(When(in_title, then=Value(True)), default=Value(False)),
        search_rank=Value(0.0, output_field=FloatField()),
    )


@dataclass(frozen=True)
class SearchResult:
    publication: Publication
    title: SafeString
    excerpt: SafeString


def highlighted(publications, query: str) -> list[SearchResult]:
    """Each publication with its title and an excerpt of its text, the words found in <mark>.

    Everything is escaped first; only the marks are HTML.
    """
    query = clean_query(query)
    terms = Terms.parse(query)
    publications = list(publications)
    found = _headlines([publication.pk for publication in publications], query)
    results = []
    for publication in publications:
        text, title, excerpt = found.get(publication.pk, ("", "", ""))
        results.append(
            SearchResult(
                publication=publication,
                title=_marked_title(publication, terms, title),
                excerpt=_marked_excerpt(text, terms, excerpt),
            )
        )
    return results


def _marked_title(publication: Publication, terms: Terms, headline: str = "") -> SafeString:
    if headline:
        return _marks_to_html(headline)
    return _marks_to_html(_mark_terms(publication.title, terms))


def _marked_excerpt(text: str, terms: Terms, headline: str = "") -> SafeString:
    if _START in headline:
        return _marks_to_html(headline)
    return _marks_to_html(_mark_terms(_window(text, terms), terms))


def _term_pattern(terms: Terms) -> re.Pattern | None:
    if not terms.required:
        return None
    longest_first = sorted(terms.required, key=len, reverse=True)
    return re.compile("|".join(re.escape(term) for term in longest_first), re.IGNORECASE)


def _window(text: str, terms: Terms) -> str:
    """About EXCERPT_LENGTH characters of `text` around the first word found, cut at spaces."""
    text = " ".join(text.split())
    pattern = _term_pattern(terms)
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - EXCERPT_LENGTH // 3) if found else 0
    end = min(len(text), start + EXCERPT_LENGTH)
    if start > 0:
        space = text.find(" ", start, found.start())
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", found.end() if found else start, end)
        end = space if space != -1 else end
    excerpt = text[start:end]
    return f"{'… ' if start > 0 else ''}{excerpt}{' …' if end < len(text) else ''}"


def _mark_terms(text: str, terms: Terms) -> str:
    pattern = _term_pattern(terms)
    text = text.replace(_START, "").replace(_STOP, "")
    return pattern.sub(lambda hit: f"{_START}{hit.group(0)}{_STOP}", text) if pattern else text


def _marks_to_html(marked: str) -> SafeString:
    """Escaped text with the marked spans in <mark>; stray markers can never unbalance the tags."""
    html, inside = [], False
    for piece in re.split(f"([{_START}{_STOP}])", marked):
        if piece == _START:
            if not inside:
                html.append("<mark>")
                inside = True
        elif piece == _STOP:
            if inside:
                html.append("</mark>")
                inside = False
        else:
            html.append(escape(piece))
    if inside:
        html.append("</mark>")
    return mark_safe("".join(html))  # noqa: S308 - every piece escaped above
