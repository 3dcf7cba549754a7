"""Demo data for `make demo`: the 2020 indicative budget of Annex 4, imported from its files
through the same service as an upload, for the 2020–2021 cycle, approved by the Network
secretariat, with the travel funding granted so far counted against it."""

import datetime
from decimal import Decimal

from accounts.models import User
from budgets import services
from budgets.importing import DEMO_LINES, DEMO_STATED_TOTALS, BudgetFile, read_budget
from budgets.models import Budget, Commitment
from budgets.versioning import approve_version
from reviews.demo import DEMO_CYCLES
from reviews.models import ReviewCycle

DEMO_CYCLE = "2020-2021"
TITLE = "Indicative budget of the regional reviews (February 2020)"
NOTES = "The UN regional economic commissions and the UN Network provide in-kind contributions."


def reset() -> None:
    budgets = Budget.objects.filter(cycle__slug__in=DEMO_CYCLES)
    Commitment.objects.filter(budget__in=budgets).delete()
    budgets.update(approved_version=None, approved_at=None, approved_by=None)
    budgets.delete()


def load(*, out) -> None:
    cycle = ReviewCycle.objects.filter(slug=DEMO_CYCLE).first()
    if cycle is None:
        return
    parsed = read_budget(BudgetFile.from_path(DEMO_LINES), BudgetFile.from_path(DEMO_STATED_TOTALS))
    version = services.import_budget(
        parsed=parsed,
        actor=User.objects.get(email="network@example.org"),
        cycle=cycle,
        title=TITLE,
        date=datetime.date(2020, 2, 24),
        notes=NOTES,
        note="Annex 4 of the framework for regional reviews, as printed.",
    )
    network = User.objects.get(email="network@example.org")
    approve_version(version=version, actor=network)
    # Travel funding granted to LDC/LLDC delegates and stakeholders: (commission, category,
    # places, amount).
    lines = {(line.commission.code, line.category.code): line for line in version.lines.all()}
    for commission, category, places, amount in [
        ("ECLAC", "ldc_lldc_travel", 6, "10831.20"),
        ("ECA", "ldc_lldc_travel", 12, "26672.40"),
        ("ESCAP", "stakeholder_travel", 4, "6800.00"),
    ]:
        services.record_commitment(
            line=lines[(commission, category)],
            amount=Decimal(amount),
            participants=places,
            source=f"Travel funding, {commission}: {places} participants",
            actor=network,
        )
    out.stdout.write(
        f"Demo budget: {version.budget.title} ({len(parsed.lines)} lines), approved, "
        "with 3 travel commitments"
    )
