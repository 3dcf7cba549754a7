"""Reads of reviews, scoped to the user who asks and loaded in a fixed number of queries."""

import datetime
from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from reference.models import Objective
from reviews.enums import ReviewStatus
from reviews.models import (
    ChecklistItem,
    DocumentVersion,
    RegionalReview,
    ReviewDocument,
    RoadmapPhase,
    Roundtable,
    Session,
    Speaker,
)
from reviews.readiness import EVERYTHING, FactsBatch, Part, ReviewFacts

# The model's ordering within one review, without joining the review's cycle and commission.
DOCUMENT_ORDER = ("kind", "title", "pk")


def reviews_visible_to(user) -> QuerySet[RegionalReview]:
    reviews = RegionalReview.objects.select_related("cycle", "commission")
    if user.is_authenticated and user.scopes.network:
        return reviews
    public = reviews.filter(status__in=ReviewStatus.public_states())
    if user.is_authenticated and user.scopes.commission_ids:
        return public | reviews.filter(commission_id__in=user.scopes.commission_ids)
    return public


def managed_by(user, prefix: str = "") -> Q:
    """The reviews `user` manages, as a condition on the review at `prefix` ("report__review__"):
    every review for the Network's secretariat, its commissions' for a commission's, none for
    anyone else."""
    if not user.is_authenticated:
        return Q(**{f"{prefix}pk__in": []})
    if user.scopes.network:
        return Q()
    return Q(**{f"{prefix}commission_id__in": user.scopes.commission_ids})


def reviews_managed_by(user) -> QuerySet[RegionalReview]:
    return RegionalReview.objects.select_related("cycle", "commission").filter(managed_by(user))


def speakers_with_details() -> QuerySet[Speaker]:
    return Speaker.objects.select_related("country", "stakeholder_category")


def _lookup(part: Part) -> Prefetch:
    """How each part is loaded, with what its pages and the evaluators read of it."""
    if part is Part.ROUNDTABLES:
        return Prefetch(
            "roundtables",
            queryset=Roundtable.objects.order_by("number").prefetch_related(
                Prefetch("objectives", queryset=Objective.objects.order_by("number"))
            ),
            to_attr="fact_roundtables",
        )
    if part is Part.SESSIONS:
        return Prefetch(
            "sessions",
            queryset=Session.objects.select_related("roundtable")
            .order_by("date", "start_time", "pk")
            .prefetch_related(
                # Within one session; the model's ordering would join the session's review,
                # cycle and commission for every speaker.
                Prefetch("speakers", queryset=speakers_with_details().order_by("role", "pk"))
            ),
            to_attr="fact_sessions",
        )
    if part is Part.DOCUMENTS:
        return Prefetch(
            "documents",
            queryset=ReviewDocument.objects.annotate(comment_count=Count("comments")).order_by(
                *DOCUMENT_ORDER
            ),
            to_attr="fact_documents",
        )
    if part is Part.PHASES:
        return Prefetch(
            "phases", queryset=RoadmapPhase.objects.order_by("pk"), to_attr="fact_phases"
        )
    return Prefetch(
        "checklist_items",
        queryset=ChecklistItem.objects.select_related("owner").order_by("pk"),
        to_attr="fact_checklist",
    )


def _attach_languages(reviews: list[RegionalReview]) -> None:
    """Give each loaded document `languages`: the codes it has a version in, sorted.

    Pages and evaluators read only which languages exist, so no version is built.
    """
    languages: dict[int, list[str]] = {}
    rows = (
        DocumentVersion.objects.filter(document__review__in=[review.pk for review in reviews])
        .order_by("document_id", "language")
        .values_list("document_id", "language")
        .distinct()
    )
    for document_id, language in rows:
        languages.setdefault(document_id, []).append(language)
    for review in reviews:
        for document in review.fact_documents:
            document.languages = languages.get(document.pk, [])


def facts_for_reviews(
    reviews: list[RegionalReview],
    parts: Iterable[Part] = EVERYTHING,
    today: datetime.date | None = None,
) -> list[ReviewFacts]:
    """The parts asked for of several reviews, in one query per part however many reviews."""
    parts = frozenset(parts)
    lookups = [_lookup(part) for part in Part if part in parts]
    for review in reviews:
        # Facts are always read afresh, even for an instance that was read before.
        for lookup in lookups:
            review.__dict__.pop(lookup.to_attr, None)
    prefetch_related_objects(reviews, *lookups)
    if Part.DOCUMENTS in parts:
        _attach_languages(reviews)
    objectives = list(Objective.objects.order_by("number")) if Part.ROUNDTABLES in parts else None
    today = today or timezone.localdate()
    batch = FactsBatch(reviews)
    return [
        ReviewFacts(
            review,
            today,
            {part: getattr(review, f"fact_{part.value}") for part in parts},
            objectives,
            batch,
        )
        for review in reviews
    ]


def facts_for(
    review: RegionalReview,
    parts: Iterable[Part] = EVERYTHING,
    today: datetime.date | None = None,
) -> ReviewFacts:
    return facts_for_reviews([review], parts, today)[0]


def documents_of(review: RegionalReview) -> QuerySet[ReviewDocument]:
    """The review's documents, with only the fields that lists and the document rules read."""
    return review.documents.only("review_id", "kind", "title", "visibility").order_by(
        *DOCUMENT_ORDER
    )
