"""What is on the knowledge platform: one Publication per published thing, and its history.

A Publication is the one answer to "is this public?": every public page, search result, feed,
sitemap entry, API response and push reads `Publication.objects.public()`. Its row outlives a
withdrawal (the reason is kept) and a new publication of the same thing reuses it, so its address
and its id stay the same.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from knowledge.enums import InputKind, PublicationAction, PublicationKind, PublicationStatus
from reference.models import Country, Objective
from reports.models import LanguageVersion
from reviews.enums import ReviewStatus
from reviews.models import RegionalReview, ReviewDocument
from submissions.models import Submission

# The field holding the source of each kind of publication.
SOURCE_FIELDS = {
    PublicationKind.REPORT: "report_version",
    PublicationKind.SUBMISSION: "submission",
    PublicationKind.DOCUMENT: "document",
}

# What search reads of a publication: long, and loaded only where it is shown.
SEARCHED = ("text", "search_vector")


def public_condition(prefix: str = "") -> Q:
    """The one rule of what is public: published, of a review the public may see. `prefix`
    reaches publications through a relation ("publications__", "submission__publication__")."""
    return Q(
        **{
            f"{prefix}status": PublicationStatus.PUBLISHED,
            f"{prefix}review__status__in": ReviewStatus.public_states(),
        }
    )


def publication_url(pk: int) -> str:
    """A publication's permanent address (lists read as values link to it without the model)."""
    return reverse("knowledge:publication", kwargs={"pk": pk})


class PublicationQuerySet(models.QuerySet):
    def public(self) -> "PublicationQuerySet":
        return self.filter(public_condition())

    def listed(self) -> "PublicationQuerySet":
        """What a listing shows of each row (`knowledge/_facts.html`), in the same query; never
        the text searched, which is long (`with_text` adds it back).

        Only the review, its cycle and commission are joined: PostgreSQL takes longer to plan a
        listing with every source joined (about 10 ms) than to run it.
        """
        return self.defer(*SEARCHED).select_related("review__cycle", "review__commission")

    def with_sources(self) -> "PublicationQuerySet":
        """A listed row with its country and the report version, input or document it was made
        from: for a publication's own page and the API."""
        return self.listed().select_related(
            "country",
            "report_version__report",
            "submission__country",
            "submission__organisation",
            "document",
        )

    def with_text(self) -> "PublicationQuerySet":
        return self.defer(None).defer("search_vector")


class Publication(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="publications",
        verbose_name=_("regional review"),
    )
    # Exactly one source, the one its kind names (a constraint below).
    report_version = models.OneToOneField(
        LanguageVersion,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="publication",
        verbose_name=_("report language version"),
    )
    submission = models.OneToOneField(
        Submission,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="publication",
        verbose_name=_("input"),
    )
    document = models.OneToOneField(
        ReviewDocument,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="publication",
        verbose_name=_("document"),
    )
    # Copied from the source when published, so that browsing filters without joins.
    title = models.CharField(_("title"), max_length=500)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    input_kind = models.CharField(
        _("kind of input"), max_length=30, choices=InputKind.choices, blank=True
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("country"),
    )
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="publications", verbose_name=_("objectives")
    )
    # The plain text searched, in the publication's language.
    text = models.TextField(_("text"), blank=True)
    # On PostgreSQL, title and text as its language's stemmer reads them (knowledge.search):
    # kept, so that matching and ranking never parse the text again. Empty elsewhere.
    search_vector = SearchVectorField(null=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.PUBLISHED,
    )
    published_at = models.DateTimeField(_("published on"))
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["status", "-published_at"])]
        constraints = [
            models.CheckConstraint(
                name="knowledge_one_source_of_its_kind",
                condition=Q(
                    kind=PublicationKind.REPORT,
                    report_version__isnull=False,
                    submission__isnull=True,
                    document__isnull=True,
                )
                | Q(
                    kind=PublicationKind.SUBMISSION,
                    report_version__isnull=True,
                    submission__isnull=False,
                    document__isnull=True,
                )
                | Q(
                    kind=PublicationKind.DOCUMENT,
                    report_version__isnull=True,
                    submission__isnull=True,
                    document__isnull=False,
                ),
            ),
            models.CheckConstraint(
                name="knowledge_withdrawn_iff_withdrawn_at",
                condition=Q(status=PublicationStatus.WITHDRAWN, withdrawn_at__isnull=False)
                | Q(status=PublicationStatus.PUBLISHED, withdrawn_at__isnull=True),
            ),
            models.CheckConstraint(
                name="knowledge_input_kind_only_for_inputs",
                condition=Q(kind=PublicationKind.SUBMISSION) | Q(input_kind=""),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return publication_url(self.pk)

    @property
    def source_id(self) -> int:
        return getattr(self, f"{SOURCE_FIELDS[self.kind]}_id")


class PublicationEvent(models.Model):
    """One publication or withdrawal: who, when, and why for a withdrawal."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="events", verbose_name=_("publication")
    )
    action = models.CharField(_("action"), max_length=20, choices=PublicationAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["publication", "-created_at", "-pk"]
        verbose_name = _("publication event")
        verbose_name_plural = _("publication events")

    def __str__(self):
        return f"{self.publication_id}: {self.action}"


from knowledge.push.models import Delivery  # noqa: E402, F401 - a model of this app, in its own module
