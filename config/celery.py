import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("gcm_reviews")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="gcm.ping", bind=True)
def ping(self, value: str = "pong") -> dict[str, str | None]:
    """Round trip through the broker and a worker, for health checks and operators.

    Answers with the value sent and the name of the worker that answered, so a caller can tell
    a real worker from a task run in its own process.
    """
    return {"value": value, "worker": self.request.hostname}
