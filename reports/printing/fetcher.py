"""What WeasyPrint may load while it renders: the application's own static files, nothing else.

Documents are rendered with BASE_URL as their base, so `{% static %}` addresses resolve to it.
Every other address is refused before anything is opened: `file:` (local files), `http:` and
`https:` to any other host (the network), other schemes, and `data:` except small images. No
request ever leaves the process, so there is no redirect to follow either.
"""

import base64
import binascii
import logging
import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

logger = logging.getLogger(__name__)

# A host that cannot resolve anywhere (RFC 2606), used only as the documents' base address.
BASE_URL = "https://print.invalid/"
MAX_DATA_IMAGE_BYTES = 64 * 1024
_DATA_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/svg+xml"})


class RefusedURL(ValueError):
    """An address a printed document may not load; WeasyPrint skips the resource."""


def _static_name(url: str) -> str:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or parts.query:
        raise RefusedURL(url)
    prefix = urlsplit(settings.STATIC_URL).path
    path = unquote(parts.path)
    if not path.startswith(prefix):
        raise RefusedURL(url)
    name = posixpath.normpath(path.removeprefix(prefix))
    if name.startswith(("..", "/")) or "\x00" in name:
        raise RefusedURL(url)
    return name


def _static_file(name: str):
    """The path of a static file: collected (production), or found in the apps (development)."""
    try:
        path = staticfiles_storage.path(name)
    except NotImplementedError:
        path = None
    if path and staticfiles_storage.exists(name):
        return path
    found = finders.find(name)
    if not found:
        raise RefusedURL(name)
    return found


def _data_image(url: str) -> tuple[bytes, str]:
    header, _, payload = url.partition(",")
    media_type, *params = header.removeprefix("data:").split(";")
    if media_type.lower() not in _DATA_IMAGE_TYPES or len(payload) > MAX_DATA_IMAGE_BYTES * 2:
        raise RefusedURL(url[:80])
    try:
        body = base64.b64decode(payload, validate=True) if "base64" in params else unquote(payload)
    except (binascii.Error, ValueError):
        raise RefusedURL(url[:80]) from None
    body = body.encode() if isinstance(body, str) else body
    if len(body) > MAX_DATA_IMAGE_BYTES:
        raise RefusedURL(url[:80])
    return body, media_type.lower()


def static_only_fetcher():
    """A WeasyPrint URL fetcher that serves static files and refuses everything else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=(), allow_redirects=False)

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                body, media_type = _data_image(url)
                return URLFetcherResponse(url, body, {"Content-Type": media_type})
            try:
                path = _static_file(_static_name(url))
            except RefusedURL:
                logger.warning("Refused to load %s into a printed document", url[:200])
                raise
            media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            with open(path, "rb") as handle:
                body = handle.read()
            headers = {"Content-Type": media_type}
            if media_type.startswith("text/"):
                headers["Content-Type"] = f"{media_type}; charset=utf-8"
            return URLFetcherResponse(url, body, headers)

        def open(self, url, data=None, timeout=None):
            # Nothing in this fetcher speaks to the network; urllib's openers are never used.
            raise RefusedURL(str(getattr(url, "full_url", url)))

    return StaticOnlyFetcher()
