"""One Delivery per publication or withdrawal pushed to the external platform.

A Delivery is the event as it was sent: its body is fixed when the change happens, and every
attempt (the task's retries, the secretariat's "Send again") sends that same body under the same
id, so the receiver recognises a delivery it has already applied.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from knowledge.enums import PublicationAction

# The data version (core.versions) every delivery moves, wherever it is saved: the worker's
# attempts change what the Deliveries page shows.
DELIVERIES = "deliveries"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("delivery status", "being sent")
        DELIVERED = "delivered", pgettext_lazy("delivery status", "delivered")
        FAILED = "failed", pgettext_lazy("delivery status", "failed")

    publication = models.ForeignKey(
        "knowledge.Publication",
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("publication"),
    )
    action = models.CharField(_("action"), max_length=20, choices=PublicationAction.choices)
    # The body sent, as JSON: serialised by knowledge.push.services.body_of, the same every time.
    payload = models.JSONField(_("payload"), default=dict)
    url = models.URLField(_("address"), max_length=500)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(_("last answer"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt on"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        # The Deliveries page, filtered by status, newest first.
        indexes = [models.Index(fields=["status", "-created_at"], name="knowledge_delivery_status")]
        constraints = [
            models.CheckConstraint(
                name="knowledge_delivered_has_delivered_at",
                condition=~Q(status="delivered") | Q(delivered_at__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.pk}: {self.action}"
