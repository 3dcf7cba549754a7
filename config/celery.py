import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("gcm_reviews")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Run by the `beat` service (docker-compose.yml); each task is harmless to run twice.
app.conf.beat_schedule = {
    "remove-expired-personal-data": {
        "task": "stakeholders.remove_expired_personal_data",
        "schedule": crontab(hour=3, minute=30),
    },
    "remove-old-printed-documents": {
        "task": "reports.remove_old_documents",
        "schedule": crontab(hour=3, minute=45),
    },
}


@worker_init.connect
def require_print_fonts(**kwargs):
    """A worker without the fonts would print empty boxes: it refuses to start instead.

    SystemExit, because Celery logs and ignores the exceptions of signal receivers.
    """
    from django.core.exceptions import ImproperlyConfigured

    from reports.printing.checks import require_fonts

    try:
        require_fonts()
    except ImproperlyConfigured as missing:
        raise SystemExit(f"The worker cannot start: {missing}") from None


@app.task(name="gcm.ping", bind=True)
def ping(self, value: str = "pong") -> dict[str, str | None]:
    """Round trip through the broker and a worker, for health checks and operators.

    Answers with the value sent and the name of the worker that answered, so a caller can tell
    a real worker from a task run in its own process.
    """
    return {"value": value, "worker": self.request.hostname}
