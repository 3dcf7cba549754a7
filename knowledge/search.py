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
from collections.abc import Sequence
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
from django.db.models.functions import Coalesce, Concat, Left
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

    @property
    def alternation(self) -> str:
        """A regular expression finding any required word as written, longest first (the same
        syntax for Python's and PostgreSQL's)."""
        return "|".join(re.escape(term) for term in sorted(self.required, key=len, reverse=True))


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


def ranked_ids(query: str, queryset: QuerySet[Publication]) -> list[int]:
    """The primary keys of what `search_publications` finds, best first, in one narrow query:
    the page of results and their number are taken from it, not matched twice."""
    return list(search_publications(query, queryset).values_list("pk", flat=True))


# ts_headline parses what it is given: a short stretch of the text around the first word found is
# enough for an excerpt; without a literal hit (a word found only through its stem), the start.
HEADLINE_SOURCE = 6_000
# The stretch around a hit: characters before it (to the start of a word), and in all.
BEFORE_HIT, AROUND_HIT = 120, 480


class AroundFirstHit(Func):
    """The stretch of a text around the first match of a regular expression, in any case: from
    the start of a word about BEFORE_HIT characters ahead of it, AROUND_HIT characters in all;
    NULL when nothing matches.

    The match is found once (regexp_instr, PostgreSQL 15) and the text cut there, without sending
    the whole text to be cut in Python.
    """

    output_field = TextField()

    def __init__(self, expression, pattern: str):
        super().__init__(expression, Value(pattern))

    def as_sql(self, compiler, connection, **extra_context):
        text, text_params = compiler.compile(self.source_expressions[0])
        pattern, pattern_params = compiler.compile(self.source_expressions[1])
        # Only compiled expressions (a column, a placeholder) are written in; values are params.
        # OFFSET 0 keeps the match a subquery of its own: pulled up, it would be searched for
        # again at each of the three places that read it.
        sql = (
            "(SELECT CASE WHEN found.hit > %s"  # noqa: S608
            f" THEN regexp_replace(substr({text}, found.hit - %s, %s), '^\\S*\\s+', '')"
            f" ELSE substr({text}, 1, %s) END"
            f" FROM (SELECT regexp_instr({text}, {pattern}, 1, 1, 0, 'i') AS hit OFFSET 0) AS found"
            " WHERE found.hit > 0)"
        )
        params = (
            BEFORE_HIT,
            *text_params,
            BEFORE_HIT,
            AROUND_HIT,
            *text_params,
            AROUND_HIT,
            *text_params,
            *pattern_params,
        )
        return sql, params


def _excerpt_source(terms: Terms):
    """Around the first of the terms as written, in any case; or, if none is there as written,
    the start of the text."""
    return Coalesce(
        AroundFirstHit("text", terms.alternation),
        Left("text", HEADLINE_SOURCE),
        output_field=TextField(),
    )


def _marked_texts(query: str, terms: Terms) -> dict:
    """Each row's title with the words found marked (or nothing), and the stretch of its text
    its excerpt is cut from, marked where the database could stem it. The long text itself is
    never sent."""
    if connection.vendor != "postgresql":
        return {"title_headline": Value(""), "excerpt_source": F("text")}
    source = _excerpt_source(terms)
    title_headline, text_headline = [], []
    for language, config in TEXT_SEARCH_CONFIGS.items():
        parsed = SearchQuery(query, config=config, search_type="websearch")
        in_language = Q(language=language)
        options = {"config": config, "start_sel": _START, "stop_sel": _STOP}
        title_headline.append(
            When(in_language, then=SearchHeadline("title", parsed, highlight_all=True, **options))
        )
        # With no word of the query in it, ts_headline gives the stretch's first words, unmarked.
        text_headline.append(
            When(
                in_language,
                then=SearchHeadline(
                    source,
                    parsed,
                    max_fragments=2,
                    max_words=30,
                    min_words=12,
                    fragment_delimiter=" … ",
                    **options,
                ),
            )
        )
    return {
        "title_headline": Case(*title_headline, default=Value(""), output_field=TextField()),
        # Chinese has no configuration: its texts, short, are cut in Python around the first
        # hit with what comes before it, which a regular expression could only find slowly.
        "excerpt_source": Case(*text_headline, default=F("text"), output_field=TextField()),
    }


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


def highlighted(ids: Sequence[int], query: str) -> list[SearchResult]:
    """The publications `ids` names, in that order, each with its title and an excerpt of its
    text, the words found in <mark>: one query.

    Everything is escaped first; only the marks are HTML.
    """
    query = clean_query(query)
    terms = Terms.parse(query)
    if not ids or not terms.required:
        return []
    rows = Publication.objects.filter(pk__in=ids).listed().annotate(**_marked_texts(query, terms))
    by_pk = {publication.pk: publication for publication in rows}
    return [
        SearchResult(
            publication=publication,
            title=_marked_title(publication, terms, publication.title_headline),
            excerpt=_marked_excerpt(publication.excerpt_source, terms),
        )
        for publication in (by_pk[pk] for pk in ids if pk in by_pk)
    ]


def _marked_title(publication: Publication, terms: Terms, headline: str = "") -> SafeString:
    if headline:
        return _marks_to_html(headline)
    return _marks_to_html(_mark_terms(publication.title, terms))


def _marked_excerpt(source: str, terms: Terms) -> SafeString:
    if _START in source:
        return _marks_to_html(source)
    return _marks_to_html(_mark_terms(_window(source, terms), terms))


def _term_pattern(terms: Terms) -> re.Pattern | None:
    if not terms.required:
        return None
    return re.compile(terms.alternation, re.IGNORECASE)


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
