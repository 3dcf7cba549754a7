"""A printable document someone asked for, and the PDF rendered for them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from reports.enums import RenderStatus
from reviews.models import RegionalReview


class RenderJob(models.Model):
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="render_jobs",
        verbose_name=_("asked by"),
    )
    # A kind of reports.printing.registry and the key of its source object.
    kind = models.CharField(_("document"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("source"))
    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="render_jobs",
        verbose_name=_("regional review"),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=RenderStatus.choices, default=RenderStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    # sha256 of everything the PDF is made from: the HTML, the stylesheet, the renderer.
    fingerprint = models.CharField(_("input fingerprint"), max_length=64, blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to="print/", blank=True)
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    reused = models.BooleanField(_("reused an identical document"), default=False)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    started_at = models.DateTimeField(_("started on"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("rendered document")
        verbose_name_plural = _("rendered documents")
        constraints = [
            models.CheckConstraint(
                name="reports_renderjob_progress_percent", condition=Q(progress__lte=100)
            ),
            models.CheckConstraint(
                name="reports_renderjob_success_has_file",
                condition=~Q(status=RenderStatus.SUCCEEDED) | (~Q(file="") & ~Q(sha256="")),
            ),
            models.CheckConstraint(
                name="reports_renderjob_failure_says_why",
                condition=~Q(status=RenderStatus.FAILED) | ~Q(error=""),
            ),
        ]
        indexes = [
            # Identical inputs: a finished document with the same fingerprint is reused.
            models.Index(
                fields=["fingerprint"],
                condition=Q(status=RenderStatus.SUCCEEDED),
                name="reports_renderjob_reusable",
            ),
            # "My documents".
            models.Index(fields=["requested_by", "-created_at"], name="reports_renderjob_mine"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.object_id} ({self.language})"

    def get_absolute_url(self):
        return reverse("reports:job", kwargs={"pk": self.pk})

    @property
    def kind_label(self) -> str:
        from reports.printing.registry import label_of

        return label_of(self.kind)

    @property
    def is_finished(self) -> bool:
        return self.status in RenderStatus.finished_states()

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None
