"""Render jobs on a real Celery worker with Redis and PostgreSQL: time limits and lost workers."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from config.celery import app
from reports.enums import RenderStatus
from reports.models import RenderJob
from reports.printing.services import request_render
from tests.conftest import service_missing
from tests.reports.builders import secretariat_of, written_submission

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _services():
    if not os.environ.get("CELERY_BROKER_URL"):
        service_missing("CELERY_BROKER_URL is not set")
    if connection.vendor != "postgresql":
        service_missing("a worker needs the test database on PostgreSQL (DATABASE_URL)")
    app.control.purge()


def start_worker(**limits) -> subprocess.Popen:
    """A prefork worker (time limits need it) on the test database, with `limits` as settings;
    a lost worker's task is looked for every two seconds."""
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DATABASE_URL": url,
        "CELERY_UNACKED_RESTORE_INTERVAL": "2",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        **{name: str(value) for name, value in limits.items()},
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            "--hostname",
            f"print-test-{time.monotonic_ns()}@%h",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=60)


def wait_for(job_ids, *, states, timeout: float) -> list[RenderJob]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = list(RenderJob.objects.filter(pk__in=job_ids).order_by("pk"))
        if all(job.status in states for job in jobs):
            return jobs
        time.sleep(0.5)
    raise AssertionError(f"jobs {job_ids} did not reach {states} within {timeout} s")


def ask(submission, language="en") -> RenderJob:
    return request_render(
        kind="submission", pk=submission.pk, language=language, user=secretariat_of(submission)
    )


def files_of(job: RenderJob) -> list[Path]:
    folder = Path(job.file.storage.path("print"))
    return sorted(folder.glob(f"{job.fingerprint[:32]}-*.pdf"))


def test_unbroken_word_fails_within_the_time_limit_and_the_next_job_succeeds(
    transactional_reference_data,
):
    limits = {"PRINT_SOFT_TIME_LIMIT": 8, "PRINT_TIME_LIMIT": 15}
    pathological = written_submission(text="x" * 200_000)
    ordinary = written_submission(
        country="ARG", text="<p>An ordinary text.</p>", review=pathological.review
    )
    worker = start_worker(CELERY_VISIBILITY_TIMEOUT=60, **limits)
    try:
        with override_settings(CELERY_TASK_ALWAYS_EAGER=False, **limits):
            long_job, next_job = ask(pathological), ask(ordinary)
            failed, succeeded = wait_for(
                [long_job.pk, next_job.pk], states=RenderStatus.finished_states(), timeout=120
            )
    finally:
        stop(worker)
    assert failed.status == RenderStatus.FAILED
    assert failed.error.startswith("The document took longer than 8 seconds to render")
    assert (failed.finished_at - failed.started_at).total_seconds() < 15
    assert succeeded.status == RenderStatus.SUCCEEDED
    assert len(files_of(succeeded)) == 1


def test_worker_killed_mid_render_leaves_one_succeeded_job_and_one_file(
    transactional_reference_data,
):
    limits = {"PRINT_SOFT_TIME_LIMIT": 20, "PRINT_TIME_LIMIT": 25}
    paragraphs = "".join(
        f"<p>Paragraph {n} of a long national review. " * 12 + "</p>" for n in range(60)
    )
    submission = written_submission(text=paragraphs)
    worker = start_worker(CELERY_VISIBILITY_TIMEOUT=30, **limits)
    try:
        with override_settings(CELERY_TASK_ALWAYS_EAGER=False, **limits):
            job = ask(submission)
        wait_for([job.pk], states={RenderStatus.RUNNING}, timeout=60)
        time.sleep(1)
        stop(worker, signal.SIGKILL)  # the worker and its pool process, mid-render
        assert RenderJob.objects.get(pk=job.pk).status == RenderStatus.RUNNING
        worker = start_worker(CELERY_VISIBILITY_TIMEOUT=30, **limits)
        (job,) = wait_for([job.pk], states=RenderStatus.finished_states(), timeout=240)
    finally:
        stop(worker)
    assert (job.status, job.attempts) == (RenderStatus.SUCCEEDED, 2)
    assert RenderJob.objects.count() == 1
    assert files_of(job) == [Path(job.file.path)]
