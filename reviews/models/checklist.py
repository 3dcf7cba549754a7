from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reviews.enums import ChecklistStatus
from reviews.models.cycles import RegionalReview


class ChecklistItem(models.Model):
    """One item of the Annex 1 checklist for one review; its text comes from the template by key."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="checklist_items",
        verbose_name=_("review"),
    )
    key = models.SlugField(_("item"), max_length=60)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ChecklistStatus.choices,
        default=ChecklistStatus.NOT_STARTED,
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    evidence_links = models.JSONField(_("evidence links"), default=list, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["review", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        constraints = [
            models.UniqueConstraint(fields=["review", "key"], name="reviews_checklist_key_unique"),
            models.CheckConstraint(
                condition=models.Q(version__gte=1), name="reviews_checklist_version_positive"
            ),
        ]

    def __str__(self):
        return self.key
