"""Voluntary GCM reviews by Member States and regional inputs, written against versioned outlines."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.drafting import DraftedText, DraftRevision
from core.storage import private_storage
from reference.models import Country, GuidingPrinciple, Objective
from reviews.models import RegionalReview
from submissions.enums import (
    AuditAction,
    ImplementationStatus,
    PlanStatus,
    SubmissionKind,
    SubmissionStatus,
)
from submissions.outlines import shipped_outline, shipped_section


class Outline(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=SubmissionKind.choices)
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    limits_are_rules = models.BooleanField(
        _("word limits are rules"),
        default=False,
        help_text=_(
            "When off, a text past its limit is only flagged; when on, it cannot be submitted."
        ),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("outline")
        verbose_name_plural = _("outlines")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "version"], name="submissions_outline_version_unique"
            ),
            models.CheckConstraint(
                name="submissions_outline_version_from_one", condition=Q(version__gte=1)
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    @property
    def display_title(self) -> str:
        shipped = shipped_outline(self.kind, self.version)
        return str(shipped.title) if shipped else self.title


class OutlineSection(models.Model):
    outline = models.ForeignKey(
        Outline, on_delete=models.CASCADE, related_name="sections", verbose_name=_("outline")
    )
    key = models.SlugField(_("key"), max_length=60)
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
    guidance = models.TextField(_("guidance"), blank=True)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["outline", "position"]
        verbose_name = _("outline section")
        verbose_name_plural = _("outline sections")
        constraints = [
            models.UniqueConstraint(
                fields=["outline", "key"], name="submissions_section_key_unique"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def _shipped(self):
        return shipped_section(self.outline.kind, self.outline.version, self.key)

    @property
    def display_title(self) -> str:
        shipped = self._shipped()
        return str(shipped.title) if shipped else self.title

    @property
    def display_guidance(self) -> list[str]:
        shipped = self._shipped()
        if shipped:
            return [str(text) for text in shipped.guidance]
        return [line for line in self.guidance.splitlines() if line.strip()]


class Submission(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=SubmissionKind.choices)
    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("regional review"),
    )
    outline = models.ForeignKey(
        Outline, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("outline")
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("Member State"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="individual_submissions",
        verbose_name=_("stakeholder"),
        help_text=_("A registered stakeholder submitting without an organisation."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    plan_status = models.CharField(
        _("national implementation plan"), max_length=20, choices=PlanStatus.choices, blank=True
    )
    plan_link = models.URLField(_("link to the plan"), blank=True)
    stakeholder_involvement = models.TextField(
        _("stakeholders involved, and how"), blank=True, max_length=20000
    )
    means_needed = models.JSONField(_("means of implementation needed"), default=list, blank=True)
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # The e-mails its changes drafted in the review's outbox.
    outbox_messages = GenericRelation(
        "outbox.OutboxMessage", content_type_field="about_type", object_id_field="about_id"
    )

    class Meta:
        ordering = ["review", "kind", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.CheckConstraint(
                name="submissions_author_matches_kind",
                condition=(
                    Q(
                        kind=SubmissionKind.VOLUNTARY_REVIEW,
                        country__isnull=False,
                        organisation__isnull=True,
                        author__isnull=True,
                    )
                    | Q(kind=SubmissionKind.REGIONAL_INPUT, country__isnull=True)
                    & (
                        Q(organisation__isnull=False, author__isnull=True)
                        | Q(organisation__isnull=True, author__isnull=False)
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["review", "country"],
                condition=Q(kind=SubmissionKind.VOLUNTARY_REVIEW),
                name="submissions_one_review_per_country_per_review",
            ),
            models.CheckConstraint(
                name="submissions_submitted_at_iff_submitted",
                condition=(
                    Q(status=SubmissionStatus.DRAFT, submitted_at__isnull=True)
                    | Q(
                        status__in=sorted(SubmissionStatus.submitted_states()),
                        submitted_at__isnull=False,
                    )
                    | Q(status=SubmissionStatus.WITHDRAWN)
                ),
            ),
            models.CheckConstraint(
                name="submissions_submission_version_from_one", condition=Q(version__gte=1)
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self):
        return reverse("submissions:edit", kwargs={"pk": self.pk})

    @property
    def author_label(self) -> str:
        if self.country_id:
            return self.country.name
        if self.organisation_id:
            return self.organisation.name
        return str(self.author)

    @property
    def is_editable(self) -> bool:
        return self.status in SubmissionStatus.editable_states()

    @property
    def is_late(self) -> bool:
        """Submitted after the review's due date, or still unsubmitted past it."""
        due = self.review.submissions_due
        if due is None or self.status == SubmissionStatus.WITHDRAWN:
            return False
        if self.submitted_at:
            return timezone.localdate(self.submitted_at) > due
        return timezone.localdate() > due


class SectionText(DraftedText):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="sections", verbose_name=_("submission")
    )
    section = models.ForeignKey(
        OutlineSection, on_delete=models.PROTECT, related_name="+", verbose_name=_("section")
    )

    class Meta:
        ordering = ["submission", "section__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "section"], name="submissions_one_text_per_section"
            ),
        ]

    def __str__(self):
        return f"{self.submission_id}:{self.section_id}"


class SectionRevision(DraftRevision):
    """Every saved state of a section: who, when, what."""

    section_text = models.ForeignKey(
        SectionText, on_delete=models.CASCADE, related_name="revisions"
    )


def addressed(prefix: str = "") -> Q:
    """The one rule for "objective addressed": its status is set or its narrative written.

    `prefix` reaches the progress rows through a relation, as in an annotation on submissions
    (`addressed("objective_progress__")`). Forms strip what is typed, so blank means empty.
    """
    return ~Q(**{f"{prefix}status": ""}) | ~Q(**{f"{prefix}narrative": ""})


class ObjectiveProgressQuerySet(models.QuerySet):
    def addressed(self) -> "ObjectiveProgressQuerySet":
        return self.filter(addressed())


class ObjectiveProgress(models.Model):
    submission = models.ForeignKey(
        Submission,
        on_delete=models.CASCADE,
        related_name="objective_progress",
        verbose_name=_("submission"),
    )
    objective = models.ForeignKey(
        Objective, on_delete=models.PROTECT, related_name="+", verbose_name=_("objective")
    )
    status = models.CharField(
        _("status of implementation"),
        max_length=20,
        choices=ImplementationStatus.choices,
        blank=True,
    )
    narrative = models.TextField(_("narrative"), blank=True, max_length=20000)
    indicators = models.TextField(_("statistical data or indicators"), blank=True, max_length=10000)
    promising_practice = models.TextField(_("promising practice"), blank=True, max_length=10000)
    principles = models.ManyToManyField(
        GuidingPrinciple, blank=True, related_name="+", verbose_name=_("guiding principles applied")
    )

    objects = ObjectiveProgressQuerySet.as_manager()

    class Meta:
        ordering = ["submission", "objective__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "objective"], name="submissions_one_progress_per_objective"
            ),
        ]

    def __str__(self):
        return f"{self.submission_id}:{self.objective_id}"


class AuditEvent(models.Model):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="audit_events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["submission", "-created_at", "-pk"]

    def __str__(self):
        return self.action


class SecretariatComment(models.Model):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="secretariat_comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=10000)
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)

    class Meta:
        ordering = ["submission", "created_at"]

    def __str__(self):
        return f"{self.submission_id}:{self.pk}"


def _attachment_path(instance, filename):
    return f"submissions/{instance.submission_id}/{filename}"


class Attachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=_attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    is_note_verbale = models.BooleanField(_("note verbale"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)

    class Meta:
        ordering = ["submission", "uploaded_at"]

    def __str__(self):
        return self.original_name
