import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("gcm_reviews")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="gcm.ping")
def ping(value: str = "pong") -> str:
    """Round trip through the broker and a worker, for health checks and operators."""
    return value
