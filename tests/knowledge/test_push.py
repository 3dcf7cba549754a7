"""Every publication and withdrawal is pushed, signed, to the external platform: tried again
while it fails, sent again from the Deliveries page by the review's secretariat only."""

import json
import socket
import time

import pytest
from django.urls import reverse
from django.utils import translation

from knowledge import services
from knowledge.enums import PublicationAction
from knowledge.push.models import Delivery
from knowledge.push.services import body_of, record_delivery, wait_before_attempt
from knowledge.push.signing import verify_signature
from tests.knowledge.builders import publish_input
from tests.knowledge.platform import SECRET, SITE_URL, signed

pytestmark = pytest.mark.django_db


def payload(received) -> dict:
    return json.loads(received.body)


def test_publishing_sends_one_signed_request_with_the_publication(
    reference_data, push_on, django_capture_on_commit_callbacks
):
    publication, _ = publish_input(django_capture_on_commit_callbacks)

    (request,) = push_on.received
    delivery = Delivery.objects.get()
    assert request.path == "/hooks/gcm"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-GCM-Delivery"] == str(delivery.pk)
    assert request.headers["X-GCM-Event"] == "publication.published"
    assert abs(int(request.headers["X-GCM-Timestamp"]) - time.time()) < 60
    assert signed(request)
    with translation.override(publication.language):
        page = SITE_URL + publication.get_absolute_url()
    review = publication.review
    assert payload(request) == {
        "event": "publication.published",
        "delivery": delivery.pk,
        "occurred_at": publication.published_at.isoformat(),
        "publication": {
            "id": publication.pk,
            "kind": "submission",
            "title": publication.title,
            "language": "en",
            "url": page,
            "published_at": publication.published_at.isoformat(),
        },
        "review": {
            "id": review.pk,
            "title": "Regional review ECLAC",
            "commission": "ECLAC",
            "cycle": "2020-2021",
        },
    }
    assert payload(request) == delivery.payload
    assert (delivery.status, delivery.attempts, delivery.last_status_code, delivery.last_error) == (
        Delivery.Status.DELIVERED,
        1,
        200,
        "",
    )
    assert delivery.delivered_at == delivery.last_attempt_at


def test_withdrawing_sends_withdrawn_with_the_reason(
    reference_data, push_on, django_capture_on_commit_callbacks
):
    publication, secretariat = publish_input(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(publication=publication, actor=secretariat, reason="Sent in error.")

    published, withdrawn = push_on.received
    publication.refresh_from_db()
    body = payload(withdrawn)
    assert withdrawn.headers["X-GCM-Event"] == "publication.withdrawn"
    assert withdrawn.headers["X-GCM-Delivery"] != published.headers["X-GCM-Delivery"]
    assert (body["event"], body["occurred_at"]) == (
        "publication.withdrawn",
        publication.withdrawn_at.isoformat(),
    )
    assert (
        body["publication"]["withdrawn_at"],
        body["publication"]["withdrawal_reason"],
    ) == (publication.withdrawn_at.isoformat(), "Sent in error.")
    assert list(Delivery.objects.values_list("action", "status")) == [
        ("withdrawn", "delivered"),
        ("published", "delivered"),
    ]


def test_failing_platform_is_tried_again_until_it_answers(
    reference_data, push_on, django_capture_on_commit_callbacks
):
    push_on.answer(500, 503)
    publish_input(django_capture_on_commit_callbacks)

    delivery = Delivery.objects.get()
    assert len(push_on.received) == 3
    assert {request.body for request in push_on.received} == {body_of(delivery.payload)}
    assert all(signed(request) for request in push_on.received)
    assert {request.headers["X-GCM-Delivery"] for request in push_on.received} == {str(delivery.pk)}
    assert (delivery.status, delivery.attempts, delivery.last_status_code, delivery.last_error) == (
        Delivery.Status.DELIVERED,
        3,
        200,
        "",
    )


def test_platform_failing_every_attempt_fails_the_delivery_with_the_last_error(
    reference_data, push_on, django_capture_on_commit_callbacks
):
    push_on.answer(500, 502, 503)
    publish_input(django_capture_on_commit_callbacks)

    delivery = Delivery.objects.get()
    assert len(push_on.received) == 3
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
        Delivery.Status.FAILED,
        3,
        503,
    )
    assert delivery.last_error.startswith("HTTP 503 Service Unavailable")
    assert delivery.delivered_at is None


def test_failed_delivery_sent_again_once_the_platform_recovers_is_delivered(
    reference_data, push_on, client, django_capture_on_commit_callbacks
):
    push_on.answer(500, 500, 500)
    _, secretariat = publish_input(django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    client.force_login(secretariat)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("knowledge:delivery_send", kwargs={"pk": delivery.pk}))

    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:deliveries")
    resent = push_on.received[-1]
    assert len(push_on.received) == 4
    assert resent.body == push_on.received[0].body
    assert resent.headers["X-GCM-Delivery"] == str(delivery.pk)
    assert signed(resent)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code, delivery.last_error) == (
        Delivery.Status.DELIVERED,
        4,
        200,
        "",
    )


def test_redirect_is_not_followed(reference_data, push_on, django_capture_on_commit_callbacks):
    moved = push_on.url.replace("/hooks/gcm", "/moved")
    push_on.answer(307, 301, 308, Location=moved)
    publish_input(django_capture_on_commit_callbacks)

    delivery = Delivery.objects.get()
    assert [request.path for request in push_on.received] == ["/hooks/gcm"] * 3
    assert (delivery.status, delivery.last_status_code) == (Delivery.Status.FAILED, 308)
    assert delivery.last_error.endswith(f"Redirected to {moved}: not followed.")


def test_unreachable_platform_records_the_network_error(
    reference_data, push_on, settings, django_capture_on_commit_callbacks
):
    with socket.socket() as closed:  # a port nothing listens on once it is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.KNOWLEDGE_PUSH_URL = f"http://127.0.0.1:{port}/hooks/gcm"
    publish_input(django_capture_on_commit_callbacks)

    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
        Delivery.Status.FAILED,
        3,
        None,
    )
    assert delivery.last_error.startswith("URLError")


def test_replayed_or_tampered_request_fails_verification(
    reference_data, push_on, django_capture_on_commit_callbacks
):
    publish_input(django_capture_on_commit_callbacks)
    (request,) = push_on.received
    timestamp, signature = request.headers["X-GCM-Timestamp"], request.headers["X-GCM-Signature"]
    tampered = request.body.replace(b'"kind":"submission"', b'"kind":"report"')

    sent_at = int(timestamp)

    assert verify_signature(SECRET, timestamp, request.body, signature, now=sent_at + 300)
    # Replayed more than five minutes later; or with the timestamp made fresh again.
    assert not verify_signature(SECRET, timestamp, request.body, signature, now=sent_at + 301)
    assert not verify_signature(SECRET, sent_at + 400, request.body, signature, now=sent_at + 400)
    assert tampered != request.body
    assert not verify_signature(SECRET, timestamp, tampered, signature)
    assert not verify_signature("another-secret" * 3, timestamp, request.body, signature)
    assert not verify_signature(SECRET, "yesterday", request.body, signature)


def test_push_off_records_no_delivery(
    reference_data, settings, platform, django_capture_on_commit_callbacks
):
    settings.KNOWLEDGE_PUSH_URL = settings.KNOWLEDGE_PUSH_SECRET = ""
    publish_input(django_capture_on_commit_callbacks)

    assert not Delivery.objects.exists()
    assert platform.received == []


def test_wait_between_attempts_doubles_up_to_half_the_visibility_timeout(settings):
    settings.KNOWLEDGE_PUSH_BACKOFF = 30
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    assert [wait_before_attempt(attempt) for attempt in range(1, 9)] == [
        30,
        60,
        120,
        240,
        480,
        960,
        1800,
        1800,
    ]


def test_delivery_being_sent_is_not_sent_again(
    reference_data, push_on, client, django_capture_on_commit_callbacks
):
    publication, secretariat = publish_input(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks():  # recorded, its task not sent yet
        delivery = record_delivery(publication=publication, action=PublicationAction.PUBLISHED)
    client.force_login(secretariat)

    response = client.post(
        reverse("knowledge:delivery_send", kwargs={"pk": delivery.pk}), follow=True
    )

    assert [str(message) for message in response.context["messages"]] == [
        "This delivery is being sent already."
    ]
    assert len(push_on.received) == 1  # the publication's own delivery
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.Status.PENDING, 0)
