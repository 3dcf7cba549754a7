"""The portal's pages: the same number of queries whatever is published, and the PDF served."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from knowledge.enums import PublicationKind
from knowledge.models import Publication
from reference.models import Commission
from tests.factories import commission_secretariat
from tests.knowledge.builders import final_report, publish, shared_document
from tests.reports.report_builders import accepted_voluntary_review
from tests.stakeholders.builders import open_review

pytestmark = pytest.mark.django_db

COUNTRIES = ["MEX", "ARG", "BRA", "CHL", "COL", "PER"]


@pytest.fixture
def no_cache(settings):
    # Every page rendered from the data, as on a cold cache.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def shelf(reference_data):
    review = open_review("ECLAC")
    secretariat = commission_secretariat(Commission.objects.get(code="ECLAC"))
    report = final_report(
        review, secretariat, {"en": "<p>Findings.</p>", "es": "<p>Hallazgos.</p>"}
    )
    publish(report.languages.get(language="en"), secretariat)

    def grow(countries):
        for iso3 in countries:
            publish(
                accepted_voluntary_review(
                    review, iso3, {5: ("in_progress", f"{iso3} works with employers.", "")}
                ),
                secretariat,
            )
            publish(shared_document(review, f"Statement of {iso3}"), secretariat)

    return SimpleNamespace(review=review, report=report, secretariat=secretariat, grow=grow)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def test_every_portal_page_keeps_its_number_of_queries(client, shelf, no_cache):
    shelf.grow(COUNTRIES[:1])
    item = Publication.objects.filter(kind=PublicationKind.SUBMISSION).first()
    urls = [
        reverse("knowledge:portal"),
        reverse("knowledge:browse"),
        reverse("knowledge:browse") + "?commission=ECLAC&objective=5",
        reverse("knowledge:browse_csv"),
        reverse("knowledge:review", args=[shelf.review.pk]),
        reverse("knowledge:objective", args=[5]),
        reverse("knowledge:publication", args=[item.pk]),
        reverse("knowledge:feed"),
        reverse("knowledge:commission_feed", args=["ECLAC"]),
        "/sitemap.xml",
        "/sitemap-publications.xml",
    ]
    small = {url: queries(client, url) for url in urls}
    shelf.grow(COUNTRIES[1:])
    large = {url: queries(client, url) for url in urls}
    assert large == small
    page = client.get(reverse("knowledge:objective", args=[5])).content.decode()
    assert all(f"{iso3} works with employers." in page for iso3 in COUNTRIES)


def test_a_published_report_s_pdf_is_made_once_and_served_to_everyone(
    client, shelf, django_capture_on_commit_callbacks
):
    english = Publication.objects.get(kind=PublicationKind.REPORT)
    url = reverse("knowledge:publication_pdf", args=[english.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
    assert first.status_code == 202  # being made: the page says so and looks again
    assert first["Retry-After"] == "10"
    assert "The PDF is being prepared" in first.content.decode()
    for _ in range(2):
        ready = client.get(url)
        assert ready.status_code == 200
        assert ready["Content-Type"] == "application/pdf"
        assert b"".join(ready.streaming_content).startswith(b"%PDF")
    from reports.models import RenderJob

    assert RenderJob.objects.filter(kind="report", object_id=shelf.review.pk).count() == 1


def test_a_document_has_no_pdf_of_its_own_and_a_report_no_file(client, shelf):
    shelf.grow(COUNTRIES[:1])
    document = Publication.objects.get(kind=PublicationKind.DOCUMENT)
    english = Publication.objects.get(kind=PublicationKind.REPORT)
    assert client.get(reverse("knowledge:publication_pdf", args=[document.pk])).status_code == 404
    assert (
        client.get(reverse("knowledge:publication_file", args=[english.pk, "en"])).status_code
        == 404
    )
    assert (
        client.get(reverse("knowledge:publication_file", args=[document.pk, "ar"])).status_code
        == 404
    )


def test_public_pages_carry_schema_org_metadata_that_cannot_break_out(client, shelf):
    document = publish(
        shared_document(shelf.review, "</script><script>alert(1)</script>"), shelf.secretariat
    )
    page = client.get(document.get_absolute_url()).content.decode()
    assert '<script type="application/ld+json">' in page
    assert "</script><script>alert(1)" not in page
    assert "\\u003C/script\\u003E" in page


def test_sitemap_names_each_publication_in_every_language_with_its_alternates(client, shelf):
    import re

    shelf.grow(COUNTRIES[:2])
    item = Publication.objects.filter(kind=PublicationKind.SUBMISSION).first()
    xml = client.get("/sitemap-publications.xml").content.decode()

    path = f"/knowledge/items/{item.pk}/"
    languages = ["ar", "zh-hans", "en", "fr", "ru", "es"]
    entries = re.findall(r"<url>(.*?)</url>", xml, re.S)
    mine = [entry for entry in entries if path in entry]
    assert [re.search(r"<loc>http://testserver/([^/]+)/", e)[1] for e in mine] == languages
    expected = [
        f'hreflang="{language}" href="http://testserver/{language}{path}"' for language in languages
    ] + [f'hreflang="x-default" href="http://testserver{path}"']
    for entry in mine:
        assert re.findall(r'hreflang="[^"]+" href="[^"]+"', entry) == expected


def test_objective_page_shows_each_region_and_the_start_of_what_each_input_says(client, shelf):
    long_narrative = "Employers sign fair recruitment pledges. " * 40 + "UNSEEN-TAIL"
    publish(
        accepted_voluntary_review(shelf.review, "MEX", {5: ("in_progress", long_narrative, "")}),
        shelf.secretariat,
    )
    # A region with an input on the objective but no published report of its own.
    other = open_review("ECA")
    eca = commission_secretariat(Commission.objects.get(code="ECA"))
    publish(
        accepted_voluntary_review(
            other, "MAR", {5: ("", "Bilateral <b>labour</b> agreements.", "")}
        ),
        eca,
    )

    page = client.get(reverse("knowledge:objective", args=[5])).content.decode()
    assert page.count("<section") == 2
    assert f'href="{reverse("knowledge:review", args=[other.pk])}"' in page
    shown = long_narrative[:399] + "…"
    assert shown in page and "UNSEEN-TAIL" not in page
    assert "Bilateral &lt;b&gt;labour&lt;/b&gt; agreements." in page
    mexico = Publication.objects.get(submission__country__iso3="MEX")
    assert f'href="{mexico.get_absolute_url()}#objective-5"' in page

    with translation.override("fr"):
        french = client.get(reverse("knowledge:objective", args=[5])).content.decode()
    assert "<strong>État de la mise en œuvre:</strong> en cours" in french


def test_sitemap_index_dates_each_page_of_publications_by_the_latest_change(client, shelf):
    shelf.grow(COUNTRIES[:2])
    latest = Publication.objects.public().latest("updated_at").updated_at
    Publication.objects.filter(kind=PublicationKind.DOCUMENT).update(
        updated_at=latest - timedelta(days=3)
    )
    newest = Publication.objects.public().latest("updated_at").updated_at
    xml = client.get("/sitemap.xml").content.decode()
    assert (
        f"<loc>http://testserver/sitemap-publications.xml</loc><lastmod>{newest.isoformat()}" in xml
    )
