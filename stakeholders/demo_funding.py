"""Demo data for travel funding and nominations, on the 2020–2021 cycle: requests in every state
(the offered and accepted ones committed on the approved demo budget, one partial), their
messages, and nominations accepted into the ECE programme or declined.

Registrations are looked up; where a review has none, a meeting is created with a few
participants so that the pages have something to show.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db.models import F

from accounts.models import User
from reference.models import Country
from reviews.enums import Affiliation, Gender
from reviews.models import RegionalReview
from stakeholders import funding, nominations
from stakeholders.enums import (
    EventKind,
    FundingStatus,
    NominationKind,
    ParticipantKind,
    RegistrationStatus,
)
from stakeholders.models import Event, FundingRequest, Nomination, NominationWindow, Registration

DEMO_CYCLE = "2020-2021"
PARTICIPANT_DOMAIN = "participants.example.org"
# (commission, e-mail, name, delegation ISO3 or None, flight, rate, the states it goes through)
REQUESTS = [
    ("ECA", "stakeholder@example.org", None, None, "1180", "290", ["offered", "accepted"]),
    ("ECA", "awa.diallo", "Awa Diallo", "MLI", "1450", "310", ["offered"]),
    ("ECA", "joao.neves", "João Neves", "STP", "2100", "310", ["rejected"]),
    ("ECA", "tenzin.dorji", "Tenzin Dorji", None, "1320", "290", []),
    ("ECLAC", "maria.quispe", "María Quispe", "BOL", "980", "260", ["information_needed"]),
    ("ECLAC", "jean.pierre", "Jean-Pierre Joseph", "HTI", "760", "260", ["offered", "declined"]),
    ("ECLAC", "ana.lima", "Ana Lima", None, "1240", "260", ["offered", "withdrawn"]),
]
NOTES = {
    "information_needed": "Please send the itinerary of the cheapest economy fare.",
    "rejected": "Sao Tome and Principe is a least developed country until December 2024, but "
    "the delegation is already funded by another partner.",
}


def reset() -> None:
    reviews = RegionalReview.objects.filter(cycle__slug=DEMO_CYCLE)
    FundingRequest.objects.filter(event__review__in=reviews).delete()
    Nomination.objects.filter(review__in=reviews).delete()
    NominationWindow.objects.filter(review__in=reviews).delete()
    User.objects.filter(email__endswith=f"@{PARTICIPANT_DOMAIN}").delete()


def _meeting(review: RegionalReview) -> Event:
    event = review.events.filter(kind=EventKind.MEETING).order_by("starts_on").first()
    if event is not None:
        return event
    return Event.objects.create(
        review=review,
        kind=EventKind.MEETING,
        title=review.title,
        starts_on=review.meeting_start,
        ends_on=review.meeting_end,
        meeting_format=review.meeting_format,
        venue=review.venue,
        capacity=250,
        registration_opens=review.meeting_start - datetime.timedelta(days=90),
        registration_closes=review.meeting_start - datetime.timedelta(days=10),
        working_languages=review.working_languages,
    )


def _registration(event: Event, email: str, name: str | None, delegation: str | None):
    if "@" not in email:
        email = f"{email}@{PARTICIPANT_DOMAIN}"
    user, _created = User.objects.get_or_create(
        email=email, defaults={"name": name or "", "password": make_password(None)}
    )
    registration, created = Registration.objects.get_or_create(
        event=event,
        user=user,
        defaults={
            "kind": ParticipantKind.GOVERNMENT if delegation else ParticipantKind.STAKEHOLDER,
            "country": Country.objects.get(iso3=delegation) if delegation else None,
            "status": RegistrationStatus.APPROVED,
        },
    )
    if created:
        # The meeting seats the delegates it funds: a place more for each, so that nobody on
        # its waiting list is passed over.
        Event.objects.filter(pk=event.pk).update(capacity=F("capacity") + 1)
    return registration


def _funding(reviews: dict[str, RegionalReview], secretariats: dict[str, User]) -> int:
    count = 0
    for code, email, name, delegation, flight, rate, moves in REQUESTS:
        registration = _registration(_meeting(reviews[code]), email, name, delegation)
        proposal = funding.propose_eligibility(registration)
        request = funding.ask_for_funding(
            registration=registration,
            flight=Decimal(flight),
            days=proposal.basis.per_diem_days or 3,
            rate=Decimal(rate),
            justification="I take part in the round table on labour migration.",
            actor=registration.user,
        )
        secretariat = secretariats[code]
        for to in moves:
            by_applicant = to in {"accepted", "declined", "withdrawn"}
            grant = None
            if to == FundingStatus.OFFERED:
                # Partial support for the first ECLAC delegate: the flight only.
                days = 0 if email == "jean.pierre" else request.requested_days
                grant = funding.Grant(request.requested_flight, days, request.requested_rate)
            funding.move_funding_request(
                request=request,
                to=to,
                actor=registration.user if by_applicant else secretariat,
                note=NOTES.get(to, ""),
                grant=grant,
                basis=proposal.basis if grant else "",
            )
        if email == "tenzin.dorji":
            funding.add_funding_message(
                request=request,
                author=secretariat,
                text="The stakeholder line of ECA is nearly used up: check before offering.",
                visible_to_applicant=False,
            )
        count += 1
    return count


def _nominations(review: RegionalReview, secretariat: User) -> int:
    start = review.meeting_start
    nominations.set_nomination_window(
        review=review,
        opens=start - datetime.timedelta(days=60),
        closes=start - datetime.timedelta(days=20),
    )
    stakeholder = User.objects.get(email="stakeholder@example.org")
    proposals = [
        (NominationKind.PANELLIST, "Dr. Leyla Aliyeva", "Baku Migration Research Centre", "accept"),
        (NominationKind.MODERATOR, "Marco Rossi", "Migrant Rights Network Europe", "decline"),
        (
            NominationKind.SIDE_EVENT,
            "Cities welcoming migrants",
            "Mayors Migration Council",
            "accept",
        ),
        (NominationKind.SIDE_EVENT, "Youth and migration", "Youth Forum", None),
    ]
    sessions = list(review.sessions.order_by("date", "start_time"))
    for kind, name, title, decision in proposals:
        nomination = Nomination(
            review=review,
            kind=kind,
            name=name,
            title=title,
            description="Proposed for the perspective of those who work with migrants every day.",
        )
        if kind != NominationKind.SIDE_EVENT:
            nomination.gender = Gender.WOMAN if name.startswith("Dr.") else Gender.MAN
            nomination.affiliation = Affiliation.INTERGOVERNMENTAL
        # Saved as proposed during the window, as nominations.propose_nomination would.
        nomination.nominator = stakeholder
        nomination.save()
        if decision == "accept" and kind == NominationKind.SIDE_EVENT:
            nominations.accept_nomination(
                nomination=nomination,
                actor=secretariat,
                date=review.meeting_start,
                start_time=datetime.time(13, 15),
                end_time=datetime.time(14, 30),
                place="Room XXIII",
            )
        elif decision == "accept" and sessions:
            nominations.accept_nomination(
                nomination=nomination, actor=secretariat, session=sessions[-1]
            )
        elif decision == "decline":
            nominations.decline_nomination(
                nomination=nomination,
                actor=secretariat,
                reason="The panel already has a moderator; thank you for the proposal.",
            )
    return len(proposals)


def load(*, out) -> None:
    reviews = {
        review.commission.code: review
        for review in RegionalReview.objects.filter(cycle__slug=DEMO_CYCLE).select_related(
            "commission"
        )
    }
    if not {"ECA", "ECLAC", "ECE"} <= set(reviews):
        return
    secretariats = {
        code: User.objects.get(email=f"{code.lower()}@example.org")
        for code in ("ECA", "ECLAC", "ECE")
    }
    requests = _funding(reviews, secretariats)
    proposed = _nominations(reviews["ECE"], secretariats["ECE"])
    out.stdout.write(
        f"Demo travel funding: {requests} requests in every state; {proposed} nominations"
    )
