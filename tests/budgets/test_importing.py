"""Importing the Annex 4 files: every total computed again, every stated total checked, and a
file that cannot be read refused whole, with its file, row and column named."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from budgets.enums import StatedScope
from budgets.importing import (
    DEMO_LINES,
    DEMO_STATED_TOTALS,
    BudgetFile,
    BudgetFileError,
    read_budget,
)
from budgets.models import Budget, BudgetLine, StatedTotal
from budgets.selectors import budget_page
from tests.factories import make_budget, make_review

pytestmark = pytest.mark.django_db

LINES = DEMO_LINES.read_text(encoding="utf-8")
STATED = DEMO_STATED_TOTALS.read_text(encoding="utf-8")


def csv_file(text: str, name: str = "lines.csv") -> BudgetFile:
    return BudgetFile(name, text.encode("utf-8"))


def problems_of(lines: BudgetFile, stated: BudgetFile | None = None) -> list[tuple]:
    with pytest.raises(BudgetFileError) as refused:
        read_budget(lines, stated)
    return [(p.file, p.row, p.column) for p in refused.value.problems]


def test_the_2020_budget_adds_up_except_the_ldc_travel_row(reference_data):
    budget = make_budget()
    page = budget_page(budget)
    by_code = {c.code: c.pk for c in page.commissions}
    category = {c.code: c.pk for c in page.categories}
    assert page.totals.cells[(by_code["ECA"], category["ldc_lldc_travel"])] == Decimal("80017.2")
    assert page.totals.by_category == {
        category["ldc_lldc_travel"]: Decimal("171188.5"),
        category["stakeholder_travel"]: Decimal("248915.3"),
        category["conference_costs"]: Decimal("150000"),
    }
    assert page.totals.by_commission == {
        by_code["ECA"]: Decimal("165584.7"),
        by_code["ECE"]: Decimal("78122.9"),
        by_code["ECLAC"]: Decimal("123870.4"),
        by_code["ESCAP"]: Decimal("79300"),
        by_code["ESCWA"]: Decimal("123225.8"),
    }
    assert page.totals.grand == Decimal("570103.8")
    # 24 stated figures: 15 cells (80,017 for 80,017.2 is rounding), 3 rows, 5 columns, 1 grand.
    assert len(page.stated) == 24
    [wrong] = page.open_discrepancies
    assert (wrong.stated.scope, wrong.stated.category_id) == (
        StatedScope.CATEGORY,
        category["ldc_lldc_travel"],
    )
    assert (wrong.stated.amount, wrong.computed, wrong.difference) == (
        Decimal("140589"),
        Decimal("171188.5"),
        Decimal("-30599.5"),
    )


def test_command_prints_the_totals_and_each_stated_total_that_does_not_add_up(reference_data):
    out = io.StringIO()
    call_command(
        "import_budget", str(DEMO_LINES), "--stated-totals", str(DEMO_STATED_TOTALS), stdout=out
    )
    text = out.getvalue()
    assert (
        "ldc_lldc_travel           80,017       6,277      36,104      30,600      18,190     171,189"
        in text
    )
    assert (
        "Total                    165,585      78,123     123,870      79,300     123,226     570,104"
        in text
    )
    assert "1 of 24 stated totals do not add up" in text
    assert "all commissions: stated 140,589, should be 171,188.50, difference -30,599.50" in text
    assert "80,017.2" not in text and "stated 570,104" not in text
    assert "nothing was loaded" in text
    assert not Budget.objects.exists()


def test_command_loads_into_a_cycle_and_a_second_run_adds_a_version(reference_data):
    review = make_review("ECE")
    args = [
        str(DEMO_LINES),
        "--stated-totals",
        str(DEMO_STATED_TOTALS),
        "--cycle",
        review.cycle.slug,
    ]
    call_command("import_budget", *args, stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_budget", *args, stdout=out)
    budget = Budget.objects.get()
    assert "Loaded as version 2" in out.getvalue()
    assert [v.number for v in budget.versions.order_by("number")] == [1, 2]
    assert BudgetLine.objects.filter(version__budget=budget).count() == 30


def test_command_refuses_a_bad_file_naming_row_and_column(reference_data, tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text(
        LINES.replace(
            "ECE,ldc_lldc_travel,participant,3,3,", "ECE,ldc_lldc_travel,participant,3,three,"
        )
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_budget", str(path), "--cycle", make_review().cycle.slug)
    assert "lines.csv, row 3, column “participants”: “three” is not a whole number." in str(
        refused.value
    )
    assert not Budget.objects.exists()


def test_cell_rounding_is_not_reported_but_a_wrong_cell_is(reference_data):
    from budgets import services

    lines = LINES.replace(
        "ECA,ldc_lldc_travel,participant,3,36,2222.7,,80017",
        "ECA,ldc_lldc_travel,participant,3,36,2222.7,,80000",
    )
    version = services.import_budget(
        parsed=read_budget(csv_file(lines)), actor=None, cycle=make_review().cycle, title="B"
    )
    [wrong] = budget_page(version.budget).open_discrepancies
    assert (wrong.stated.scope, wrong.stated.commission.code, wrong.difference) == (
        StatedScope.CELL,
        "ECA",
        Decimal("-17.2"),
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (LINES.replace("participants,", "people,"), ("lines.csv", 1, "participants")),
        (
            LINES.replace(
                "ECE,ldc_lldc_travel,participant,3,3,2092.3",
                "ECE,ldc_lldc_travel,participant,3,3,abc",
            ),
            ("lines.csv", 3, "cost_per_participant_usd"),
        ),
        (
            LINES.replace(
                "ECE,ldc_lldc_travel,participant,3,3,2092.3",
                "ECE,ldc_lldc_travel,participant,3,3,-2092.3",
            ),
            ("lines.csv", 3, "cost_per_participant_usd"),
        ),
        (
            LINES.replace(
                "ECLAC,stakeholder_travel,participant,4,32",
                "ECLAC,stakeholder_travel,participant,4,-32",
            ),
            ("lines.csv", 9, "participants"),
        ),
        (
            LINES.replace("ESCWA,ldc_lldc_travel", "UNDP,ldc_lldc_travel"),
            ("lines.csv", 6, "commission"),
        ),
        (LINES.replace("ECA,conference_costs", "ECA,catering"), ("lines.csv", 12, "line")),
        (LINES + "ECA,ldc_lldc_travel,participant,3,1,100,,100\n", ("lines.csv", 17, "line")),
        (
            LINES.replace(
                "ECA,conference_costs,lump_sum,,100,,30000", "ECA,conference_costs,lump_sum,,100,,"
            ),
            ("lines.csv", 12, "lump_sum_usd"),
        ),
        (
            LINES.replace("ECA,conference_costs,lump_sum", "ECA,conference_costs,participant"),
            ("lines.csv", 12, "unit"),
        ),
        ("", ("lines.csv", 1, "")),
        (LINES.splitlines()[0] + "\n", ("lines.csv", 2, "")),
    ],
    ids=[
        "missing column",
        "text for a number",
        "negative cost",
        "negative count",
        "unknown commission",
        "unknown category",
        "duplicate line",
        "lump sum missing",
        "unit not the category's",
        "empty file",
        "header only",
    ],
)
def test_a_malformed_lines_file_is_refused_where_it_is_wrong(reference_data, text, where):
    assert where in problems_of(csv_file(text))


def test_a_file_in_another_encoding_is_refused_with_its_row(reference_data):
    text = LINES.replace("ECA,stakeholder_travel", "ECA,stakeholder_travel")
    data = (
        text.splitlines()[0] + "\n" + "ECA,ldc_lldc_travel,participant,3,36,2222.7,,80017 é\n"
    ).encode("latin-1")
    assert problems_of(BudgetFile("lines.csv", data)) == [("lines.csv", 2, "")]


def test_a_bad_stated_totals_file_is_refused(reference_data):
    stated = STATED.replace("commission,ECE", "commission,UNECE").replace(
        "grand,all,570104", "grand,all,lots"
    )
    assert problems_of(csv_file(LINES), csv_file(stated, "totals.csv")) == [
        ("totals.csv", 6, "key"),
        ("totals.csv", 10, "stated_total_usd"),
    ]


def test_nothing_is_loaded_when_one_of_two_files_is_refused(client, reference_data):
    from tests.factories import network_secretariat

    review = make_review()
    client.force_login(network_secretariat())
    response = client.post(
        "/en/budgets/import/",
        {
            "cycle": review.cycle.pk,
            "title": "Budget",
            "lines_file": io.BytesIO(LINES.encode()),
            "stated_totals_file": io.BytesIO(
                STATED.replace("line,conference_costs", "row,conference_costs").encode()
            ),
        },
    )
    assert response.status_code == 422
    assert "row 4, column “scope”" in response.content.decode()
    assert (Budget.objects.count(), BudgetLine.objects.count(), StatedTotal.objects.count()) == (
        0,
        0,
        0,
    )


def xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_workbook_of_values_is_read_like_the_csv(reference_data):
    rows = [line.split(",") for line in LINES.splitlines()]
    numeric = [rows[0]] + [
        [float(c) if c.replace(".", "").isdigit() else (c or None) for c in row] for row in rows[1:]
    ]
    parsed = read_budget(BudgetFile("annex4.xlsx", xlsx(numeric)))
    assert [
        (line.commission.code, line.category.code, line.participants, line.cost_per_participant)
        for line in parsed.lines[:2]
    ] == [
        ("ECA", "ldc_lldc_travel", 36, Decimal("2222.7")),
        ("ECE", "ldc_lldc_travel", 3, Decimal("2092.3")),
    ]


def test_a_workbook_with_formulas_is_refused(reference_data):
    rows = [line.split(",") for line in LINES.splitlines()]
    rows[1][7] = "=E2*F2"
    assert problems_of(BudgetFile("annex4.xlsx", xlsx(rows))) == [
        ("annex4.xlsx", 2, "stated_total_usd")
    ]


def test_a_file_that_is_neither_csv_nor_xlsx_is_refused(reference_data):
    assert problems_of(BudgetFile("annex4.csv", b"%PDF-1.4\n%%EOF")) == [("annex4.csv", 1, "")]
