"""Asking for a printed document, rendering it, and keeping the files tidy.

`request_render` is what pages call; `render_job` is the one path every render takes (the Celery
task, the in-process fallback when no broker is configured, and `render_now` for operators).
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.versions import bump, person_scope
from reports.enums import RenderStatus
from reports.models import RenderJob
from reports.printing.registry import PrintableKind, get_kind
from reports.printing.rendering import document_html, html_to_pdf

logger = logging.getLogger(__name__)


class RenderFailed(Exception):
    """A render that cannot succeed however often it is tried; `message` is for the reader."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def _check_language(printable: PrintableKind, source, language: str) -> None:
    if language not in printable.languages(source):
        raise ValidationError(_("Choose one of the languages offered."), code="language")


def request_render(*, kind: str, pk: int, language: str, user) -> RenderJob:
    """Queue a document for `user` (404 if they may not see its source).

    Side effects: a queued job; the render task sent once the transaction commits (run in this
    process when no broker is configured).
    """
    with transaction.atomic():
        job = _new_job(kind=kind, pk=pk, language=language, user=user)
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _new_job(*, kind: str, pk: int, language: str, user) -> RenderJob:
    printable = get_kind(kind)
    source = printable.source_for(pk, user)
    _check_language(printable, source, language)
    return RenderJob.objects.create(
        requested_by=user,
        kind=printable.name,
        object_id=source.pk,
        review=printable.review_of(source),
        title=printable.describe(source)[:300],
        language=language,
    )


def _enqueue(job_id: int) -> None:
    from reports.tasks import render_document

    render_document.apply_async(
        kwargs={"job_id": job_id},
        soft_time_limit=settings.PRINT_SOFT_TIME_LIMIT,
        time_limit=settings.PRINT_TIME_LIMIT,
    )


def _claim(job_id: int) -> bool:
    """Take the job up: queued, or running on a worker that was lost. False if it is finished."""
    claimed = RenderJob.objects.filter(pk=job_id, status__in=RenderStatus.open_states()).update(
        status=RenderStatus.RUNNING,
        started_at=timezone.now(),
        attempts=F("attempts") + 1,
        progress=5,
    )
    return bool(claimed)


def _progress(job: RenderJob, percent: int) -> None:
    RenderJob.objects.filter(pk=job.pk, status=RenderStatus.RUNNING).update(progress=percent)


def _finish(job: RenderJob, **fields) -> RenderJob:
    fields.setdefault("finished_at", timezone.now())
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))
    return job


def _reusable(job: RenderJob, fingerprint: str) -> RenderJob | None:
    return (
        RenderJob.objects.filter(status=RenderStatus.SUCCEEDED, fingerprint=fingerprint)
        .exclude(pk=job.pk)
        .order_by("-finished_at")
        .first()
    )


def render_job(job_id: int) -> RenderJob | None:
    """Render a job's document, or reuse the PDF of identical inputs. Harmless to run again.

    Fails the job (with a message for the person who asked) when its source is gone or no longer
    theirs to see; other errors propagate to the caller, which decides whether to retry.
    """
    if not _claim(job_id):
        logger.info("Render job %s is finished or gone; nothing to do", job_id)
        return None
    job = RenderJob.objects.select_related("requested_by").get(pk=job_id)
    bump(person_scope(job.requested_by_id))
    printable = get_kind(job.kind)
    try:
        source = printable.source_for(job.object_id, job.requested_by)
    except Http404:
        return fail_job(job.pk, _("The document no longer exists, or is no longer yours to see."))
    printed = document_html(printable, source, language=job.language, viewer=job.requested_by)
    _progress(job, 20)
    earlier = _reusable(job, printed.fingerprint)
    if earlier and earlier.file.storage.exists(earlier.file.name):
        logger.info("Render job %s reuses the PDF of job %s", job.pk, earlier.pk)
        return _done(
            job,
            fingerprint=printed.fingerprint,
            file=earlier.file.name,
            sha256=earlier.sha256,
            size=earlier.size,
            page_count=earlier.page_count,
            reused=True,
        )
    pdf = html_to_pdf(printed.html, on_progress=lambda percent: _progress(job, percent))
    _progress(job, 90)
    name = f"print/{printed.fingerprint[:32]}-{job.pk}.pdf"
    storage = job.file.storage
    if storage.exists(name):  # left half-written by a worker that was lost
        storage.delete(name)
    stored = storage.save(name, ContentFile(pdf.content))
    return _done(
        job,
        fingerprint=printed.fingerprint,
        file=stored,
        sha256=hashlib.sha256(pdf.content).hexdigest(),
        size=len(pdf.content),
        page_count=pdf.page_count,
        reused=False,
    )


def _done(job: RenderJob, **fields) -> RenderJob:
    with transaction.atomic():
        return _finish(job, status=RenderStatus.SUCCEEDED, progress=100, error="", **fields)


def fail_job(job_id: int, message, **params) -> RenderJob | None:
    """Mark a job failed (unless it already succeeded), with `message` (lazy, formatted with
    `params`) in the language of the person who asked."""
    with transaction.atomic():
        job = (
            RenderJob.objects.select_for_update()
            .select_related("requested_by")
            .filter(pk=job_id)
            .first()
        )
        if job is None or job.status == RenderStatus.SUCCEEDED:
            return job
        with translation.override(job.requested_by.preferred_language or job.language):
            error = str(message) % params if params else str(message)
        return _finish(job, status=RenderStatus.FAILED, error=error)


def render_now(kind: str, pk: int, language: str, user) -> RenderJob:
    """Render a document synchronously for `user`, through the same path as the task.

    Raises RenderFailed when the job fails.
    """
    job = _new_job(kind=kind, pk=pk, language=language, user=user)
    try:
        render_job(job.pk)
    except Exception:
        fail_job(job.pk, _("The document could not be rendered."))
        raise
    job.refresh_from_db()
    if job.status != RenderStatus.SUCCEEDED:
        raise RenderFailed(job.error)
    return job


def system_user():
    """The account operators render as from the command line: the first Network secretariat."""
    from accounts.enums import Role

    return (
        get_user_model()
        .objects.filter(role_assignments__role=Role.NETWORK_SECRETARIAT, is_active=True)
        .order_by("pk")
        .first()
    )


def remove_old_documents(*, now: datetime.datetime | None = None) -> int:
    """Delete jobs finished more than PRINT_FILES_KEPT_DAYS ago, and their files once no newer
    job shares them; jobs left running past every time limit are failed. Returns jobs removed."""
    now = now or timezone.now()
    limit = datetime.timedelta(
        seconds=settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    )
    for job_id in RenderJob.objects.filter(
        status=RenderStatus.RUNNING, started_at__lt=now - 2 * limit
    ).values_list("pk", flat=True):
        fail_job(job_id, _("The document took too long to render."))
    old = RenderJob.objects.filter(
        Q(finished_at__lt=now - datetime.timedelta(days=settings.PRINT_FILES_KEPT_DAYS))
        | Q(finished_at__isnull=True, created_at__lt=now - 2 * limit)
    )
    removed = 0
    for job in old.select_related(None).only("pk", "file", "requested_by_id"):
        name = job.file.name
        with transaction.atomic():
            job.delete()
            still_used = bool(name) and RenderJob.objects.filter(file=name).exists()
        if name and not still_used:
            job.file.storage.delete(name)
        removed += 1
    if removed:
        logger.info("Removed %s old printed documents", removed)
    return removed
