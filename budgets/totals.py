"""The arithmetic of a budget table: exact totals per line, category, commission and overall,
and the check of every stated figure against them. Pure functions of the lines, no queries."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from budgets.enums import StatedScope
from budgets.models import ROUNDING_TOLERANCE, BudgetLine, StatedTotal

ZERO = Decimal("0")


@dataclass(frozen=True)
class BudgetTotals:
    """Totals keyed by primary keys: cells by (commission_id, category_id)."""

    cells: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    by_category: dict[int, Decimal] = field(default_factory=dict)
    by_commission: dict[int, Decimal] = field(default_factory=dict)
    participants_by_category: dict[int, int] = field(default_factory=dict)
    grand: Decimal = ZERO

    @classmethod
    def of(cls, lines: Iterable[BudgetLine]) -> "BudgetTotals":
        cells: dict[tuple[int, int], Decimal] = {}
        by_category: dict[int, Decimal] = defaultdict(lambda: ZERO)
        by_commission: dict[int, Decimal] = defaultdict(lambda: ZERO)
        participants: dict[int, int] = defaultdict(int)
        for line in lines:
            total = line.total
            cells[(line.commission_id, line.category_id)] = total
            by_category[line.category_id] += total
            by_commission[line.commission_id] += total
            participants[line.category_id] += line.participants
        return cls(
            cells=cells,
            by_category=dict(by_category),
            by_commission=dict(by_commission),
            participants_by_category=dict(participants),
            grand=sum(cells.values(), ZERO),
        )

    def computed(self, stated: StatedTotal) -> Decimal:
        """What a stated figure should be, from the lines."""
        match stated.scope:
            case StatedScope.CELL:
                return self.cells.get((stated.commission_id, stated.category_id), ZERO)
            case StatedScope.CATEGORY:
                return self.by_category.get(stated.category_id, ZERO)
            case StatedScope.COMMISSION:
                return self.by_commission.get(stated.commission_id, ZERO)
            case _:
                return self.grand


@dataclass(frozen=True)
class Discrepancy:
    stated: StatedTotal
    computed: Decimal

    @property
    def difference(self) -> Decimal:
        """Positive when the stated figure is too high."""
        return self.stated.amount - self.computed


def discrepancies(totals: BudgetTotals, stated: Iterable[StatedTotal]) -> list[Discrepancy]:
    """Stated figures that differ from the exact totals by more than rounding to the whole unit."""
    found = []
    for figure in stated:
        computed = totals.computed(figure)
        if abs(figure.amount - computed) > ROUNDING_TOLERANCE:
            found.append(Discrepancy(figure, computed))
    return found
