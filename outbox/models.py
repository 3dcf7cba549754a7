"""E-mails drafted at each decision of a review's secretariat, read and edited before they are sent.

Apps built on reviews (submissions, stakeholders) draft messages here about their own objects;
the outbox names what a message is about generically and never imports them.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.models import RegionalReview


class OutboxMessage(models.Model):
    """One e-mail to the people a decision concerns, in their language."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("e-mail status", "to send")
        SENT = "sent", pgettext_lazy("e-mail status", "sent")

    review = models.ForeignKey(
        RegionalReview, on_delete=models.CASCADE, related_name="outbox_messages"
    )
    # What the message is about (a submission, a registration…); the object's app gives it a
    # GenericRelation, so its messages go with it.
    about_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    about_id = models.PositiveBigIntegerField()
    about = GenericForeignKey("about_type", "about_id")
    # Who or what it is about, as the outbox lists it without reading every object.
    about_label = models.CharField(_("about"), max_length=300, blank=True)
    recipients = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"), max_length=20000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["review", "status", "-created_at"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        constraints = [
            models.CheckConstraint(
                name="outbox_sent_at_iff_sent",
                condition=(
                    Q(status="draft", sent_at__isnull=True, sent_by__isnull=True)
                    | Q(status="sent", sent_at__isnull=False)
                ),
            ),
            models.CheckConstraint(name="outbox_version_from_one", condition=Q(version__gte=1)),
        ]
        # The messages about one object, and deleting them with it.
        indexes = [models.Index(fields=["about_type", "about_id"], name="outbox_about")]

    def __str__(self):
        return self.subject
