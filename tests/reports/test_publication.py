"""A published report is read on the review's public page, in its final language versions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reference.models import Commission
from reports import services
from reports.enums import ReportStatus, VersionKind
from stakeholders.enums import NameVisibility, RegistrationStatus
from stakeholders.registration import decide_registration, register
from tests.factories import commission_secretariat
from tests.reports.report_builders import meeting, programme, write_sections
from tests.stakeholders.builders import open_review, participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECLAC"))


@pytest.fixture
def report(secretariat):
    report = services.start_report(review=open_review("ECLAC"), language="en", actor=secretariat)
    write_sections(
        report.languages.get(), secretariat, "<p>Regular pathways widened across the region.</p>"
    )
    spanish = services.add_language_version(report=report, language="es", actor=secretariat)
    write_sections(spanish, secretariat, "<p>Se ampliaron las vías regulares.</p>")
    services.set_version_kind(version=spanish, kind=VersionKind.OFFICIAL, actor=secretariat)
    french = services.add_language_version(report=report, language="fr", actor=secretariat)
    write_sections(french, secretariat, "<p>Brouillon de traduction.</p>")
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    return report


def public_page(client, report):
    return client.get(reverse("reviews:review", args=[report.review_id])).content.decode()


def published(client, report, language):
    return client.get(reverse("reports:published", args=[report.review_id, language]))


def test_an_unpublished_report_is_nowhere_in_public(client, report):
    assert "Outcome report" not in public_page(client, report)
    assert published(client, report, "en").status_code == 404


def test_publishing_shows_the_final_versions_and_labels_the_pending_one(
    client, report, secretariat
):
    public_page(client, report)  # kept in the cache before the report is published
    services.set_report_status(report=report, status=ReportStatus.PUBLISHED, actor=secretariat)
    page = public_page(client, report)
    assert "Outcome report" in page
    assert f'href="{reverse("reports:published", args=[report.review_id, "en"])}"' in page
    assert f'href="{reverse("reports:published", args=[report.review_id, "es"])}"' in page
    assert reverse("reports:published", args=[report.review_id, "fr"]) not in page
    assert "translation pending" in page
    english = published(client, report, "en").content.decode()
    assert "Regular pathways widened across the region." in english
    assert "Se ampliaron las vías regulares." in published(client, report, "es").content.decode()


def test_a_pending_translation_is_never_published(client, report, secretariat):
    services.set_report_status(report=report, status=ReportStatus.PUBLISHED, actor=secretariat)
    assert published(client, report, "fr").status_code == 404
    client.force_login(secretariat)
    assert published(client, report, "fr").status_code == 404


def test_withdrawing_the_publication_hides_it_again(client, report, secretariat):
    services.set_report_status(report=report, status=ReportStatus.PUBLISHED, actor=secretariat)
    assert published(client, report, "en").status_code == 200
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    assert published(client, report, "en").status_code == 404
    assert "Outcome report" not in public_page(client, report)


def test_the_published_report_queries_do_not_grow_with_the_annex(
    client, report, secretariat, settings
):
    # No kept body: the page is rendered from the data each time.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    services.set_report_status(report=report, status=ReportStatus.PUBLISHED, actor=secretariat)
    review = report.review
    event = meeting(review)

    def grow(number):
        programme(review)
        registration = register(
            event=event,
            user=participant(name=f"Participant {number}", visibility=NameVisibility.EVERYONE),
        )
        decide_registration(
            registration=registration, decision=RegistrationStatus.APPROVED, actor=secretariat
        )

    def count():
        with CaptureQueriesContext(connection) as queries:
            page = published(client, report, "en")
        assert page.status_code == 200
        return len(queries.captured_queries), page.content.decode()

    grow(1)
    small, _page = count()
    grow(2)
    grow(3)
    large, page = count()
    assert large == small
    assert "Participant 3" in page
