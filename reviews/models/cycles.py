import datetime

from dateutil.relativedelta import relativedelta
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from reference.models import Commission
from reviews.enums import MeetingFormat, PhaseKind, ReviewStatus

# Annex 1, 3: the report is finalized within two months after the meeting.
REPORT_MONTHS_AFTER_MEETING = 2


class ReviewCycle(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    imrf_year = models.PositiveSmallIntegerField(
        _("IMRF year"), help_text=_("The International Migration Review Forum the cycle informs.")
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)

    class Meta:
        ordering = ["-imrf_year", "title"]
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:cycle", kwargs={"slug": self.slug})


class RegionalReview(models.Model):
    cycle = models.ForeignKey(
        ReviewCycle, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("cycle")
    )
    commission = models.ForeignKey(
        Commission, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("commission")
    )
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    meeting_start = models.DateField(_("meeting starts"), null=True, blank=True)
    meeting_end = models.DateField(_("meeting ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    meeting_format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.HYBRID
    )
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    online_meeting_link = models.URLField(_("online meeting link"), blank=True)
    documents_due_weeks = models.PositiveSmallIntegerField(
        _("documents due (weeks before the meeting)"),
        default=4,
        help_text=_("Meetings are paperless: documents are shared well in advance."),
    )
    submissions_due = models.DateField(
        _("voluntary reviews and inputs due"),
        null=True,
        blank=True,
        help_text=_("Submissions received after this day are flagged as late."),
    )
    consultation_opens = models.DateField(_("consultation opens"), null=True, blank=True)
    consultation_closes = models.DateField(_("consultation closes"), null=True, blank=True)
    target_women_share = models.PositiveSmallIntegerField(
        _("target share of women speakers (%)"), default=50
    )
    target_countries = models.PositiveSmallIntegerField(
        _("target number of countries among speakers"), default=5
    )
    target_subregions = models.PositiveSmallIntegerField(
        _("target number of sub-regions among speakers"), default=2
    )
    target_society_share = models.PositiveSmallIntegerField(
        _("target share of whole-of-society speakers (%)"), default=30
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["cycle", "commission__position"]
        verbose_name = _("regional review")
        verbose_name_plural = _("regional reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "commission"],
                name="reviews_one_review_per_commission_per_cycle",
                violation_error_message=_("This commission already has a review in this cycle."),
            ),
            models.CheckConstraint(
                condition=Q(meeting_end__gte=F("meeting_start"))
                | Q(meeting_end__isnull=True)
                | Q(meeting_start__isnull=True),
                name="reviews_meeting_ends_after_it_starts",
                violation_error_message=_("The meeting cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(meeting_start__isnull=True, meeting_end__isnull=True)
                | Q(meeting_start__isnull=False, meeting_end__isnull=False),
                name="reviews_meeting_has_both_days_or_none",
                violation_error_message=_("Give both the first and the last day of the meeting."),
            ),
            models.CheckConstraint(
                condition=Q(consultation_closes__gte=F("consultation_opens"))
                | Q(consultation_closes__isnull=True)
                | Q(consultation_opens__isnull=True),
                name="reviews_consultation_closes_after_it_opens",
                violation_error_message=_("The consultation cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=Q(target_women_share__lte=100, target_society_share__lte=100),
                name="reviews_target_shares_are_percentages",
                violation_error_message=_("A share is a percentage between 0 and 100."),
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="reviews_review_version_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:dashboard", kwargs={"pk": self.pk})

    @property
    def report_due(self) -> datetime.date | None:
        if self.meeting_end is None:
            return None
        return self.meeting_end + relativedelta(months=REPORT_MONTHS_AFTER_MEETING)

    @property
    def documents_due(self) -> datetime.date | None:
        if self.meeting_start is None:
            return None
        return self.meeting_start - datetime.timedelta(weeks=self.documents_due_weeks)

    def consultation_is_open(self, day: datetime.date) -> bool:
        return bool(
            self.consultation_opens
            and self.consultation_closes
            and self.consultation_opens <= day <= self.consultation_closes
        )


class RoadmapPhase(models.Model):
    review = models.ForeignKey(
        RegionalReview, on_delete=models.CASCADE, related_name="phases", verbose_name=_("review")
    )
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["review", "pk"]
        verbose_name = _("roadmap phase")
        verbose_name_plural = _("roadmap phases")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "kind"], name="reviews_one_phase_of_each_kind"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on"))
                | Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True),
                name="reviews_phase_ends_after_it_starts",
                violation_error_message=_("A phase cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.get_kind_display()
