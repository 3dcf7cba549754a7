"""Scale data for the knowledge platform: what the secretariats have published of the scale
reviews, as `knowledge.services.publish` and `withdraw` would leave it, written in bulk.

Published: every input the scale data marks published, most accepted ones (the rest wait), every
public document, and every language version of the outcome reports of the earlier cycles, which
are first made final through the reports' services (the scale data writes them as drafts with
pending translations; the latest cycle's reports stay drafts). A few percent of the inputs and
documents were withdrawn with a reason, and some of those published again: same row, its events
in order. What each row copies (title, language, text, kind of input, country, objectives) comes
from `knowledge.sources`, called per source as publishing calls it.

Every publication and withdrawal was pushed to the external platform: one Delivery each, with the
body the push would have sent, almost all delivered within a minute, a few failed after their
attempts with the platform's last answer.

Bulk inserts send no signals: no push to an external platform is queued, and the data versions
are moved here.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.enums import Role
from accounts.models import RoleAssignment, User
from core.scaletext import TextPool
from core.versions import EVERYTHING, PUBLIC, bump, review_scope
from knowledge import sources
from knowledge.enums import PublicationAction, PublicationKind, PublicationStatus
from knowledge.models import SOURCE_FIELDS, Publication, PublicationEvent
from knowledge.push import services as push_services
from knowledge.push.models import DELIVERIES, Delivery
from knowledge.search import store_vectors
from reports import services as report_services
from reports.enums import ReportStatus, VersionKind
from reports.models import LanguageVersion, Report
from reviews.enums import ReviewStatus, Visibility
from reviews.models import RegionalReview, ReviewDocument
from reviews.scale import CYCLES
from submissions.enums import AuditAction, SubmissionStatus
from submissions.models import AuditEvent, Submission

BATCH = 1_000
DAY = 24 * 60  # minutes
# Of the accepted inputs, the share the secretariat has published; the rest wait.
ACCEPTED_PUBLISHED = 0.85
# Of the published inputs and of the documents, the share withdrawn, and of those the share
# published again afterwards.
WITHDRAWN = 0.04
REPUBLISHED = 0.35
# The outcome reports of these cycles are final and published.
FINAL_REPORT_CYCLES = [slug for slug, *_rest in CYCLES[:-1]]
# Of the deliveries, the share that failed after every attempt, with the answers they had.
FAILED_DELIVERIES = 0.03
FAILURES = [
    (503, "HTTP 503 Service Unavailable: the platform is under maintenance."),
    (500, "HTTP 500 Internal Server Error"),
    (None, "ConnectionRefusedError: [Errno 111] Connection refused"),
    (None, "TimeoutError: timed out"),
]
# Where the scale data's deliveries were sent, when the push is not configured here.
PLATFORM_URL = "https://knowledge.example.org/hooks/gcm-reviews"
REASONS = [
    "Replaced by a corrected version sent by the authors.",
    "Published before the secretariat had checked the annexes.",
    "Contains personal data of a participant that must not be public.",
    "The authors asked for it to be taken down while they revise the figures.",
    "Published under the wrong review.",
]


def _scale_reviews():
    return RegionalReview.objects.filter(
        cycle__slug__in=[slug for slug, *_rest in CYCLES],
        status__in=ReviewStatus.public_states(),
    )


def loaded() -> bool:
    return Publication.objects.filter(review__cycle__slug__in=[s for s, *_r in CYCLES]).exists()


def reset() -> None:
    Publication.objects.filter(review__cycle__slug__in=[s for s, *_r in CYCLES]).delete()


@dataclass
class _Planned:
    """One publication and its history: published, then withdrawn and published again."""

    publication: Publication
    objective_ids: list[int]
    actor: User | None
    history: list[tuple[str, datetime.datetime, str]] = field(default_factory=list)


class _Publisher:
    def __init__(self, *, seed: int):
        self.rng = random.Random(f"{seed}:knowledge")
        self.now = timezone.now().replace(microsecond=0)
        # The first secretariat member of each commission publishes its reviews' items.
        self.secretariats = {}
        for assignment in (
            RoleAssignment.objects.filter(role=Role.COMMISSION_SECRETARIAT)
            .select_related("user")
            .order_by("user_id", "pk")
        ):
            self.secretariats.setdefault(assignment.commission_id, assignment.user)
        self.planned: list[_Planned] = []

    def plan(self, kind: str, source, review: RegionalReview) -> _Planned:
        """A publication of `source` with what publishing copies from it, published some time in
        the last year."""
        copied = sources.source_of(Publication(kind=kind, **{SOURCE_FIELDS[kind]: source}))
        published_at = self.now - datetime.timedelta(minutes=self.rng.randint(30 * DAY, 400 * DAY))
        publication = Publication(
            kind=kind,
            review=review,
            **{SOURCE_FIELDS[kind]: source},
            title=copied.title[:500],
            language=copied.language,
            text=copied.text,
            input_kind=copied.input_kind,
            country_id=copied.country_id,
            published_at=published_at,
        )
        planned = _Planned(
            publication,
            copied.objective_ids,
            self.secretariats.get(review.commission_id),
            [(PublicationAction.PUBLISHED, published_at, "")],
        )
        self.planned.append(planned)
        return planned

    def withdraw_some(self, planned: list[_Planned]) -> None:
        """Withdraw a few with a reason, and publish some of those again (a new date, the same
        row). At least two of a kind, so that a small load has both stories too."""
        if len(planned) < 4:
            return
        chosen = self.rng.sample(planned, max(2, round(len(planned) * WITHDRAWN)))
        again = set(map(id, self.rng.sample(chosen, max(1, round(len(chosen) * REPUBLISHED)))))
        for row in chosen:
            publication = row.publication
            withdrawn_at = publication.published_at + datetime.timedelta(
                days=self.rng.randint(1, 20)
            )
            reason = self.rng.choice(REASONS)
            row.history.append((PublicationAction.WITHDRAWN, withdrawn_at, reason))
            if id(row) in again:
                publication.published_at = withdrawn_at + datetime.timedelta(
                    days=self.rng.randint(1, 10)
                )
                row.history.append((PublicationAction.PUBLISHED, publication.published_at, ""))
            else:
                publication.status = PublicationStatus.WITHDRAWN
                publication.withdrawn_at = withdrawn_at
                publication.withdrawal_reason = reason


def _is_withdrawn(planned: _Planned) -> bool:
    return planned.publication.status == PublicationStatus.WITHDRAWN


def _finalise_reports(publisher: _Publisher) -> list[Report]:
    """The earlier cycles' reports made final through the reports' services, their translations
    official: what a secretariat does before publishing."""
    reports = list(
        Report.objects.filter(
            review__in=_scale_reviews(),
            review__cycle__slug__in=FINAL_REPORT_CYCLES,
            status=ReportStatus.DRAFT,
        )
        .select_related("review")
        .order_by("pk")
    )
    for report in reports:
        actor = publisher.secretariats.get(report.review.commission_id)
        for version in report.languages.filter(kind=VersionKind.PENDING).order_by("pk"):
            report_services.set_version_kind(
                version=version, kind=VersionKind.OFFICIAL, actor=actor
            )
        report_services.set_report_status(report=report, status=ReportStatus.FINAL, actor=actor)
    return reports


def _plan_inputs(publisher: _Publisher) -> list[_Planned]:
    """The inputs marked published, and most of the accepted ones; a few withdrawn."""
    inputs = (
        Submission.objects.filter(
            review__in=_scale_reviews(),
            status__in=[SubmissionStatus.ACCEPTED, SubmissionStatus.PUBLISHED],
        )
        .select_related("review", "country", "organisation", "author")
        .order_by("pk")
    )
    planned = []
    for submission in inputs:
        if (
            submission.status == SubmissionStatus.ACCEPTED
            and publisher.rng.random() >= ACCEPTED_PUBLISHED
        ):
            continue
        planned.append(publisher.plan(PublicationKind.SUBMISSION, submission, submission.review))
    publisher.withdraw_some(planned)
    return planned


def _plan_documents(publisher: _Publisher) -> list[_Planned]:
    documents = (
        ReviewDocument.objects.filter(review__in=_scale_reviews(), visibility=Visibility.PUBLIC)
        .select_related("review")
        .order_by("pk")
    )
    planned = [
        publisher.plan(PublicationKind.DOCUMENT, document, document.review)
        for document in documents
    ]
    publisher.withdraw_some(planned)
    return planned


def _plan_reports(publisher: _Publisher) -> list[_Planned]:
    versions = (
        LanguageVersion.objects.filter(
            report__review__in=_scale_reviews(),
            report__status__in=ReportStatus.finalised_states(),
            kind__in=VersionKind.final_kinds(),
        )
        .select_related("report__review")
        .order_by("pk")
    )
    return [
        publisher.plan(PublicationKind.REPORT, version, version.report.review)
        for version in versions
    ]


def _update_sources(
    publisher: _Publisher, inputs: list[_Planned], documents: list[_Planned], reports
) -> None:
    """Each source's own status as publish() and withdraw() leave it, with the inputs' audit."""
    published = [p.publication.submission for p in inputs if not _is_withdrawn(p)]
    withdrawn = [p.publication.submission for p in inputs if _is_withdrawn(p)]
    Submission.objects.filter(pk__in=[s.pk for s in published]).update(
        status=SubmissionStatus.PUBLISHED, updated_at=timezone.now()
    )
    Submission.objects.filter(pk__in=[s.pk for s in withdrawn]).update(
        status=SubmissionStatus.ACCEPTED, updated_at=timezone.now()
    )
    audit = []
    for planned in inputs:
        submission = planned.publication.submission
        history = planned.history
        # An input the scale data marks published has its first "published" audit already.
        if submission.status == SubmissionStatus.PUBLISHED:
            history = history[1:]
        for action, _at, reason in history:
            audit.append(
                AuditEvent(
                    submission=submission,
                    actor=planned.actor,
                    action=(
                        AuditAction.PUBLISHED
                        if action == PublicationAction.PUBLISHED
                        else AuditAction.UNPUBLISHED
                    ),
                    detail=reason[:500],
                )
            )
    AuditEvent.objects.bulk_create(audit, batch_size=BATCH)
    ReviewDocument.objects.filter(
        pk__in=[p.publication.document_id for p in documents if _is_withdrawn(p)]
    ).update(visibility=Visibility.PARTICIPANTS)
    for report in reports:
        report_services.set_report_status(
            report=report,
            status=ReportStatus.PUBLISHED,
            actor=publisher.secretariats.get(report.review.commission_id),
        )


def _write(planned: list[_Planned]) -> int:
    publications = Publication.objects.bulk_create(
        [p.publication for p in planned], batch_size=BATCH
    )
    through = Publication.objectives.through
    through.objects.bulk_create(
        (
            through(publication_id=publication.pk, objective_id=objective_id)
            for publication, row in zip(publications, planned, strict=True)
            for objective_id in row.objective_ids
        ),
        batch_size=BATCH * 5,
    )
    events = [
        PublicationEvent(
            publication=row.publication,
            action=action,
            actor=row.actor,
            reason=reason,
        )
        for row in planned
        for action, _at, reason in row.history
    ]
    PublicationEvent.objects.bulk_create(events, batch_size=BATCH)
    # The insert stamps created_at (auto_now_add): put back when each event happened.
    moments = [at for row in planned for _action, at, _reason in row.history]
    for event, at in zip(events, moments, strict=True):
        event.created_at = at
    PublicationEvent.objects.bulk_update(events, ["created_at"], batch_size=BATCH)
    return len(events)


def _push(publisher: _Publisher, planned: list[_Planned]) -> int:
    """A delivery of each publication and withdrawal, with the body the push would send."""
    changes = [
        (row.publication, action, at) for row in planned for action, at, _reason in row.history
    ]
    deliveries = Delivery.objects.bulk_create(
        [
            Delivery(publication=publication, action=action, url=PLATFORM_URL)
            for publication, action, _at in changes
        ],
        batch_size=BATCH,
    )
    attempts = settings.KNOWLEDGE_PUSH_MAX_ATTEMPTS
    for delivery, (publication, action, at) in zip(deliveries, changes, strict=True):
        delivery.payload = push_services.payload_for(publication, action, delivery.pk)
        delivery.created_at = at
        delivery.last_attempt_at = at + datetime.timedelta(seconds=publisher.rng.randint(1, 50))
        if publisher.rng.random() < FAILED_DELIVERIES:
            delivery.status = Delivery.Status.FAILED
            delivery.attempts = attempts
            delivery.last_status_code, delivery.last_error = publisher.rng.choice(FAILURES)
            delivery.last_attempt_at += datetime.timedelta(
                seconds=sum(push_services.wait_before_attempt(n) for n in range(1, attempts))
            )
        else:
            delivery.status = Delivery.Status.DELIVERED
            delivery.attempts = 1
            delivery.last_status_code = 200
            delivery.delivered_at = delivery.last_attempt_at
    Delivery.objects.bulk_update(
        deliveries,
        [
            "payload",
            "created_at",
            "status",
            "attempts",
            "last_status_code",
            "last_error",
            "last_attempt_at",
            "delivered_at",
        ],
        batch_size=BATCH,
    )
    return len(deliveries)


@transaction.atomic
def load(*, seed: int, factor: float, pool: TextPool, out) -> None:
    publisher = _Publisher(seed=seed)
    reports = _finalise_reports(publisher)
    inputs = _plan_inputs(publisher)
    documents = _plan_documents(publisher)
    report_versions = _plan_reports(publisher)
    events = _write(publisher.planned)
    deliveries = _push(publisher, publisher.planned)
    store_vectors(Publication.objects.all())
    _update_sources(publisher, inputs, documents, reports)
    bump(
        PUBLIC,
        EVERYTHING,
        DELIVERIES,
        *(review_scope(pk) for pk in _scale_reviews().values_list("pk", flat=True)),
    )
    withdrawn = sum(_is_withdrawn(p) for p in publisher.planned)
    out.stdout.write(
        f"Scale publications: {len(inputs)} inputs, {len(documents)} documents, "
        f"{len(report_versions)} report versions of {len(reports)} reports, {withdrawn} withdrawn, "
        f"{events} events, {deliveries} deliveries"
    )
