"""Demo registrations: the consultation and the meeting of two reviews, registrations in every
state (an organisation's delegates endorsed and not, a delegation with its note verbale, a
waiting list), and an upcoming consultation open for the demo stakeholder to register."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Organisation, User
from reference.models import Country, StakeholderCategory
from reviews.enums import Gender
from reviews.models import RegionalReview
from reviews.scale import small_pdf
from stakeholders import profiles
from stakeholders.enums import EventKind, NameVisibility, ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Profile
from stakeholders.registration import (
    cancel_registration,
    decide_registration,
    endorse_registration,
    register,
    save_event,
)

Status = RegistrationStatus
DOMAIN = "participants.example.org"
# name, e-mail, kind, country, category, gender, name visibility
PEOPLE = [
    ("Amina Diallo", "amina", "stakeholder", "SEN", "migrants", "woman", "everyone"),
    ("Jonas Keller", "jonas", "stakeholder", "DEU", "academia", "man", "participants"),
    ("Olena Kovalenko", "olena", "stakeholder", "UKR", "civil-society", "woman", "nobody"),
    ("Mateo Rojas", "mateo", "stakeholder", "COL", "youth-organizations", "man", "everyone"),
    (
        "Lucía Fernández",
        "lucia",
        "stakeholder",
        "ARG",
        "workers-organizations-trade-unions",
        "woman",
        "participants",
    ),
    (
        "Rizal Santos",
        "rizal",
        "stakeholder",
        "PHL",
        "migrant-diaspora-organizations",
        "man",
        "everyone",
    ),
    (
        "Maria Reyes",
        "maria",
        "stakeholder",
        "PHL",
        "migrant-diaspora-organizations",
        "woman",
        "participants",
    ),
    ("Sofía Herrera", "sofia", "government", "CHL", "", "woman", "everyone"),
    ("Tomás Varga", "tomas", "government", "HUN", "", "not_said", "participants"),
]


def reset() -> None:
    Event.objects.filter(review__cycle__slug="2020-2021").delete()
    User.objects.filter(email__endswith=f"@{DOMAIN}").delete()


def _event(review, kind, starts_on, capacity, title) -> Event:
    return save_event(
        event=Event(
            review=review,
            kind=kind,
            title=title,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=1),
            meeting_format=review.meeting_format,
            venue=review.venue,
            capacity=capacity,
            registration_opens=starts_on - datetime.timedelta(days=60),
            registration_closes=starts_on - datetime.timedelta(days=3),
            working_languages=review.working_languages,
        )
    )


def _person(name, mailbox, kind, iso3, category, gender, visibility, organisation=None) -> User:
    user, _created = User.objects.update_or_create(
        email=f"{mailbox}@{DOMAIN}", defaults={"name": name, "is_active": True}
    )
    country = Country.objects.get(iso3=iso3)
    profiles.save_profile(
        user=user,
        name=name,
        kind=kind,
        category=StakeholderCategory.objects.filter(slug=category).first(),
        organisation=organisation,
        country_of_residence=country,
        nationality=country,
        gender=gender,
        languages=["en"],
        accessibility_needs="",
        name_visibility=visibility,
    )
    return user


def _register(event, user, note: bool = False):
    upload = (
        SimpleUploadedFile("note-verbale.pdf", small_pdf("Note verbale"), "application/pdf")
        if note
        else None
    )
    return register(event=event, user=user, note_verbale=upload, today=event.registration_opens)


def load(*, out) -> None:
    reviews = {r.commission.code: r for r in RegionalReview.objects.filter(cycle__slug="2020-2021")}
    if not {"ECE", "ECLAC"} <= set(reviews):
        return
    secretariat = {
        code: User.objects.get(email=f"{code.lower()}@example.org") for code in ("ECE", "ECLAC")
    }
    organisation = Organisation.objects.filter(name="Migrant Voices Asia").first()
    representative = User.objects.filter(email="ngo@example.org").first()
    people = {
        mailbox: _person(
            name,
            mailbox,
            kind,
            iso3,
            category,
            gender,
            visibility,
            organisation if mailbox in {"rizal", "maria"} else None,
        )
        for name, mailbox, kind, iso3, category, gender, visibility in PEOPLE
    }
    stakeholder = User.objects.filter(email="stakeholder@example.org").first()
    if stakeholder and not Profile.objects.filter(user=stakeholder).exists():
        profiles.save_profile(
            user=stakeholder,
            name=stakeholder.name,
            kind=ParticipantKind.STAKEHOLDER,
            category=StakeholderCategory.objects.get(slug="civil-society"),
            country_of_residence=Country.objects.get(iso3="FRA"),
            nationality=Country.objects.get(iso3="FRA"),
            gender=Gender.NOT_SAID,
            languages=["en", "fr"],
            name_visibility=NameVisibility.PARTICIPANTS,
        )
    count = 0
    for code in ("ECE", "ECLAC"):
        review, actor = reviews[code], secretariat[code]
        consultation = _event(
            review,
            EventKind.CONSULTATION,
            review.meeting_start - datetime.timedelta(days=21),
            40,
            "Multi-stakeholder consultation",
        )
        # A small meeting room: the last approvals go to the waiting list.
        meeting = _event(review, EventKind.MEETING, review.meeting_start, 4, review.title)
        for event in (consultation, meeting):
            registrations = {
                mailbox: _register(
                    event, user, note=user.profile.kind == ParticipantKind.GOVERNMENT
                )
                for mailbox, user in people.items()
            }
            if stakeholder and event is consultation:
                registrations["stakeholder"] = _register(event, stakeholder)
            if organisation and representative:
                endorse_registration(registration=registrations["rizal"], actor=representative)
            approvals = ["amina", "sofia", "rizal", "jonas", "mateo", "stakeholder"]
            if event is meeting:
                approvals.append("lucia")
            for mailbox in approvals:
                if mailbox in registrations:
                    decide_registration(
                        registration=registrations[mailbox], decision=Status.APPROVED, actor=actor
                    )
            decide_registration(
                registration=registrations["tomas"],
                decision=Status.DECLINED,
                actor=actor,
                note="The delegation is already complete.",
            )
            if event is meeting:
                # Amina withdraws: the first on the waiting list (Mateo) is offered her place;
                # Lucía stays on the list.
                cancel_registration(registration=registrations["amina"], actor=people["amina"])
            count += len(registrations)
    ece = reviews["ECE"]
    upcoming = timezone.localdate() + datetime.timedelta(days=45)
    _event(ece, EventKind.CONSULTATION, upcoming, 60, "Follow-up consultation on the outcome")
    out.stdout.write(
        f"Demo registrations: {count} for the consultations and meetings of ECE and ECLAC"
    )
