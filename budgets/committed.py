"""What has been committed against a budget: the active (non-reversed) commitments, added up
exactly. The one place that says which commitments count and how they are summed."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from budgets.models import Budget, Commitment
from budgets.totals import ZERO


def active_commitments() -> QuerySet[Commitment]:
    """The commitments that count: a reversed one stays on record but counts no more."""
    return Commitment.objects.filter(reversed_at__isnull=True)


@dataclass(frozen=True)
class CommittedTotals:
    """Sums of active commitments, keyed like BudgetTotals: cells by (commission_id, category_id).

    Money is summed here in Decimal (SQLite would add in floating point); places are `funded`.
    """

    cells: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    funded: dict[tuple[int, int], int] = field(default_factory=dict)
    by_category: dict[int, Decimal] = field(default_factory=dict)
    by_commission: dict[int, Decimal] = field(default_factory=dict)
    grand: Decimal = ZERO


def committed_totals(budget: Budget, **only) -> CommittedTotals:
    """One query; `only` narrows it (commission_id=…, category_id=…)."""
    cells: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    funded: dict[tuple[int, int], int] = defaultdict(int)
    by_category: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_commission: dict[int, Decimal] = defaultdict(lambda: ZERO)
    rows = (
        active_commitments()
        .filter(budget=budget, **only)
        .values_list("commission_id", "category_id", "amount", "participants")
    )
    for commission_id, category_id, amount, participants in rows:
        cells[(commission_id, category_id)] += amount
        funded[(commission_id, category_id)] += participants
        by_category[category_id] += amount
        by_commission[commission_id] += amount
    return CommittedTotals(
        cells=dict(cells),
        funded=dict(funded),
        by_category=dict(by_category),
        by_commission=dict(by_commission),
        grand=sum(cells.values(), ZERO),
    )
