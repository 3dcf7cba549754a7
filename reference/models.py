"""Reference facts of the GCM: commissions and their members, objectives, principles, stakeholders.

Loaded from the data files in reference/data by `manage.py load_reference`; read-only elsewhere.
"""

import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reference.enums import MembershipKind


class Commission(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)
    headquarters = models.CharField(_("headquarters"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("regional commission")
        verbose_name_plural = _("regional commissions")

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("reference:commission", kwargs={"code": self.code})


class Country(models.Model):
    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=200)
    m49_region = models.CharField(_("M49 region"), max_length=100, blank=True)
    m49_subregion = models.CharField(_("M49 sub-region"), max_length=100, blank=True)
    un_member_state = models.BooleanField(_("UN Member State"), default=False)
    ldc = models.BooleanField(
        pgettext_lazy("country group", "least developed country"), default=False
    )
    lldc = models.BooleanField(_("landlocked developing country"), default=False)
    # A year alone when the exact day is not recorded in the sources.
    ldc_graduation_year = models.PositiveSmallIntegerField(
        _("LDC graduation year"), null=True, blank=True
    )
    ldc_graduation_date = models.DateField(_("LDC graduation date"), null=True, blank=True)
    commissions = models.ManyToManyField(
        Commission, through="CommissionMembership", related_name="countries"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def is_ldc_on(self, day: datetime.date) -> bool:
        """Whether the country counted as a least developed country on that day.

        The `ldc` flag is the status when the data was compiled; a scheduled or past graduation
        overrides it. When only the year is known, the country counts as an LDC all that year.
        """
        if self.ldc_graduation_date:
            return day < self.ldc_graduation_date
        if self.ldc_graduation_year:
            return day.year <= self.ldc_graduation_year
        return self.ldc


class CommissionMembership(models.Model):
    commission = models.ForeignKey(
        Commission,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("commission"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("country")
    )
    kind = models.CharField(_("membership"), max_length=20, choices=MembershipKind.choices)

    class Meta:
        ordering = ["commission", "country__name"]
        verbose_name = _("commission membership")
        verbose_name_plural = _("commission memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["commission", "country"], name="reference_one_membership_per_commission"
            ),
        ]

    def __str__(self):
        return f"{self.commission_id}:{self.country_id} ({self.kind})"


class Objective(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    # The indicative grouping of A/RES/73/326 para 21(b) into four round tables.
    imrf_roundtable = models.PositiveSmallIntegerField(_("IMRF round table"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=23),
                name="reference_objective_number_1_to_23",
            ),
            models.CheckConstraint(
                condition=models.Q(imrf_roundtable__gte=1, imrf_roundtable__lte=4),
                name="reference_objective_roundtable_1_to_4",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class GuidingPrinciple(models.Model):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")

    def __str__(self):
        return self.title


class StakeholderCategory(models.Model):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("stakeholder category")
        verbose_name_plural = _("stakeholder categories")

    def __str__(self):
        return self.label
