"""The Annex 1 item the budgets decide: travel of LDC/LLDC delegates is facilitated (ldc-travel)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from budgets.committed import active_commitments
from budgets.formatting import total, whole
from budgets.models import Budget, BudgetLine
from budgets.totals import ZERO
from reviews.checklist import Verdict
from reviews.readiness import ReviewFacts


@dataclass
class LdcTravel:
    """What a cycle's approved budget holds for one commission's LDC/LLDC travel."""

    budget: Budget
    places: int = 0
    amount: Decimal = ZERO
    funded: int = 0


@dataclass
class LdcTravelOfCycles:
    budgets: dict[int, Budget]  # the latest approved budget of each cycle
    lines: dict[tuple[int, int], LdcTravel]  # by (cycle, commission)


def ldc_travel_of(reviews) -> LdcTravelOfCycles:
    """The latest approved budget of each cycle of `reviews`, and its LDC/LLDC travel per
    commission. Three queries, whatever the number of reviews."""
    budgets = {}
    for budget in Budget.objects.filter(
        cycle_id__in={review.cycle_id for review in reviews}, approved_version__isnull=False
    ).order_by("approved_at", "pk"):
        budgets[budget.cycle_id] = budget
    found: dict[tuple[int, int], LdcTravel] = {}
    approved = {budget.approved_version_id: budget for budget in budgets.values()}
    for line in BudgetLine.objects.filter(
        version_id__in=approved, category__funds_ldc_travel=True
    ).order_by():
        budget = approved[line.version_id]
        travel = found.setdefault((budget.cycle_id, line.commission_id), LdcTravel(budget))
        travel.places += line.participants
        travel.amount += line.total
    funded = (
        active_commitments()
        .filter(budget__in=list(budgets.values()), category__funds_ldc_travel=True)
        .values("budget__cycle_id", "commission_id")
        .annotate(places=Sum("participants"))
        .order_by()
    )
    for row in funded:
        travel = found.get((row["budget__cycle_id"], row["commission_id"]))
        if travel is not None:
            travel.funded = row["places"] or 0
    return LdcTravelOfCycles(budgets, found)


def ldc_travel(facts: ReviewFacts) -> Verdict:
    """Met when the cycle's approved budget funds places for the review's commission."""
    review = facts.review
    loaded = facts.batch.load("budgets.ldc_travel", ldc_travel_of)
    budget = loaded.budgets.get(review.cycle_id)
    if budget is None:
        return Verdict.unmet(_("No budget of this review cycle is approved yet."))
    travel = loaded.lines.get((review.cycle_id, review.commission_id))
    if travel is None or travel.places == 0 or travel.amount == 0:
        return Verdict.unmet(
            _(
                "The approved budget “%(budget)s” funds no travel of delegates from LDCs and "
                "LLDCs for this commission."
            )
            % {"budget": budget.title}
        )
    return Verdict.met(
        ngettext(
            "The approved budget “%(budget)s” funds %(places)s place for delegates from LDCs and "
            "LLDCs (%(currency)s %(amount)s); %(funded)s committed so far.",
            "The approved budget “%(budget)s” funds %(places)s places for delegates from LDCs and "
            "LLDCs (%(currency)s %(amount)s); %(funded)s committed so far.",
            travel.places,
        )
        % {
            "budget": budget.title,
            "places": whole(travel.places),
            "currency": budget.currency,
            "amount": total(travel.amount),
            "funded": whole(travel.funded),
        }
    )
