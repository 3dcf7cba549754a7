"""Decision e-mails go through an outbox: drafted on each change, sent in batches by the secretariat."""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.concurrency import save_if_unchanged
from core.versions import bump, review_scope
from submissions.models import OutboxMessage, Submission


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
    with translation.override(submission.language):
        subject = render_to_string(f"submissions/email/{event}_subject.txt", context).strip()
        body = render_to_string(f"submissions/email/{event}_body.txt", context).strip()
    return OutboxMessage.objects.create(
        review=submission.review,
        submission=submission,
        recipients=author_addresses(submission),
        subject=subject,
        body=body,
    )


@transaction.atomic
def edit_message(
    *, message: OutboxMessage, subject: str, body: str, expected_version: int
) -> OutboxMessage:
    """Change a draft's subject and body, unless it was sent or edited since the form was opened.

    Raises ConcurrentEditError over a newer version, ValidationError once the message is sent.
    """
    status = OutboxMessage.objects.select_for_update().values_list("status", flat=True)
    if status.get(pk=message.pk) != OutboxMessage.Status.DRAFT:
        raise ValidationError(_("This message has already been sent."))
    message.subject, message.body = subject, body
    save_if_unchanged(message, expected_version=expected_version, fields=["subject", "body"])
    return message


def send_messages(*, message_ids: list[int], actor) -> int:
    """Send the drafts among the given messages, once each; return how many were sent.

    Each message is claimed with a conditional update, so a double click or a retried task never
    sends twice.
    """
    sent = 0
    for message in OutboxMessage.objects.filter(
        pk__in=message_ids, status=OutboxMessage.Status.DRAFT
    ):
        with transaction.atomic():
            claimed = OutboxMessage.objects.filter(
                pk=message.pk, status=OutboxMessage.Status.DRAFT
            ).update(status=OutboxMessage.Status.SENT, sent_at=timezone.now(), sent_by=actor)
            if not claimed:
                continue
            bump(review_scope(message.review_id))  # claimed by an update, which sends no signal
            if message.recipients:
                send_mail(message.subject, message.body, None, message.recipients)
            sent += 1
    return sent
