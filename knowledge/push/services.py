"""Recording each publication and withdrawal as a Delivery, sending it, and sending it again.

`record_delivery` is called for every change while the push is on; `attempt_delivery` is the one
path every attempt takes (the task, its retries, and "Send again" through the task again).
"""

import datetime
import json
import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knowledge.enums import PublicationAction
from knowledge.models import Publication
from knowledge.push.models import Delivery
from knowledge.push.signing import sign
from knowledge.push.transport import Answer, post_json
from reviews.models import RegionalReview

logger = logging.getLogger(__name__)


def push_is_on() -> bool:
    return bool(settings.KNOWLEDGE_PUSH_URL)


def _moment(value: datetime.datetime | None) -> str | None:
    return value.astimezone(datetime.UTC).isoformat() if value else None


def public_url(publication: Publication) -> str:
    """The publication's page on this site, in its own language."""
    with translation.override(publication.language):
        return settings.SITE_URL + publication.get_absolute_url()


def payload_for(publication: Publication, action: str, delivery_id: int) -> dict:
    """What the platform is told of one change: the publication as it was at that moment."""
    review = RegionalReview.objects.select_related("commission", "cycle").get(
        pk=publication.review_id
    )
    withdrawn = action == PublicationAction.WITHDRAWN
    described = {
        "id": publication.pk,
        "kind": publication.kind,
        "title": publication.title,
        "language": publication.language,
        "url": public_url(publication),
        "published_at": _moment(publication.published_at),
    }
    if withdrawn:
        described["withdrawn_at"] = _moment(publication.withdrawn_at)
        described["withdrawal_reason"] = publication.withdrawal_reason
    return {
        "event": f"publication.{action}",
        "delivery": delivery_id,
        "occurred_at": _moment(publication.withdrawn_at if withdrawn else publication.published_at),
        "publication": described,
        "review": {
            "id": review.pk,
            "title": review.title,
            "commission": review.commission.code,
            "cycle": review.cycle.slug,
        },
    }


def body_of(payload: dict) -> bytes:
    """The bytes sent and signed: the same for a payload every time, whatever the database did
    to the order of its keys."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@transaction.atomic
def record_delivery(*, publication: Publication, action: str) -> Delivery:
    """Record a change for the platform and send it once the transaction commits (in this process
    when no broker is configured)."""
    delivery = Delivery.objects.create(
        publication=publication, action=action, url=settings.KNOWLEDGE_PUSH_URL
    )
    delivery.payload = payload_for(publication, action, delivery.pk)
    delivery.save(update_fields=["payload"])
    transaction.on_commit(lambda: _enqueue(delivery.pk))
    return delivery


def _enqueue(delivery_id: int) -> None:
    from knowledge.push.tasks import push_delivery

    push_delivery.delay(delivery_id=delivery_id)


def longest_wait() -> int:
    """The longest wait between attempts, in seconds: half the broker's visibility timeout, past
    which Redis would hand a waiting task to a second worker."""
    return settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] // 2


def wait_before_attempt(attempt: int) -> int:
    """Seconds to wait after failed attempt number `attempt` (1, 2, …): the back-off, doubled
    after each attempt."""
    return min(settings.KNOWLEDGE_PUSH_BACKOFF * 2 ** (attempt - 1), longest_wait())


def _send(delivery: Delivery) -> Answer:
    secret = settings.KNOWLEDGE_PUSH_SECRET
    if not secret:
        return Answer(None, "The push is switched off: KNOWLEDGE_PUSH_SECRET is not set.")
    timestamp = int(time.time())
    body = body_of(delivery.payload)
    headers = {
        "X-GCM-Timestamp": str(timestamp),
        "X-GCM-Signature": sign(secret, timestamp, body),
        "X-GCM-Delivery": str(delivery.pk),
        "X-GCM-Event": delivery.payload["event"],
        "User-Agent": "gcm-reviews",
    }
    return post_json(delivery.url, body, headers)


def attempt_delivery(delivery_id: int, *, last_attempt: bool) -> Delivery | None:
    """Send a pending delivery once and record the answer; None if it is not pending any more.

    The delivery is locked while it is sent, so a task run twice sends it once. Delivered on a
    2xx; failed when this was the last attempt (or the push was switched off since); otherwise
    still pending, for the caller to try again.
    """
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .filter(pk=delivery_id, status=Delivery.Status.PENDING)
            .first()
        )
        if delivery is None:
            logger.info("Delivery %s is not pending; nothing to send", delivery_id)
            return None
        answer = _send(delivery)
        now = timezone.now()
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.last_status_code = answer.status_code
        delivery.last_error = answer.error
        if answer.delivered:
            delivery.status, delivery.delivered_at = Delivery.Status.DELIVERED, now
        elif last_attempt or not settings.KNOWLEDGE_PUSH_SECRET:
            delivery.status = Delivery.Status.FAILED
        delivery.save(
            update_fields=[
                "attempts",
                "last_attempt_at",
                "last_status_code",
                "last_error",
                "status",
                "delivered_at",
            ]
        )
    logger.info(
        "Delivery %s, attempt %s: %s (%s)",
        delivery.pk,
        delivery.attempts,
        delivery.status,
        answer.status_code or answer.error,
    )
    return delivery


def may_send_again(delivery: Delivery, now: datetime.datetime | None = None) -> bool:
    """Delivered or failed; or pending but untried for twice the longest wait between attempts,
    as when its task was lost with the broker."""
    if delivery.status != Delivery.Status.PENDING:
        return True
    last = delivery.last_attempt_at or delivery.created_at
    return (now or timezone.now()) - last > datetime.timedelta(seconds=2 * longest_wait())


@transaction.atomic
def send_again(*, delivery: Delivery, actor) -> Delivery:
    """Send a delivery again: the same id and body, a fresh timestamp and signature, to the
    address configured now, with a fresh round of attempts.

    Side effects: the delivery is pending again; its task is sent once the transaction commits.
    Raises ValidationError when the push is off or the delivery is being sent.
    """
    if not push_is_on():
        raise ValidationError(_("The push to the knowledge platform is switched off."))
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if not may_send_again(delivery):
        raise ValidationError(_("This delivery is being sent already."))
    delivery.status = Delivery.Status.PENDING
    delivery.url = settings.KNOWLEDGE_PUSH_URL
    delivery.save(update_fields=["status", "url"])
    logger.info("Delivery %s sent again by user %s", delivery.pk, getattr(actor, "pk", None))
    transaction.on_commit(lambda: _enqueue(delivery.pk))
    return delivery
