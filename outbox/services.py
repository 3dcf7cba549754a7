"""Decision e-mails go through the outbox: drafted at each decision, sent in batches by the
secretariat of the review."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.concurrency import save_if_unchanged
from core.versions import bump, review_scope
from outbox.models import OutboxMessage


def render_email(template: str, context: dict, *, language: str) -> tuple[str, str]:
    """The subject and body of `<template>_subject.txt` and `<template>_body.txt` in `language`."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context).strip()
    return subject, body


def draft_message(
    *,
    review,
    about: models.Model,
    about_label: str,
    recipients: list[str],
    subject: str,
    body: str,
) -> OutboxMessage:
    """Put an e-mail about `about` in the review's outbox, as a draft the secretariat reads."""
    return OutboxMessage.objects.create(
        review=review,
        about_type=ContentType.objects.get_for_model(about),
        about_id=about.pk,
        about_label=about_label[:300],
        recipients=sorted(set(recipients)),
        subject=subject[:300],
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
