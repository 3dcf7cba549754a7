"""The scale data publishes on the knowledge platform what publishing would: the same rows, the
same copied facts, the sources' statuses in step, a few withdrawn with their reason."""

import pytest
from django.core.management import call_command

from knowledge import scale, sources
from knowledge.enums import PublicationAction, PublicationKind, PublicationStatus
from knowledge.models import Publication, PublicationEvent
from knowledge.push.models import Delivery
from knowledge.search import search_publications
from reports.enums import ReportStatus, VersionKind
from reports.models import LanguageVersion
from reviews.enums import Visibility
from reviews.models import ReviewDocument
from reviews.scale import CYCLES
from submissions.enums import AuditAction, SubmissionStatus
from submissions.models import Submission


def _load(replace: bool = False) -> None:
    call_command("load_scale", scale=0.02, seed=7, replace=replace, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def scale_data(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    _load()


def _scale_publications():
    return Publication.objects.filter(review__cycle__slug__startswith="scale-")


def _snapshot() -> list[tuple]:
    return sorted(
        _scale_publications().values_list(
            "kind",
            "title",
            "language",
            "status",
            "withdrawal_reason",
            "submission__country__iso3",
            "report_version__language",
        )
    )


def test_scale_publishes_every_kind_and_keeps_them_public(scale_data):
    publications = _scale_publications()
    kinds = set(publications.values_list("kind", flat=True))
    assert kinds == {PublicationKind.REPORT, PublicationKind.SUBMISSION, PublicationKind.DOCUMENT}
    published = publications.filter(status=PublicationStatus.PUBLISHED)
    assert published.count() == publications.public().count() > 0
    assert not publications.filter(title="").exists()
    assert not publications.filter(text="").exists()
    assert scale.loaded()


def test_scale_copies_what_publishing_copies(scale_data):
    for publication in _scale_publications().with_sources():
        copied = sources.source_of(publication)
        assert (publication.title, publication.language, publication.text) == (
            copied.title[:500],
            copied.language,
            copied.text,
        )
        assert (publication.input_kind, publication.country_id) == (
            copied.input_kind,
            copied.country_id,
        )
        assert sorted(publication.objectives.values_list("pk", flat=True)) == sorted(
            copied.objective_ids
        )


def test_scale_keeps_the_sources_in_step(scale_data):
    scale_inputs = Submission.objects.filter(review__cycle__slug__startswith="scale-")
    publications = _scale_publications()
    published = publications.filter(status=PublicationStatus.PUBLISHED)
    withdrawn = publications.filter(status=PublicationStatus.WITHDRAWN)
    # Every input marked published is on the platform, and only those.
    assert set(scale_inputs.filter(status=SubmissionStatus.PUBLISHED)) == {
        p.submission for p in published.filter(kind=PublicationKind.SUBMISSION)
    }
    assert {p.submission.status for p in withdrawn.filter(kind=PublicationKind.SUBMISSION)} == {
        SubmissionStatus.ACCEPTED
    }
    assert {p.document.visibility for p in published.filter(kind=PublicationKind.DOCUMENT)} == {
        Visibility.PUBLIC
    }
    assert {p.document.visibility for p in withdrawn.filter(kind=PublicationKind.DOCUMENT)} == {
        Visibility.PARTICIPANTS
    }
    public_documents = ReviewDocument.objects.filter(
        review__cycle__slug__startswith="scale-", visibility=Visibility.PUBLIC
    )
    assert set(public_documents) == {
        p.document for p in published.filter(kind=PublicationKind.DOCUMENT)
    }
    # The earlier cycles' reports are published, every language version of them; the latest
    # cycle's stay drafts.
    versions = LanguageVersion.objects.filter(report__review__cycle__slug__startswith="scale-")
    earlier = versions.exclude(report__review__cycle__slug=CYCLES[-1][0])
    assert set(earlier.values_list("report__status", "kind")) <= {
        (ReportStatus.PUBLISHED, VersionKind.ORIGINAL),
        (ReportStatus.PUBLISHED, VersionKind.OFFICIAL),
    }
    assert set(earlier) == {p.report_version for p in published.filter(kind="report")}
    latest = versions.filter(report__review__cycle__slug=CYCLES[-1][0])
    assert set(latest.values_list("report__status", flat=True)) == {ReportStatus.DRAFT}


def test_scale_withdraws_a_few_with_their_reason_and_publishes_some_again(scale_data):
    publications = _scale_publications().prefetch_related("events")
    withdrawn = [p for p in publications if p.status == PublicationStatus.WITHDRAWN]
    again = [p for p in publications if p.events.count() == 3]
    assert {p.kind for p in withdrawn} == {PublicationKind.SUBMISSION, PublicationKind.DOCUMENT}
    assert {p.kind for p in again} == {PublicationKind.SUBMISSION, PublicationKind.DOCUMENT}
    for publication in withdrawn:
        assert publication.withdrawal_reason
        assert publication.withdrawn_at > publication.published_at
    for publication in publications:
        history = sorted(publication.events.all(), key=lambda event: event.created_at)
        expected = [PublicationAction.PUBLISHED, PublicationAction.WITHDRAWN]
        assert [e.action for e in history] == (expected * 2)[: len(history)]
        assert history[-1].action == publication.status
        assert history[0].actor is not None
    for publication in again:
        assert publication.status == PublicationStatus.PUBLISHED
        assert publication.published_at == max(e.created_at for e in publication.events.all())
    for publication in [p for p in again if p.kind == PublicationKind.SUBMISSION]:
        audit = publication.submission.audit_events.filter(
            action__in=[AuditAction.PUBLISHED, AuditAction.UNPUBLISHED]
        ).order_by("pk")
        assert list(audit.values_list("action", flat=True))[-2:] == [
            AuditAction.UNPUBLISHED,
            AuditAction.PUBLISHED,
        ]


def test_scale_publications_are_found_by_search(scale_data):
    publication = (
        _scale_publications()
        .filter(status=PublicationStatus.PUBLISHED, kind=PublicationKind.DOCUMENT)
        .order_by("pk")
        .first()
    )
    word = max(publication.title.split(), key=len).strip(".,;:")
    found = search_publications(word, Publication.objects.public())
    assert publication in found


def test_scale_publications_are_the_same_for_the_same_seed(scale_data):
    first = _snapshot()
    _load(replace=True)
    assert _snapshot() == first
    scale.reset()
    assert not scale.loaded()


def test_scale_pushed_every_publication_and_withdrawal(scale_data):
    """One delivery per event, carrying the body the push sends of it; all delivered but a few
    that failed after their attempts, with the platform's last answer."""
    events = PublicationEvent.objects.filter(publication__in=_scale_publications())
    deliveries = Delivery.objects.filter(publication__in=_scale_publications())
    assert sorted(deliveries.values_list("publication_id", "action")) == sorted(
        events.values_list("publication_id", "action")
    )
    for delivery in deliveries.select_related("publication"):
        assert delivery.payload["delivery"] == delivery.pk
        assert delivery.payload["event"] == f"publication.{delivery.action}"
        assert delivery.payload["publication"]["id"] == delivery.publication_id
        if delivery.status == Delivery.Status.FAILED:
            assert delivery.last_error and delivery.delivered_at is None
        else:
            assert delivery.status == Delivery.Status.DELIVERED
            assert delivery.last_status_code == 200 and delivery.delivered_at
    assert deliveries.filter(status=Delivery.Status.DELIVERED).count() > deliveries.count() / 2
