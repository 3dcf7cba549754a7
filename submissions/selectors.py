from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from reference.models import GuidingPrinciple
from reviews.enums import ReviewStatus
from reviews.models import RegionalReview
from submissions.models import (
    ObjectiveProgress,
    SectionText,
    Submission,
    addressed,
)


def submissions_of(user) -> QuerySet[Submission]:
    """What the user writes for: their countries', their organisations' and their own."""
    if not user.is_authenticated:
        return Submission.objects.none()
    scopes = user.scopes
    return Submission.objects.filter(
        Q(country_id__in=scopes.country_ids)
        | Q(organisation_id__in=scopes.organisation_ids)
        | Q(author=user)
    ).select_related("review__commission", "country", "organisation", "author")


# Submissions are taken once a review is announced, and until it is closed (late ones are flagged).
OPEN_STATES = [ReviewStatus.ANNOUNCED, ReviewStatus.HELD]


def reviews_open_to_country(country_ids) -> QuerySet[RegionalReview]:
    return (
        RegionalReview.objects.filter(
            commission__memberships__country_id__in=country_ids, status__in=OPEN_STATES
        )
        .select_related("commission", "cycle")
        .distinct()
    )


def sections_of(submission: Submission) -> QuerySet[SectionText]:
    return submission.sections.select_related("section__outline", "updated_by").order_by(
        "section__position"
    )


def progress_of(submission: Submission) -> QuerySet[ObjectiveProgress]:
    """The submission's 23 objectives; the principles applied come from `principle_ids_of`."""
    return submission.objective_progress.select_related("objective")


def _count_of(queryset: QuerySet) -> Coalesce:
    """The number of rows of `queryset` (filtered on OuterRef("pk")) as a subquery."""
    counted = queryset.order_by().values("submission_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def review_queue(review: RegionalReview) -> QuerySet[Submission]:
    """Every submission of a review with what the queue shows, in a fixed number of queries.

    Counts are subqueries rather than joins: joining sections and objectives would multiply
    the rows by 5 × 23 per submission. Word counts come from `section_word_counts`.
    """
    sections = SectionText.objects.filter(submission_id=OuterRef("pk"))
    progress = ObjectiveProgress.objects.filter(submission_id=OuterRef("pk"))
    return (
        review.submissions.select_related("country", "organisation", "author")
        .only(*QUEUE_FIELDS)
        .annotate(
            sections_filled=_count_of(sections.exclude(text="")),
            sections_total=_count_of(sections),
            objectives_addressed=_count_of(progress.filter(addressed())),
        )
        .order_by("kind", "country__name", "organisation__name", "pk")
    )


# What the queue and its exports read of a submission and its author.
QUEUE_FIELDS = (
    "kind",
    "review_id",
    "language",
    "status",
    "submitted_at",
    "updated_at",
    "country",
    "organisation__name",
    "author__name",
    "author__email",
)


@dataclass(frozen=True)
class SectionWords:
    number: str
    words: int
    limit: int | None

    @property
    def over(self) -> bool:
        return bool(self.limit) and self.words > self.limit


def section_word_counts(submission_ids: Iterable[int]) -> dict[int, list[SectionWords]]:
    """The word count and limit of each section of the given submissions, in outline order."""
    counts: dict[int, list[SectionWords]] = {pk: [] for pk in submission_ids}
    rows = (
        SectionText.objects.filter(submission_id__in=list(counts))
        .order_by("submission_id", "section__position")
        .values_list("submission_id", "section__number", "word_count", "section__word_limit")
    )
    for submission_id, number, words, limit in rows:
        counts[submission_id].append(SectionWords(number, words, limit))
    return counts


def reviews_open_to_inputs() -> QuerySet[RegionalReview]:
    return RegionalReview.objects.filter(status__in=OPEN_STATES).select_related(
        "commission", "cycle"
    )


def progress_on_objective(review: RegionalReview, objective) -> QuerySet[ObjectiveProgress]:
    """What every submission of a review says about one objective, where it says something.

    Guiding principles are not loaded: `principles_of` reads them for the rows shown.
    """
    return (
        ObjectiveProgress.objects.addressed()
        .filter(submission__review=review, objective=objective)
        .select_related("submission__country", "submission__organisation", "submission__author")
        .only(
            "status",
            "narrative",
            "indicators",
            "promising_practice",
            "submission__kind",
            "submission__country",
            "submission__organisation__name",
            "submission__author__name",
            "submission__author__email",
        )
        .order_by("submission__kind", "submission__country__name", "submission__pk")
    )


def principle_ids_of(progress_ids: Iterable[int]) -> dict[int, list[int]]:
    """The guiding principles applied in each of the given progress rows, in their order."""
    applied: dict[int, list[int]] = {pk: [] for pk in progress_ids}
    links = (
        ObjectiveProgress.principles.through.objects.filter(objectiveprogress_id__in=list(applied))
        .order_by("objectiveprogress_id", "guidingprinciple__position")
        .values_list("objectiveprogress_id", "guidingprinciple_id")
    )
    for progress_id, principle_id in links:
        applied[progress_id].append(principle_id)
    return applied


def principle_choices() -> list[tuple[int, str]]:
    return list(GuidingPrinciple.objects.values_list("pk", "title"))


def principles_of(progress_ids: Iterable[int]) -> dict[int, list[str]]:
    """The titles of the guiding principles applied in each of the given progress rows."""
    titles = dict(principle_choices())
    return {
        progress_id: [titles[pk] for pk in ids]
        for progress_id, ids in principle_ids_of(progress_ids).items()
    }
