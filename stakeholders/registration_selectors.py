"""Reads of events and registrations, scoped to the user who asks."""

from django.db.models import Count, Q, QuerySet

from accounts.enums import VerificationState
from reviews.enums import ReviewStatus
from stakeholders.enums import RegistrationStatus
from stakeholders.models import Event, Registration


def events_visible_to(user) -> QuerySet[Event]:
    """Events of announced reviews, and every event of the reviews the user manages.

    Only the review is joined: the permission check needs no more, and the rest of a page is
    kept with its body (each join of the translated reference tables costs on every request)."""
    events = Event.objects.select_related("review")
    public = Q(review__status__in=ReviewStatus.public_states())
    if not user.is_authenticated:
        return events.filter(public)
    if user.scopes.network:
        return events
    return events.filter(public | Q(review__commission_id__in=user.scopes.commission_ids))


def open_events(today) -> QuerySet[Event]:
    return (
        Event.objects.filter(
            review__status__in=ReviewStatus.public_states(), registration_closes__gte=today
        )
        .select_related("review__commission")
        .order_by("starts_on", "pk")
    )


def events_of_review(review) -> QuerySet[Event]:
    """The review's events with how many registrations stand in each status."""
    counts = {
        status: Count("registrations", filter=Q(registrations__status=status))
        for status in RegistrationStatus.values
    }
    return review.events.annotate(**counts).order_by("starts_on", "pk")


def registrations_visible_to(user) -> QuerySet[Registration]:
    """The user's own; those of the organisations they represent; all of the reviews they manage."""
    registrations = Registration.objects.select_related("event__review")
    if not user.is_authenticated:
        return registrations.none()
    scopes = user.scopes
    if scopes.network:
        return registrations
    return registrations.filter(
        Q(user=user)
        | Q(organisation_id__in=scopes.organisation_ids)
        | Q(event__review__commission_id__in=scopes.commission_ids)
    )


def own_registrations(user) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user)
        .select_related("event__review__commission", "organisation")
        .order_by("-event__starts_on", "pk")
    )


def registrations_for_decision(event: Event, status: str = "") -> QuerySet[Registration]:
    """The event's registrations as the secretariat decides them, oldest first."""
    registrations = event.registrations.select_related(
        "user__profile__category", "user__profile__country_of_residence", "organisation", "country"
    ).order_by("created_at", "pk")
    if status in RegistrationStatus.values:
        registrations = registrations.filter(status=status)
    return registrations


def awaiting_endorsement(user) -> QuerySet[Registration]:
    """Pending registrations made on behalf of the organisations the user represents."""
    return (
        Registration.objects.filter(
            organisation_id__in=user.scopes.organisation_ids,
            organisation__verification=VerificationState.VERIFIED,
            status=RegistrationStatus.PENDING,
        )
        .select_related("user", "organisation", "event__review__commission")
        .order_by("endorsed_at", "created_at", "pk")
    )
