"""Reading an Annex 4 budget from CSV or XLSX files, every cell checked before anything is loaded.

Two files, in the shape of budgets/data/annex4_budget_2020.csv (one row per commission and
category) and annex4_budget_2020_stated_totals.csv (the totals the source states per category,
per commission and overall). A file that cannot be read is refused with every problem found, each
naming the file, the row and the column; `budgets.services.import_budget` loads what is read here.
"""

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from budgets.enums import CostBasis, StatedScope
from budgets.models import MONEY, BudgetCategory, BudgetLine, BudgetVersion, StatedTotal
from core.uploads import XLSX, detect_kind
from reference.models import Commission

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_LINES = DATA_DIR / "annex4_budget_2020.csv"
DEMO_STATED_TOTALS = DATA_DIR / "annex4_budget_2020_stated_totals.csv"

LINE_COLUMNS = (
    "commission",
    "line",
    "unit",
    "per_diem_days",
    "participants",
    "cost_per_participant_usd",
    "lump_sum_usd",
    "stated_total_usd",
)
STATED_COLUMNS = ("scope", "key", "stated_total_usd")
# The scopes of the stated totals file, and the word its key takes for the grand total.
STATED_SCOPES = {
    "line": StatedScope.CATEGORY,
    "commission": StatedScope.COMMISSION,
    "grand": StatedScope.GRAND,
}
GRAND_KEY = "all"
MAX_PROBLEMS = 50
# Decimal places and integer digits a money column holds (budgets.models.MONEY).
PLACES = MONEY["decimal_places"]
INTEGER_DIGITS = MONEY["max_digits"] - MONEY["decimal_places"]
MAX_DAYS = 366


@dataclass(frozen=True)
class FileProblem:
    file: str
    row: int
    column: str
    problem: str

    def __str__(self) -> str:
        if not self.column:
            return _("%(file)s, row %(row)s: %(problem)s") % {
                "file": self.file,
                "row": self.row,
                "problem": self.problem,
            }
        return _("%(file)s, row %(row)s, column “%(column)s”: %(problem)s") % {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "problem": self.problem,
        }


class BudgetFileError(Exception):
    """The files cannot be loaded; `problems` says where and why, in the reader's language."""

    def __init__(self, problems: list[FileProblem]):
        self.problems = problems
        super().__init__("; ".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class BudgetFile:
    """An uploaded or local file: its name as the person knows it, and its bytes."""

    name: str
    content: bytes

    @classmethod
    def from_path(cls, path: Path) -> "BudgetFile":
        return cls(path.name, path.read_bytes())


@dataclass
class ParsedLine:
    row: int
    commission: Commission
    category: BudgetCategory
    per_diem_days: int | None
    participants: int
    cost_per_participant: Decimal | None
    lump_sum: Decimal | None
    stated_total: Decimal | None

    def as_line(self, version: BudgetVersion | None = None) -> BudgetLine:
        return BudgetLine(
            version=version,
            commission=self.commission,
            category=self.category,
            per_diem_days=self.per_diem_days,
            participants=self.participants,
            cost_per_participant=self.cost_per_participant,
            lump_sum=self.lump_sum,
        )


@dataclass
class ParsedStatedTotal:
    row: int
    scope: StatedScope
    commission: Commission | None
    category: BudgetCategory | None
    amount: Decimal

    def as_stated(self, version: BudgetVersion | None = None, source: str = "") -> StatedTotal:
        return StatedTotal(
            version=version,
            scope=self.scope,
            commission=self.commission,
            category=self.category,
            amount=self.amount,
            source=source,
        )


@dataclass
class ParsedBudget:
    lines: list[ParsedLine]
    stated_totals: list[ParsedStatedTotal]
    sources: list[str] = field(default_factory=list)


# Stands for a cell that holds a formula, already reported: its value is not read.
FORMULA = object()


class _Problems:
    def __init__(self):
        self.found: list[FileProblem] = []

    def add(self, file: str, row: int, column: str, problem: str) -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(FileProblem(file, row, column, problem))

    def raise_if_any(self) -> None:
        if self.found:
            raise BudgetFileError(self.found)


# One cell's parsers: the raw value (text from a CSV, a number or text from a sheet) to the value,
# or ValueError with the reason a person reads.


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(raw: str, not_a_number: str) -> Decimal:
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise ValueError(not_a_number % {"value": raw}) from None
    if not number.is_finite():
        raise ValueError(not_a_number % {"value": raw})
    return number


def amount(value: Any) -> Decimal | None:
    raw = _text(value)
    if not raw:
        return None
    number = _number(raw, _("“%(value)s” is not a number."))
    if number < 0:
        raise ValueError(_("%(value)s is negative; amounts cannot be.") % {"value": raw})
    if -number.as_tuple().exponent > PLACES:
        raise ValueError(
            _("%(value)s has more than %(places)s decimal places.")
            % {"value": raw, "places": PLACES}
        )
    if number >= Decimal(10) ** INTEGER_DIGITS:
        raise ValueError(_("%(value)s is too large.") % {"value": raw})
    return number


def count(value: Any, *, high: int = 1_000_000) -> int | None:
    raw = _text(value)
    if not raw:
        return None
    number = _number(raw, _("“%(value)s” is not a whole number."))
    if number != number.to_integral_value():
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": raw})
    if number < 0:
        raise ValueError(_("%(value)s is negative; counts cannot be.") % {"value": raw})
    if number > high:
        raise ValueError(_("%(value)s is too large.") % {"value": raw})
    return int(number)


# Reading the rows of a file, CSV or XLSX, judged by its content.


@dataclass
class _Table:
    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, Any]]]


def _read_csv(file: BudgetFile, problems: _Problems) -> _Table | None:
    try:
        text = file.content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = file.content[: error.start].count(b"\n") + 1
        problems.add(file.name, row, "", _("the file is not UTF-8 text; save it as CSV in UTF-8."))
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error as error:
        problems.add(
            file.name,
            reader.line_num,
            "",
            _("the file is not valid CSV (%(reason)s).") % {"reason": error},
        )
        return None
    header = [cell.strip() for cell in records[0]] if records else []
    rows = []
    for number, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.add(
                file.name,
                number,
                "",
                _("%(cells)s cells where the header has %(columns)s.")
                % {"cells": len(cells), "columns": len(header)},
            )
            continue
        rows.append((number, dict(zip(header, cells, strict=True))))
    return _Table(file.name, header, rows)


def _read_xlsx(file: BudgetFile, problems: _Problems) -> _Table | None:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(file.content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        problems.add(file.name, 1, "", _("the spreadsheet cannot be read."))
        return None
    try:
        sheet = workbook.worksheets[0]
        header: list[str] = []
        rows = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = [cell.value for cell in cells]
            if number == 1:
                header = [_text(value) for value in values]
                continue
            if not any(_text(value) for value in values):
                continue
            record = {}
            for index, cell in enumerate(cells):
                column = header[index] if index < len(header) else ""
                if cell.data_type == "f":
                    problems.add(
                        file.name,
                        number,
                        column,
                        _(
                            "a formula (%(formula)s) where a value belongs; save the sheet with values only."
                        )
                        % {"formula": cell.value},
                    )
                if column:
                    record[column] = FORMULA if cell.data_type == "f" else cell.value
            rows.append((number, record))
    finally:
        workbook.close()
    return _Table(file.name, header, rows)


def _read_table(file: BudgetFile, columns: tuple[str, ...], problems: _Problems) -> _Table | None:
    if not file.content.strip():
        problems.add(file.name, 1, "", _("the file is empty."))
        return None
    kind = detect_kind(file.content)
    if file.content.startswith(b"PK"):
        if kind != XLSX:
            problems.add(
                file.name, 1, "", _("the file is neither CSV nor an Excel (XLSX) workbook.")
            )
            return None
        table = _read_xlsx(file, problems)
    elif b"\x00" in file.content or file.content.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8")):
        problems.add(file.name, 1, "", _("the file is neither CSV nor an Excel (XLSX) workbook."))
        return None
    else:
        table = _read_csv(file, problems)
    if table is None:
        return None
    if not table.header or not any(table.header):
        problems.add(file.name, 1, "", _("the file is empty."))
        return None
    for column in columns:
        if column not in table.header:
            problems.add(file.name, 1, column, _("this column is missing from the header."))
    if any(column not in table.header for column in columns):
        return None
    if not table.rows:
        problems.add(file.name, 2, "", _("the file has a header but no rows."))
        return None
    return table


def _cell(
    problems: _Problems,
    table: _Table,
    row: int,
    record: dict[str, Any],
    column: str,
    parse: Callable[[Any], Any],
) -> tuple[bool, Any]:
    if record.get(column) is FORMULA:
        return False, None
    try:
        return True, parse(record.get(column))
    except ValueError as error:
        problems.add(table.name, row, column, str(error))
        return False, None


def _parse_lines(table: _Table, problems: _Problems) -> list[ParsedLine]:
    commissions = {commission.code: commission for commission in Commission.objects.all()}
    categories = {category.code: category for category in BudgetCategory.objects.all()}
    lines, seen = [], {}
    for row, record in table.rows:
        ok = True
        code = _text(record.get("commission")).upper()
        commission = commissions.get(code)
        if commission is None:
            ok = False
            problems.add(
                table.name,
                row,
                "commission",
                _("“%(value)s” is not a commission (%(known)s).")
                % {"value": _text(record.get("commission")), "known": ", ".join(commissions)},
            )
        category = categories.get(_text(record.get("line")))
        if category is None:
            ok = False
            problems.add(
                table.name,
                row,
                "line",
                _("“%(value)s” is not a budget category (%(known)s).")
                % {"value": _text(record.get("line")), "known": ", ".join(categories)},
            )
        unit = _text(record.get("unit"))
        if category is not None and unit != category.basis:
            ok = False
            problems.add(
                table.name,
                row,
                "unit",
                _("“%(value)s” does not fit the category, which is counted “%(basis)s”.")
                % {"value": unit, "basis": category.basis},
            )
        parsed = {}
        for column, parse in [
            ("per_diem_days", lambda value: count(value, high=MAX_DAYS)),
            ("participants", count),
            ("cost_per_participant_usd", amount),
            ("lump_sum_usd", amount),
            ("stated_total_usd", amount),
        ]:
            good, parsed[column] = _cell(problems, table, row, record, column, parse)
            ok = ok and good
        if category is not None and ok:
            ok = _check_basis(problems, table.name, row, category, parsed)
        if commission is not None and category is not None:
            key = (commission.pk, category.pk)
            if key in seen:
                ok = False
                problems.add(
                    table.name,
                    row,
                    "line",
                    _(
                        "a second line for %(commission)s and “%(category)s”; the first is on row %(first)s."
                    )
                    % {
                        "commission": commission.code,
                        "category": category.code,
                        "first": seen[key],
                    },
                )
            else:
                seen[key] = row
        if ok:
            lines.append(
                ParsedLine(
                    row=row,
                    commission=commission,
                    category=category,
                    per_diem_days=parsed["per_diem_days"],
                    participants=parsed["participants"] or 0,
                    cost_per_participant=parsed["cost_per_participant_usd"],
                    lump_sum=parsed["lump_sum_usd"],
                    stated_total=parsed["stated_total_usd"],
                )
            )
    return lines


def _check_basis(
    problems: _Problems, name: str, row: int, category: BudgetCategory, parsed: dict
) -> bool:
    """A line per participant states participants and a cost each; a lump-sum line, a sum."""
    if category.basis == CostBasis.PER_PARTICIPANT:
        required, forbidden = ("participants", "cost_per_participant_usd"), "lump_sum_usd"
    else:
        required, forbidden = ("lump_sum_usd",), "cost_per_participant_usd"
    ok = True
    for column in required:
        if parsed[column] is None:
            ok = False
            problems.add(name, row, column, _("this line needs a value here."))
    if parsed[forbidden] is not None:
        ok = False
        problems.add(
            name,
            row,
            forbidden,
            _("this line is counted “%(basis)s”; leave this cell empty.")
            % {"basis": category.basis},
        )
    return ok


def _parse_stated(table: _Table, problems: _Problems) -> list[ParsedStatedTotal]:
    commissions = {commission.code: commission for commission in Commission.objects.all()}
    categories = {category.code: category for category in BudgetCategory.objects.all()}
    stated, seen = [], {}
    for row, record in table.rows:
        word = _text(record.get("scope"))
        scope = STATED_SCOPES.get(word)
        key = _text(record.get("key"))
        commission = category = None
        ok = True
        if scope is None:
            ok = False
            problems.add(
                table.name,
                row,
                "scope",
                _("“%(value)s” is not one of %(known)s.")
                % {"value": word, "known": ", ".join(STATED_SCOPES)},
            )
        elif scope == StatedScope.CATEGORY:
            category = categories.get(key)
            if category is None:
                ok = False
                problems.add(
                    table.name,
                    row,
                    "key",
                    _("“%(value)s” is not a budget category (%(known)s).")
                    % {"value": key, "known": ", ".join(categories)},
                )
        elif scope == StatedScope.COMMISSION:
            commission = commissions.get(key.upper())
            if commission is None:
                ok = False
                problems.add(
                    table.name,
                    row,
                    "key",
                    _("“%(value)s” is not a commission (%(known)s).")
                    % {"value": key, "known": ", ".join(commissions)},
                )
        elif key != GRAND_KEY:
            ok = False
            problems.add(
                table.name,
                row,
                "key",
                _("the grand total's key is “%(key)s”.") % {"key": GRAND_KEY},
            )
        good, value = _cell(problems, table, row, record, "stated_total_usd", amount)
        if good and value is None:
            good = False
            problems.add(table.name, row, "stated_total_usd", _("this line needs a value here."))
        ok = ok and good
        if ok:
            identity = (scope, commission and commission.pk, category and category.pk)
            if identity in seen:
                problems.add(
                    table.name,
                    row,
                    "key",
                    _("this total is stated twice; the first is on row %(first)s.")
                    % {"first": seen[identity]},
                )
                continue
            seen[identity] = row
            stated.append(ParsedStatedTotal(row, scope, commission, category, value))
    return stated


def read_budget(lines_file: BudgetFile, stated_file: BudgetFile | None = None) -> ParsedBudget:
    """Both files read and checked; BudgetFileError lists every problem, and nothing is kept."""
    problems = _Problems()
    lines: list[ParsedLine] = []
    stated: list[ParsedStatedTotal] = []
    table = _read_table(lines_file, LINE_COLUMNS, problems)
    if table is not None:
        lines = _parse_lines(table, problems)
    if stated_file is not None:
        stated_table = _read_table(stated_file, STATED_COLUMNS, problems)
        if stated_table is not None:
            stated = _parse_stated(stated_table, problems)
    problems.raise_if_any()
    for line in lines:
        if line.stated_total is not None:
            stated.append(
                ParsedStatedTotal(
                    line.row, StatedScope.CELL, line.commission, line.category, line.stated_total
                )
            )
    sources = [lines_file.name] + ([stated_file.name] if stated_file else [])
    return ParsedBudget(lines=lines, stated_totals=stated, sources=sources)
