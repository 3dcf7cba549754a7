"""Travel funding (Annex 4): eligibility, requests, the secretariat's decisions and their messages.

Every change goes through these functions, in one transaction. Offering funding records a
commitment on the commission's line of the approved budget (budgets.services.record_commitment);
rejecting, declining or withdrawing funding that was offered reverses it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from budgets import services as budget_services
from budgets.models import Budget, BudgetLine
from reference.models import Country
from stakeholders.enums import FundingBasis, FundingStatus, ParticipantKind, Party
from stakeholders.models import (
    Event,
    FundingMessage,
    FundingRequest,
    FundingStatusChange,
    Registration,
)


class FundingRefused(Exception):
    """The change is not allowed; `message` says why. `needs_override` when only an explicit
    override with a reason would let the commitment go beyond its budget line."""

    def __init__(self, message: str, *, needs_override: bool = False):
        self.message = message
        self.needs_override = needs_override
        super().__init__(message)


@dataclass(frozen=True)
class Eligibility:
    basis: FundingBasis
    day: datetime.date
    reason: str


def eligibility_of(*, kind: str, country: Country | None, event: Event) -> Eligibility:
    """What Annex 4 funds for this participant, judged on the reference data as of the event's
    first day: a country that left the LDC list before the event no longer qualifies (unless it
    is landlocked), one that left after still does."""
    day = event.starts_on
    if kind == ParticipantKind.STAKEHOLDER:
        return Eligibility(
            FundingBasis.STAKEHOLDER,
            day,
            _("Stakeholder participants are funded for 4 days of per diem and the flight."),
        )
    if country is not None and country.is_ldc_on(day):
        return Eligibility(
            FundingBasis.LDC_DELEGATE,
            day,
            _("%(country)s is a least developed country on %(day)s.")
            % {"country": country.name, "day": _format_day(day)},
        )
    if country is not None and country.lldc:
        return Eligibility(
            FundingBasis.LLDC_DELEGATE,
            day,
            _("%(country)s is a landlocked developing country.") % {"country": country.name},
        )
    return Eligibility(
        FundingBasis.NOT_ELIGIBLE,
        day,
        _(
            "%(country)s is neither a least developed nor a landlocked developing country on "
            "%(day)s: Annex 4 funds the travel of government delegates of those countries only."
        )
        % {"country": country.name if country else "—", "day": _format_day(day)},
    )


def _format_day(day: datetime.date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "DATE_FORMAT")


def propose_eligibility(registration: Registration) -> Eligibility:
    return eligibility_of(
        kind=registration.kind, country=registration.country, event=registration.event
    )


@dataclass(frozen=True)
class Grant:
    """What the secretariat grants: a flight, days of per diem at a rate; partial if less than
    asked."""

    flight: Decimal
    days: int
    rate: Decimal

    @property
    def total(self) -> Decimal:
        return self.flight + self.days * self.rate


@transaction.atomic
def ask_for_funding(
    *,
    registration: Registration,
    flight: Decimal,
    days: int,
    rate: Decimal,
    justification: str,
    actor,
) -> FundingRequest:
    """A registrant asks for travel support; the proposed eligibility is recorded with it.

    Side effects: the request is submitted and its first status change recorded.
    """
    if registration.user_id != actor.pk:
        raise PermissionDenied
    if FundingRequest.objects.filter(registration=registration).exists():
        raise FundingRefused(_("You have already asked for travel support for this event."))
    if min(flight, rate) < 0:
        raise FundingRefused(_("An amount cannot be negative."))
    proposal = propose_eligibility(registration)
    request = FundingRequest.objects.create(
        event=registration.event,
        registration=registration,
        kind=registration.kind,
        proposed_basis=proposal.basis,
        justification=justification.strip(),
        requested_flight=flight,
        requested_days=days,
        requested_rate=rate,
    )
    FundingStatusChange.objects.create(
        request=request, actor=actor, to_status=FundingStatus.SUBMITTED
    )
    return request


def approved_line(event: Event, basis: FundingBasis) -> BudgetLine | None:
    """The line of the approved budget of the event's cycle that funds `basis` for the review's
    commission (the latest approved budget of the cycle), or None."""
    category = basis.budget_category
    if category is None:
        return None
    budget = (
        Budget.objects.filter(cycle_id=event.review.cycle_id, approved_version__isnull=False)
        .order_by("-approved_at", "-pk")
        .first()
    )
    if budget is None:
        return None
    return (
        BudgetLine.objects.select_related("version__budget")
        .filter(
            version_id=budget.approved_version_id,
            commission_id=event.review.commission_id,
            category__code=category,
        )
        .first()
    )


def _check_party(request: FundingRequest, party: str, actor) -> None:
    """Defence in depth: the views offer each side only its own moves."""
    if party == Party.APPLICANT:
        allowed = request.registration_id is not None and request.registration.user_id == actor.pk
    else:
        allowed = actor.has_perm("stakeholders.decide_funding_request", request)
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def move_funding_request(
    *,
    request: FundingRequest,
    to: str,
    actor,
    expected_version: int | None = None,
    note: str = "",
    grant: Grant | None = None,
    basis: str = "",
    override: bool = False,
    override_reason: str = "",
) -> FundingStatusChange:
    """Move a request to `to`, if FundingStatus.transitions() lets the actor's side do it.

    The row is locked and its version compared with the one the page showed
    (`expected_version`): a decision taken on a stale page is refused (FundingRefused).

    Side effects:
    - to offered: the secretariat confirms the eligibility (`basis`) and the `grant`; a
      commitment of the grant and one place is recorded on the commission's line of the approved
      budget, refused beyond the line's amount or places unless `override` with a reason;
    - from offered or accepted to rejected, declined or withdrawn: that commitment is reversed;
    - a `note` is kept in the audit trail and, from the secretariat, sent to the applicant as a
      message they read;
    - a FundingStatusChange records who, when, from and to.
    """
    locked = FundingRequest.objects.select_for_update().get(pk=request.pk)
    locked.event = request.event
    locked.registration = request.registration
    if expected_version is not None and locked.version != expected_version:
        raise FundingRefused(
            _("Someone else changed this request meanwhile: it is now “%(status)s”.")
            % {"status": FundingStatus(locked.status).label}
        )
    current = FundingStatus(locked.status)
    party = FundingStatus.transitions()[current].get(to)
    if party is None:
        raise FundingRefused(
            _("A request cannot go from “%(current)s” to “%(status)s”.")
            % {"current": current.label, "status": FundingStatus(to).label}
        )
    _check_party(locked, party, actor)
    note = note.strip()
    if to == FundingStatus.OFFERED:
        _offer(
            locked,
            actor=actor,
            grant=grant,
            basis=basis,
            override=override,
            override_reason=override_reason,
        )
    elif (
        current in FundingStatus.committed_states()
        and to not in FundingStatus.committed_states()
        and locked.commitment_id
    ):
        budget_services.reverse_commitment(
            commitment=locked.commitment,
            reason=_("Travel funding request %(number)s: %(status)s")
            % {"number": locked.pk, "status": FundingStatus(to).label},
            actor=actor,
        )
    if party == Party.SECRETARIAT:
        locked.decided_at, locked.decided_by = timezone.now(), actor
        if note:
            FundingMessage.objects.create(
                request=locked, author=actor, text=note, visible_to_applicant=True
            )
    locked.status = to
    locked.version = F("version") + 1
    locked.save()
    locked.refresh_from_db(fields=["version"])
    request.status, request.version = locked.status, locked.version
    return FundingStatusChange.objects.create(
        request=locked, actor=actor, from_status=current, to_status=to, note=note
    )


def _offer(request, *, actor, grant, basis, override, override_reason) -> None:
    if grant is None or not basis:
        raise FundingRefused(_("Confirm the eligibility and say what is granted."))
    basis = FundingBasis(basis)
    if basis == FundingBasis.NOT_ELIGIBLE:
        raise FundingRefused(_("Funding is offered to eligible participants only."))
    if min(grant.flight, grant.rate) < 0 or grant.days < 0:
        raise FundingRefused(_("An amount cannot be negative."))
    line = approved_line(request.event, basis)
    if line is None:
        raise FundingRefused(
            _("The approved budget of this cycle has no line for “%(basis)s” of this commission.")
            % {"basis": basis.label}
        )
    try:
        commitment = budget_services.record_commitment(
            line=line,
            amount=grant.total,
            participants=1,
            # Names no one: the commitment outlives the applicant's personal data.
            source=(
                _("Travel funding request %(number)s, %(event)s")
                % {"number": request.pk, "event": request.event.title}
            )[:300],
            actor=actor,
            override=override,
            override_reason=override_reason,
        )
    except budget_services.CommitmentRefused as refusal:
        raise FundingRefused(refusal.message, needs_override=not override) from None
    request.basis = basis
    request.granted_flight, request.granted_days, request.granted_rate = (
        grant.flight,
        grant.days,
        grant.rate,
    )
    request.commitment = commitment


@transaction.atomic
def add_funding_message(
    *, request: FundingRequest, author, text: str, visible_to_applicant: bool
) -> FundingMessage:
    """A message about a request. The applicant's own messages are always theirs to read; the
    secretariat marks each of its messages for the applicant or internal."""
    text = text.strip()
    if not text:
        raise FundingRefused(_("Write a message."))
    is_applicant = request.registration_id is not None and request.registration.user_id == author.pk
    if not is_applicant and not author.has_perm("stakeholders.decide_funding_request", request):
        raise PermissionDenied
    return FundingMessage.objects.create(
        request=request,
        author=author,
        text=text,
        visible_to_applicant=True if is_applicant else visible_to_applicant,
    )
