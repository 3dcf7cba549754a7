from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.enums import ReviewStatus
from reviews.models.cycles import RegionalReview


class ReviewStatusChange(models.Model):
    """One move of a review's status: who made it, when, from which state to which."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("review"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    from_status = models.CharField(
        pgettext_lazy("status change", "from"), max_length=20, choices=ReviewStatus.choices
    )
    to_status = models.CharField(
        pgettext_lazy("status change", "to"), max_length=20, choices=ReviewStatus.choices
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["review", "-created_at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
