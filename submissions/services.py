"""Writing, submitting and deciding on voluntary GCM reviews and regional inputs."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import save_if_unchanged
from core.drafting import SavedDraft, revision_recorder, save_draft
from core.uploads import CSV, DOCX, JPEG, ODT, PDF, PNG, XLSX, check_upload
from reference.models import Objective
from submissions import emails
from submissions.enums import AuditAction, SubmissionKind, SubmissionStatus
from submissions.models import (
    Attachment,
    AuditEvent,
    ObjectiveProgress,
    Outline,
    OutlineSection,
    SecretariatComment,
    SectionRevision,
    SectionText,
    Submission,
)
from submissions.outlines import SHIPPED_OUTLINES

ATTACHMENT_KINDS = (PDF, DOCX, XLSX, ODT, CSV, PNG, JPEG)
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def install_shipped_outlines() -> None:
    """Create each shipped outline version once; an installed version is never changed."""
    for shipped in SHIPPED_OUTLINES:
        outline, created = Outline.objects.get_or_create(
            kind=shipped.kind,
            version=shipped.version,
            defaults={"title": str(shipped.title), "limits_are_rules": shipped.limits_are_rules},
        )
        if created:
            OutlineSection.objects.bulk_create(
                OutlineSection(
                    outline=outline,
                    key=section.key,
                    number=section.number,
                    title=str(section.title),
                    guidance="\n".join(str(g) for g in section.guidance),
                    word_limit=section.word_limit,
                    position=position,
                )
                for position, section in enumerate(shipped.sections)
            )


def current_outline(kind: str) -> Outline:
    return Outline.objects.filter(kind=kind).order_by("-version").first()


def _audit(submission: Submission, actor, action: str, detail: str = "") -> None:
    AuditEvent.objects.create(
        submission=submission, actor=actor, action=action, detail=detail[:500]
    )


@transaction.atomic
def start_submission(
    *, kind: str, review, language: str, actor, country=None, organisation=None, author=None
) -> Submission:
    """Open a submission with an empty text for every section and a row for every objective."""
    if kind == SubmissionKind.VOLUNTARY_REVIEW:
        if country is None or not review.commission.memberships.filter(country=country).exists():
            raise ValidationError(
                _("%(country)s is not a member of %(commission)s.")
                % {"country": country, "commission": review.commission.code}
            )
        existing = Submission.objects.filter(kind=kind, review=review, country=country).first()
        if existing:
            return existing
    submission = Submission.objects.create(
        kind=kind,
        review=review,
        outline=current_outline(kind),
        language=language,
        country=country,
        organisation=organisation,
        author=author,
    )
    SectionText.objects.bulk_create(
        SectionText(submission=submission, section=section)
        for section in submission.outline.sections.all()
    )
    ObjectiveProgress.objects.bulk_create(
        ObjectiveProgress(submission=submission, objective=objective)
        for objective in Objective.objects.all()
    )
    _audit(submission, actor, "created")
    return submission


@transaction.atomic
def save_section(*, section_text: SectionText, text: str, base_version: int, actor) -> SavedDraft:
    """Save a draft of one section of an editable submission (core.drafting.save_draft), every
    change kept as a revision."""
    if not section_text.submission.is_editable:
        raise ValidationError(_("This submission can no longer be changed."))
    return save_draft(
        section_text,
        text=text,
        base_version=base_version,
        actor=actor,
        record=revision_recorder(SectionRevision, actor),
    )


def submission_problems(
    submission: Submission, section_texts: Iterable[SectionText] | None = None
) -> list[str]:
    """What stops a submission from being submitted: checked strictly, every time.

    `section_texts`, with their sections, are the submission's as a page has just read them.
    """
    problems = []
    if section_texts is None:
        section_texts = submission.sections.select_related("section")
    for section_text in section_texts:
        section = section_text.section
        if not section_text.text.strip():
            problems.append(
                _("Section %(number)s, “%(title)s”, is empty.")
                % {"number": section.number, "title": section.display_title}
            )
        elif (
            submission.outline.limits_are_rules
            and section.word_limit
            and section_text.word_count > section.word_limit
        ):
            problems.append(
                _("Section %(number)s has %(count)s words; the limit is %(limit)s.")
                % {
                    "number": section.number,
                    "count": section_text.word_count,
                    "limit": section.word_limit,
                }
            )
    return problems


@transaction.atomic
def submit_submission(*, submission: Submission, actor) -> Submission:
    """Submit (or resubmit after a return) once every strict check passes.

    Side effects: an audit event, and a confirmation e-mail drafted in the outbox.
    """
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status not in SubmissionStatus.editable_states():
        raise ValidationError(_("This submission has already been submitted."))
    problems = submission_problems(submission)
    if problems:
        raise ValidationError(problems)
    resubmitting = submission.status == SubmissionStatus.RETURNED
    submission.status = SubmissionStatus.RESUBMITTED if resubmitting else SubmissionStatus.SUBMITTED
    # The first submission is what counts against the deadline.
    submission.submitted_at = submission.submitted_at or timezone.now()
    submission.save(update_fields=["status", "submitted_at", "updated_at"])
    _audit(submission, actor, submission.status)
    emails.draft_message(submission=submission, event="submitted")
    return submission


@transaction.atomic
def decide_submission(
    *, submission: Submission, actor, status: str, comment: str = ""
) -> Submission:
    """The secretariat returns, accepts or publishes; it never edits the authors' text.

    Side effects: the comment kept for the authors, an audit event, and a decision e-mail drafted
    in the outbox for the secretariat to read, edit and send.
    """
    allowed = {
        SubmissionStatus.RETURNED: SubmissionStatus.with_secretariat(),
        SubmissionStatus.ACCEPTED: SubmissionStatus.with_secretariat(),
        SubmissionStatus.PUBLISHED: {SubmissionStatus.ACCEPTED},
    }
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status not in allowed.get(status, set()):
        raise ValidationError(_("This decision is not possible in the submission's current state."))
    if status == SubmissionStatus.RETURNED and not comment.strip():
        raise ValidationError(_("Say what should be revised when returning a submission."))
    if comment.strip():
        SecretariatComment.objects.create(submission=submission, author=actor, text=comment.strip())
    submission.status = status
    submission.save(update_fields=["status", "updated_at"])
    _audit(submission, actor, status, comment)
    emails.draft_message(submission=submission, event=status, comment=comment.strip())
    return submission


PLAN_FIELDS = ["plan_status", "plan_link", "stakeholder_involvement", "means_needed"]
PROGRESS_FIELDS = ["status", "narrative", "indicators", "promising_practice"]


@transaction.atomic
def save_objectives(
    *,
    submission: Submission,
    expected_version: int,
    plan: dict,
    progress: list[tuple[ObjectiveProgress, dict]],
) -> None:
    """Save the plan and the changed objectives together, or nothing.

    `plan` holds PLAN_FIELDS; `progress` the rows that changed, each with PROGRESS_FIELDS and
    `principles`. Raises ConcurrentEditError when the page was saved by someone else since
    `expected_version`, ValidationError once the submission can no longer be changed.
    """
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not locked.is_editable:
        raise ValidationError(_("This submission can no longer be changed."))
    for name in PLAN_FIELDS:
        setattr(submission, name, plan[name])
    save_if_unchanged(submission, expected_version=expected_version, fields=PLAN_FIELDS)
    for row, data in progress:
        for name in PROGRESS_FIELDS:
            setattr(row, name, data[name])
        row.save(update_fields=PROGRESS_FIELDS)
        row.principles.set(data["principles"])


@transaction.atomic
def withdraw_submission(*, submission: Submission, actor) -> Submission:
    """The authors take their submission back; it stays in the record. Audited.

    The row is locked and its state checked again, so a decision made meanwhile is not undone.
    """
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status in SubmissionStatus.concluded_states():
        raise ValidationError(_("This submission can no longer be withdrawn."))
    submission.status = SubmissionStatus.WITHDRAWN
    submission.save(update_fields=["status", "updated_at"])
    _audit(submission, actor, "withdrawn")
    return submission


@transaction.atomic
def unpublish_submission(*, submission: Submission, actor, reason: str) -> Submission:
    """A published input taken off the public record goes back to accepted. Audited, with why."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.PUBLISHED:
        raise ValidationError(_("This submission is not published."))
    submission.status = SubmissionStatus.ACCEPTED
    submission.save(update_fields=["status", "updated_at"])
    _audit(submission, actor, AuditAction.UNPUBLISHED, reason)
    return submission


@transaction.atomic
def add_attachment(*, submission: Submission, upload, is_note_verbale: bool, actor) -> Attachment:
    """Store a supporting file, checked by content and size, outside the public static path."""
    if not submission.is_editable:
        raise ValidationError(_("This submission can no longer be changed."))
    kind = check_upload(upload, allowed=ATTACHMENT_KINDS, max_bytes=ATTACHMENT_MAX_BYTES)
    attachment = Attachment(
        submission=submission,
        original_name=upload.name.rsplit("/", 1)[-1][:255],
        content_type=kind.content_type,
        size=upload.size,
        uploaded_by=actor,
        is_note_verbale=is_note_verbale and submission.country_id is not None,
    )
    attachment.file.save(f"attachment{kind.extensions[0]}", upload, save=False)
    attachment.save()
    _audit(submission, actor, "attachment", attachment.original_name)
    return attachment
