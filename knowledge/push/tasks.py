"""Sending deliveries to the external platform on a Celery worker."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from knowledge.push import services
from knowledge.push.models import Delivery


@shared_task(
    name="knowledge.push_delivery",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    # The database restarting, a connection dropped: tried again a few times, with back-off.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=120,
    retry_kwargs={"max_retries": 4},
)
def push_delivery(self, *, delivery_id: int) -> None:
    """One attempt; a failed one is tried again after the back-off until the last attempt.

    Without a broker (tasks run in-process) there is nobody to wait for the back-off: the attempts
    follow each other at once, in the process that published.
    """
    attempt = self.request.retries + 1
    while True:
        delivery = services.attempt_delivery(
            delivery_id, last_attempt=attempt >= settings.KNOWLEDGE_PUSH_MAX_ATTEMPTS
        )
        if delivery is None or delivery.status != Delivery.Status.PENDING:
            return
        if not self.request.is_eager:
            raise self.retry(countdown=services.wait_before_attempt(attempt), max_retries=None)
        attempt += 1
