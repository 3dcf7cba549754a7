import os

from celery import Celery
from celery.schedules import crontab

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
}


@app.task(name="gcm.ping", bind=True)
def ping(self, value: str = "pong") -> dict[str, str | None]:
    """Round trip through the broker and a worker, for health checks and operators.

    Answers with the value sent and the name of the worker that answered, so a caller can tell
    a real worker from a task run in its own process.
    """
    return {"value": value, "worker": self.request.hostname}
