"""The Annex 4 table as XLSX (live formulas, recomputed here) and as CSV."""

import csv
import io
from decimal import Decimal

import formulas
import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from budgets.annex4 import version_table
from budgets.exports import (
    FIRST_ROW,
    HEADER_ROW,
    as_xlsx,
    participants_column,
    row_total_column,
    total_column,
    total_row,
)
from budgets.totals import BudgetTotals
from reference.models import Commission
from tests.budgets.builders import add_categories, add_version, annex_4_lines, make_budget
from tests.factories import commission_secretariat, network_secretariat

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(reference_data):
    budget = make_budget()
    (added,) = add_categories(1)
    lines = [
        *annex_4_lines(),
        # A cost to the cent, a line without a cost, a commission without a line.
        ("ECA", added.code, 7, "333.33", None),
        ("ECE", added.code, 4, None, None),
    ]
    return add_version(budget, lines)


def recomputed(content: bytes, tmp_path) -> dict[str, object]:
    """Every cell of the workbook, its formulas computed again by the `formulas` engine."""
    path = tmp_path / "budget.xlsx"
    path.write_bytes(content)
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    values = {}
    for reference, value in solution.items():
        cell = reference.split("!")[-1]
        if ":" not in cell:
            values[cell] = value.value[0][0]
    return values


def letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def cents(value) -> Decimal:
    # A spreadsheet computes in binary floating point: equal to the cent is equal.
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_xlsx_formulas_recomputed_equal_the_totals_of_the_version(version, tmp_path):
    table = version_table(version)
    totals = BudgetTotals.of(version.lines.all())

    values = recomputed(as_xlsx(table), tmp_path)

    for offset, row in enumerate(table.rows):
        number = FIRST_ROW + offset
        for index, commission in enumerate(table.commissions):
            key = (commission.pk, row.category.pk)
            if key in totals.cells:
                assert cents(values[f"{letter(total_column(index))}{number}"]) == totals.cells[key]
        assert (
            cents(values[f"{letter(row_total_column(table))}{number}"])
            == totals.by_category[row.category.pk]
        )
    last = total_row(table)
    for index, commission in enumerate(table.commissions):
        column_total = values[f"{letter(total_column(index))}{last}"]
        assert cents(column_total) == totals.by_commission[commission.pk]
    assert cents(values[f"{letter(row_total_column(table))}{last}"]) == totals.grand


def test_xlsx_totals_are_formulas_and_the_amounts_exact(version):
    table = version_table(version)

    sheet = load_workbook(io.BytesIO(as_xlsx(table))).active

    eca_total = f"{letter(total_column(0))}{FIRST_ROW}"
    assert sheet[eca_total].value == f"=B{FIRST_ROW}*C{FIRST_ROW}"
    assert sheet[f"C{FIRST_ROW}"].value == 2222.7
    assert sheet[f"C{FIRST_ROW}"].number_format == "#,##0.00"
    assert sheet[eca_total].number_format == "#,##0"
    conference = FIRST_ROW + 2
    assert sheet[f"C{conference}"].value == "lump sum"
    assert sheet[f"D{conference}"].value == 30000
    assert sheet[f"{letter(row_total_column(table))}{FIRST_ROW}"].value == (
        f"=SUM(D{FIRST_ROW},G{FIRST_ROW},J{FIRST_ROW},M{FIRST_ROW},P{FIRST_ROW})"
    )
    assert sheet[f"D{total_row(table)}"].value == f"=SUM(D{FIRST_ROW}:D{total_row(table) - 1})"
    assert sheet.cell(HEADER_ROW, participants_column(0)).value == "Economic Commission for Africa"
    assert sheet.sheet_view.rightToLeft in (None, False)


def test_xlsx_in_arabic_reads_right_to_left_with_arabic_headings(version):
    with translation.override("ar"):
        sheet = load_workbook(io.BytesIO(as_xlsx(version_table(version)))).active
        expected_heading = translation.gettext("Cost per participant")

    assert sheet.sheet_view.rightToLeft is True
    assert expected_heading != "Cost per participant"
    assert sheet.cell(HEADER_ROW + 1, participants_column(0) + 1).value == expected_heading
    assert sheet[f"A{FIRST_ROW + 2}"].value == "تكاليف المؤتمر"


def test_csv_has_one_row_per_line_with_its_exact_total_then_the_totals(client, version):
    client.force_login(network_secretariat())
    url = reverse("budgets:export_csv", kwargs={"pk": version.budget.pk, "number": 1})

    response = client.get(url)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="budget-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Commission",
        "Category",
        "Days of per diem",
        "Participants",
        "Cost per participant",
        "Lump sum",
        "Total",
    ]
    lines = rows[1:18]
    assert lines[0] == [
        "Economic Commission for Africa",
        "Travel of participants from LDCs and LLDCs (per diem and flights)",
        "3",
        "36",
        "2222.70",
        "",
        "80017.20",
    ]
    assert lines[15] == [
        "Economic Commission for Africa",
        "Category added 0",
        "",
        "7",
        "333.33",
        "",
        "2333.31",
    ]
    assert lines[16] == ["Economic Commission for Europe", "Category added 0", "", "4", "", "", "0"]
    totals = rows[18:]
    assert totals[0][-1] == "171188.50"
    assert totals[3] == ["All commissions", "Category added 0", "", "11", "", "", "2333.31"]
    assert totals[4] == [
        "Economic Commission for Africa",
        "All categories",
        "",
        "",
        "",
        "",
        "167918.01",
    ]
    assert totals[-1] == ["All commissions", "All categories", "", "", "", "", "572437.11"]


def test_text_that_a_spreadsheet_would_run_is_neutralised(client, reference_data):
    budget = make_budget('=HYPERLINK("http://evil.example","click")')
    added = add_categories(1)[0]
    added.name = "+cmd|' /C calc'!A0"
    added.save()
    add_version(budget, [*annex_4_lines(), ("ECA", added.code, 1, "10", None)])
    client.force_login(network_secretariat())
    kwargs = {"pk": budget.pk, "number": 1}

    csv_text = client.get(reverse("budgets:export_csv", kwargs=kwargs)).content.decode("utf-8-sig")
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("budgets:export_xlsx", kwargs=kwargs)).content)
    ).active

    assert "\n'+cmd|' /C calc'!A0," not in csv_text
    assert "'+cmd|' /C calc'!A0" in csv_text
    assert sheet["A1"].value.startswith("'=HYPERLINK(")
    assert sheet["A1"].data_type == "s"
    category_cells = [row[0] for row in sheet.iter_rows(min_row=FIRST_ROW) if row[0].value]
    assert "'+cmd|' /C calc'!A0" in [cell.value for cell in category_cells]


def test_xlsx_download_for_a_commission_secretariat(client, version):
    client.force_login(commission_secretariat(Commission.objects.get(code="ESCWA")))
    url = reverse("budgets:export_xlsx", kwargs={"pk": version.budget.pk, "number": 1})

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="budget-{version.budget.pk}-version-1.xlsx"'
    )


def test_a_version_that_does_not_exist_is_not_found(client, version):
    client.force_login(network_secretariat())
    url = reverse("budgets:export_xlsx", kwargs={"pk": version.budget.pk, "number": 2})

    assert client.get(url).status_code == 404
