"""Searching what is published: in each language's own words, best first, marked and escaped."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from knowledge import services
from knowledge.models import Publication
from knowledge.search import highlighted, search_publications
from knowledge.selectors import public_publications
from reference.models import Country
from reviews.enums import ReviewStatus
from reviews.models import RegionalReview
from submissions.enums import SubmissionStatus
from submissions.models import Submission
from tests.conftest import service_missing
from tests.factories import network_secretariat
from tests.knowledge.builders import announced_review, published_document, published_input
from tests.reports.builders import ARABIC, CHINESE, RUSSIAN, written_submission

pytestmark = pytest.mark.django_db


# The commission asked for, the ranked matches (the page and their number), and the page's rows
# with their marked titles and excerpts; the filter form's lists are kept until reference data
# changes.
QUERIES_PER_PAGE = 3


FRENCH = "Les travailleurs migrants saisonniers ont accès aux services consulaires."
ENGLISH = "Remittances sent home by each migrant worker support whole families."
SPANISH = "Los trabajadores migrantes y sus familias reciben apoyo consular."


@pytest.fixture
def library(reference_data):
    """One published voluntary review in each of the six languages."""
    return {
        "ar": published_input(country="JOR", commission="ESCWA", language="ar", text=ARABIC),
        "zh-hans": published_input(
            country="CHN", commission="ESCAP", language="zh-hans", text=CHINESE
        ),
        "ru": published_input(country="RUS", commission="ECE", language="ru", text=RUSSIAN),
        "fr": published_input(country="FRA", commission="ECE", language="fr", text=FRENCH),
        "en": published_input(country="PHL", commission="ESCAP", language="en", text=ENGLISH),
        "es": published_input(country="MEX", commission="ECLAC", language="es", text=SPANISH),
    }


def found(query: str) -> list:
    return list(search_publications(query, public_publications()))


def _needs_postgresql():
    if connection.vendor != "postgresql":
        service_missing("stemming and segmentation need the test database on PostgreSQL")


@pytest.mark.services
def test_arabic_chinese_and_russian_words_find_their_publication_only(library):
    _needs_postgresql()
    assert found("التعاون") == [library["ar"]]
    assert found("移民") == [library["zh-hans"]]
    assert found("契约区域") == [library["zh-hans"]]
    assert found("договор") == [library["ru"]]


@pytest.mark.services
def test_stemming_finds_other_forms_of_a_word(library):
    _needs_postgresql()
    assert found("миграция") == [library["ru"]]  # the text says "миграции"
    assert found("workers") == [library["en"]]  # the text says "worker"
    assert found("travailleur") == [library["fr"]]
    assert found("trabajador") == [library["es"]]


@pytest.mark.services
def test_each_language_is_served_by_its_index(library):
    _needs_postgresql()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    # Without the public gate, whose status index a table this small would rather use.
    plan = search_publications("миграция", Publication.objects.all()).explain()
    indexes = {"knowledge_pub_trgm", "knowledge_pub_search_vector"}
    assert {index for index in indexes if index in plan} == indexes


def test_a_hit_in_the_title_ranks_first(library):
    title_hit = published_document(title="Remittances corridors", commission="ESCAP")
    assert found("remittances") == [title_hit, library["en"]]


def test_withdrawn_unpublished_and_hidden_items_are_never_found(library):
    services.withdraw(publication=library["en"], actor=network_secretariat(), reason="Superseded.")
    RegionalReview.objects.filter(pk=library["fr"].review_id).update(status=ReviewStatus.DRAFT)
    accepted = written_submission(
        country="ARG", review=announced_review("ECLAC"), text=ENGLISH, accepted=True
    )
    returned = written_submission(country="BRA", review=accepted.review, text=ENGLISH)
    Submission.objects.filter(pk=returned.pk).update(
        status=SubmissionStatus.RETURNED, submitted_at=timezone.now()
    )

    assert (found("remittances"), found("saisonniers")) == ([], [])


def test_the_words_found_are_marked_and_the_text_escaped(reference_data):
    published_document(title='Migrants <script>alert("x")</script> & families')

    [result] = highlighted([publication.pk for publication in found("migrants")], "migrants")

    expected = (
        "<mark>Migrants</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; families"
    )
    # ts_headline's excerpts leave out what its parser reads as tags; its titles keep everything.
    without_tags = "<mark>Migrants</mark>  alert(&quot;x&quot;)  &amp; families"
    assert result.title == expected
    assert result.excerpt == (without_tags if connection.vendor == "postgresql" else expected)


def test_chinese_excerpt_marks_the_characters_found(library):
    [result] = highlighted([publication.pk for publication in found("移民")], "移民")
    # Its five sections and its narrative on objective 1 each hold the text.
    assert result.excerpt == " ".join(
        ["安全、有序和正常<mark>移民</mark>全球契约区域审查进展顺利"] * 6
    )


def test_containment_finds_every_word_in_any_case_and_leaves_out_excluded_ones(library):
    if connection.vendor == "postgresql":
        pytest.skip("the fallback searches SQLite; PostgreSQL stems")
    assert found("MIGRANT remittances") == [library["en"]]
    assert found("remittances -families") == []
    assert found("التعاون") == [library["ar"]]
    assert found("договор") == [library["ru"]]


def test_an_empty_query_finds_nothing(library):
    assert (found(""), found("   "), found('""')) == ([], [], [])


def search_page(client, **params):
    return client.get(reverse("knowledge:search"), params)


def test_search_page_shows_results_with_their_facts_and_marks(client, library):
    response = search_page(client, q="remittances", commission="ESCAP")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Remittances</mark> sent home" in html
    assert library["en"].get_absolute_url() in html
    assert "1 result" in html
    assert "ESCAP" in html and "Input to the review" in html and "English" in html


def test_search_page_escapes_the_query_and_says_when_nothing_is_found(client, library):
    response = search_page(client, q='<script>alert("x")</script>')

    html = response.content.decode()
    assert '<script>alert("x")' not in html
    assert "Nothing published matches “&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;”" in html


def test_search_page_filters_narrow_the_results(client, library):
    response = search_page(client, q="remittances", commission="ECE")
    assert "Nothing published matches" in response.content.decode()


def test_search_page_pages_keep_the_query_and_filters(client, reference_data):
    for number in range(21):
        published_document(title=f"Labour migration study {number}", commission="ECE")

    response = search_page(client, q="migration study", commission="ECE")

    assert len(response.context["results"]) == 20
    assert 'href="?q=migration+study&amp;commission=ECE&amp;page=2"' in response.content.decode()
    second = search_page(client, q="migration study", commission="ECE", page=2)
    assert len(second.context["results"]) == 1


@pytest.mark.parametrize("count", [1, 21])
def test_search_page_queries_do_not_grow_with_the_results(
    client, reference_data, django_assert_num_queries, count
):
    for number in range(count):
        published_document(title=f"Return and reintegration {number}")
    search_page(client, q="return")  # the filter form's lists, kept from then on
    with django_assert_num_queries(QUERIES_PER_PAGE):
        response = search_page(client, q="reintegration", commission="ECE")
    assert len(response.context["results"]) == min(count, 20)
    assert f"{count} result" in response.content.decode()


def test_a_search_asked_again_is_kept_until_something_is_published(
    client, reference_data, django_assert_num_queries
):
    published_document(title="Return and reintegration")
    assert "1 result" in search_page(client, q="reintegration").content.decode()
    with django_assert_num_queries(0):
        again = search_page(client, q="reintegration")
    assert "1 result" in again.content.decode()

    published_document(title="Reintegration of returnees")

    assert "2 results" in search_page(client, q="reintegration").content.decode()


def test_an_address_with_other_parameters_is_searched_every_time(
    client, reference_data, django_assert_num_queries
):
    published_document(title="Return and reintegration")
    search_page(client, q="reintegration", utm_source="newsletter")
    with django_assert_num_queries(QUERIES_PER_PAGE - 1):
        response = search_page(client, q="reintegration", utm_source="newsletter")
    assert "1 result" in response.content.decode()


def test_a_word_far_into_a_long_text_is_shown_where_it_is(library):
    filler = " ".join(f"Paragraph {number} on consular services." for number in range(1_500))
    text = f"{filler} Seasonal remittances through formal corridors. {filler}"
    long_input = published_input(country="KEN", commission="ECA", language="en", text=text)

    [result] = highlighted([long_input.pk], "corridors")

    assert "<mark>corridors</mark>" in result.excerpt
    assert "remittances through formal <mark>corridors</mark>" in result.excerpt
    assert len(result.excerpt) < 600


def test_the_filters_list_a_renamed_country_at_once(client, library):
    search_page(client, q="remittances")
    country = Country.objects.get(iso3="PHL")
    country.name_en = "Republic of the Philippines"
    country.save()

    html = search_page(client, q="remittances", commission="ESCAP").content.decode()

    assert '<option value="PHL">Republic of the Philippines</option>' in html


def test_search_page_in_arabic_reads_right_to_left(client, library):
    response = client.get("/ar/knowledge/search/", {"q": "التعاون"})

    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert [result.publication for result in response.context["results"]] == [library["ar"]]
    assert 'lang="ar" dir="auto"' in html
