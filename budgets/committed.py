"""What has been committed against a budget: the non-reversed commitments, added up exactly."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from budgets.models import Budget
from budgets.totals import ZERO


@dataclass(frozen=True)
class CommittedTotals:
    """Sums of active commitments, keyed like BudgetTotals: cells by (commission_id, category_id)."""

    cells: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    by_category: dict[int, Decimal] = field(default_factory=dict)
    by_commission: dict[int, Decimal] = field(default_factory=dict)
    grand: Decimal = ZERO


def committed_totals(budget: Budget) -> CommittedTotals:
    """One query; summed in Decimal here, as SQLite would add in floating point."""
    cells: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    by_category: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_commission: dict[int, Decimal] = defaultdict(lambda: ZERO)
    rows = budget.commitments.filter(reversed_at__isnull=True).values_list(
        "commission_id", "category_id", "amount"
    )
    for commission_id, category_id, amount in rows:
        cells[(commission_id, category_id)] += amount
        by_category[category_id] += amount
        by_commission[commission_id] += amount
    return CommittedTotals(
        cells=dict(cells),
        by_category=dict(by_category),
        by_commission=dict(by_commission),
        grand=sum(cells.values(), ZERO),
    )
