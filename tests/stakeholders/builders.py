"""Events and people with profiles, built the way the pages build them."""

import datetime

from django.utils import timezone

from accounts.enums import VerificationState
from accounts.services import set_organisation_verification
from reference.models import Country, StakeholderCategory
from reviews.enums import Gender, ReviewStatus
from stakeholders import profiles
from stakeholders.enums import EventKind, NameVisibility, ParticipantKind
from stakeholders.models import Event
from stakeholders.registration import save_event
from tests.factories import OrganisationFactory, UserFactory, make_review

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def open_review(commission_code: str = "ECLAC", **fields):
    today = timezone.localdate()
    fields.setdefault("status", ReviewStatus.ANNOUNCED)
    fields.setdefault("meeting_start", today + datetime.timedelta(days=60))
    fields.setdefault("meeting_end", today + datetime.timedelta(days=61))
    return make_review(commission_code, **fields)


def make_event(review=None, *, kind=EventKind.CONSULTATION, capacity: int = 10, **fields) -> Event:
    review = review or open_review()
    today = timezone.localdate()
    starts = fields.pop("starts_on", today + datetime.timedelta(days=30))
    return save_event(
        event=Event(
            review=review,
            kind=kind,
            title=fields.pop("title", f"{kind.label} of {review.commission.code}"),
            starts_on=starts,
            ends_on=fields.pop("ends_on", starts + datetime.timedelta(days=1)),
            capacity=capacity,
            registration_opens=fields.pop("registration_opens", today - datetime.timedelta(days=1)),
            registration_closes=fields.pop("registration_closes", starts),
            **fields,
        )
    )


def verified_organisation(**fields):
    fields.setdefault("country", Country.objects.get(iso3="PHL"))
    fields.setdefault("category", StakeholderCategory.objects.get(slug="civil-society"))
    return set_organisation_verification(
        organisation=OrganisationFactory(**fields), state=VerificationState.VERIFIED, actor=None
    )


def participant(
    *,
    kind=ParticipantKind.STAKEHOLDER,
    country: str = "MEX",
    organisation=None,
    gender=Gender.WOMAN,
    visibility=NameVisibility.PARTICIPANTS,
    category: str = "",
    **user_fields,
):
    """A signed-up person with a filled-in profile (a delegate of `country`, or a stakeholder
    living there)."""
    user = UserFactory(**user_fields)
    chosen = (
        StakeholderCategory.objects.get(slug=category)
        if category
        else StakeholderCategory.objects.order_by("position").first()
    )
    profiles.save_profile(
        user=user,
        name=user.name,
        kind=kind,
        category=None if kind == ParticipantKind.GOVERNMENT else chosen,
        organisation=organisation,
        country_of_residence=Country.objects.get(iso3=country),
        nationality=Country.objects.get(iso3=country),
        gender=gender,
        languages=["es"],
        accessibility_needs="Step-free access",
        name_visibility=visibility,
    )
    return user


def participant_of(review, **person):
    """A person whose registration for an event of the review is approved: a participant."""
    from stakeholders.enums import RegistrationStatus
    from stakeholders.registration import decide_registration, register

    event = review.events.first() or make_event(review, capacity=1000)
    registration = register(event=event, user=participant(**person))
    decide_registration(registration=registration, decision=RegistrationStatus.APPROVED, actor=None)
    return registration.user
