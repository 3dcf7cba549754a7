"""What the report's pages read: the report, its versions, and the material it is written from."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from reference.models import Objective
from reports.enums import VersionKind
from reports.models import LanguageVersion, Report, ReportSectionText
from reviews.models import RegionalReview
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


def language_version(review: RegionalReview, language: str) -> LanguageVersion | None:
    return (
        LanguageVersion.objects.select_related("report")
        .filter(report__review=review, language=language)
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


@dataclass
class ObjectiveMaterial:
    objective: Objective
    statements: list[Statement] = field(default_factory=list)


@dataclass
class RegionMaterial:
    objectives: list[ObjectiveMaterial]
    # Country name -> objective number -> reported status, for the heat map.
    statuses: dict[str, dict[int, str]]


def region_material(review: RegionalReview) -> RegionMaterial:
    """Per objective, what the accepted submissions of the review say; two queries in all."""
    objectives = list(Objective.objects.order_by("number"))
    by_objective = {objective.pk: ObjectiveMaterial(objective) for objective in objectives}
    rows = (
        ObjectiveProgress.objects.addressed()
        .filter(submission__review=review, submission__status__in=ACCEPTED)
        .select_related("submission__country", "submission__organisation", "submission__author")
        .order_by("objective__number", "submission__kind", "submission__pk")
    )
    statuses: dict[str, dict[int, str]] = defaultdict(dict)
    numbers = {objective.pk: objective.number for objective in objectives}
    for row in rows:
        submission = row.submission
        is_country = submission.kind == SubmissionKind.VOLUNTARY_REVIEW
        by_objective[row.objective_id].statements.append(
            Statement(
                author=submission.author_label,
                is_country=is_country,
                status=row.status,
                status_label=row.get_status_display() if row.status else "",
                narrative=row.narrative,
                promising_practice=row.promising_practice,
            )
        )
        if is_country:
            statuses[submission.country.name][numbers[row.objective_id]] = row.status
    return RegionMaterial(list(by_objective.values()), dict(statuses))


def submitting_countries(review: RegionalReview) -> list[str]:
    """The countries whose voluntary review of this regional review was accepted, by name."""
    return sorted(
        Submission.objects.filter(
            review=review, kind=SubmissionKind.VOLUNTARY_REVIEW, status__in=ACCEPTED
        ).values_list("country__name", flat=True)
    )
