"""The open data API: only what is public, in the language asked for, at a constant cost."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge import services
from knowledge.enums import PublicationKind
from reference.models import Commission
from reports import services as report_services
from reports.enums import ReportStatus
from reviews import services as review_services
from reviews.enums import DocumentKind, ReviewStatus, Visibility
from reviews.models import ReviewDocument
from submissions.enums import ImplementationStatus, SubmissionStatus
from submissions.models import Submission
from tests.factories import commission_secretariat, make_review
from tests.reports.report_builders import accepted_voluntary_review, write_sections

pytestmark = pytest.mark.django_db

LISTS = ["reviews", "publications", "reports", "submissions", "documents", "objectives"]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def public_review(code="ECLAC", slug="2020-2021"):
    return make_review(code, slug=slug, status=ReviewStatus.ANNOUNCED)


def secretariat(review):
    return commission_secretariat(Commission.objects.get(pk=review.commission_id))


def published_input(review, iso3, objectives=(1,)):
    """`iso3`'s voluntary review, accepted and published, reporting on `objectives`."""
    progress = {n: (ImplementationStatus.IN_PROGRESS, f"Narrative {iso3}", "") for n in objectives}
    submission = accepted_voluntary_review(review, iso3, progress)
    return services.publish(
        kind=PublicationKind.SUBMISSION, source=submission, actor=secretariat(review)
    )


def published_report(review, language="en"):
    actor = secretariat(review)
    report = report_services.start_report(review=review, language=language, actor=actor)
    version = report.languages.get()
    write_sections(version, actor)
    report_services.set_report_status(report=report, status=ReportStatus.FINAL, actor=actor)
    return services.publish(kind=PublicationKind.REPORT, source=version, actor=actor)


def shared_document(review, title="Concept note", visibility=Visibility.PUBLIC):
    document = review_services.save_document(
        document=ReviewDocument(
            review=review, kind=DocumentKind.CONCEPT_NOTE, title=title, visibility=visibility
        )
    )
    review_services.add_document_version(
        document=document,
        language="fr",
        upload=SimpleUploadedFile("note.pdf", PDF, content_type="application/pdf"),
        actor=secretariat(review),
    )
    return document


def published_document(review, title="Concept note"):
    return services.publish(
        kind=PublicationKind.DOCUMENT,
        source=shared_document(review, title),
        actor=secretariat(review),
    )


def get(client, route, *, pk=None, **params):
    name = f"api:{route}-list" if pk is None else f"api:{route}-detail"
    kwargs = {} if pk is None else {"number" if route == "objectives" else "pk": pk}
    return client.get(reverse(name, kwargs=kwargs), params)


def ids(response) -> list:
    assert response.status_code == 200, response.content
    return [row.get("id", row.get("number")) for row in response.json()["results"]]


def every_public_thing():
    """One review of ECLAC with one published thing of each kind: Mexico's input (objectives
    1 and 5), the English report, a French concept note."""
    review = public_review()
    return review, {
        "input": published_input(review, "MEX", (1, 5)),
        "report": published_report(review),
        "document": published_document(review),
    }


def test_each_list_shows_its_kind_with_its_fields(client, reference_data):
    review, published = every_public_thing()
    item, report, document = published["input"], published["report"], published["document"]

    assert get(client, "submissions").json()["results"] == [
        {
            "id": item.pk,
            "review": review.pk,
            "input_kind": "member_state",
            "country": "MEX",
            "language": "en",
            "title": "Voluntary GCM review: Mexico",
            "objectives": [1, 5],
            "published_at": item.published_at.isoformat().replace("+00:00", "Z"),
            "url": f"http://testserver/api/v1/submissions/{item.pk}/",
            "portal_url": f"http://testserver/en/knowledge/items/{item.pk}/",
        }
    ]
    # The text is in the input's own answer, not in lists.
    assert get(client, "submissions", pk=item.pk).json()["text"] == item.text
    assert get(client, "reports", pk=report.pk).json() == {
        "id": report.pk,
        "review": review.pk,
        "language": "en",
        "version_kind": "original",
        "title": "Outcome report: Regional review ECLAC",
        "objectives": list(range(1, 24)),
        "published_at": report.published_at.isoformat().replace("+00:00", "Z"),
        "url": f"http://testserver/api/v1/reports/{report.pk}/",
        "portal_url": f"http://testserver/en/knowledge/items/{report.pk}/",
        "pdf_url": f"http://testserver/en/knowledge/items/{report.pk}/pdf/",
    }
    assert get(client, "documents").json()["results"][0] | {"published_at": None} == {
        "id": document.pk,
        "review": review.pk,
        "document_kind": "concept_note",
        "language": "fr",
        "title": "Concept note",
        "published_at": None,
        "url": f"http://testserver/api/v1/documents/{document.pk}/",
        "portal_url": f"http://testserver/en/knowledge/items/{document.pk}/",
        "file_url": f"http://testserver/en/knowledge/items/{document.pk}/files/fr/",
    }
    # Newest first, every kind together.
    assert ids(get(client, "publications")) == [document.pk, report.pk, item.pk]
    [listed] = get(client, "reviews").json()["results"]
    assert listed == {
        "id": review.pk,
        "title": "Regional review ECLAC",
        "cycle": {"slug": "2020-2021", "title": "Cycle 2020-2021"},
        "commission": {
            "code": "ECLAC",
            "name": "Economic Commission for Latin America and the Caribbean",
        },
        "status": "announced",
        "meeting_start": "2020-11-12",
        "meeting_end": "2020-11-13",
        "venue": "",
        "url": f"http://testserver/api/v1/reviews/{review.pk}/",
        "portal_url": f"http://testserver/en/knowledge/reviews/{review.pk}/",
        "publications": [
            {
                "id": item.pk,
                "kind": "submission",
                "url": f"http://testserver/api/v1/submissions/{item.pk}/",
                "portal_url": f"http://testserver/en/knowledge/items/{item.pk}/",
            },
            {
                "id": report.pk,
                "kind": "report",
                "url": f"http://testserver/api/v1/reports/{report.pk}/",
                "portal_url": f"http://testserver/en/knowledge/items/{report.pk}/",
            },
            {
                "id": document.pk,
                "kind": "document",
                "url": f"http://testserver/api/v1/documents/{document.pk}/",
                "portal_url": f"http://testserver/en/knowledge/items/{document.pk}/",
            },
        ],
    }
    counts = {
        row["number"]: row["public_publications"]
        for row in get(client, "objectives").json()["results"]
    }
    assert (counts[1], counts[5], counts[2]) == (2, 2, 1)


def test_nothing_that_is_not_public_appears_anywhere(client, reference_data):
    review, published = every_public_thing()
    actor = secretariat(review)
    # Never published: a draft, a returned input, a document for the secretariat only.
    accepted_voluntary_review(review, "BRA", {1: (ImplementationStatus.IN_PROGRESS, "Brazil", "")})
    Submission.objects.filter(pk=accepted_voluntary_review(review, "ARG", {}).pk).update(
        status=SubmissionStatus.RETURNED
    )
    Submission.objects.filter(country__iso3="BRA").update(
        status=SubmissionStatus.DRAFT, submitted_at=None
    )
    shared_document(review, "Internal note", Visibility.SECRETARIAT)
    # Published, then withdrawn.
    withdrawn_input = published_input(review, "CHL", (7,))
    services.withdraw(publication=withdrawn_input, actor=actor, reason="Asked by the State")
    withdrawn_document = published_document(review, "Withdrawn note")
    services.withdraw(publication=withdrawn_document, actor=actor, reason="Superseded")
    # Published in a review that went back to being a draft.
    hidden_review = public_review("ESCAP")
    of_hidden_review = published_input(hidden_review, "PHL", (7,))
    review_services.set_review_status(
        review=hidden_review, status=ReviewStatus.DRAFT, actor=secretariat(hidden_review)
    )
    # And a review never announced.
    make_review("ECA")

    public = {p.pk for p in published.values()}
    hidden = {withdrawn_input.pk, withdrawn_document.pk, of_hidden_review.pk}
    filters = [
        {},
        {"commission": "ESCAP"},
        {"commission": "ECLAC"},
        {"cycle": "2020-2021"},
        {"objective": 7},
        {"country": "CHL"},
        {"country": "PHL"},
        {"country": "BRA"},
        {"kind": "submission"},
        {"input_kind": "member_state"},
        {"language": "fr"},
        {"page_size": 200},
    ]
    seen = set()
    for route in ["publications", "reports", "submissions", "documents"]:
        for params in filters:
            response = get(client, route, **params)
            body = response.content.decode()
            for secret in (
                "Brazil",
                "Argentina",
                "Chile",
                "Philippines",
                "Internal note",
                "Withdrawn",
            ):
                assert secret not in body, (route, params)
            seen |= set(ids(response))
        for pk in hidden:
            assert get(client, route, pk=pk).status_code == 404
    assert seen == public
    assert ids(get(client, "reviews")) == [review.pk]
    assert get(client, "reviews", pk=hidden_review.pk).status_code == 404
    counts = {
        row["number"]: row["public_publications"]
        for row in get(client, "objectives").json()["results"]
    }
    assert counts[7] == 1  # the report; neither Chile's withdrawn input nor the Philippines'
    assert get(client, "objectives", pk=7).json()["public_publications"] == 1


def test_lists_filter_with_the_publication_filter(client, reference_data):
    _review, published = every_public_thing()
    other = published_input(public_review("ESCAP", slug="2024-2025"), "PHL", (2,))

    assert ids(get(client, "publications", commission="ESCAP")) == [other.pk]
    assert ids(get(client, "publications", cycle="2024-2025")) == [other.pk]
    assert ids(get(client, "submissions", country="MEX")) == [published["input"].pk]
    assert ids(get(client, "publications", objective=2)) == [other.pk, published["report"].pk]
    assert ids(get(client, "publications", kind="document")) == [published["document"].pk]
    assert ids(get(client, "publications", language="fr")) == [published["document"].pk]
    assert ids(get(client, "publications", input_kind="member_state", commission="ECLAC")) == [
        published["input"].pk
    ]


def test_an_unknown_filter_value_or_language_is_refused(client, reference_data):
    every_public_thing()

    assert get(client, "publications", commission="XYZ").status_code == 400
    response = get(client, "objectives", lang="de")
    assert (response.status_code, list(response.json())) == (400, ["lang"])


def test_translated_fields_follow_lang_or_accept_language(client, reference_data):
    every_public_thing()
    french = "Collecter et utiliser des données précises et ventilées"

    by_parameter = get(client, "objectives", pk=1, lang="fr")
    by_header = client.get(
        reverse("api:objectives-detail", kwargs={"number": 1}), headers={"accept-language": "fr"}
    )
    in_english = get(client, "objectives", pk=1)

    assert by_parameter.json()["title"].startswith(french)
    assert by_parameter["Content-Language"] == "fr"
    assert by_header.json()["title"].startswith(french)
    assert "Accept-Language" in by_header["Vary"]
    assert in_english.json()["title"].startswith("Collect and utilize")
    [review] = get(client, "reviews", lang="es").json()["results"]
    assert review["commission"]["name"] == "Comisión Económica para América Latina y el Caribe"


def test_pages_hold_fifty_by_default_and_at_most_two_hundred(client, reference_data):
    every_public_thing()

    default = get(client, "objectives")
    small = get(client, "objectives", page_size=10, page=2)
    capped = get(client, "objectives", page_size=1000)

    assert (default.json()["count"], len(default.json()["results"])) == (23, 23)
    assert ids(small) == list(range(11, 21))
    assert small.json()["next"] == "http://testserver/api/v1/objectives/?page=3&page_size=10"
    assert small.json()["previous"] == "http://testserver/api/v1/objectives/?page_size=10"
    assert len(capped.json()["results"]) == 23
    assert get(client, "objectives", page=9).status_code == 404


def queries_per_list(client) -> dict[str, int]:
    counts = {}
    for route in LISTS:
        cache.clear()  # a cold answer: a kept one costs no query at all
        with CaptureQueriesContext(connection) as queries:
            assert get(client, route).status_code == 200
        counts[route] = len(queries)
    return counts


def test_every_list_costs_the_same_queries_whatever_it_holds(client, reference_data):
    review, _published = every_public_thing()
    small = queries_per_list(client)
    for iso3 in ("ARG", "BRA", "CHL"):
        published_input(review, iso3, (2, 3, 4))
    published_document(review, "Agenda")
    larger = public_review("ESCAP")
    published_report(larger)
    published_input(larger, "PHL")

    assert (
        queries_per_list(client)
        == small
        == {
            "reviews": 3,
            "publications": 3,
            "reports": 3,
            "submissions": 3,
            "documents": 3,
            "objectives": 2,
        }
    )


def test_a_kept_answer_is_gone_as_soon_as_its_item_is_withdrawn(client, reference_data):
    review, published = every_public_thing()
    item = published["input"]
    assert item.pk in ids(get(client, "publications"))

    with CaptureQueriesContext(connection) as queries:
        kept = get(client, "publications")
    services.withdraw(publication=item, actor=secretariat(review), reason="Asked by the State")

    assert (len(queries), item.pk in ids(kept)) == (0, True)
    assert item.pk not in ids(get(client, "publications"))
    assert get(client, "submissions", pk=item.pk).status_code == 404
    [listed] = get(client, "reviews").json()["results"]
    assert item.pk not in [row["id"] for row in listed["publications"]]


def test_an_id_survives_withdrawal_and_publication_again(client, reference_data):
    review, published = every_public_thing()
    item = published["input"]
    services.withdraw(publication=item, actor=secretariat(review), reason="A correction")

    again = services.publish(
        kind=PublicationKind.SUBMISSION, source=item.submission, actor=secretariat(review)
    )

    assert again.pk == item.pk
    assert get(client, "submissions", pk=item.pk).json()["id"] == item.pk


def test_too_many_requests_are_refused_with_when_to_retry(client, reference_data, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/min"},
    }

    answers = [get(client, "objectives").status_code for _ in range(3)]
    refused = get(client, "reviews")

    assert answers == [200, 200, 429]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60


def test_the_api_reads_no_session_and_sets_no_cookie(reference_data):
    from django.test import Client

    from tests.factories import UserFactory

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())

    answer = get(client, "publications")
    post = client.post(reverse("api:publications-list"))

    assert answer.status_code == 200
    assert "Cookie" not in answer.get("Vary", "")
    assert not answer.cookies
    assert post.status_code == 405  # not 403: no CSRF check, nothing to write


def test_the_schema_is_served_as_yaml_and_json_and_is_valid(client, reference_data):
    from drf_spectacular.validation import validate_schema

    as_yaml = client.get(reverse("api:schema"))
    as_json = client.get(reverse("api:schema"), {"format": "json"})

    assert as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert as_json["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = as_json.json()
    validate_schema(schema)
    assert sorted(schema["paths"]) == [
        "/api/v1/documents/",
        "/api/v1/documents/{id}/",
        "/api/v1/objectives/",
        "/api/v1/objectives/{number}/",
        "/api/v1/publications/",
        "/api/v1/publications/{id}/",
        "/api/v1/reports/",
        "/api/v1/reports/{id}/",
        "/api/v1/reviews/",
        "/api/v1/reviews/{id}/",
        "/api/v1/submissions/",
        "/api/v1/submissions/{id}/",
    ]


def test_the_docs_page_loads_nothing_from_elsewhere(client, reference_data):
    page = client.get(reverse("api:docs"))
    script = client.get(reverse("api:docs"), {"script": ""})

    html = page.content.decode()
    assert page.status_code == script.status_code == 200
    assert "https://" not in html and "http://" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert reverse("api:schema") in script.content.decode()
    # Its only inline styles carry the nonce the Content Security Policy allows.
    nonce = page["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in html


def test_portal_links_point_to_the_portal_in_the_language_asked_for(client, reference_data):
    review, published = every_public_thing()
    report, document = published["report"], published["document"]

    [listed] = get(client, "reviews", lang="fr").json()["results"]
    in_spanish = get(client, "reports", pk=report.pk, lang="es").json()
    file = get(client, "documents", pk=document.pk).json()

    assert listed["portal_url"] == f"http://testserver/fr/knowledge/reviews/{review.pk}/"
    assert (
        listed["publications"][1]["portal_url"]
        == f"http://testserver/fr/knowledge/items/{report.pk}/"
    )
    assert (in_spanish["portal_url"], in_spanish["pdf_url"]) == (
        f"http://testserver/es/knowledge/items/{report.pk}/",
        f"http://testserver/es/knowledge/items/{report.pk}/pdf/",
    )
    assert file["file_url"] == f"http://testserver/en/knowledge/items/{document.pk}/files/fr/"
    # Each address answers.
    for url in (listed["portal_url"], in_spanish["portal_url"], file["file_url"]):
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
