from django.db.models import QuerySet

from outbox.models import OutboxMessage


def outbox_of(review) -> QuerySet[OutboxMessage]:
    """The review's messages as the outbox lists them; bodies are read on a message's own page."""
    return OutboxMessage.objects.filter(review=review).only(
        "subject", "about_label", "recipients", "status", "sent_at", "created_at", "review_id"
    )
