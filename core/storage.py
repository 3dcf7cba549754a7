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


def private_download(field_file, *, filename: str, content_type: str):
    """A private file as a download; the caller has already checked who may have it, and no
    cache keeps a copy for anyone else."""
    from django.http import FileResponse, Http404

    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response
