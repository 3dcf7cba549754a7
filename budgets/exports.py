"""A budget version as a spreadsheet: XLSX in the Annex 4 layout with live formulas, and CSV.

XLSX: categories as rows; per commission the participants, the cost per participant and the
line's total (a formula, participants × cost, or the lump sum itself); a total per row, per
commission and overall, all formulas. The exact amounts are written, never rounded; the number
formats round them for display, halves away from zero as on the pages.
CSV: one row per line with its exact total, then the totals of every category, every commission
and the whole budget.
Text is in the active language, and text that a spreadsheet would read as a formula is made
harmless (core.spreadsheets.neutralise).
"""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from budgets.annex4 import Annex4Table
from core.spreadsheets import csv_bytes, neutralise

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# Where the table sits in the sheet: two heading rows, then one row per category, then totals.
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 2
COUNT_FORMAT, COST_FORMAT, TOTAL_FORMAT = "#,##0", "#,##0.00", "#,##0"
_HEADING_FILL = PatternFill("solid", fgColor="DCE6F1")
_BOLD = Font(bold=True)


def participants_column(commission_index: int) -> int:
    return 2 + 3 * commission_index


def total_column(commission_index: int) -> int:
    return participants_column(commission_index) + 2


def row_total_column(table: Annex4Table) -> int:
    return participants_column(len(table.commissions))


def total_row(table: Annex4Table) -> int:
    return FIRST_ROW + len(table.rows)


def _text(sheet, row: int, column: int, value, *, bold: bool = False):
    cell = sheet.cell(row=row, column=column, value=neutralise(value))
    cell.data_type = "s"  # text, never a formula
    if bold:
        cell.font = _BOLD
    return cell


def _number(sheet, row: int, column: int, value, number_format: str):
    cell = sheet.cell(row=row, column=column, value=value)
    cell.number_format = number_format
    return cell


def as_xlsx(table: Annex4Table) -> bytes:
    version, budget = table.version, table.version.budget
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Annex 4")[:31]
    sheet.sheet_view.rightToLeft = translation.get_language_bidi()
    title = _("%(budget)s, version %(number)s") % {"budget": budget.title, "number": version.number}
    _text(sheet, 1, 1, title, bold=True)
    _text(sheet, 2, 1, _("Amounts in %(currency)s") % {"currency": budget.currency})

    last_row = total_row(table)
    sums_column = row_total_column(table)
    _text(sheet, HEADER_ROW, 1, _("Category"), bold=True)
    sheet.merge_cells(start_row=HEADER_ROW, end_row=HEADER_ROW + 1, start_column=1, end_column=1)
    for index, commission in enumerate(table.commissions):
        first = participants_column(index)
        _text(sheet, HEADER_ROW, first, commission.name, bold=True)
        sheet.merge_cells(
            start_row=HEADER_ROW, end_row=HEADER_ROW, start_column=first, end_column=first + 2
        )
        for offset, heading in enumerate(
            [_("Participants"), _("Cost per participant"), _("Total")]
        ):
            _text(sheet, HEADER_ROW + 1, first + offset, heading, bold=True)
    _text(sheet, HEADER_ROW, sums_column, _("Total"), bold=True)
    sheet.merge_cells(
        start_row=HEADER_ROW,
        end_row=HEADER_ROW + 1,
        start_column=sums_column,
        end_column=sums_column,
    )

    for offset, row in enumerate(table.rows):
        number = FIRST_ROW + offset
        _text(sheet, number, 1, row.category.name)
        totals = []
        for index, cell in enumerate(row.cells):
            participants, total = participants_column(index), total_column(index)
            totals.append(f"{get_column_letter(total)}{number}")
            line = cell.line
            if line is None:
                continue
            _number(sheet, number, participants, line.participants, COUNT_FORMAT)
            if line.lump_sum is not None:
                _text(sheet, number, participants + 1, _("lump sum"))
                _number(sheet, number, total, line.lump_sum, TOTAL_FORMAT)
            else:
                _number(sheet, number, participants + 1, line.cost_per_participant, COST_FORMAT)
                p, c = get_column_letter(participants), get_column_letter(participants + 1)
                _number(sheet, number, total, f"={p}{number}*{c}{number}", TOTAL_FORMAT)
        _number(sheet, number, sums_column, f"=SUM({','.join(totals)})", TOTAL_FORMAT)

    _text(sheet, last_row, 1, _("Total"), bold=True)
    for column in [total_column(i) for i in range(len(table.commissions))] + [sums_column]:
        letter = get_column_letter(column)
        cell = _number(
            sheet,
            last_row,
            column,
            f"=SUM({letter}{FIRST_ROW}:{letter}{last_row - 1})",
            TOTAL_FORMAT,
        )
        cell.font = _BOLD

    for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW + 1):
        for cell in row:
            cell.fill = _HEADING_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.column_dimensions["A"].width = 48
    for column in range(2, sums_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_rows(table: Annex4Table) -> list[list[str]]:
    rows = [
        [
            _("Commission"),
            _("Category"),
            _("Days of per diem"),
            _("Participants"),
            _("Cost per participant"),
            _("Lump sum"),
            _("Total"),
        ]
    ]

    def exact(value) -> str:
        return "" if value is None else str(value)

    for row in table.rows:
        for commission, cell in zip(table.commissions, row.cells, strict=True):
            if cell.line is None:
                continue
            line = cell.line
            rows.append(
                [
                    commission.name,
                    row.category.name,
                    exact(line.per_diem_days),
                    exact(line.participants),
                    exact(line.cost_per_participant),
                    exact(line.lump_sum),
                    exact(cell.total),
                ]
            )
    all_commissions, all_categories = _("All commissions"), _("All categories")
    for row in table.rows:
        rows.append(
            [
                all_commissions,
                row.category.name,
                "",
                exact(row.participants),
                "",
                "",
                exact(row.total.amount),
            ]
        )
    for commission, total in zip(table.commissions, table.column_totals, strict=True):
        rows.append([commission.name, all_categories, "", "", "", "", exact(total.amount)])
    rows.append([all_commissions, all_categories, "", "", "", "", exact(table.grand.amount)])
    return [[neutralise(value) for value in row] for row in rows]


def as_csv(table: Annex4Table) -> bytes:
    return csv_bytes(csv_rows(table))
