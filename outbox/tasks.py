import logging

from celery import shared_task

from accounts.models import User
from outbox import services

logger = logging.getLogger(__name__)


@shared_task(name="outbox.send_messages")
def send_outbox_messages(*, message_ids: list[int], actor_id: int) -> int:
    actor = User.objects.filter(pk=actor_id).first()
    sent = services.send_messages(message_ids=message_ids, actor=actor)
    logger.info("Sent %s outbox messages", sent)
    return sent
