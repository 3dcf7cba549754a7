"""Rendering printed documents on a Celery worker, and removing old ones."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext_lazy as _

from reports.printing import services

logger = logging.getLogger(__name__)

# Failures that pass: the database restarting, a connection dropped.
TRANSIENT = (OperationalError, InterfaceError)


@shared_task(
    name="reports.render_document",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=4,
)
def render_document(self, *, job_id: int) -> None:
    """Render one job. A worker lost mid-render gives the job back to the broker (late
    acknowledgement), and the next worker renders it again; past the soft time limit the job
    fails with a message and the worker goes on."""
    try:
        services.render_job(job_id)
    except SoftTimeLimitExceeded:
        logger.warning("Render job %s passed the time limit", job_id)
        services.fail_job(
            job_id,
            _(
                "The document took longer than %(seconds)s seconds to render and was stopped. "
                "A very long word or table in its text is the usual cause."
            ),
            seconds=settings.PRINT_SOFT_TIME_LIMIT,
        )
    except TRANSIENT:
        if self.request.retries >= self.max_retries:
            services.fail_job(job_id, _("The document could not be rendered; try again later."))
        raise
    except Exception:
        logger.exception("Render job %s failed", job_id)
        services.fail_job(job_id, _("The document could not be rendered."))


@shared_task(name="reports.remove_old_documents")
def remove_old_documents() -> int:
    return services.remove_old_documents()
