"""The review queue as CSV and XLSX, with spreadsheet formulas neutralised."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from core.spreadsheets import csv_bytes, neutralise, xlsx_bytes
from submissions.models import Submission
from submissions.selectors import section_word_counts


def queue_rows(submissions: Iterable[Submission]) -> list[list[str]]:
    submissions = list(submissions)
    word_counts = section_word_counts(submission.pk for submission in submissions)
    header = [
        _("Kind"),
        _("Submitted by"),
        _("Language"),
        _("Status"),
        _("Submitted on"),
        _("Late"),
        _("Sections filled"),
        _("Objectives addressed"),
        _("Words per section"),
        _("Last change"),
    ]
    rows = [header]
    for submission in submissions:
        words = "; ".join(
            f"{section.number}: {section.words}" + (f"/{section.limit}" if section.limit else "")
            for section in word_counts[submission.pk]
        )
        rows.append(
            [
                submission.get_kind_display(),
                submission.author_label,
                submission.get_language_display(),
                submission.get_status_display(),
                submission.submitted_at.date().isoformat() if submission.submitted_at else "",
                _("yes") if submission.is_late else _("no"),
                f"{submission.sections_filled}/{submission.sections_total}",
                f"{submission.objectives_addressed}/23",
                words,
                submission.updated_at.strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return [[neutralise(cell) for cell in row] for row in rows]


def as_csv(rows: list[list[str]]) -> bytes:
    return csv_bytes(rows)


def as_xlsx(rows: list[list[str]]) -> bytes:
    return xlsx_bytes(rows, title="Submissions")
