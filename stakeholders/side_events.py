"""The Annex 1 item stakeholders' nominations decide: space for side events (side-events)."""

from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reviews.checklist import Verdict
from reviews.enums import SessionKind
from reviews.readiness import ReviewFacts
from stakeholders.enums import NominationKind, NominationStatus
from stakeholders.models import Nomination


def side_events_of(reviews) -> dict[int, Counter]:
    """Side events proposed by stakeholders, by review and status. One query for every review."""
    counts: dict[int, Counter] = {}
    rows = (
        Nomination.objects.filter(
            review__in=[review.pk for review in reviews], kind=NominationKind.SIDE_EVENT
        )
        .values("review_id", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts.setdefault(row["review_id"], Counter())[row["status"]] = row["count"]
    return counts


def side_events(facts: ReviewFacts) -> Verdict:
    """Met when at least one side event proposed by stakeholders (a nomination) is accepted into
    the programme; side events the secretariat adds itself are counted in the reasons only."""
    counts = facts.batch.load("stakeholders.side_events", side_events_of).get(
        facts.review.pk, Counter()
    )
    accepted = counts[NominationStatus.ACCEPTED]
    proposed = counts[NominationStatus.PROPOSED]
    in_programme = sum(session.kind == SessionKind.SIDE_EVENT for session in facts.sessions)
    reasons = [
        ngettext(
            "%(count)s side event in the programme.",
            "%(count)s side events in the programme.",
            in_programme,
        )
        % {"count": in_programme}
    ]
    if proposed:
        reasons.append(
            ngettext(
                "%(count)s side event proposed by stakeholders awaits a decision.",
                "%(count)s side events proposed by stakeholders await a decision.",
                proposed,
            )
            % {"count": proposed}
        )
    if accepted:
        return Verdict.met(
            ngettext(
                "%(count)s side event proposed by stakeholders is accepted.",
                "%(count)s side events proposed by stakeholders are accepted.",
                accepted,
            )
            % {"count": accepted},
            *reasons,
        )
    return Verdict.unmet(
        _("No side event proposed by stakeholders is accepted into the programme yet."), *reasons
    )
