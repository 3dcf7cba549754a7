"""The outcome report of a regional review (Annex 1 §3): its status, language versions, sections."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.audit import StatusChange
from core.drafting import DraftedText, DraftRevision
from reports.enums import ReportSection, ReportStatus, VersionKind
from reviews.models import RegionalReview


class Report(models.Model):
    review = models.OneToOneField(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="report",
        verbose_name=_("regional review"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    # The day it last became final: Annex 1 wants it within two months after the meeting.
    final_on = models.DateField(_("finalised on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("outcome report")
        verbose_name_plural = _("outcome reports")
        constraints = [
            models.CheckConstraint(
                name="reports_final_on_iff_finalised",
                condition=Q(status=ReportStatus.DRAFT, final_on__isnull=True)
                | Q(
                    status__in=sorted(ReportStatus.finalised_states()),
                    final_on__isnull=False,
                ),
            ),
            models.CheckConstraint(
                name="reports_published_at_iff_published",
                condition=Q(status=ReportStatus.PUBLISHED, published_at__isnull=False)
                | (~Q(status=ReportStatus.PUBLISHED) & Q(published_at__isnull=True)),
            ),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} #{self.pk}"

    def get_absolute_url(self):
        return reverse("reports:report", kwargs={"pk": self.review_id})

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED

    def is_on_time(self, due: datetime.date | None) -> bool | None:
        """Finalised by `due` (the review's report_due)? None while not final or without a due."""
        if self.final_on is None or due is None:
            return None
        return self.final_on <= due


class ReportStatusChange(StatusChange):
    """One move of a report's status: who made it, when, from which state to which."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("report")
    )
    from_status = models.CharField(
        pgettext_lazy("status change", "from"), max_length=20, choices=ReportStatus.choices
    )
    to_status = models.CharField(
        pgettext_lazy("status change", "to"), max_length=20, choices=ReportStatus.choices
    )

    class Meta(StatusChange.Meta):
        ordering = ["report", "-created_at", "-pk"]


class LanguageVersion(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="languages", verbose_name=_("report")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    kind = models.CharField(
        _("version"), max_length=20, choices=VersionKind.choices, default=VersionKind.PENDING
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["report", "created_at", "pk"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "language"], name="reports_one_version_per_language"
            ),
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(kind=VersionKind.ORIGINAL),
                name="reports_one_original",
            ),
        ]

    def __str__(self):
        return f"{self.report_id}:{self.language}"

    def get_absolute_url(self):
        return reverse(
            "reports:edit", kwargs={"pk": self.report.review_id, "language": self.language}
        )

    @property
    def is_final(self) -> bool:
        return self.kind in VersionKind.final_kinds()


class ReportSectionText(DraftedText):
    """One of sections (i) to (v) in one language version, as safe formatted text."""

    language_version = models.ForeignKey(
        LanguageVersion,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("language version"),
    )
    section = models.CharField(_("section"), max_length=30, choices=ReportSection.choices)
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        ordering = ["language_version", "position"]
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [
            models.UniqueConstraint(
                fields=["language_version", "section"], name="reports_one_text_per_section"
            ),
        ]

    def __str__(self):
        return f"{self.language_version_id}:{self.section}"

    @property
    def numeral(self) -> str:
        return ReportSection(self.section).numeral


class ReportSectionRevision(DraftRevision):
    """Every saved state of a report section: who, when, what."""

    section_text = models.ForeignKey(
        ReportSectionText, on_delete=models.CASCADE, related_name="revisions"
    )
