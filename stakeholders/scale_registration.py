"""Scale data for registrations: every scale stakeholder has a profile and registers for one or
two events of the scale reviews (a consultation and a meeting each), in every status."""

import datetime
import random

from django.utils import timezone

from accounts.enums import VerificationState
from accounts.models import Organisation, User
from accounts.scale import SCALE_DOMAIN
from core.scaletext import TextPool
from reference.models import Country, StakeholderCategory
from reviews.enums import Gender
from reviews.models import RegionalReview
from reviews.scale import CYCLES
from stakeholders.enums import EventKind, NameVisibility, ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Profile, Registration

BATCH = 2_000
CAPACITY = {EventKind.CONSULTATION: 400, EventKind.MEETING: 600}
# Of every registration: mostly still open, some decided either way, a few cancelled.
STATUSES = [
    (RegistrationStatus.PENDING, 30),
    (RegistrationStatus.APPROVED, 45),
    (RegistrationStatus.WAITLISTED, 10),
    (RegistrationStatus.DECLINED, 10),
    (RegistrationStatus.CANCELLED, 5),
]


def _scale_reviews():
    return RegionalReview.objects.filter(cycle__slug__in=[slug for slug, *_rest in CYCLES])


def loaded() -> bool:
    return Event.objects.filter(review__in=_scale_reviews()).exists()


def reset() -> None:
    Event.objects.filter(review__in=_scale_reviews()).delete()
    Profile.objects.filter(user__email__endswith=f"@{SCALE_DOMAIN}").delete()


def _events(reviews: list[RegionalReview]) -> list[Event]:
    events = []
    for review in reviews:
        start = review.meeting_start
        consultation = start - datetime.timedelta(days=21)
        for kind, starts_on in ((EventKind.CONSULTATION, consultation), (EventKind.MEETING, start)):
            events.append(
                Event(
                    review=review,
                    kind=kind,
                    title=f"{kind.label} ({review.commission.code})",
                    starts_on=starts_on,
                    ends_on=starts_on + datetime.timedelta(days=1),
                    meeting_format=review.meeting_format,
                    venue=review.venue,
                    capacity=CAPACITY[kind],
                    registration_opens=starts_on - datetime.timedelta(days=90),
                    registration_closes=starts_on - datetime.timedelta(days=7),
                    working_languages=review.working_languages,
                )
            )
    return Event.objects.bulk_create(events)


def load(*, seed: int, factor: float, pool: TextPool, out) -> None:
    rng = random.Random(f"{seed}:stakeholders")
    reviews = list(_scale_reviews().select_related("commission").order_by("pk"))
    users = list(
        User.objects.filter(email__startswith="stakeholder.", email__endswith=f"@{SCALE_DOMAIN}")
        .order_by("email")
        .only("pk")
    )
    if not reviews or not users:
        return
    countries = list(Country.objects.filter(memberships__kind="member").distinct().order_by("pk"))
    categories = list(StakeholderCategory.objects.all())
    organisations = list(
        Organisation.objects.filter(
            website__startswith=f"https://{SCALE_DOMAIN}/",
            verification=VerificationState.VERIFIED,
        ).order_by("pk")
    )
    genders = [Gender.WOMAN, Gender.MAN, Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.NOT_SAID]
    profiles, kinds = [], {}
    for user in users:
        # One in ten speaks for a government; a quarter of the others for an organisation.
        government = rng.random() < 0.1
        kinds[user.pk] = ParticipantKind.GOVERNMENT if government else ParticipantKind.STAKEHOLDER
        country = rng.choice(countries)
        profiles.append(
            Profile(
                user=user,
                kind=kinds[user.pk],
                category=None if government else rng.choice(categories),
                organisation=rng.choice(organisations)
                if organisations and not government and rng.random() < 0.25
                else None,
                country_of_residence=country,
                nationality=country if rng.random() < 0.8 else rng.choice(countries),
                gender=rng.choice(genders),
                languages=[rng.choice(["en", "fr", "es", "ar", "ru", "zh-hans"])],
                name_visibility=rng.choice(list(NameVisibility)),
            )
        )
    Profile.objects.bulk_create(profiles, batch_size=BATCH)
    profile_of = {profile.user_id: profile for profile in profiles}

    events = _events(reviews)
    statuses = [status for status, _weight in STATUSES]
    weights = [weight for _status, weight in STATUSES]
    now = timezone.now()
    registrations, approved = [], dict.fromkeys((event.pk for event in events), 0)
    for user in users:
        for event in rng.sample(events, rng.choice([1, 1, 2])):
            status = rng.choices(statuses, weights)[0]
            if status == RegistrationStatus.APPROVED:
                if approved[event.pk] >= event.capacity:
                    status = RegistrationStatus.WAITLISTED
                else:
                    approved[event.pk] += 1
            profile = profile_of[user.pk]
            government = profile.kind == ParticipantKind.GOVERNMENT
            decided = status != RegistrationStatus.PENDING
            registrations.append(
                Registration(
                    event=event,
                    user=user,
                    kind=profile.kind,
                    country=profile.country_of_residence if government else None,
                    organisation=profile.organisation,
                    status=status,
                    endorsed_at=now if profile.organisation and decided else None,
                    decided_at=now if decided else None,
                    waitlisted_at=now if status == RegistrationStatus.WAITLISTED else None,
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    out.stdout.write(
        f"Scale registrations: {len(profiles)} profiles, {len(events)} events, "
        f"{len(registrations)} registrations"
    )
