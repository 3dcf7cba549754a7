"""The push on a real Celery worker with Redis and PostgreSQL: a failed attempt is tried again
after the back-off, by the worker, and the delivery ends delivered."""

import time

import pytest
from django.test import override_settings

from knowledge.push.models import Delivery
from tests.knowledge.builders import publish_input
from tests.knowledge.platform import SECRET, SITE_URL, signed

# A broker and PostgreSQL, or the test is skipped (fails in CI); the queue purged.
from tests.reports.test_worker import (
    _services,  # noqa: F401 - an autouse fixture
    start_worker,
    stop,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def wait_for_delivery(*, timeout: float) -> Delivery:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        delivery = Delivery.objects.first()
        if delivery is not None and delivery.status != Delivery.Status.PENDING:
            return delivery
        time.sleep(0.5)
    raise AssertionError(f"no delivery was finished within {timeout} s")


def test_worker_tries_again_after_the_back_off_and_delivers(
    transactional_reference_data, push_on, django_capture_on_commit_callbacks
):
    push_on.answer(500)
    # The project's own settings, not the tests': its retries go through the broker too.
    worker = start_worker(
        DJANGO_SETTINGS_MODULE="config.settings",
        KNOWLEDGE_PUSH_URL=push_on.url,
        KNOWLEDGE_PUSH_SECRET=SECRET,
        KNOWLEDGE_PUSH_BACKOFF=2,
        SITE_URL=SITE_URL,
    )
    try:
        with override_settings(CELERY_TASK_ALWAYS_EAGER=False):
            publish_input(django_capture_on_commit_callbacks)
        delivery = wait_for_delivery(timeout=90)
    finally:
        stop(worker)

    first, second = push_on.received
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
        Delivery.Status.DELIVERED,
        2,
        200,
    )
    assert second.at - first.at >= 1.5
    assert first.body == second.body
    assert signed(first) and signed(second)
