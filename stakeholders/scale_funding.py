"""Scale data for travel funding and nominations: for every scale review, a meeting with
registrations of scale stakeholders, their funding requests in every state with messages and
audit, a nomination window and nominations; enough that the pages are measured at volume."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from accounts.scale import SCALE_DOMAIN
from budgets.committed import active_commitments
from reference.models import Country
from reviews.enums import Affiliation, Gender
from reviews.models import RegionalReview
from reviews.scale import CYCLES
from stakeholders.enums import (
    EventKind,
    FundingBasis,
    FundingStatus,
    NominationKind,
    NominationStatus,
    ParticipantKind,
    RegistrationStatus,
)
from stakeholders.models import (
    Event,
    FundingMessage,
    FundingRequest,
    FundingStatusChange,
    Nomination,
    NominationWindow,
    Registration,
)

REGISTRATIONS_PER_REVIEW = 600
NOMINATIONS_PER_REVIEW = 120
BATCH = 2_000
TITLE_SUFFIX = " (travel funding)"


def _reviews():
    return RegionalReview.objects.filter(cycle__slug__in=[slug for slug, *_rest in CYCLES])


def loaded() -> bool:
    return FundingRequest.objects.filter(event__review__in=_reviews()).exists()


def reset() -> None:
    reviews = _reviews()
    FundingRequest.objects.filter(event__review__in=reviews).delete()
    Nomination.objects.filter(review__in=reviews).delete()
    NominationWindow.objects.filter(review__in=reviews).delete()
    Event.objects.filter(review__in=reviews, title__endswith=TITLE_SUFFIX).delete()


def _event(review: RegionalReview) -> Event:
    start = review.meeting_start or datetime.date(review.cycle.imrf_year - 1, 2, 20)
    return Event.objects.create(
        review=review,
        kind=EventKind.MEETING,
        title=f"{review.commission.code} regional review meeting{TITLE_SUFFIX}",
        starts_on=start,
        ends_on=review.meeting_end or start,
        capacity=REGISTRATIONS_PER_REVIEW,
        registration_opens=start - datetime.timedelta(days=120),
        registration_closes=start - datetime.timedelta(days=10),
    )


def load(*, seed: int, factor: float, pool, out) -> None:
    rng = random.Random(f"{seed}:stakeholders-funding")
    people = list(
        User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not people:
        return
    delegations = list(Country.objects.filter(ldc=True).values_list("pk", flat=True))
    secretariat = User.objects.get(email="network@example.org")
    per_review = max(4, round(REGISTRATIONS_PER_REVIEW * factor))
    nominations_per_review = max(4, round(NOMINATIONS_PER_REVIEW * factor))
    statuses = list(FundingStatus)
    now = timezone.now()
    totals = {"registrations": 0, "requests": 0, "nominations": 0}
    for review in _reviews().select_related("cycle", "commission"):
        event = _event(review)
        chosen = rng.sample(people, min(per_review, len(people)))
        registrations = Registration.objects.bulk_create(
            [
                Registration(
                    event=event,
                    user_id=user_id,
                    kind=ParticipantKind.GOVERNMENT
                    if index % 3 == 0
                    else ParticipantKind.STAKEHOLDER,
                    country_id=rng.choice(delegations) if index % 3 == 0 else None,
                    status=RegistrationStatus.APPROVED,
                )
                for index, user_id in enumerate(chosen)
            ],
            batch_size=BATCH,
        )
        commitments = {
            category: list(
                active_commitments()
                .filter(
                    budget__cycle_id=review.cycle_id,
                    commission_id=review.commission_id,
                    category__code=category,
                )
                .values_list("pk", flat=True)
            )
            for category in ("ldc_lldc_travel", "stakeholder_travel")
        }
        requests = []
        for index, registration in enumerate(registrations[: len(registrations) * 2 // 3]):
            basis = (
                FundingBasis.LDC_DELEGATE
                if registration.kind == ParticipantKind.GOVERNMENT
                else FundingBasis.STAKEHOLDER
            )
            status = statuses[index % len(statuses)]
            committed = status in FundingStatus.committed_states()
            pool_of = commitments[basis.budget_category]
            flight = Decimal(rng.randrange(400, 2400))
            requests.append(
                FundingRequest(
                    event=event,
                    registration=registration,
                    kind=registration.kind,
                    proposed_basis=basis,
                    basis=basis if committed else "",
                    justification=pool.sentence(rng, "en")[:500],
                    requested_flight=flight,
                    requested_days=basis.per_diem_days,
                    requested_rate=Decimal(rng.randrange(180, 360)),
                    granted_flight=flight if committed else None,
                    granted_days=basis.per_diem_days if committed else None,
                    granted_rate=Decimal(250) if committed else None,
                    status=status,
                    commitment_id=pool_of[index % len(pool_of)] if committed and pool_of else None,
                    decided_at=now if status != FundingStatus.SUBMITTED else None,
                    decided_by=secretariat if status != FundingStatus.SUBMITTED else None,
                )
            )
        requests = FundingRequest.objects.bulk_create(requests, batch_size=BATCH)
        FundingStatusChange.objects.bulk_create(
            [
                FundingStatusChange(request=request, actor=secretariat, to_status=request.status)
                for request in requests
            ],
            batch_size=BATCH,
        )
        FundingMessage.objects.bulk_create(
            [
                FundingMessage(
                    request=request,
                    author=secretariat,
                    text=pool.sentence(rng, "en")[:400],
                    visible_to_applicant=bool(number),
                )
                for request in requests
                for number in range(2)
            ],
            batch_size=BATCH,
        )
        NominationWindow.objects.create(
            review=review,
            opens=event.starts_on - datetime.timedelta(days=90),
            closes=event.starts_on - datetime.timedelta(days=30),
        )
        kinds = list(NominationKind)
        Nomination.objects.bulk_create(
            [
                Nomination(
                    review=review,
                    nominator_id=rng.choice(chosen),
                    kind=kinds[index % len(kinds)],
                    name=pool.sentence(rng, "en")[:120],
                    title=pool.sentence(rng, "en")[:200],
                    description=pool.sentence(rng, "en")[:500],
                    gender=""
                    if kinds[index % len(kinds)] == NominationKind.SIDE_EVENT
                    else rng.choice([Gender.WOMAN, Gender.MAN]),
                    affiliation=""
                    if kinds[index % len(kinds)] == NominationKind.SIDE_EVENT
                    else Affiliation.INTERGOVERNMENTAL,
                    status=NominationStatus.DECLINED
                    if index % 4 == 3
                    else NominationStatus.PROPOSED,
                    decision_reason="The programme is full." if index % 4 == 3 else "",
                )
                for index in range(nominations_per_review)
            ],
            batch_size=BATCH,
        )
        totals["registrations"] += len(registrations)
        totals["requests"] += len(requests)
        totals["nominations"] += nominations_per_review
    out.stdout.write(
        f"Scale travel funding: {totals['registrations']} registrations, "
        f"{totals['requests']} funding requests, {totals['nominations']} nominations"
    )
