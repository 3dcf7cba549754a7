"""Writing an outcome report, its language versions and the moves of its status."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.drafting import SavedDraft, revision_recorder, save_draft
from core.versions import PUBLIC, bump, review_scope
from reports.enums import ReportSection, ReportStatus, VersionKind
from reports.models import (
    LanguageVersion,
    Report,
    ReportSectionRevision,
    ReportSectionText,
    ReportStatusChange,
)
from reviews.models import RegionalReview
from reviews.services import StatusChangeRefused


def _add_version(report: Report, language: str, kind: str) -> LanguageVersion:
    version = LanguageVersion.objects.create(report=report, language=language, kind=kind)
    ReportSectionText.objects.bulk_create(
        ReportSectionText(language_version=version, section=section, position=section.position)
        for section in ReportSection
    )
    return version


@transaction.atomic
def start_report(*, review: RegionalReview, language: str, actor) -> Report:
    """The review's report, begun in `language` as its original; an existing report is returned
    as it is (two secretariat members may start it at the same moment)."""
    RegionalReview.objects.select_for_update().get(pk=review.pk)
    existing = Report.objects.filter(review=review).first()
    if existing is not None:
        return existing
    report = Report.objects.create(review=review)
    _add_version(report, language, VersionKind.ORIGINAL)
    return report


@transaction.atomic
def add_language_version(*, report: Report, language: str, actor) -> LanguageVersion:
    """A translation of the report into `language`, pending until it is marked official."""
    try:
        with transaction.atomic():
            return _add_version(report, language, VersionKind.PENDING)
    except IntegrityError:
        raise ValidationError(_("The report already has a version in this language.")) from None


def missing_sections(version: LanguageVersion, section_texts=None) -> list[str]:
    """The labels of the sections (i)–(v) of this language version that have no text yet."""
    texts = version.sections.all() if section_texts is None else section_texts
    return [
        str(ReportSection(text.section).label)
        for text in texts
        if not text.word_count and not text.text
    ]


@transaction.atomic
def set_version_kind(*, version: LanguageVersion, kind: str, actor) -> None:
    """Mark a translation official, or pending again (to correct it). The original stays the
    original: it is what the translations translate."""
    locked = LanguageVersion.objects.select_for_update().get(pk=version.pk)
    if locked.kind == VersionKind.ORIGINAL or kind == VersionKind.ORIGINAL:
        raise ValidationError(
            _(
                "The original version of the report cannot be changed into a translation, nor a translation into the original."
            )
        )
    if kind == VersionKind.OFFICIAL and missing_sections(locked):
        raise ValidationError(_("A translation is official only once every section is translated."))
    locked.kind = kind
    locked.save(update_fields=["kind", "updated_at"])
    version.kind = kind


def version_is_editable(version: LanguageVersion) -> bool:
    """The original is written while the report is a draft; a translation while it is pending."""
    if version.kind == VersionKind.ORIGINAL:
        return version.report.status == ReportStatus.DRAFT
    return version.kind == VersionKind.PENDING


@transaction.atomic
def save_report_section(
    *, section_text: ReportSectionText, text: str, base_version: int, actor
) -> SavedDraft:
    """Save a draft of one section (core.drafting.save_draft) if it may still change.

    Side effects: every change kept as a revision; the pages of the review (and its public page)
    are rendered afresh.
    """
    if not version_is_editable(section_text.language_version):
        raise ValidationError(
            _("This version of the report is final: reopen it as a draft to change it.")
        )
    saved = save_draft(
        section_text,
        text=text,
        base_version=base_version,
        actor=actor,
        record=revision_recorder(ReportSectionRevision, actor),
    )
    bump(review_scope(section_text.language_version.report.review_id), PUBLIC)
    return saved


@transaction.atomic
def set_report_status(
    *, report: Report, status: str, actor, expected_status: str | None = None
) -> ReportStatusChange:
    """Move the report to `status`, if ReportStatus.transitions() allows it from where it is.

    The row is locked and its stored status re-checked against what the caller saw
    (`expected_status`, by default the status of the `report` it holds): a move decided on a
    stale page is refused with StatusChangeRefused, and so is a move the transitions forbid or a
    final report whose original lacks a section.

    Side effects: becoming final from a draft records today as the final date (compared with the
    due date by the `report-on-time` checklist item); reopening as a draft clears it. Publishing
    records when, and makes the final language versions readable on the review's public page;
    withdrawing the publication hides them again. A ReportStatusChange row records who, when,
    from and to.
    """
    locked = Report.objects.select_for_update().get(pk=report.pk)
    current = ReportStatus(locked.status)
    seen = report.status if expected_status is None else expected_status
    if current != seen:
        raise StatusChangeRefused(
            _("Someone else changed the status of this report to “%(status)s” meanwhile.")
            % {"status": current.label},
            locked,
        )
    if not current.may_become(status):
        raise StatusChangeRefused(
            _("A report cannot go from “%(current)s” to “%(status)s”.")
            % {"current": current.label, "status": ReportStatus(status).label},
            locked,
        )
    if status == ReportStatus.FINAL and current == ReportStatus.DRAFT:
        original = locked.languages.get(kind=VersionKind.ORIGINAL)
        missing = missing_sections(original)
        if missing:
            raise StatusChangeRefused(
                _("The report cannot be final while these sections are empty: %(sections)s.")
                % {"sections": "; ".join(missing)},
                locked,
            )
        locked.final_on = timezone.localdate()
    elif status == ReportStatus.DRAFT:
        locked.final_on = None
    locked.published_at = timezone.now() if status == ReportStatus.PUBLISHED else None
    locked.status = status
    locked.save(update_fields=["status", "final_on", "published_at", "updated_at"])
    report.status, report.final_on, report.published_at = (
        locked.status,
        locked.final_on,
        locked.published_at,
    )
    return ReportStatusChange.objects.create(
        report=locked, actor=actor, from_status=current, to_status=status
    )
