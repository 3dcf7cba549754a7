"""The real services: PostgreSQL for the database, Redis as broker, a Celery worker."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from config.celery import app, ping
from tests.conftest import REQUIRE_SERVICES, service_missing

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"


@pytest.mark.django_db
@override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0")
def test_healthz_answers_503_when_the_broker_is_down(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "broker": "unavailable"},
    }


@pytest.mark.django_db
def test_healthz_reports_a_reachable_broker(client):
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        service_missing("CELERY_BROKER_URL is not set")
    with override_settings(CELERY_BROKER_URL=broker):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "broker": "ok"}


def test_database_is_postgresql_when_services_are_required():
    if not REQUIRE_SERVICES:
        pytest.skip("runs where REQUIRE_SERVICES is set (CI)")
    assert connection.vendor == "postgresql"


def test_task_runs_through_a_real_worker():
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        service_missing("CELERY_BROKER_URL is not set")
    queue = f"test-{uuid.uuid4().hex}"
    worker_name = f"{queue}@{socket.gethostname()}"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            queue,
            "--loglevel=WARNING",
            "--hostname",
            worker_name,
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"},
    )
    try:
        with override_settings(CELERY_TASK_ALWAYS_EAGER=False):
            result = ping.apply_async(kwargs={"value": "round trip"}, queue=queue)
            # Answered by the worker started here, not run in this process.
            assert result.get(timeout=60) == {"value": "round trip", "worker": worker_name}
            assert result.successful()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert app.conf.task_always_eager is True  # restored for the rest of the suite
