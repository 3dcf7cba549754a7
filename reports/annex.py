"""Section (vi) of the report, generated: the organization of work and the list of participants.

The programme comes from the review's sessions and speakers (public once the review is
announced); the participants from the approved registrations of the review's meeting, through
stakeholders.participants.participant_list, so that each participant's name shows only as far
as they chose to share it with the reader of the report.
"""

from dataclasses import dataclass

from reviews.models import RegionalReview, Session
from reviews.readiness import Part
from reviews.selectors import facts_for
from stakeholders.enums import EventKind
from stakeholders.models import Event
from stakeholders.participants import ParticipantList, participant_list


@dataclass(frozen=True)
class Annex:
    sessions: list[Session]
    participants: list[ParticipantList]

    @property
    def is_empty(self) -> bool:
        return not self.sessions and not any(p.total for p in self.participants)


def annex_of(review: RegionalReview, viewer) -> Annex:
    """The programme and the participants of the review's meeting, as `viewer` may see them."""
    sessions = facts_for(review, {Part.SESSIONS}).sessions
    meetings = Event.objects.filter(review=review, kind=EventKind.MEETING).order_by("pk")
    return Annex(
        sessions=sessions, participants=[participant_list(event, viewer) for event in meetings]
    )
