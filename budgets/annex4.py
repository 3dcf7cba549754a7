"""The Annex 4 table of one version, as shown, compared and exported.

Categories are rows; commissions are column groups (participants, cost per participant, total);
a total column and a total row close it. Every amount comes from BudgetTotals: nothing is added
up here. Two tables of the same budget can be compared cell by cell (`compared`).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Q

from budgets.models import BudgetCategory, BudgetLine, BudgetVersion
from budgets.totals import ZERO, BudgetTotals
from reference.models import Commission

# What may differ in a cell between two versions.
PARTICIPANTS, COST, TOTAL = "participants", "cost", "total"


@dataclass(frozen=True)
class Cell:
    """A commission's line for a category; `line` is None where the version has none."""

    line: BudgetLine | None
    total: Decimal | None
    changed: frozenset[str] = frozenset()
    difference: Decimal | None = None

    @property
    def is_lump_sum(self) -> bool:
        return self.line is not None and self.line.lump_sum is not None


@dataclass(frozen=True)
class Total:
    amount: Decimal
    changed: bool = False
    difference: Decimal | None = None


@dataclass(frozen=True)
class Row:
    category: BudgetCategory
    cells: list[Cell]
    total: Total
    participants: int = 0


@dataclass(frozen=True)
class Annex4Table:
    version: BudgetVersion
    commissions: list[Commission]
    rows: list[Row]
    column_totals: list[Total]
    grand: Total

    @property
    def changes(self) -> int:
        """How many cells differ from the version it was compared with."""
        return sum(1 for row in self.rows for cell in row.cells if cell.changed)


def lines_by_version(versions: list[BudgetVersion]) -> dict[int, list[BudgetLine]]:
    """The lines of the given versions, in one query, in the order of the Annex 4 table."""
    lines: dict[int, list[BudgetLine]] = defaultdict(list)
    for line in BudgetLine.objects.filter(version__in=versions).order_by(
        "category__position", "category__code", "commission__position", "commission__code"
    ):
        lines[line.version_id].append(line)
    return lines


def commissions_as_columns() -> list[Commission]:
    return list(Commission.objects.order_by("position", "code"))


def categories_as_rows(versions: Iterable[BudgetVersion]) -> list[BudgetCategory]:
    """The built-in categories and every category the versions have a line for, in table order."""
    return list(
        BudgetCategory.objects.filter(Q(built_in=True) | Q(lines__version__in=list(versions)))
        .distinct()
        .order_by("position", "code")
    )


def annex4_table(
    version: BudgetVersion,
    lines: Iterable[BudgetLine],
    *,
    commissions: list[Commission],
    categories: list[BudgetCategory],
) -> Annex4Table:
    lines = list(lines)
    totals = BudgetTotals.of(lines)
    by_cell = {(line.commission_id, line.category_id): line for line in lines}
    rows = []
    for category in categories:
        cells = []
        for commission in commissions:
            line = by_cell.get((commission.pk, category.pk))
            cells.append(Cell(line, totals.cells.get((commission.pk, category.pk))))
        rows.append(
            Row(
                category,
                cells,
                Total(totals.by_category.get(category.pk, ZERO)),
                totals.participants_by_category.get(category.pk, 0),
            )
        )
    return Annex4Table(
        version=version,
        commissions=commissions,
        rows=rows,
        column_totals=[Total(totals.by_commission.get(c.pk, ZERO)) for c in commissions],
        grand=Total(totals.grand),
    )


def version_table(version: BudgetVersion) -> Annex4Table:
    """The table of one version, loaded in three queries."""
    return annex4_table(
        version,
        lines_by_version([version])[version.pk],
        commissions=commissions_as_columns(),
        categories=categories_as_rows([version]),
    )


def _changed_fields(old: Cell, new: Cell) -> frozenset[str]:
    if old.line is None and new.line is None:
        return frozenset()
    if old.line is None or new.line is None:
        return frozenset({PARTICIPANTS, COST, TOTAL})
    changed = set()
    if old.line.participants != new.line.participants:
        changed.add(PARTICIPANTS)
    if (old.line.cost_per_participant, old.line.lump_sum) != (
        new.line.cost_per_participant,
        new.line.lump_sum,
    ):
        changed.add(COST)
    if old.total != new.total:
        changed.add(TOTAL)
    return frozenset(changed)


def _compared_totals(old: Total, new: Total) -> tuple[Total, Total]:
    if old.amount == new.amount:
        return old, new
    return replace(old, changed=True), replace(
        new, changed=True, difference=new.amount - old.amount
    )


def compared(old: Annex4Table, new: Annex4Table) -> tuple[Annex4Table, Annex4Table]:
    """Both tables with every changed cell and total marked; the newer one carries the differences.

    Both must have been built with the same commissions and categories.
    """
    old_rows, new_rows = [], []
    for old_row, new_row in zip(old.rows, new.rows, strict=True):
        old_cells, new_cells = [], []
        for old_cell, new_cell in zip(old_row.cells, new_row.cells, strict=True):
            changed = _changed_fields(old_cell, new_cell)
            difference = None
            if TOTAL in changed:
                difference = (new_cell.total or ZERO) - (old_cell.total or ZERO)
            old_cells.append(replace(old_cell, changed=changed))
            new_cells.append(replace(new_cell, changed=changed, difference=difference))
        old_total, new_total = _compared_totals(old_row.total, new_row.total)
        old_rows.append(replace(old_row, cells=old_cells, total=old_total))
        new_rows.append(replace(new_row, cells=new_cells, total=new_total))
    column_pairs = [
        _compared_totals(a, b) for a, b in zip(old.column_totals, new.column_totals, strict=True)
    ]
    old_grand, new_grand = _compared_totals(old.grand, new.grand)
    return (
        replace(old, rows=old_rows, column_totals=[a for a, _ in column_pairs], grand=old_grand),
        replace(new, rows=new_rows, column_totals=[b for _, b in column_pairs], grand=new_grand),
    )
