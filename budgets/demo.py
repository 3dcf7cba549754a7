"""Demo data for `make demo`: the 2020 indicative budget of Annex 4, imported from its files
through the same service as an upload, for the 2020–2021 cycle. It stays a draft."""

import datetime

from accounts.models import User
from budgets import services
from budgets.importing import DEMO_LINES, DEMO_STATED_TOTALS, BudgetFile, read_budget
from budgets.models import Budget, Commitment
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
        actor=User.objects.filter(email="network@example.org").first(),
        cycle=cycle,
        title=TITLE,
        date=datetime.date(2020, 2, 24),
        notes=NOTES,
        note="Annex 4 of the framework for regional reviews, as printed.",
    )
    out.stdout.write(f"Demo budget: {version.budget.title} ({len(parsed.lines)} lines)")
