"""What the API reads: public publications only (knowledge.selectors), and what they belong to.

Each read carries its joins and prefetches once, so a response costs the same few queries
whatever the number of rows.
"""

from django.db.models import Prefetch, QuerySet

from knowledge.models import Publication
from knowledge.selectors import public_publications
from reference.models import Objective
from reviews.enums import ReviewStatus
from reviews.models import RegionalReview


def publications_for_api(kind: str | None = None) -> QuerySet[Publication]:
    """Public publications (of one kind, if given), with the objectives they address."""
    publications = (
        public_publications()
        .with_sources()
        .prefetch_related(
            Prefetch(
                "objectives", queryset=Objective.objects.only("pk", "number").order_by("number")
            )
        )
    )
    return publications.filter(kind=kind) if kind else publications


def public_reviews_with_items() -> QuerySet[RegionalReview]:
    """The reviews the public may see, each with its public publications in `public_items`."""
    return (
        RegionalReview.objects.filter(status__in=ReviewStatus.public_states())
        .select_related("cycle", "commission")
        .prefetch_related(
            Prefetch(
                "publications",
                queryset=Publication.objects.public()
                .only("pk", "kind", "review_id")
                .order_by("pk"),
                to_attr="public_items",
            )
        )
        .order_by("-cycle__imrf_year", "cycle__slug", "commission__position", "pk")
    )
