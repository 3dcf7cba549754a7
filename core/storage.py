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


# A private file is kept by no cache; a published one by any, which must ask again each time, so
# that a withdrawal takes it off at once.
PRIVATE = "private, no-store"
PUBLISHED = "public, no-cache"


def file_download(field_file, *, filename: str, content_type: str, caching: str = PRIVATE):
    """A stored file as a download; the caller has already checked who may have it."""
    from django.http import FileResponse, Http404

    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = caching
    return response
