"""The Annex 4 table as the page shows it: categories as rows, commissions as column groups
(participants, cost per participant, total), a total column and a total row. Pure: built from
rows already loaded, and from the figures typed in the form when it is a what-if."""

from dataclasses import dataclass, field
from decimal import Decimal

from budgets.enums import CostBasis
from budgets.models import BudgetCategory, BudgetLine, BudgetVersion
from budgets.totals import ZERO, BudgetTotals
from reference.models import Commission


@dataclass
class Cell:
    commission: Commission
    category: BudgetCategory
    line: BudgetLine | None
    total: Decimal
    editable: bool
    fields: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.commission.pk}-{self.category.pk}"

    @property
    def is_lump_sum(self) -> bool:
        return self.category.basis == CostBasis.LUMP_SUM

    @property
    def participants(self) -> int | None:
        return self.line.participants if self.line else None


@dataclass
class Row:
    category: BudgetCategory
    cells: list[Cell]
    total: Decimal
    participants: int
    per_diem_days: int | None


@dataclass
class ColumnTotal:
    commission: Commission
    total: Decimal


@dataclass
class BudgetTable:
    version: BudgetVersion
    commissions: list[Commission]
    rows: list[Row]
    column_totals: list[ColumnTotal]
    grand: Decimal
    totals: BudgetTotals

    @property
    def has_inputs(self) -> bool:
        return any(cell.editable for row in self.rows for cell in row.cells)


def build_table(
    *,
    version: BudgetVersion,
    lines: list[BudgetLine],
    categories: list[BudgetCategory],
    commissions: list[Commission],
    editable_commission_ids: frozenset[int] = frozenset(),
    form=None,
) -> BudgetTable:
    """Every category as a row and every commission as a column group; a cell has inputs when its
    commission is editable, taken from `form` (budgets.forms.BudgetTableForm)."""
    by_cell = {(line.commission_id, line.category_id): line for line in lines}
    totals = BudgetTotals.of(lines)
    rows = []
    for category in categories:
        cells = []
        days = None
        for commission in commissions:
            line = by_cell.get((commission.pk, category.pk))
            if line is not None and line.per_diem_days is not None:
                days = line.per_diem_days
            editable = commission.pk in editable_commission_ids
            cell = Cell(
                commission=commission,
                category=category,
                line=line,
                total=totals.cells.get((commission.pk, category.pk), ZERO),
                editable=editable,
            )
            if editable and form is not None:
                cell.fields = form.cell_fields(commission, category)
            cells.append(cell)
        rows.append(
            Row(
                category=category,
                cells=cells,
                total=totals.by_category.get(category.pk, ZERO),
                participants=totals.participants_by_category.get(category.pk, 0),
                per_diem_days=days if days is not None else category.default_per_diem_days,
            )
        )
    return BudgetTable(
        version=version,
        commissions=commissions,
        rows=rows,
        column_totals=[
            ColumnTotal(commission, totals.by_commission.get(commission.pk, ZERO))
            for commission in commissions
        ],
        grand=totals.grand,
        totals=totals,
    )
