from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.audit import StatusChange
from reviews.enums import ReviewStatus
from reviews.models.cycles import RegionalReview


class ReviewStatusChange(StatusChange):
    """One move of a review's status: who made it, when, from which state to which."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("review"),
    )
    from_status = models.CharField(
        pgettext_lazy("status change", "from"), max_length=20, choices=ReviewStatus.choices
    )
    to_status = models.CharField(
        pgettext_lazy("status change", "to"), max_length=20, choices=ReviewStatus.choices
    )

    class Meta(StatusChange.Meta):
        ordering = ["review", "-created_at", "-pk"]
