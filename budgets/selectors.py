"""Reads of budgets, each in a fixed number of queries whatever the number of lines or versions."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from budgets.committed import committed_totals
from budgets.models import (
    Budget,
    BudgetCategory,
    BudgetLine,
    BudgetVersion,
    StatedTotal,
)
from budgets.totals import ZERO, BudgetTotals, Discrepancy, discrepancies
from reference.models import Commission


def budgets_visible_to(user) -> QuerySet[Budget]:
    """Every budget for a secretariat (a commission's sees the whole table), none for others."""
    budgets = Budget.objects.select_related("cycle")
    if not user.is_authenticated or not user.scopes.is_secretariat:
        return budgets.none()
    return budgets


@dataclass
class BudgetListRow:
    budget: Budget
    version: BudgetVersion | None
    grand: Decimal


def budget_list(user, *, cycle_slug: str | None = None) -> list[BudgetListRow]:
    """Each budget with its status and the grand total of the version that counts: the approved
    one, else the latest."""
    latest = BudgetVersion.objects.filter(budget=OuterRef("pk")).order_by("-number").values("pk")
    budgets = budgets_visible_to(user).annotate(latest_version_id=Subquery(latest[:1]))
    if cycle_slug:
        budgets = budgets.filter(cycle__slug=cycle_slug)
    budgets = list(budgets.order_by("-cycle__imrf_year", "-date", "title"))
    shown = {
        budget.pk: budget.approved_version_id or budget.latest_version_id for budget in budgets
    }
    versions = BudgetVersion.objects.in_bulk([pk for pk in shown.values() if pk])
    lines = defaultdict(list)
    for line in (
        BudgetLine.objects.filter(version_id__in=versions)
        .only(
            "version_id",
            "commission_id",
            "category_id",
            "participants",
            "cost_per_participant",
            "lump_sum",
        )
        .order_by()
    ):
        lines[line.version_id].append(line)
    return [
        BudgetListRow(
            budget,
            versions.get(shown[budget.pk]),
            BudgetTotals.of(lines.get(shown[budget.pk], [])).grand,
        )
        for budget in budgets
    ]


@dataclass
class CommitmentRow:
    """One commission's line of the approved version and what is committed against it."""

    commission: Commission
    category: BudgetCategory
    budgeted: Decimal
    committed: Decimal
    participants: int
    funded: int

    @property
    def remaining(self) -> Decimal:
        return self.budgeted - self.committed

    @property
    def over(self) -> bool:
        return self.committed > self.budgeted or self.funded > self.participants


@dataclass
class BudgetPage:
    budget: Budget
    version: BudgetVersion
    versions: list[BudgetVersion]
    lines: list[BudgetLine]
    categories: list[BudgetCategory]
    commissions: list[Commission]
    totals: BudgetTotals
    stated: list[StatedTotal]
    open_discrepancies: list[Discrepancy]
    acknowledged: list[Discrepancy]
    commitments: list[CommitmentRow]

    @property
    def is_approved_version(self) -> bool:
        return self.budget.approved_version_id == self.version.pk


def version_lines(version: BudgetVersion) -> list[BudgetLine]:
    # Ordered by the table's own order, without joining categories and commissions for it.
    return list(BudgetLine.objects.filter(version=version).order_by("category_id", "commission_id"))


def budget_page(budget: Budget, version_number: int | None = None) -> BudgetPage | None:
    """What the budget page shows of one version (the latest unless a number is given), or None
    when the budget has no such version."""
    versions = list(budget.versions.select_related("created_by").order_by("-number"))
    version = next(
        (v for v in versions if version_number is None or v.number == version_number), None
    )
    if version is None:
        return None
    lines = version_lines(version)
    totals = BudgetTotals.of(lines)
    stated = list(version.stated_totals.select_related("acknowledged_by").order_by("scope", "pk"))
    commissions = list(Commission.objects.order_by("position", "code"))
    categories = list(BudgetCategory.objects.order_by("position", "code"))
    commission_by_id = {commission.pk: commission for commission in commissions}
    category_by_id = {category.pk: category for category in categories}
    for figure in stated:
        figure.commission = commission_by_id.get(figure.commission_id)
        figure.category = category_by_id.get(figure.category_id)
    found = discrepancies(totals, stated)
    return BudgetPage(
        budget=budget,
        version=version,
        versions=versions,
        lines=lines,
        categories=categories,
        commissions=commissions,
        totals=totals,
        stated=stated,
        open_discrepancies=[d for d in found if d.stated.acknowledged_at is None],
        acknowledged=[d for d in found if d.stated.acknowledged_at is not None],
        commitments=commitment_rows(budget, version, lines, commissions, categories),
    )


def commitment_rows(
    budget: Budget,
    shown: BudgetVersion,
    shown_lines: list[BudgetLine],
    commissions: list[Commission],
    categories: list[BudgetCategory],
) -> list[CommitmentRow]:
    """Per line of the approved version: budgeted, committed, remaining, funded places."""
    if budget.approved_version_id is None:
        return []
    approved_lines = (
        shown_lines
        if shown.pk == budget.approved_version_id
        else version_lines(budget.approved_version)
    )
    committed = committed_totals(budget)
    commission_by_id = {commission.pk: commission for commission in commissions}
    category_by_id = {category.pk: category for category in categories}
    rows = []
    for line in approved_lines:
        key = (line.commission_id, line.category_id)
        rows.append(
            CommitmentRow(
                commission=commission_by_id[line.commission_id],
                category=category_by_id[line.category_id],
                budgeted=line.total,
                committed=committed.cells.get(key, ZERO),
                participants=line.participants,
                funded=committed.funded.get(key, 0),
            )
        )
    rows.sort(key=lambda row: (row.category.position, row.commission.position))
    return rows
