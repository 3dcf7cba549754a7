"""An event's participant list and its name badges, as stakeholders' rules let the viewer see them."""

from django.utils.translation import gettext_lazy as _

from reports.printing.registry import PrintableKind, register
from reports.printing.safety import user_line
from stakeholders.models import Event
from stakeholders.participants import participant_list


def _event_context(event: Event, viewer) -> tuple[dict, object]:
    participants = participant_list(event, viewer)
    return {
        "event": event,
        "event_title": user_line(event.title),
        "review_title": user_line(event.review.title),
    }, participants


def participants_context(event: Event, viewer) -> dict:
    """The approved participants; a name only as its owner chose to share it with `viewer`, and
    personal data only where stakeholders' rules give it (the list never shows more than the
    page does)."""
    context, participants = _event_context(event, viewer)
    return {
        **context,
        "participants": participants,
        "rows": [
            {
                "name": user_line(row.name),
                "category": row.category,
                "country": row.country,
                "organisation": user_line(row.organisation),
                "email": row.email,
                "nationality": row.nationality,
            }
            for row in participants.rows
        ],
    }


def badges_context(event: Event, viewer) -> dict:
    """One badge per approved participant, the name as the person wrote it, in their script."""
    context, participants = _event_context(event, viewer)
    return {
        **context,
        "badges": [
            {
                "name": user_line(row.name),
                "organisation": user_line(row.organisation),
                "country": row.country,
                "category": row.category,
            }
            for row in sorted(participants.rows, key=lambda row: row.name.casefold())
        ],
    }


def _load(pk: int) -> Event:
    return Event.objects.select_related("review__commission").get(pk=pk)


def register_kinds() -> None:
    register(
        PrintableKind(
            name="participants",
            label=_("List of participants"),
            permission="stakeholders.see_participant_list",
            load=_load,
            template="print/kinds/participants.html",
            context=participants_context,
            review_of=lambda event: event.review,
            describe=lambda event: event.title,
        )
    )
    register(
        PrintableKind(
            name="badges",
            label=_("Name badges"),
            permission="stakeholders.manage_event",
            load=_load,
            template="print/kinds/badges.html",
            context=badges_context,
            review_of=lambda event: event.review,
            describe=lambda event: event.title,
        )
    )
