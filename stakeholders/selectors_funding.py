"""Reads of travel funding and nominations, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from budgets.models import Budget, BudgetCategory
from budgets.selectors import CommitmentRow, commitment_rows, version_lines
from reference.models import Commission
from reviews.models import RegionalReview
from stakeholders.enums import FundingBasis, RegistrationStatus
from stakeholders.models import (
    FundingMessage,
    FundingRequest,
    FundingStatusChange,
    Nomination,
    Registration,
)

TRAVEL_CATEGORIES = {
    FundingBasis.LDC_DELEGATE.budget_category,
    FundingBasis.STAKEHOLDER.budget_category,
}


def registrations_of(user) -> QuerySet[Registration]:
    return Registration.objects.filter(user=user).select_related("event__review", "country")


@dataclass
class MyFunding:
    requests: list[FundingRequest]
    may_ask: list[Registration]


def my_funding(user) -> MyFunding:
    """The user's requests, and their registrations that may still ask for support."""
    requests = list(
        FundingRequest.objects.filter(registration__user=user)
        .select_related("event__review")
        .order_by("-created_at")
    )
    asked = {request.registration_id for request in requests}
    may_ask = [
        registration
        for registration in registrations_of(user)
        .filter(status__in=RegistrationStatus.active(), event__starts_on__gt=timezone.localdate())
        .order_by("event__starts_on", "pk")
        if registration.pk not in asked
    ]
    return MyFunding(requests, may_ask)


@dataclass
class TravelLines:
    budget: Budget | None
    rows: list[CommitmentRow]


def travel_lines(review: RegionalReview) -> TravelLines:
    """Budgeted, committed and remaining on the review's commission's travel lines of the cycle's
    approved budget, as the budget page counts them (budgets.selectors.commitment_rows)."""
    budget = (
        Budget.objects.filter(cycle_id=review.cycle_id, approved_version__isnull=False)
        .select_related("approved_version")
        .order_by("-approved_at", "-pk")
        .first()
    )
    if budget is None:
        return TravelLines(None, [])
    lines = version_lines(budget.approved_version)
    rows = commitment_rows(
        budget,
        budget.approved_version,
        lines,
        list(Commission.objects.order_by("position", "code")),
        list(BudgetCategory.objects.order_by("position", "code")),
    )
    return TravelLines(
        budget,
        [
            row
            for row in rows
            if row.commission.pk == review.commission_id and row.category.code in TRAVEL_CATEGORIES
        ],
    )


def review_funding_requests(review: RegionalReview) -> QuerySet[FundingRequest]:
    return (
        FundingRequest.objects.filter(event__review=review)
        .select_related("event", "registration__user", "registration__country")
        .order_by("event__starts_on", "status", "created_at", "pk")
    )


@dataclass
class RequestPage:
    request: FundingRequest
    messages: list[FundingMessage]
    changes: list[FundingStatusChange]


def request_page(request: FundingRequest, *, internal: bool) -> RequestPage:
    """A request with its messages (internal ones only for the secretariat) and its audit."""
    messages = request.messages.select_related("author").order_by("sent_at", "pk")
    if not internal:
        messages = messages.filter(visible_to_applicant=True)
    return RequestPage(
        request,
        list(messages),
        list(request.status_changes.select_related("actor").order_by("at", "pk")),
    )


def nominations_of(user) -> list[Nomination]:
    return list(
        Nomination.objects.filter(nominator=user)
        .select_related("review", "session", "speaker__session")
        .order_by("-created_at", "-pk")
    )


def review_nominations(review: RegionalReview) -> QuerySet[Nomination]:
    return (
        Nomination.objects.filter(review=review)
        .select_related(
            "nominator", "country", "stakeholder_category", "session", "speaker__session"
        )
        .order_by("status", "-created_at", "-pk")
    )


def nominations_visible_to(user) -> QuerySet[Nomination]:
    """Every nomination of the reviews a secretariat manages."""
    nominations = Nomination.objects.select_related("review__commission")
    if not user.is_authenticated:
        return nominations.none()
    if user.scopes.network:
        return nominations
    return nominations.filter(review__commission_id__in=user.scopes.commission_ids)
