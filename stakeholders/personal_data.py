"""A participant's personal data: everything of theirs as one download, deleting their account,
and removing it once the retention period after an event is over.

What is removed leaves anonymous counts behind (AnonymousParticipant: kind, status, gender,
country, category) so that balance statistics stay as they were, and funding requests stay without
anyone's name, so that the budget's committed amounts still add up.
"""

import datetime
import logging
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.versions import PUBLIC, bump, person_scope, review_scope
from stakeholders.enums import NominationStatus, RemovalReason
from stakeholders.models import (
    AnonymousParticipant,
    Event,
    FundingMessage,
    FundingRequest,
    FundingStatusChange,
    Nomination,
    PersonalDataRemoval,
    Profile,
    Registration,
)

logger = logging.getLogger(__name__)


class DeletionRefused(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_personal_data(user) -> dict:
    """Everything the application holds about `user`, in a fixed number of queries: account,
    profile, registrations, funding requests with the messages they may read, and nominations."""
    profile = (
        Profile.objects.filter(user=user)
        .select_related("category", "organisation", "country_of_residence", "nationality")
        .first()
    )
    registrations = Registration.objects.filter(user=user).select_related(
        "event__review", "country", "organisation"
    )
    requests = (
        FundingRequest.objects.filter(registration__user=user)
        .select_related("event")
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=FundingMessage.objects.filter(visible_to_applicant=True).order_by(
                    "sent_at", "pk"
                ),
            ),
            Prefetch("status_changes", queryset=FundingStatusChange.objects.order_by("at", "pk")),
        )
    )
    nominations = Nomination.objects.filter(nominator=user).select_related(
        "review", "country", "stakeholder_category"
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.name,
            "preferred_language": user.preferred_language,
            "joined": _iso(user.date_joined),
        },
        "profile": None
        if profile is None
        else {
            "takes_part_as": profile.kind,
            "stakeholder_category": profile.category.label if profile.category else None,
            "organisation": profile.organisation.name if profile.organisation else None,
            "country_of_residence": profile.country_of_residence.iso3
            if profile.country_of_residence
            else None,
            "nationality": profile.nationality.iso3 if profile.nationality else None,
            "gender": profile.gender,
            "languages": profile.languages,
            "accessibility_needs": profile.accessibility_needs,
            "name_visibility": profile.name_visibility,
        },
        "registrations": [
            {
                "event": registration.event.title,
                "review": registration.event.review.title,
                "starts_on": _iso(registration.event.starts_on),
                "takes_part_as": registration.kind,
                "delegation_of": registration.country.iso3 if registration.country else None,
                "on_behalf_of": registration.organisation.name
                if registration.organisation
                else None,
                "status": registration.status,
                "registered_on": _iso(registration.created_at),
                "decided_on": _iso(registration.decided_at),
                "reason": registration.decision_note,
                "note_verbale": registration.note_verbale.name or None,
            }
            for registration in registrations
        ],
        "funding_requests": [
            {
                "event": request.event.title,
                "status": request.status,
                "proposed_eligibility": request.proposed_basis,
                "confirmed_eligibility": request.basis or None,
                "justification": request.justification,
                "requested": {
                    "flight": str(request.requested_flight),
                    "days_of_per_diem": request.requested_days,
                    "per_diem_rate": str(request.requested_rate),
                },
                "granted": None
                if request.granted_flight is None
                else {
                    "flight": str(request.granted_flight),
                    "days_of_per_diem": request.granted_days,
                    "per_diem_rate": str(request.granted_rate),
                },
                "asked_on": _iso(request.created_at),
                "messages": [
                    {
                        "from": "you" if message.author_id == user.pk else "secretariat",
                        "text": message.text,
                        "sent_on": _iso(message.sent_at),
                    }
                    for message in request.messages.all()
                ],
                "history": [
                    {
                        "from": change.from_status or None,
                        "to": change.to_status,
                        "on": _iso(change.at),
                        "note": change.note,
                    }
                    for change in request.status_changes.all()
                ],
            }
            for request in requests
        ],
        "nominations": [
            {
                "review": nomination.review.title,
                "proposal": nomination.kind,
                "name": nomination.name,
                "position_or_organisers": nomination.title,
                "description": nomination.description,
                "gender": nomination.gender or None,
                "country": nomination.country.iso3 if nomination.country else None,
                "affiliation": nomination.affiliation or None,
                "stakeholder_category": nomination.stakeholder_category.label
                if nomination.stakeholder_category
                else None,
                "status": nomination.status,
                "reason": nomination.decision_reason,
                "proposed_on": _iso(nomination.created_at),
            }
            for nomination in nominations
        ],
    }


def deletion_blockers(user) -> list[str]:
    """Why the account cannot be deleted by its holder, if anything: what a role signs stays on
    record, so the Network secretariat ends the roles first."""
    reasons = []
    if user.role_assignments.exists():
        reasons.append(
            _(
                "Your account holds roles (secretariat, focal point or organisation "
                "representative): ask the Network secretariat to end them first."
            )
        )
    if user.individual_submissions.exists():
        reasons.append(
            _("You are the author of a regional input: ask the secretariat to reassign it first.")
        )
    return reasons


@dataclass
class Removed:
    registrations: int = 0
    funding_requests: int = 0
    messages: int = 0
    nominations: int = 0


def _remove_registrations(registrations: QuerySet[Registration], reason: str) -> Removed:
    """Keep the anonymous counts of `registrations`, strip their funding requests of anything
    personal, then delete them with their notes verbales."""
    rows = list(
        registrations.select_related("user__profile").only(
            "pk",
            "event_id",
            "kind",
            "status",
            "country_id",
            "note_verbale",
            "user_id",
            "user__profile__gender",
            "user__profile__category_id",
            "user__profile__country_of_residence_id",
        )
    )
    if not rows:
        return Removed()
    anonymous = []
    for registration in rows:
        profile = getattr(registration.user, "profile", None)
        anonymous.append(
            AnonymousParticipant(
                event_id=registration.event_id,
                kind=registration.kind,
                status=registration.status,
                gender=profile.gender if profile else AnonymousParticipant.gender.field.default,
                country_id=registration.country_id
                or (profile.country_of_residence_id if profile else None),
                category_id=profile.category_id if profile else None,
                reason=reason,
            )
        )
    AnonymousParticipant.objects.bulk_create(anonymous)
    ids = [registration.pk for registration in rows]
    requests = FundingRequest.objects.filter(registration_id__in=ids)
    applicants = {registration.pk: registration.user_id for registration in rows}
    request_ids = dict(requests.values_list("pk", "registration_id"))
    messages, _by_kind = FundingMessage.objects.filter(request_id__in=request_ids).delete()
    for request_id, registration_id in request_ids.items():
        FundingStatusChange.objects.filter(
            request_id=request_id, actor_id=applicants[registration_id]
        ).update(actor=None, note="")
    FundingStatusChange.objects.filter(request_id__in=request_ids).update(note="")
    requests.update(registration=None, justification="", updated_at=timezone.now())
    for registration in rows:
        if registration.note_verbale:
            registration.note_verbale.delete(save=False)
    Registration.objects.filter(pk__in=ids).delete()
    # The queryset updates above send no signal: pages kept from these rows must still go.
    review_ids = Event.objects.filter(
        pk__in={registration.event_id for registration in rows}
    ).values_list("review_id", flat=True)
    bump(
        PUBLIC,
        *(review_scope(review_id) for review_id in review_ids),
        *(person_scope(user_id) for user_id in applicants.values()),
    )
    return Removed(registrations=len(rows), funding_requests=len(request_ids), messages=messages)


@transaction.atomic
def delete_account(*, user) -> Removed:
    """Delete a participant's account and everything personal of theirs.

    Side effects: anonymous counts of their registrations are kept; their funding requests stay,
    with their amounts, status and commitment, but without registration, justification,
    messages or their name in the audit trail; nominations not accepted are deleted, accepted
    ones stay in the programme without their nominator. Refused (DeletionRefused) while the
    account holds roles or authored a regional input.
    """
    blockers = deletion_blockers(user)
    if blockers:
        raise DeletionRefused(" ".join(blockers))
    removed = _remove_registrations(
        Registration.objects.filter(user=user), RemovalReason.ACCOUNT_DELETED
    )
    removed.nominations, _by_kind = (
        Nomination.objects.filter(nominator=user).exclude(status=NominationStatus.ACCEPTED).delete()
    )
    user.delete()
    logger.info(
        "Account deleted by its holder: %s registrations, %s funding requests, %s messages, "
        "%s nominations removed.",
        removed.registrations,
        removed.funding_requests,
        removed.messages,
        removed.nominations,
    )
    return removed


def retention_cutoff(today: datetime.date) -> datetime.date:
    """Events that ended before this day are past their retention period."""
    return today - datetime.timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)


def events_due_for_removal(today: datetime.date) -> QuerySet[Event]:
    """Events past their retention period that still hold personal data."""
    return (
        Event.objects.filter(ends_on__lt=retention_cutoff(today))
        .filter(
            Q(registrations__isnull=False)
            | Q(funding_requests__registration__isnull=False)
            | Q(funding_requests__messages__isnull=False)
        )
        .distinct()
        .order_by("ends_on", "pk")
    )


def nominations_due_for_removal(today: datetime.date) -> QuerySet[Nomination]:
    """Nominations not taken into the programme of a review whose meeting ended before the
    retention period; accepted ones stay in the programme, without their nominator."""
    return Nomination.objects.filter(review__meeting_end__lt=retention_cutoff(today)).filter(
        ~Q(status=NominationStatus.ACCEPTED) | Q(nominator__isnull=False)
    )


@transaction.atomic
def remove_personal_data_of_event(*, event: Event) -> Removed:
    """Remove the personal data of one event past its retention period, and record how much."""
    Event.objects.select_for_update().get(pk=event.pk)
    removed = _remove_registrations(
        Registration.objects.filter(event=event), RemovalReason.RETENTION
    )
    leftover, _by_kind = FundingMessage.objects.filter(request__event=event).delete()
    removed.messages += leftover
    FundingRequest.objects.filter(event=event, registration__isnull=False).update(
        registration=None, justification=""
    )
    record, created = PersonalDataRemoval.objects.get_or_create(
        event=event,
        defaults={
            "removed_at": timezone.now(),
            "registrations": removed.registrations,
            "funding_requests": removed.funding_requests,
            "messages": removed.messages,
        },
    )
    if not created:
        PersonalDataRemoval.objects.filter(pk=record.pk).update(
            removed_at=timezone.now(),
            registrations=F("registrations") + removed.registrations,
            funding_requests=F("funding_requests") + removed.funding_requests,
            messages=F("messages") + removed.messages,
        )
    return removed


def remove_expired_personal_data(*, today: datetime.date | None = None) -> Removed:
    """Remove what is past its retention period, event by event; what is not due is untouched.
    Running it again removes nothing more."""
    today = today or timezone.localdate()
    total = Removed()
    for event in events_due_for_removal(today):
        removed = remove_personal_data_of_event(event=event)
        logger.info(
            "Personal data of event %s (ended %s) removed: %s registrations, %s funding "
            "requests, %s messages.",
            event.pk,
            event.ends_on,
            removed.registrations,
            removed.funding_requests,
            removed.messages,
        )
        total.registrations += removed.registrations
        total.funding_requests += removed.funding_requests
        total.messages += removed.messages
    with transaction.atomic():
        due = nominations_due_for_removal(today)
        due.filter(status=NominationStatus.ACCEPTED).update(nominator=None)
        total.nominations, _by_kind = due.exclude(status=NominationStatus.ACCEPTED).delete()
    if total.nominations:
        logger.info("Nominations past their retention period removed: %s.", total.nominations)
    if not any((total.registrations, total.funding_requests, total.messages, total.nominations)):
        logger.info("No personal data is due for removal.")
    return total


def participation_counts(event: Event) -> Counter:
    """Participants of an event by (kind, status, gender): registrations and what is kept of
    removed ones, counted alike, so removal changes no figure."""
    counts: Counter = Counter()
    for kind, status, gender in Registration.objects.filter(event=event).values_list(
        "kind", "status", "user__profile__gender"
    ):
        counts[(kind, status, gender or AnonymousParticipant.gender.field.default)] += 1
    for kind, status, gender in AnonymousParticipant.objects.filter(event=event).values_list(
        "kind", "status", "gender"
    ):
        counts[(kind, status, gender)] += 1
    return counts
