from django.db import models
from django.utils.translation import pgettext_lazy


class RenderStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("render job", "queued")
    RUNNING = "running", pgettext_lazy("render job", "being rendered")
    SUCCEEDED = "succeeded", pgettext_lazy("render job", "ready")
    FAILED = "failed", pgettext_lazy("render job", "failed")

    @classmethod
    def open_states(cls) -> set[str]:
        """A worker may still take the job up (again, after a worker was lost)."""
        return {cls.QUEUED, cls.RUNNING}

    @classmethod
    def finished_states(cls) -> set[str]:
        return {cls.SUCCEEDED, cls.FAILED}
