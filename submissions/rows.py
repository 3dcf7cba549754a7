"""What the submissions lists show per row, computed once in Python.

Long lists rendered through per-cell lookups, filters and `{% url %}` tags spend most of their
time in the template engine; these rows carry ready strings, and labels are translated once.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from core.links import url_for_each
from core.listing import labels, local_datetime
from submissions.enums import ImplementationStatus, SubmissionKind, SubmissionStatus
from submissions.models import ObjectiveProgress, Submission
from submissions.selectors import SectionWords, principles_of


@dataclass(frozen=True)
class SubmissionRow:
    url: str
    title: str
    language: str
    status: str
    status_label: str
    late: bool
    updated: str
    review: str = ""
    sections: str = ""
    objectives: str = ""
    words: str = ""  # safe HTML when set


def _submission_rows(submissions: Iterable[Submission], **extra) -> list[SubmissionRow]:
    kinds = labels(SubmissionKind.choices)
    statuses = labels(SubmissionStatus.choices)
    languages = labels(settings.LANGUAGES)
    edit_url = url_for_each("submissions:edit")
    return [
        SubmissionRow(
            url=edit_url(submission.pk),
            title=f"{kinds[submission.kind]}: {submission.author_label}",
            language=languages.get(submission.language, submission.language),
            status=submission.status,
            status_label=statuses[submission.status],
            late=submission.is_late,
            updated=local_datetime(submission.updated_at),
            **{name: value(submission) for name, value in extra.items()},
        )
        for submission in submissions
    ]


def _words(sections: list[SectionWords]) -> SafeString:
    return mark_safe(  # noqa: S308 - the section number is escaped; the rest are integers
        " · ".join(
            f'<span class="{"error" if section.over else ""}">{escape(section.number)}: '
            f"{section.words}{f'/{section.limit}' if section.limit else ''}</span>"
            for section in sections
        )
    )


def queue_rows(
    submissions: Iterable[Submission], word_counts: dict[int, list[SectionWords]]
) -> list[SubmissionRow]:
    """Rows of the review queue; `submissions` are annotated by `selectors.review_queue`."""
    return _submission_rows(
        submissions,
        sections=lambda s: f"{s.sections_filled}/{s.sections_total}",
        objectives=lambda s: f"{s.objectives_addressed}/23",
        words=lambda s: _words(word_counts[s.pk]),
    )


def own_rows(submissions: Iterable[Submission]) -> list[SubmissionRow]:
    """Rows of the author's own submissions, each with its regional review."""
    return _submission_rows(
        submissions, review=lambda s: f"{s.review.commission.code} · {s.review.title}"
    )


@dataclass(frozen=True)
class ProgressRow:
    author: str
    kind: str
    status: str
    narrative: str
    indicators: str
    promising_practice: str
    principles: str


def progress_rows(progress: Iterable[ObjectiveProgress]) -> list[ProgressRow]:
    """What each submission says about one objective, with line breaks kept."""
    progress = list(progress)
    principles = principles_of(row.pk for row in progress)
    kinds = labels(SubmissionKind.choices)
    statuses = labels(ImplementationStatus.choices)
    return [
        ProgressRow(
            author=row.submission.author_label,
            kind=kinds[row.submission.kind],
            status=statuses.get(row.status, ""),
            narrative=linebreaksbr(row.narrative, autoescape=True),
            indicators=linebreaksbr(row.indicators, autoescape=True),
            promising_practice=linebreaksbr(row.promising_practice, autoescape=True),
            principles=", ".join(principles[row.pk]),
        )
        for row in progress
    ]


@dataclass(frozen=True)
class ObjectiveRow:
    number: int
    title: str
    status: str
    narrative: str
    principles: int


def objective_rows(progress: Iterable[ObjectiveProgress]) -> list[ObjectiveRow]:
    """The table of a submission's objectives; `principle_ids` are set by the view."""
    statuses = labels(ImplementationStatus.choices)
    return [
        ObjectiveRow(
            number=row.objective.number,
            title=row.objective.title,
            status=statuses.get(row.status, row.status) or "—",
            narrative=Truncator(row.narrative).words(20, truncate=" …") or "—",
            principles=len(row.principle_ids),
        )
        for row in progress
    ]
