"""Publishing on the knowledge platform and withdrawing from it: the only way either happens.

Each service locks what it changes, checks the source may be published (an accepted input, a
final language version of a final report, a public document of a public review), keeps the
source's own status in step through its app's service, records who and when (and why, for a
withdrawal), and announces the change to the external platform once the transaction commits.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge import sources
from knowledge.enums import PublicationAction, PublicationKind, PublicationStatus
from knowledge.models import SOURCE_FIELDS, Publication, PublicationEvent
from knowledge.search import store_vectors
from reports import services as report_services
from reports.enums import ReportStatus
from reports.models import LanguageVersion, Report
from reviews import services as review_services
from reviews.enums import ReviewStatus, Visibility
from reviews.models import RegionalReview, ReviewDocument
from submissions import services as submission_services
from submissions.enums import SubmissionStatus
from submissions.models import Submission

# Sent after the commit of every publication and withdrawal, with `publication` and `action`:
# the push to an external platform listens.
publication_changed = Signal()


def _check_review(review: RegionalReview) -> None:
    if review.status not in ReviewStatus.public_states():
        raise ValidationError(
            _("Only what belongs to an announced, held or closed review can be published.")
        )


def publishable_problem(kind: str, source) -> str | None:
    """Why `source` cannot be published now, or None. One rule per kind, read by the pages too."""
    if kind == PublicationKind.SUBMISSION:
        if source.status not in (SubmissionStatus.ACCEPTED, SubmissionStatus.PUBLISHED):
            return _("Only an accepted input can be published.")
    elif kind == PublicationKind.REPORT:
        if source.report.status not in ReportStatus.finalised_states():
            return _("Only a final report can be published.")
        if not source.is_final:
            return _("A pending translation cannot be published.")
    elif kind == PublicationKind.DOCUMENT and source.visibility != Visibility.PUBLIC:
        return _("Only a document visible to the public can be published.")
    return None


def _lock_source(kind: str, source):
    model = {
        PublicationKind.SUBMISSION: Submission,
        PublicationKind.REPORT: LanguageVersion,
        PublicationKind.DOCUMENT: ReviewDocument,
    }[kind]
    related = {
        PublicationKind.SUBMISSION: ("review", "country", "organisation", "author"),
        PublicationKind.REPORT: ("report__review",),
        PublicationKind.DOCUMENT: ("review",),
    }[kind]
    return model.objects.select_for_update(of=("self",)).select_related(*related).get(pk=source.pk)


def _copy(publication: Publication, source: sources.Source) -> None:
    publication.title = source.title[:500]
    publication.language = source.language
    publication.text = source.text
    publication.input_kind = source.input_kind
    publication.country_id = source.country_id


@transaction.atomic
def publish(*, kind: str, source, actor) -> Publication:
    """Put `source` on the platform (again, with the same address, if it was withdrawn).

    Raises ValidationError when it may not be published, or is published already.
    """
    source = _lock_source(kind, source)
    review = source.report.review if kind == PublicationKind.REPORT else source.review
    _check_review(review)
    problem = publishable_problem(kind, source)
    if problem:
        raise ValidationError(problem)
    field = SOURCE_FIELDS[kind]
    publication = Publication.objects.select_for_update().filter(**{field: source}).first()
    if publication is not None and publication.status == PublicationStatus.PUBLISHED:
        raise ValidationError(_("This is published already."))

    if kind == PublicationKind.SUBMISSION and source.status == SubmissionStatus.ACCEPTED:
        submission_services.decide_submission(
            submission=source, actor=actor, status=SubmissionStatus.PUBLISHED
        )
    elif kind == PublicationKind.REPORT and source.report.status == ReportStatus.FINAL:
        report_services.set_report_status(
            report=source.report, status=ReportStatus.PUBLISHED, actor=actor
        )

    copied = sources.source_of(Publication(kind=kind, **{field: source}))
    now = timezone.now()
    if publication is None:
        publication = Publication(kind=kind, review=review, **{field: source})
    _copy(publication, copied)
    publication.status = PublicationStatus.PUBLISHED
    publication.published_at = now
    publication.withdrawn_at = None
    publication.withdrawal_reason = ""
    publication.save()
    store_vectors(Publication.objects.filter(pk=publication.pk))
    publication.objectives.set(copied.objective_ids)
    PublicationEvent.objects.create(
        publication=publication, action=PublicationAction.PUBLISHED, actor=actor
    )
    _announce(publication, PublicationAction.PUBLISHED)
    return publication


@transaction.atomic
def withdraw(*, publication: Publication, actor, reason: str) -> Publication:
    """Take a publication off every public page at once; the reason is kept in the record.

    The source goes back to where it was before publishing: an input to accepted, the report to
    final once none of its language versions is published any more, a document to being shared
    with the review's participants only.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why this is withdrawn: the reason is kept in the record."))
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.status != PublicationStatus.PUBLISHED:
        raise ValidationError(_("This is not published."))
    publication.status = PublicationStatus.WITHDRAWN
    publication.withdrawn_at = timezone.now()
    publication.withdrawal_reason = reason
    publication.save(update_fields=["status", "withdrawn_at", "withdrawal_reason", "updated_at"])

    if publication.kind == PublicationKind.SUBMISSION:
        submission_services.unpublish_submission(
            submission=publication.submission, actor=actor, reason=reason
        )
    elif publication.kind == PublicationKind.REPORT:
        report = Report.objects.get(languages=publication.report_version_id)
        still_published = Publication.objects.filter(
            report_version__report=report, status=PublicationStatus.PUBLISHED
        ).exists()
        if report.status == ReportStatus.PUBLISHED and not still_published:
            report_services.set_report_status(report=report, status=ReportStatus.FINAL, actor=actor)
    else:
        document = ReviewDocument.objects.select_for_update().get(pk=publication.document_id)
        if document.visibility == Visibility.PUBLIC:
            document.visibility = Visibility.PARTICIPANTS
            review_services.save_document(document=document)

    PublicationEvent.objects.create(
        publication=publication, action=PublicationAction.WITHDRAWN, actor=actor, reason=reason
    )
    _announce(publication, PublicationAction.WITHDRAWN)
    return publication


def refresh(publication: Publication) -> None:
    """Copy again what the source says now (a document's new title): same row, same address."""
    copied = sources.source_of(publication)
    _copy(publication, copied)
    publication.save(
        update_fields=["title", "language", "text", "input_kind", "country", "updated_at"]
    )
    store_vectors(Publication.objects.filter(pk=publication.pk))
    publication.objectives.set(copied.objective_ids)


def _announce(publication: Publication, action: str) -> None:
    transaction.on_commit(
        lambda: publication_changed.send(sender=Publication, publication=publication, action=action)
    )
