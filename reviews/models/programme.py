from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from reference.models import Country, Objective, StakeholderCategory
from reviews.enums import Affiliation, Gender, SessionKind, SpeakerRole
from reviews.models.cycles import RegionalReview


class Roundtable(models.Model):
    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="roundtables",
        verbose_name=_("review"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    objectives = models.ManyToManyField(
        Objective, related_name="roundtables", blank=True, verbose_name=_("objectives")
    )

    class Meta:
        ordering = ["review", "number"]
        verbose_name = _("round table")
        verbose_name_plural = _("round tables")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="reviews_roundtable_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=4), name="reviews_four_roundtables"
            ),
        ]

    def __str__(self):
        return self.title or str(_("Round table %(number)s") % {"number": self.number})


class Session(models.Model):
    review = models.ForeignKey(
        RegionalReview, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("review")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=300)
    roundtable = models.ForeignKey(
        Roundtable,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("round table"),
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)

    class Meta:
        ordering = ["review", "date", "start_time", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")) | Q(end_time__isnull=True),
                name="reviews_session_ends_after_it_starts",
                violation_error_message=_("A session must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title


class Speaker(models.Model):
    """A person in a role in one session of the programme."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("session")
    )
    role = models.CharField(_("role"), max_length=20, choices=SpeakerRole.choices)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("position and organisation"), max_length=300, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    affiliation = models.CharField(_("affiliation"), max_length=30, choices=Affiliation.choices)
    stakeholder_category = models.ForeignKey(
        StakeholderCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stakeholder category"),
    )

    class Meta:
        ordering = ["session", "role", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.CheckConstraint(
                condition=Q(affiliation=Affiliation.STAKEHOLDER, stakeholder_category__isnull=False)
                | (~Q(affiliation=Affiliation.STAKEHOLDER) & Q(stakeholder_category__isnull=True)),
                name="reviews_stakeholder_speaker_has_a_category",
            ),
        ]

    def __str__(self):
        return self.name
