"""Registering for a review's events, and deciding the registrations.

Capacity is guarded by locking the event row: every change that takes or frees a place (a
decision, a cancellation, a change of capacity) holds the event's lock, so two decisions at the
same moment cannot both take the last place. One registration per person per event is a database
constraint; a second attempt, also one racing the first, is refused with a clear message.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import VerificationState
from core.concurrency import save_if_unchanged
from core.fragments import TIMEOUT
from core.uploads import DOCX, JPEG, ODT, PDF, PNG, check_upload
from core.versions import person_scope, versions
from stakeholders.enums import ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Profile, Registration
from stakeholders.registration_emails import draft_registration_message

NOTE_VERBALE_KINDS = (PDF, DOCX, ODT, PNG, JPEG)
NOTE_VERBALE_MAX_BYTES = 20 * 1024 * 1024
DUPLICATE = _("You are already registered for this event.")

Status = RegistrationStatus


def approved_review_ids(user) -> set[int]:
    """The reviews in which the user holds an approved registration.

    Asked on many pages a participant reads, so kept under the version of the person's own
    data, which every change of their registrations moves: a cache read instead of a query."""
    key = f"participation:{user.pk}:{versions([person_scope(user.pk)])}"
    found = cache.get(key)
    if found is None:
        found = set(
            Registration.objects.filter(user=user, status=Status.APPROVED).values_list(
                "event__review_id", flat=True
            )
        )
        cache.set(key, found, TIMEOUT)
    return found


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _places_taken(event: Event) -> int:
    return event.registrations.filter(status__in=Status.holding_a_place()).count()


def register(*, event: Event, user, note_verbale=None, today=None) -> Registration:
    """Register the user for the event, as their profile says they take part.

    A government delegate names the delegation's country (the profile's) and attaches a note
    verbale; a person whose profile names a verified organisation registers on its behalf and
    waits for its representative's endorsement. Every registration starts pending: the
    secretariat decides. Raises ValidationError when registration is closed, the profile is
    missing or incomplete, the note verbale is missing or unacceptable, or the person is
    already registered.
    """
    today = today or timezone.localdate()
    if not event.registration_is_open(today):
        raise ValidationError(_("Registration for this event is not open."))
    profile = Profile.objects.filter(user=user).select_related("organisation").first()
    if profile is None:
        raise ValidationError(_("Fill in your participant profile before you register."))
    if Registration.objects.filter(event=event, user=user).exists():
        raise ValidationError(DUPLICATE, code="duplicate")
    registration = Registration(event=event, user=user, kind=profile.kind)
    if profile.kind == ParticipantKind.GOVERNMENT:
        if profile.country_of_residence_id is None:
            raise ValidationError(_("Name your delegation's country in your profile."))
        if not note_verbale:
            raise ValidationError(_("Attach the note verbale of your delegation."))
        check_upload(note_verbale, allowed=NOTE_VERBALE_KINDS, max_bytes=NOTE_VERBALE_MAX_BYTES)
        registration.country_id = profile.country_of_residence_id
    elif (
        profile.organisation_id and profile.organisation.verification == VerificationState.VERIFIED
    ):
        registration.organisation_id = profile.organisation_id
    try:
        with transaction.atomic():
            if note_verbale:
                registration.note_verbale.save(
                    note_verbale.name.rsplit("/", 1)[-1][-100:], note_verbale, save=False
                )
            registration.save()
    except IntegrityError as error:
        # Two requests raced past the check above: the database keeps one registration.
        if registration.note_verbale:
            registration.note_verbale.delete(save=False)
        if Registration.objects.filter(event=event, user=user).exists():
            raise ValidationError(DUPLICATE, code="duplicate") from error
        raise
    return registration


def _check_pending(registration: Registration) -> None:
    if registration.status != Status.PENDING:
        raise ValidationError(_("This registration has already been decided."))


@transaction.atomic
def endorse_registration(
    *, registration: Registration, actor, endorse: bool = True
) -> Registration:
    """The organisation's representative vouches for (or refuses) a delegate before the
    secretariat decides. Refusing declines the registration and drafts an e-mail to the person."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    _check_pending(registration)
    if registration.organisation_id is None or registration.endorsed_at is not None:
        raise ValidationError(_("This registration does not wait for an endorsement."))
    now = timezone.now()
    if endorse:
        registration.endorsed_at, registration.endorsed_by = now, actor
        fields = ["endorsed_at", "endorsed_by"]
    else:
        registration.status = Status.DECLINED
        registration.decided_at, registration.decided_by = now, actor
        fields = ["status", "decided_at", "decided_by"]
    registration.version += 1
    registration.save(update_fields=[*fields, "version"])
    if not endorse:
        draft_registration_message(registration=registration, event="refused")
    return registration


def _fill_free_places(event: Event) -> list[Registration]:
    """Offer the free places to the waiting list, first waitlisted first; the event is locked."""
    free = event.capacity - _places_taken(event)
    if free <= 0:
        return []
    promoted = list(
        event.registrations.filter(status=Status.WAITLISTED)
        .select_related("user", "event__review")
        .order_by("waitlisted_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = Status.APPROVED
        registration.decided_at = now
        registration.version += 1
        registration.save(update_fields=["status", "decided_at", "version"])
        draft_registration_message(registration=registration, event="promoted")
    return promoted


def _decide_locked(
    registration: Registration, event: Event, decision: str, actor, note: str
) -> Registration:
    if registration.status not in Status.active():
        raise ValidationError(_("A cancelled or declined registration cannot be decided again."))
    if registration.needs_endorsement and decision == Status.APPROVED:
        raise ValidationError(
            _("The organisation's representative has not endorsed this registration yet.")
        )
    was_approved = registration.status == Status.APPROVED
    if decision == Status.APPROVED and not was_approved and _places_taken(event) >= event.capacity:
        decision = Status.WAITLISTED  # a full event waitlists
    if decision == registration.status:
        return registration
    now = timezone.now()
    registration.status = decision
    registration.decided_at, registration.decided_by = now, actor
    registration.decision_note = note
    registration.waitlisted_at = now if decision == Status.WAITLISTED else None
    registration.version += 1
    registration.save(
        update_fields=[
            "status",
            "decided_at",
            "decided_by",
            "decision_note",
            "waitlisted_at",
            "version",
        ]
    )
    draft_registration_message(registration=registration, event=decision)
    if was_approved:
        _fill_free_places(event)
    return registration


def _locked_registration(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("user", "event__review")
        .get(pk=registration.pk)
    )


@transaction.atomic
def decide_registration(
    *,
    registration: Registration,
    decision: str,
    actor,
    note: str = "",
    expected_version: int | None = None,
) -> Registration:
    """Approve, waitlist or decline one registration.

    Approving when every place is taken puts the person on the waiting list instead; declining an
    approved registration offers its place to the first on the waiting list. Each decision drafts
    an e-mail to the person in the review's outbox. A decision over a registration that changed
    since the page was read (`expected_version`) is refused.
    """
    if decision not in {Status.APPROVED, Status.WAITLISTED, Status.DECLINED}:
        raise ValidationError(_("Choose a decision."))
    event = _lock(registration.event)
    registration = _locked_registration(registration)
    if expected_version is not None and registration.version != expected_version:
        raise ValidationError(
            _("Someone else changed this registration since you opened the page; look again.")
        )
    return _decide_locked(registration, event, decision, actor, note)


@dataclass
class BulkOutcome:
    decided: list[Registration] = field(default_factory=list)
    waitlisted: list[Registration] = field(default_factory=list)
    refused: list[tuple[Registration, str]] = field(default_factory=list)


@transaction.atomic
def decide_registrations(
    *, registrations: Iterable[Registration], decision: str, actor
) -> BulkOutcome:
    """The same decision for many registrations of one review, in the order they came in.

    Each is decided as decide_registration would; those that cannot be (already cancelled, not
    yet endorsed) are reported and left as they were.
    """
    outcome = BulkOutcome()
    registrations = sorted(registrations, key=lambda r: (r.created_at, r.pk))
    events = {
        event.pk: event
        for event in Event.objects.select_for_update()
        .filter(pk__in={r.event_id for r in registrations})
        .order_by("pk")
    }
    for registration in registrations:
        locked = _locked_registration(registration)
        try:
            with transaction.atomic():
                result = _decide_locked(locked, events[locked.event_id], decision, actor, "")
        except ValidationError as error:
            outcome.refused.append((locked, " ".join(error.messages)))
            continue
        if decision == Status.APPROVED and result.status == Status.WAITLISTED:
            outcome.waitlisted.append(result)
        else:
            outcome.decided.append(result)
    return outcome


@transaction.atomic
def cancel_registration(*, registration: Registration, actor) -> Registration:
    """The person withdraws; a place they held goes to the first on the waiting list."""
    event = _lock(registration.event)
    registration = _locked_registration(registration)
    if registration.status not in Status.active():
        raise ValidationError(_("This registration is no longer active."))
    held_a_place = registration.status in Status.holding_a_place()
    registration.status = Status.CANCELLED
    registration.waitlisted_at = None
    registration.version += 1
    registration.save(update_fields=["status", "waitlisted_at", "version"])
    if held_a_place:
        _fill_free_places(event)
    return registration


@transaction.atomic
def save_event(*, event: Event, expected_version: int | None = None) -> Event:
    """Create or change an event; more places go to the waiting list at once.

    A change over a newer version raises core.concurrency.ConcurrentEditError.
    """
    if event.pk is None:
        event.full_clean()
        event.save()
        return event
    _lock(event)
    event.full_clean()
    fields = [
        f.name
        for f in Event._meta.concrete_fields
        if not f.primary_key and f.name not in {"version", "created_at", "review"}
    ]
    save_if_unchanged(event, expected_version=expected_version or event.version, fields=fields)
    _fill_free_places(event)
    return event
