"""Nominations: stakeholders propose panellists, moderators and side events for a review while its
nomination window is open; the secretariat accepts them into the programme or declines them."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import services as review_services
from reviews.enums import SessionKind, SpeakerRole
from reviews.models import RegionalReview, Session
from stakeholders.enums import NominationKind, NominationStatus
from stakeholders.models import Nomination, NominationWindow


class NominationRefused(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


ROLE_OF = {
    NominationKind.PANELLIST: SpeakerRole.PANELLIST,
    NominationKind.MODERATOR: SpeakerRole.MODERATOR,
}


@transaction.atomic
def set_nomination_window(
    *, review: RegionalReview, opens: datetime.date, closes: datetime.date
) -> NominationWindow:
    if closes < opens:
        raise NominationRefused(_("Nominations cannot close before they open."))
    window, _created = NominationWindow.objects.update_or_create(
        review=review, defaults={"opens": opens, "closes": closes}
    )
    return window


@transaction.atomic
def propose_nomination(*, nomination: Nomination, nominator) -> Nomination:
    """Save a proposal while the review's nomination window is open (refused otherwise)."""
    window = NominationWindow.objects.filter(review_id=nomination.review_id).first()
    if window is None or not window.is_open(timezone.localdate()):
        raise NominationRefused(_("Nominations for this review are closed."))
    nomination.nominator = nominator
    nomination.status = NominationStatus.PROPOSED
    if nomination.kind == NominationKind.SIDE_EVENT:
        nomination.gender, nomination.affiliation, nomination.country = "", "", None
        nomination.stakeholder_category = None
    nomination.save()
    return nomination


def _lock(nomination: Nomination) -> Nomination:
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.status != NominationStatus.PROPOSED:
        raise NominationRefused(
            _("This nomination has already been decided: “%(status)s”.")
            % {"status": locked.get_status_display()}
        )
    return locked


@transaction.atomic
def accept_nomination(
    *,
    nomination: Nomination,
    actor,
    session: Session | None = None,
    date: datetime.date | None = None,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    place: str = "",
) -> Nomination:
    """Into the programme: a panellist or moderator becomes a Speaker of `session`; a side event
    becomes a Session of its own on `date` at `start_time`.

    Side effects: the speaker or session is created through reviews' services (the review's
    balance and the `side-events` checklist item count it); the nominator sees the outcome.
    """
    locked = _lock(nomination)
    if locked.kind == NominationKind.SIDE_EVENT:
        if date is None or start_time is None:
            raise NominationRefused(_("Give the day and the time of the side event."))
        locked.session = review_services.add_session(
            review=locked.review,
            kind=SessionKind.SIDE_EVENT,
            title=locked.name,
            date=date,
            start_time=start_time,
            end_time=end_time,
            place=place,
        )
    else:
        if session is None or session.review_id != locked.review_id:
            raise NominationRefused(_("Choose the session of the programme."))
        locked.speaker = review_services.add_speaker(
            session=session,
            role=ROLE_OF[locked.kind],
            name=locked.name,
            title=locked.title,
            gender=locked.gender,
            country=locked.country,
            affiliation=locked.affiliation,
            stakeholder_category=locked.stakeholder_category,
        )
    locked.status = NominationStatus.ACCEPTED
    locked.decided_at, locked.decided_by = timezone.now(), actor
    locked.save()
    return locked


@transaction.atomic
def decline_nomination(*, nomination: Nomination, actor, reason: str) -> Nomination:
    """Declined, with the reason the nominator reads."""
    if not reason.strip():
        raise NominationRefused(_("Say why the nomination is declined."))
    locked = _lock(nomination)
    locked.status = NominationStatus.DECLINED
    locked.decision_reason = reason.strip()
    locked.decided_at, locked.decided_by = timezone.now(), actor
    locked.save()
    return locked
