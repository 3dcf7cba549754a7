"""Scale data for budgets: a budget per scale cycle, in several versions with the Annex 4 lines of
every commission and their stated totals (some that do not add up), the second version approved,
and commitments of travel funding against it (some reversed)."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from budgets.enums import CostBasis, StatedScope
from budgets.models import (
    Budget,
    BudgetCategory,
    BudgetLine,
    BudgetVersion,
    Commitment,
    StatedTotal,
)
from budgets.totals import BudgetTotals
from reference.models import Commission
from reviews.models import ReviewCycle
from reviews.scale import CYCLES

VERSIONS = 6
APPROVED_VERSION = 2
COMMITMENTS_PER_BUDGET = 400
BATCH = 2_000


def _budgets():
    return Budget.objects.filter(cycle__slug__in=[slug for slug, *_rest in CYCLES])


def loaded() -> bool:
    return _budgets().exists()


def reset() -> None:
    budgets = _budgets()
    Commitment.objects.filter(budget__in=budgets).delete()
    budgets.update(approved_version=None, approved_at=None, approved_by=None)
    budgets.delete()


def _lines(rng, version, commissions, categories) -> list[BudgetLine]:
    lines = []
    for category in categories:
        for commission in commissions:
            if category.basis == CostBasis.LUMP_SUM:
                lines.append(
                    BudgetLine(
                        version=version,
                        commission=commission,
                        category=category,
                        participants=rng.randrange(60, 160),
                        lump_sum=Decimal(rng.randrange(20, 60) * 1000),
                    )
                )
            else:
                lines.append(
                    BudgetLine(
                        version=version,
                        commission=commission,
                        category=category,
                        per_diem_days=category.default_per_diem_days,
                        participants=rng.randrange(5, 45),
                        cost_per_participant=Decimal(rng.randrange(150_000, 260_000)) / 100,
                    )
                )
    return lines


def _stated(rng, version, lines, commissions, categories) -> list[StatedTotal]:
    """The figures a spreadsheet would state: right, rounded, and now and then wrong."""
    totals = BudgetTotals.of(lines)

    def figure(exact):
        return exact.quantize(Decimal("1")) + (
            rng.choice([-1000, 2500]) if rng.random() < 0.1 else 0
        )

    stated = [
        StatedTotal(
            version=version,
            scope=StatedScope.CELL,
            commission=line.commission,
            category=line.category,
            amount=figure(line.total),
        )
        for line in lines
    ]
    stated += [
        StatedTotal(
            version=version,
            scope=StatedScope.CATEGORY,
            category=category,
            amount=figure(totals.by_category[category.pk]),
        )
        for category in categories
    ]
    stated += [
        StatedTotal(
            version=version,
            scope=StatedScope.COMMISSION,
            commission=commission,
            amount=figure(totals.by_commission[commission.pk]),
        )
        for commission in commissions
    ]
    stated.append(
        StatedTotal(version=version, scope=StatedScope.GRAND, amount=figure(totals.grand))
    )
    return stated


def load(*, seed: int, factor: float, pool, out) -> None:
    rng = random.Random(f"{seed}:budgets")
    network = User.objects.get(email="network@example.org")
    commissions = list(Commission.objects.order_by("position"))
    categories = list(BudgetCategory.objects.filter(built_in=True).order_by("position"))
    cycles = list(ReviewCycle.objects.filter(slug__in=[slug for slug, *_rest in CYCLES]))
    per_budget = max(len(commissions), round(COMMITMENTS_PER_BUDGET * factor))
    now = timezone.now()
    commitments = lines_count = 0
    for cycle in cycles:
        budget = Budget.objects.create(
            cycle=cycle,
            title=f"Indicative budget, {cycle.title}",
            date=datetime.date(cycle.imrf_year - 2, 2, 20),
            notes="The UN regional economic commissions and the UN Network provide in-kind "
            "contributions.",
        )
        approved_lines = []
        for number in range(1, VERSIONS + 1):
            version = BudgetVersion.objects.create(
                budget=budget,
                number=number,
                note=pool.sentence(rng, "en")[:500],
                created_by=network,
            )
            lines = _lines(rng, version, commissions, categories)
            BudgetLine.objects.bulk_create(lines, batch_size=BATCH)
            StatedTotal.objects.bulk_create(
                _stated(rng, version, lines, commissions, categories), batch_size=BATCH
            )
            lines_count += len(lines)
            if number == APPROVED_VERSION:
                budget.approved_version, budget.approved_at = version, now
                budget.approved_by = network
                budget.save(update_fields=["approved_version", "approved_at", "approved_by"])
                approved_lines = [line for line in lines if line.cost_per_participant]
        rows = []
        for index in range(per_budget):
            line = rng.choice(approved_lines)
            reversed_ = rng.random() < 0.1
            rows.append(
                Commitment(
                    budget=budget,
                    commission=line.commission,
                    category=line.category,
                    amount=line.cost_per_participant,
                    participants=1,
                    source=f"Travel funding {index + 1}: {pool.sentence(rng, 'en')[:200]}",
                    created_by=network,
                    reversed_at=now if reversed_ else None,
                    reversed_by=network if reversed_ else None,
                    reversal_reason="Travel cancelled." if reversed_ else "",
                )
            )
        Commitment.objects.bulk_create(rows, batch_size=BATCH)
        commitments += len(rows)
    out.stdout.write(
        f"Scale budgets: {len(cycles)} budgets, {len(cycles) * VERSIONS} versions, "
        f"{lines_count} lines, {commitments} commitments"
    )
