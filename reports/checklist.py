"""Annex 1 items that the outcome report decides, under the contract of reviews.checklist."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from reports.enums import ReportSection, ReportStatus, VersionKind
from reports.models import LanguageVersion, Report, ReportSectionText
from reports.services import missing_sections
from reviews.checklist import Verdict
from reviews.readiness import ReviewFacts


def _reports(reviews) -> dict[int, Report]:
    """Each review's report with its original version and that version's sections."""
    reports = Report.objects.filter(review__in=[review.pk for review in reviews]).prefetch_related(
        Prefetch(
            "languages",
            queryset=LanguageVersion.objects.filter(kind=VersionKind.ORIGINAL).prefetch_related(
                Prefetch("sections", queryset=ReportSectionText.objects.order_by("position"))
            ),
            to_attr="originals",
        )
    )
    return {report.review_id: report for report in reports}


def _report(facts: ReviewFacts) -> Report | None:
    return facts.batch.load("reports.reports", _reports).get(facts.review.pk)


def _missing(report: Report) -> list[str]:
    original = report.originals[0] if report.originals else None
    if original is None:
        return [str(section.label) for section in ReportSection]
    return missing_sections(original, original.sections.all())


def report_outcome(facts: ReviewFacts) -> Verdict:
    """A report synthesising the inputs exists and is final (or published)."""
    report = _report(facts)
    if report is None:
        return Verdict.unmet(_("The outcome report is not started."))
    if report.status == ReportStatus.DRAFT:
        return Verdict.unmet(_("The outcome report is still a draft."))
    return Verdict.met(
        _("The outcome report is %(status)s.") % {"status": ReportStatus(report.status).label}
    )


def report_on_time(facts: ReviewFacts) -> Verdict:
    """Final within two months after the meeting: the final date against the review's due date."""
    due = facts.review.report_due
    if due is None:
        return Verdict.unmet(_("The meeting dates are not set, so the report has no due date."))
    report = _report(facts)
    shown_due = date_format(due, "DATE_FORMAT")
    if report is None or report.final_on is None:
        if facts.today > due:
            return Verdict.unmet(
                _("The report was due on %(due)s and is not final.") % {"due": shown_due}
            )
        return Verdict.unmet(
            _("The report is due on %(due)s and is not final yet.") % {"due": shown_due}
        )
    final = date_format(report.final_on, "DATE_FORMAT")
    if report.is_on_time(due):
        return Verdict.met(
            _("Final on %(final)s, within the due date of %(due)s.")
            % {"final": final, "due": shown_due}
        )
    return Verdict.unmet(
        _("Final on %(final)s, after the due date of %(due)s.") % {"final": final, "due": shown_due}
    )


def report_published(facts: ReviewFacts) -> Verdict:
    """Published by the secretariat: at least one final language version on the knowledge platform."""
    report = _report(facts)
    if report is None or report.published_at is None:
        return Verdict.unmet(_("The outcome report is not published."))
    return Verdict.met(
        _("Published on %(day)s on the knowledge platform.")
        % {"day": date_format(timezone.localdate(report.published_at), "DATE_FORMAT")}
    )


def report_sections(facts: ReviewFacts) -> Verdict:
    """Sections (i)–(v) written in the original; (vi) generated from a programme."""
    report = _report(facts)
    if report is None:
        return Verdict.unmet(_("The outcome report is not started."))
    problems = [
        _("Section “%(section)s” is empty.") % {"section": section} for section in _missing(report)
    ]
    if not facts.sessions:
        problems.append(_("The annex has no organization of work: the programme is empty."))
    if problems:
        return Verdict.unmet(*problems)
    return Verdict.met(
        _("Every section is written; the annex lists the programme and the participants.")
    )
