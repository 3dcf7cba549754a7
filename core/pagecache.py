"""Public pages cached per language for anonymous visitors, each kept with the data version it
was made from.

Every change to what public pages show moves the PUBLIC data version (core.versions), so a cached
page is never served after a change. What differs per response is never reused: the CSRF token
and the CSP nonce are cut out of the stored page and put back fresh, and a visitor with a
session or pending messages always gets a page rendered for them.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from core.fragments import TIMEOUT, fill_per_response, strip_per_response
from core.versions import EVERYTHING, PUBLIC, versions_and

_HEADERS = ("Content-Type", "Content-Language")


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        # Query strings (filters) are not cached: any visitor could fill the cache with them.
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _key(request) -> str:
    path = hashlib.sha256(request.path.encode()).hexdigest()
    # The day too: what is open for registration or upcoming changes with it.
    day = timezone.localdate().isoformat()
    return f"pagecache:{request.LANGUAGE_CODE}:{day}:{path}"


def _store(request, response) -> dict:
    return {
        "content": strip_per_response(request, response.content.decode(response.charset)),
        "headers": {name: response[name] for name in _HEADERS if name in response},
    }


def _restore(request, stored: dict) -> HttpResponse:
    response = HttpResponse(fill_per_response(request, stored["content"]))
    for name, value in stored["headers"].items():
        response[name] = value
    return response


def cache_public_page(view):
    """Serve `view` from the cache to anonymous visitors; signed-in users get it rendered."""

    def cached_view(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        # The page is kept with the version it was made from, read with it in one round trip.
        current, stored = versions_and([PUBLIC, EVERYTHING], key)
        if stored is not None and stored["version"] == current:
            return _restore(request, stored)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            cache.set(key, {**_store(request, response), "version": current}, TIMEOUT)
        return response

    return functools.wraps(view)(cached_view)
