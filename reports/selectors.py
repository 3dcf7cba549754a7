"""What the report's pages read: the report, its versions, and the material it is written from."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from reference.models import Objective
from reports.enums import VersionKind
from reports.models import LanguageVersion, Report, ReportSectionText
from reviews.models import RegionalReview
from reviews.selectors import managed_by
from submissions.enums import SubmissionKind, SubmissionStatus
from submissions.models import ObjectiveProgress, Submission


def report_of(review: RegionalReview) -> Report | None:
    """The review's report with its language versions (original first), or None."""
    return (
        Report.objects.filter(review=review)
        .prefetch_related(
            Prefetch("languages", queryset=LanguageVersion.objects.order_by("created_at", "pk"))
        )
        .first()
    )


def managed_language_version(user, review_id: int, language: str) -> LanguageVersion | None:
    """The version in `language` of the report of review `review_id`, with its report and review
    (the review alone), if the user manages the review; else None."""
    return (
        LanguageVersion.objects.select_related("report__review")
        .filter(
            managed_by(user, "report__review__"), report__review_id=review_id, language=language
        )
        .order_by()
        .first()
    )


def sections_of(version: LanguageVersion) -> QuerySet[ReportSectionText]:
    return (
        ReportSectionText.objects.filter(language_version=version)
        .select_related("updated_by")
        .order_by("position")
    )


def original_texts(version: LanguageVersion) -> dict[str, ReportSectionText]:
    """The original's sections by key, to write a translation beside; none for the original."""
    if version.kind == VersionKind.ORIGINAL:
        return {}
    texts = ReportSectionText.objects.filter(
        language_version__report_id=version.report_id,
        language_version__kind=VersionKind.ORIGINAL,
    ).select_related("language_version")
    return {text.section: text for text in texts}


ACCEPTED = (SubmissionStatus.ACCEPTED, SubmissionStatus.PUBLISHED)


@dataclass(frozen=True)
class Statement:
    """What one accepted submission says about one objective."""

    author: str
    is_country: bool
    status: str
    status_label: str
    narrative: str
    promising_practice: str


@dataclass(frozen=True)
class ObjectiveCount:
    objective: Objective
    statements: int


@dataclass(frozen=True)
class RegionOverview:
    """How many accepted submissions of the review address each objective, and what status each
    country reported: enough for the list of objectives and the heat map."""

    objectives: list[ObjectiveCount]
    # Country name -> objective number -> reported status, for the heat map.
    statuses: dict[str, dict[int, str]]


def _accepted_progress(review: RegionalReview) -> QuerySet[ObjectiveProgress]:
    return ObjectiveProgress.objects.addressed().filter(
        submission__review=review, submission__status__in=ACCEPTED
    )


def region_overview(review: RegionalReview) -> RegionOverview:
    """Two queries, of a few columns each, whatever the submissions say."""
    objectives = list(Objective.objects.order_by("number"))
    numbers = {objective.pk: objective.number for objective in objectives}
    counts: dict[int, int] = defaultdict(int)
    statuses: dict[str, dict[int, str]] = defaultdict(dict)
    rows = _accepted_progress(review).values_list(
        "objective_id", "status", "submission__kind", "submission__country__name"
    )
    for objective_id, status, kind, country in rows:
        counts[objective_id] += 1
        if kind == SubmissionKind.VOLUNTARY_REVIEW:
            statuses[country][numbers[objective_id]] = status
    return RegionOverview(
        [ObjectiveCount(objective, counts[objective.pk]) for objective in objectives],
        dict(statuses),
    )


def statements_on(review: RegionalReview, objective: Objective) -> list[Statement]:
    """What each accepted submission of the review says about one objective; one query."""
    rows = (
        _accepted_progress(review)
        .filter(objective=objective)
        .select_related("submission__country", "submission__organisation", "submission__author")
        .order_by("submission__kind", "submission__pk")
    )
    return [
        Statement(
            author=row.submission.author_label,
            is_country=row.submission.kind == SubmissionKind.VOLUNTARY_REVIEW,
            status=row.status,
            status_label=row.get_status_display() if row.status else "",
            narrative=row.narrative,
            promising_practice=row.promising_practice,
        )
        for row in rows
    ]


def submitting_countries(review: RegionalReview) -> list[str]:
    """The countries whose voluntary review of this regional review was accepted, by name."""
    return sorted(
        Submission.objects.filter(
            review=review, kind=SubmissionKind.VOLUNTARY_REVIEW, status__in=ACCEPTED
        ).values_list("country__name", flat=True)
    )
