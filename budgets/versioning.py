"""The versions of a budget: their history with their totals, and the approval of one of them."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budgets.annex4 import lines_by_version
from budgets.models import Budget, BudgetApproval, BudgetVersion
from budgets.totals import BudgetTotals

# `expected_approved_id` left out: the caller does not say which approval it saw.
UNCHECKED = object()


@dataclass(frozen=True)
class VersionRow:
    version: BudgetVersion
    totals: BudgetTotals
    approved: bool

    @property
    def grand(self) -> Decimal:
        return self.totals.grand


def versions_of(budget: Budget) -> list[BudgetVersion]:
    """The budget's versions, newest first, with who saved them."""
    return list(budget.versions.select_related("created_by").order_by("-number"))


def version_history(budget: Budget) -> list[VersionRow]:
    """Every version of the budget, newest first, each with its exact totals."""
    versions = versions_of(budget)
    lines = lines_by_version(versions)
    return [
        VersionRow(
            version=version,
            totals=BudgetTotals.of(lines[version.pk]),
            approved=version.pk == budget.approved_version_id,
        )
        for version in versions
    ]


def approvals_of(budget: Budget) -> list[BudgetApproval]:
    """The record of approvals, latest first."""
    return list(
        budget.approvals.select_related("approved_by", "version", "replaced_version").order_by(
            "-approved_at", "-pk"
        )
    )


def approve_version(
    *, version: BudgetVersion, actor, expected_approved_id=UNCHECKED
) -> BudgetApproval:
    """Make `version` the approved version of its own budget: commitments count against it.

    The budget is locked; the version is always one of that budget's (the budget is taken from the
    version, never from the caller). `expected_approved_id` is the primary key of the approved
    version the caller saw (None for none): if another approval came in meanwhile, the approval is refused rather than
    silently replacing one its author never saw. Approving the version already approved is refused.

    Side effects: Budget.approved_version, approved_at and approved_by are set; a BudgetApproval
    row records who approved which version when, and the version whose approval it replaced.
    """
    with transaction.atomic():
        budget = Budget.objects.select_for_update().get(pk=version.budget_id)
        current = budget.approved_version_id
        if expected_approved_id is not UNCHECKED and expected_approved_id != current:
            raise ValidationError(
                _("Someone else approved another version of this budget meanwhile."),
                code="approved_meanwhile",
            )
        if current == version.pk:
            raise ValidationError(
                _("Version %(number)s is already the approved version.")
                % {"number": version.number},
                code="already_approved",
            )
        now = timezone.now()
        budget.approved_version, budget.approved_at, budget.approved_by = version, now, actor
        budget.save(update_fields=["approved_version", "approved_at", "approved_by"])
        return BudgetApproval.objects.create(
            budget=budget,
            version=version,
            approved_by=actor,
            approved_at=now,
            replaced_version_id=current,
        )
