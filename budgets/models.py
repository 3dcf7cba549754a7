"""Indicative budgets of a review cycle (Annex 4): lines per commission and category, in versions.

All arithmetic is in Decimal and nothing is rounded when stored; figures are rounded to the
whole unit of the currency only when shown (ROUNDING below, stated on the pages).
A budget keeps every version it has had; the approved one is what commitments count against.
Commitments name a commission and a category, not a version's line, so they carry over when a
later version is approved.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from budgets.enums import BudgetStatus, CostBasis, StatedScope
from reference.models import Commission
from reviews.models import ReviewCycle

MONEY = {"max_digits": 14, "decimal_places": 2}
# Figures are shown to the whole unit, halves away from zero; stated totals that differ from the
# exact sum by no more than this are rounding, not errors.
ROUNDING = ROUND_HALF_UP
ROUNDING_TOLERANCE = Decimal("1")


def rounded(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("1"), rounding=ROUNDING)


class BudgetCategory(models.Model):
    """A kind of cost; the Annex 4 three are built in, secretariats add others."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    basis = models.CharField(
        _("cost basis"), max_length=20, choices=CostBasis.choices, default=CostBasis.LUMP_SUM
    )
    default_per_diem_days = models.PositiveSmallIntegerField(
        _("days of per diem"), null=True, blank=True
    )
    # Lines of this category fund travel of participants from LDCs and LLDCs (Annex 1, 2).
    funds_ldc_travel = models.BooleanField(_("funds travel of LDC/LLDC delegates"), default=False)
    built_in = models.BooleanField(_("built in"), default=False, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("budget category")
        verbose_name_plural = _("budget categories")

    def __str__(self):
        return self.name


class Budget(models.Model):
    cycle = models.ForeignKey(
        ReviewCycle, on_delete=models.PROTECT, related_name="budgets", verbose_name=_("cycle")
    )
    title = models.CharField(_("title"), max_length=300)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    date = models.DateField(_("date"))
    notes = models.TextField(_("notes"), blank=True)
    approved_version = models.OneToOneField(
        "BudgetVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_for",
        verbose_name=_("approved version"),
    )
    approved_at = models.DateTimeField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(approved_version__isnull=True, approved_at__isnull=True)
                    | Q(approved_version__isnull=False, approved_at__isnull=False)
                ),
                name="budgets_budget_approved_when_version",
                violation_error_message=_("An approved budget names its approved version."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def status(self) -> BudgetStatus:
        return BudgetStatus.APPROVED if self.approved_version_id else BudgetStatus.DRAFT


class BudgetVersion(models.Model):
    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="versions", verbose_name=_("budget")
    )
    number = models.PositiveIntegerField(_("version"))
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    created_at = models.DateTimeField(_("saved on"), auto_now_add=True)

    class Meta:
        ordering = ["budget", "-number"]
        verbose_name = _("budget version")
        verbose_name_plural = _("budget versions")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "number"], name="budgets_version_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="budgets_version_number_positive"
            ),
        ]

    def __str__(self):
        return str(
            _("%(budget)s, version %(number)s") % {"budget": self.budget, "number": self.number}
        )


class BudgetLine(models.Model):
    """One cell of the Annex 4 table: a commission's amount for a category, in one version."""

    version = models.ForeignKey(
        BudgetVersion, on_delete=models.CASCADE, related_name="lines", verbose_name=_("version")
    )
    commission = models.ForeignKey(
        Commission, on_delete=models.PROTECT, related_name="+", verbose_name=_("commission")
    )
    category = models.ForeignKey(
        BudgetCategory, on_delete=models.PROTECT, related_name="lines", verbose_name=_("category")
    )
    per_diem_days = models.PositiveSmallIntegerField(_("days of per diem"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    cost_per_participant = models.DecimalField(
        _("cost per participant"), **MONEY, null=True, blank=True
    )
    lump_sum = models.DecimalField(_("lump sum"), **MONEY, null=True, blank=True)
    # Moves on at every save of the line: an edit states the stamp it started from
    # (core.concurrency), so two people changing the same cell are told, not overwritten.
    stamp = models.PositiveIntegerField(_("edit stamp"), default=1, editable=False)

    class Meta:
        ordering = ["version", "category__position", "commission__position"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "commission", "category"],
                name="budgets_line_unique",
                violation_error_message=_("A version has one line per commission and category."),
            ),
            models.CheckConstraint(
                condition=Q(cost_per_participant__isnull=True) | Q(cost_per_participant__gte=0),
                name="budgets_line_cost_not_negative",
                violation_error_message=_("A cost cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(lump_sum__isnull=True) | Q(lump_sum__gte=0),
                name="budgets_line_lump_sum_not_negative",
                violation_error_message=_("A lump sum cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.commission} · {self.category}"

    @property
    def total(self) -> Decimal:
        """Exact: a lump sum where there is one, else participants × cost per participant."""
        if self.lump_sum is not None:
            return self.lump_sum
        return self.participants * (self.cost_per_participant or Decimal("0"))


class StatedTotal(models.Model):
    """A figure as a source stated it (e.g. an imported spreadsheet), kept to be checked.

    Whether it adds up is computed against the version's lines each time, never stored.
    """

    version = models.ForeignKey(
        BudgetVersion,
        on_delete=models.CASCADE,
        related_name="stated_totals",
        verbose_name=_("version"),
    )
    scope = models.CharField(_("what it totals"), max_length=20, choices=StatedScope.choices)
    commission = models.ForeignKey(
        Commission,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commission"),
    )
    category = models.ForeignKey(
        BudgetCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("category"),
    )
    amount = models.DecimalField(_("stated amount"), **MONEY)
    source = models.CharField(_("source"), max_length=300, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged on"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    acknowledgement = models.TextField(_("why it stands"), blank=True)

    class Meta:
        ordering = ["version", "scope", "pk"]
        verbose_name = _("stated total")
        verbose_name_plural = _("stated totals")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(scope=StatedScope.CELL, commission__isnull=False, category__isnull=False)
                    | Q(scope=StatedScope.CATEGORY, commission__isnull=True, category__isnull=False)
                    | Q(
                        scope=StatedScope.COMMISSION,
                        commission__isnull=False,
                        category__isnull=True,
                    )
                    | Q(scope=StatedScope.GRAND, commission__isnull=True, category__isnull=True)
                ),
                name="budgets_stated_total_scope",
            ),
            # One stated figure per cell, row, column and table (NULLs are distinct in SQL).
            models.UniqueConstraint(
                fields=["version", "commission", "category"],
                condition=Q(scope=StatedScope.CELL),
                name="budgets_stated_cell_unique",
            ),
            models.UniqueConstraint(
                fields=["version", "category"],
                condition=Q(scope=StatedScope.CATEGORY),
                name="budgets_stated_category_unique",
            ),
            models.UniqueConstraint(
                fields=["version", "commission"],
                condition=Q(scope=StatedScope.COMMISSION),
                name="budgets_stated_commission_unique",
            ),
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(scope=StatedScope.GRAND),
                name="budgets_stated_grand_unique",
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True) | ~Q(acknowledgement=""),
                name="budgets_stated_total_acknowledged_with_reason",
                violation_error_message=_("Say why the stated figure stands."),
            ),
        ]

    def __str__(self):
        return f"{self.get_scope_display()}: {self.amount}"


class Commitment(models.Model):
    """Money and places promised against a budget line (e.g. approved travel funding).

    Counted against the approved version's line of the same commission and category; a reversed
    commitment counts no more but stays on record.
    """

    budget = models.ForeignKey(
        Budget, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("budget")
    )
    commission = models.ForeignKey(
        Commission, on_delete=models.PROTECT, related_name="+", verbose_name=_("commission")
    )
    category = models.ForeignKey(
        BudgetCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    amount = models.DecimalField(_("amount"), **MONEY)
    participants = models.PositiveIntegerField(_("funded participants"), default=0)
    source = models.CharField(_("what it funds"), max_length=300)
    override_reason = models.TextField(_("why it may exceed the line"), blank=True)
    # Who recorded or reversed a commitment is kept while their account exists; the money stays
    # counted when an account is deleted (an applicant who withdrew reversed their own funding).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded on"), auto_now_add=True)
    reversed_at = models.DateTimeField(_("reversed on"), null=True, blank=True)
    reversed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reversed by"),
    )
    reversal_reason = models.TextField(_("why it was reversed"), blank=True)

    class Meta:
        ordering = ["budget", "-created_at"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budgets_commitment_amount_not_negative",
                violation_error_message=_("A commitment cannot be negative."),
            ),
            # Reversed by someone, whose account may since have been deleted.
            models.CheckConstraint(
                condition=Q(reversed_at__isnull=False) | Q(reversed_by__isnull=True),
                name="budgets_commitment_reversed_by_someone",
            ),
            models.CheckConstraint(
                condition=~Q(source=""),
                name="budgets_commitment_names_source",
                violation_error_message=_("Say what the commitment funds."),
            ),
        ]
        indexes = [models.Index(fields=["budget", "commission", "category"])]

    def __str__(self):
        return self.source

    @property
    def is_active(self) -> bool:
        return self.reversed_at is None


class BudgetApproval(models.Model):
    """Each time a version was approved: the record stays when a later approval replaces it.

    A version on record cannot be deleted on its own (RESTRICT), only with its whole budget.
    """

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="approvals", verbose_name=_("budget")
    )
    version = models.ForeignKey(
        BudgetVersion,
        on_delete=models.RESTRICT,
        related_name="approvals",
        verbose_name=_("version"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved on"))
    replaced_version = models.ForeignKey(
        BudgetVersion,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replaced the approval of"),
    )

    class Meta:
        ordering = ["budget", "-approved_at", "-pk"]
        verbose_name = _("budget approval")
        verbose_name_plural = _("budget approvals")

    def __str__(self):
        return str(self.approved_at)
