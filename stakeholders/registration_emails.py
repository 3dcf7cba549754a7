"""The e-mails that registration decisions draft in the review's outbox, in the person's language."""

from outbox.models import OutboxMessage
from outbox.services import draft_message, render_email
from stakeholders.models import Registration


def draft_registration_message(*, registration: Registration, event: str) -> OutboxMessage:
    """`event` names the templates: approved, waitlisted, declined, promoted, refused."""
    user, review = registration.user, registration.event.review
    subject, body = render_email(
        f"stakeholders/email/registration_{event}",
        {"registration": registration, "event": registration.event, "review": review},
        language=user.preferred_language,
    )
    return draft_message(
        review=review,
        about=registration,
        about_label=str(user),
        recipients=[user.email],
        subject=subject,
        body=body,
    )
