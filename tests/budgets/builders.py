"""Budgets with lines for the tests: the Annex 4 outline of February 2020, and variations."""

import datetime
import importlib
from decimal import Decimal

from django.apps import apps

from budgets.models import Budget, BudgetCategory, BudgetLine, BudgetVersion, Commitment
from reference.models import Commission
from reviews.models import ReviewCycle

LDC, STAKEHOLDERS, CONFERENCE = "ldc_lldc_travel", "stakeholder_travel", "conference_costs"

# (commission, participants of LDCs/LLDCs, stakeholder participants, cost per participant)
ANNEX_4 = [
    ("ECA", 36, 25, "2222.7"),
    ("ECE", 3, 20, "2092.3"),
    ("ECLAC", 20, 32, "1805.2"),
    ("ESCAP", 18, 11, "1700"),
    ("ESCWA", 8, 33, "2273.8"),
]


def install_builtin_categories() -> None:
    """The three categories of migration 0002, again after a transactional test emptied the tables."""
    migration = importlib.import_module("budgets.migrations.0002_builtin_categories")
    migration.add_categories(apps, None)


def make_budget(title: str = "Indicative budget 2020–2021", *, slug: str = "2020-2021") -> Budget:
    install_builtin_categories()
    cycle, _ = ReviewCycle.objects.get_or_create(
        slug=slug, defaults={"title": f"Cycle {slug}", "imrf_year": 2022}
    )
    return Budget.objects.create(cycle=cycle, title=title, date=datetime.date(2020, 2, 24))


def add_version(budget: Budget, lines, *, note: str = "", created_by=None) -> BudgetVersion:
    """`lines`: (commission code, category code, participants, cost, lump sum) tuples."""
    number = (budget.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = BudgetVersion.objects.create(
        budget=budget, number=number, note=note, created_by=created_by
    )
    commissions = {c.code: c for c in Commission.objects.all()}
    categories = {c.code: c for c in BudgetCategory.objects.all()}
    BudgetLine.objects.bulk_create(
        BudgetLine(
            version=version,
            commission=commissions[commission],
            category=categories[category],
            per_diem_days=categories[category].default_per_diem_days,
            participants=participants,
            cost_per_participant=None if cost is None else Decimal(cost),
            lump_sum=None if lump_sum is None else Decimal(lump_sum),
        )
        for commission, category, participants, cost, lump_sum in lines
    )
    return version


def annex_4_lines(changes: dict | None = None) -> list[tuple]:
    """The lines of the Annex 4 outline; `changes` replaces some, keyed (commission, category)."""
    changes = changes or {}
    lines = []
    for code, ldc, stakeholders, cost in ANNEX_4:
        lines += [
            (code, LDC, ldc, cost, None),
            (code, STAKEHOLDERS, stakeholders, cost, None),
            (code, CONFERENCE, 100, None, "30000"),
        ]
    return [changes.get((line[0], line[1]), line) for line in lines]


def add_categories(count: int, prefix: str = "added") -> list[BudgetCategory]:
    """Categories a secretariat adds, after the three built in."""
    return [
        BudgetCategory.objects.create(
            code=f"{prefix}-{n}", name=f"Category {prefix} {n}", position=100 + n
        )
        for n in range(count)
    ]


def commit(budget: Budget, commission: str, category: str, amount: str, *, actor, reversed_by=None):
    commitment = Commitment.objects.create(
        budget=budget,
        commission=Commission.objects.get(code=commission),
        category=BudgetCategory.objects.get(code=category),
        amount=Decimal(amount),
        source="Travel funding",
        created_by=actor,
    )
    if reversed_by is not None:
        commitment.reversed_at = datetime.datetime.now(datetime.UTC)
        commitment.reversed_by = reversed_by
        commitment.save()
    return commitment
