from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files served only through views that check permissions: no public URL exists."""

    def __init__(self):
        super().__init__(location=settings.MEDIA_ROOT / "private", base_url=None)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


def private_storage() -> PrivateStorage:
    # A callable, so settings are read when a file is stored, not at import.
    return PrivateStorage()
