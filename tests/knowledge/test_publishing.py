"""Publishing and withdrawing: what the public sees follows at once, and the record keeps why."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from knowledge import services
from knowledge.enums import PublicationKind, PublicationStatus
from knowledge.models import Publication
from reference.models import Commission
from reports.enums import ReportStatus
from reviews.enums import Visibility
from submissions.enums import AuditAction, SubmissionStatus
from tests.factories import commission_secretariat
from tests.knowledge.builders import published_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data):
    return published_world()


def public_pages(world) -> dict[str, str]:
    urls = [
        reverse("knowledge:portal"),
        reverse("knowledge:browse"),
        reverse("knowledge:review", args=[world.review.pk]),
        reverse("knowledge:objective", args=[5]),
        reverse("knowledge:feed"),
        reverse("knowledge:commission_feed", args=["ECLAC"]),
        reverse("knowledge:browse_csv"),
        reverse("reviews:review", args=[world.review.pk]),
        "/sitemap.xml",
        "/sitemap-publications.xml",
    ]
    from django.test import Client

    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


def test_a_published_report_shows_on_every_public_page_and_vanishes_when_withdrawn(world, client):
    english_url = world.english.get_absolute_url()
    before = public_pages(world)  # kept in the cache before the withdrawal
    for url, page in before.items():
        # The report covers the round tables' objectives; the index lists the sitemap's sections.
        if "/objectives/" not in url and url != "/sitemap.xml":
            assert english_url in page, url
    page = client.get(english_url)
    assert page.status_code == 200
    assert "Regular pathways widened across the region." in page.content.decode()

    services.withdraw(publication=world.english, actor=world.secretariat, reason="A wrong annex")

    assert client.get(english_url).status_code == 404
    for url, page in public_pages(world).items():
        assert english_url not in page, url
    # The Spanish version is still published, so the report is too.
    world.report.refresh_from_db()
    assert world.report.status == ReportStatus.PUBLISHED
    services.withdraw(publication=world.spanish, actor=world.secretariat, reason="Same error")
    world.report.refresh_from_db()
    assert world.report.status == ReportStatus.FINAL
    record = Publication.objects.get(pk=world.english.pk)
    assert record.status == PublicationStatus.WITHDRAWN
    assert record.withdrawal_reason == "A wrong annex"
    assert list(record.events.values_list("action", "reason")) == [
        ("withdrawn", "A wrong annex"),
        ("published", ""),
    ]


def test_publishing_again_keeps_the_same_address(world, client):
    address = world.english.get_absolute_url()
    services.withdraw(publication=world.english, actor=world.secretariat, reason="Typo")
    again = services.publish(
        kind=PublicationKind.REPORT, source=world.english.report_version, actor=world.secretariat
    )
    assert again.get_absolute_url() == address
    assert again.withdrawal_reason == ""
    assert client.get(address).status_code == 200


def test_what_is_never_public_is_on_no_public_page(world, client):
    for url, page in public_pages(world).items():
        for text in world.hidden_texts:
            assert text not in page, (url, text)
    for publication in Publication.objects.exclude(status=PublicationStatus.PUBLISHED):
        assert client.get(publication.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "commission=ECLAC",
        "kind=submission",
        "input_kind=member_state",
        "country=ARG",
        "country=COL",
        "objective=5",
        "language=en",
        "cycle=2024-2025",
    ],
)
def test_no_filter_reveals_what_is_not_public(world, client, query):
    for url in (reverse("knowledge:browse"), reverse("knowledge:browse_csv")):
        page = client.get(f"{url}?{query}").content.decode()
        for text in [
            *world.hidden_texts,
            *(f"Voluntary GCM review: {name}" for name in ("Argentina", "Colombia", "Peru")),
        ]:
            assert text not in page, (url, query, text)


def test_a_pending_translation_cannot_be_published(world):
    pending = world.report.languages.get(language="fr")
    with pytest.raises(ValidationError, match="pending translation"):
        services.publish(kind=PublicationKind.REPORT, source=pending, actor=world.secretariat)


def test_an_input_goes_back_to_accepted_when_withdrawn_with_its_reason_audited(world):
    submission = world.mexico.submission
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PUBLISHED
    services.withdraw(
        publication=world.mexico, actor=world.secretariat, reason="Asked by the State"
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED
    event = submission.audit_events.order_by("-pk").first()
    assert (event.action, event.detail) == (AuditAction.UNPUBLISHED, "Asked by the State")


def test_a_withdrawn_document_is_no_longer_shared_with_the_public(world, client):
    document = world.document.document
    file_url = reverse("knowledge:publication_file", args=[world.document.pk, "en"])
    response = client.get(file_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    services.withdraw(publication=world.document, actor=world.secretariat, reason="Superseded")
    document.refresh_from_db()
    assert document.visibility == Visibility.PARTICIPANTS
    assert client.get(file_url).status_code == 404
    assert client.get(reverse("reviews:document", args=[document.pk])).status_code in (302, 404)


def test_a_renamed_document_is_listed_by_its_new_title_at_the_same_address(world, client):
    document = world.document.document
    document.title = "Concept note, revised"
    document.save()
    page = client.get(reverse("knowledge:review", args=[world.review.pk])).content.decode()
    assert "Concept note, revised" in page
    assert client.get(world.document.get_absolute_url()).status_code == 200


def test_withdrawing_needs_a_reason_and_keeps_what_was_typed(world, client):
    client.force_login(world.secretariat)
    url = reverse("knowledge:withdraw", args=[world.review.pk, world.mexico.pk])
    response = client.post(url, {f"withdraw-{world.mexico.pk}-reason": "   "})
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert Publication.objects.get(pk=world.mexico.pk).status == PublicationStatus.PUBLISHED
    response = client.post(url, {f"withdraw-{world.mexico.pk}-reason": "Asked by the State"})
    assert response.status_code == 302
    assert Publication.objects.get(pk=world.mexico.pk).status == PublicationStatus.WITHDRAWN


def test_the_publishing_tab_lists_what_may_be_published_and_why_not(world, client):
    client.force_login(world.secretariat)
    page = client.get(reverse("knowledge:manage", args=[world.review.pk])).content.decode()
    assert "A pending translation cannot be published." in page
    assert "Internal budget note" not in page  # the secretariat's own documents are not offered
    assert page.count('name="kind" value="submission"') == 1  # Colombia's, withdrawn: again


def test_another_commission_cannot_publish_or_withdraw(world, client):
    other = commission_secretariat(Commission.objects.get(code="ECE"))
    client.force_login(other)
    spanish = world.spanish
    assert client.get(reverse("knowledge:manage", args=[world.review.pk])).status_code == 404
    response = client.post(
        reverse("knowledge:withdraw", args=[world.review.pk, spanish.pk]),
        {f"withdraw-{spanish.pk}-reason": "No"},
    )
    assert response.status_code == 404
    assert Publication.objects.get(pk=spanish.pk).status == PublicationStatus.PUBLISHED


def test_the_report_page_no_longer_offers_to_publish_directly(world, client):
    client.force_login(world.secretariat)
    page = client.get(reverse("reports:report", args=[world.review.pk])).content.decode()
    assert 'name="status" value=' not in page  # published: only withdrawing its versions moves it
    response = client.post(
        reverse("reports:status", args=[world.review.pk]),
        {"current": "published", "status": "final"},
    )
    assert response.status_code == 302
    world.report.refresh_from_db()
    assert world.report.status == ReportStatus.PUBLISHED
