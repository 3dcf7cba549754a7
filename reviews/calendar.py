"""iCalendar feeds of reviews: meetings, consultations and deadlines."""

import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from reviews.models import RegionalReview


def _all_day(
    calendar: Calendar,
    uid: str,
    summary: str,
    first: datetime.date,
    last: datetime.date | None = None,
    description: str = "",
    location: str = "",
) -> None:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", first)
    # DTEND of an all-day event is the day after the last day.
    event.add("dtend", (last or first) + datetime.timedelta(days=1))
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    calendar.add_component(event)


def review_events(calendar: Calendar, review: RegionalReview, host: str) -> None:
    prefix = f"review-{review.pk}"
    if review.meeting_start:
        _all_day(
            calendar,
            f"{prefix}-meeting@{host}",
            review.title,
            review.meeting_start,
            review.meeting_end,
            description=review.online_meeting_link,
            location=review.venue,
        )
    if review.consultation_opens and review.consultation_closes:
        _all_day(
            calendar,
            f"{prefix}-consultation@{host}",
            _("Consultation: %(review)s") % {"review": review.title},
            review.consultation_opens,
            review.consultation_closes,
        )
    if review.documents_due:
        _all_day(
            calendar,
            f"{prefix}-documents-due@{host}",
            _("Documents due: %(review)s") % {"review": review.title},
            review.documents_due,
        )
    if review.report_due:
        _all_day(
            calendar,
            f"{prefix}-report-due@{host}",
            _("Report due: %(review)s") % {"review": review.title},
            review.report_due,
        )


def calendar_of(reviews: list[RegionalReview], *, name: str, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//gcm-reviews//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for review in reviews:
        review_events(calendar, review, host)
    return calendar.to_ical()
