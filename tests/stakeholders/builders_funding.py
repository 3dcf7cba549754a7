"""Events, registrations and funding requests for the tests of travel funding, nominations and
personal data, made directly (registrations are the registration services' business)."""

import datetime
from decimal import Decimal

from reference.models import Country
from stakeholders import funding
from stakeholders.enums import EventKind, ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Registration


def make_event(review, *, starts_on: datetime.date | None = None, days: int = 2, **fields) -> Event:
    starts_on = starts_on or review.meeting_start
    return Event.objects.create(
        review=review,
        kind=fields.pop("kind", EventKind.MEETING),
        title=fields.pop("title", f"Meeting of {review.commission.code}"),
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        capacity=fields.pop("capacity", 200),
        registration_opens=starts_on - datetime.timedelta(days=90),
        registration_closes=starts_on - datetime.timedelta(days=7),
        **fields,
    )


def register(
    user,
    event: Event,
    *,
    delegation: str | None = None,
    status: str = RegistrationStatus.APPROVED,
) -> Registration:
    """A stakeholder's registration, or a government delegate's when `delegation` (ISO3) is given."""
    return Registration.objects.create(
        event=event,
        user=user,
        kind=ParticipantKind.GOVERNMENT if delegation else ParticipantKind.STAKEHOLDER,
        country=Country.objects.get(iso3=delegation) if delegation else None,
        status=status,
    )


def ask(registration: Registration, *, flight="1200", days=None, rate="300", justification=""):
    proposal = funding.propose_eligibility(registration)
    return funding.ask_for_funding(
        registration=registration,
        flight=Decimal(flight),
        days=proposal.basis.per_diem_days if days is None else days,
        rate=Decimal(rate),
        justification=justification,
        actor=registration.user,
    )


def offer(request, actor, *, flight=None, days=None, rate=None, **kwargs):
    """Offer what was asked (or the figures given), on the proposed basis."""
    return funding.move_funding_request(
        request=request,
        to="offered",
        actor=actor,
        grant=funding.Grant(
            Decimal(flight) if flight is not None else request.requested_flight,
            request.requested_days if days is None else days,
            Decimal(rate) if rate is not None else request.requested_rate,
        ),
        basis=kwargs.pop("basis", request.proposed_basis),
        **kwargs,
    )
