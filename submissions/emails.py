"""The e-mails a submission's changes draft in the review's outbox, to its authors."""

from accounts.models import User
from outbox.models import OutboxMessage
from outbox.services import draft_message as draft_in_outbox
from outbox.services import render_email
from submissions.models import Submission


def author_addresses(submission: Submission) -> list[str]:
    """Everyone who writes for the submitting institution, or the individual author."""
    if submission.country_id:
        users = User.objects.filter(role_assignments__country=submission.country_id)
    elif submission.organisation_id:
        users = User.objects.filter(role_assignments__organisation=submission.organisation_id)
    else:
        users = User.objects.filter(pk=submission.author_id)
    return sorted(set(users.filter(is_active=True).values_list("email", flat=True)))


def draft_message(*, submission: Submission, event: str, comment: str = "") -> OutboxMessage:
    """Write the e-mail for an event in the submission's language, as a draft in the outbox."""
    context = {"submission": submission, "review": submission.review, "comment": comment}
    subject, body = render_email(
        f"submissions/email/{event}", context, language=submission.language
    )
    return draft_in_outbox(
        review=submission.review,
        about=submission,
        about_label=submission.author_label,
        recipients=author_addresses(submission),
        subject=subject,
        body=body,
    )
