"""Annex 1 items that registrations decide, under the contract of reviews.checklist."""

from collections import defaultdict

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reviews.checklist import Verdict
from reviews.evaluators import consultation_problems
from reviews.readiness import ReviewFacts
from stakeholders.enums import EventKind, ParticipantKind, RegistrationStatus
from stakeholders.models import Event


def _event_counts(reviews) -> dict[int, list[dict]]:
    """Per review, its events with their approved and active stakeholder registrations."""
    stakeholder = Q(registrations__kind=ParticipantKind.STAKEHOLDER)
    rows = (
        Event.objects.filter(review__in=[review.pk for review in reviews])
        .values("review_id", "kind", "meeting_format")
        .annotate(
            approved=Count(
                "registrations",
                filter=stakeholder & Q(registrations__status=RegistrationStatus.APPROVED),
            ),
            active=Count(
                "registrations",
                filter=stakeholder & Q(registrations__status__in=RegistrationStatus.active()),
            ),
        )
        .order_by("review_id", "starts_on", "pk")
    )
    events = defaultdict(list)
    for row in rows:
        events[row["review_id"]].append(row)
    return events


def _events(facts: ReviewFacts) -> list[dict]:
    return facts.batch.load("stakeholders.event_counts", _event_counts).get(facts.review.pk, [])


def stakeholders_involved(facts: ReviewFacts) -> Verdict:
    """A consultation is held, stakeholders register for it, and the documents are shared."""
    consultations = [e for e in _events(facts) if e["kind"] == EventKind.CONSULTATION]
    problems = consultation_problems(facts)
    if not consultations:
        problems.append(_("No multi-stakeholder consultation is planned."))
    elif not any(e["approved"] for e in consultations):
        problems.append(_("No stakeholder is registered for the consultation yet."))
    if problems:
        return Verdict.unmet(*problems)
    approved = sum(e["approved"] for e in consultations)
    return Verdict.met(
        ngettext(
            "%(count)s stakeholder registered for the consultation; the documents are shared.",
            "%(count)s stakeholders registered for the consultation; the documents are shared.",
            approved,
        )
        % {"count": approved}
    )


def stakeholder_modalities(facts: ReviewFacts) -> Verdict:
    """The meeting is open to registration by stakeholders, and they do register."""
    meetings = [e for e in _events(facts) if e["kind"] == EventKind.MEETING]
    if not meetings:
        return Verdict.unmet(_("The meeting is not open for registration yet."))
    approved = sum(e["approved"] for e in meetings)
    active = sum(e["active"] for e in meetings)
    if not approved:
        return Verdict.unmet(
            ngettext(
                "%(count)s stakeholder asked to take part in the meeting; none is approved yet.",
                "%(count)s stakeholders asked to take part in the meeting; none is approved yet.",
                active,
            )
            % {"count": active}
        )
    return Verdict.met(
        ngettext(
            "%(count)s stakeholder is registered for the meeting.",
            "%(count)s stakeholders are registered for the meeting.",
            approved,
        )
        % {"count": approved}
    )
