"""Public pages cached per language for anonymous visitors, invalidated by a version key.

Every change to what public pages show bumps one version number (signals on the models each app
names in its ready(), and services that write with queryset updates), so a cached page is never
served after a change. What differs per response is never reused: the CSRF token and the CSP
nonce are cut out of the stored page and put back fresh, and a visitor with a session or pending
messages always gets a page rendered for them.
"""

import functools
import hashlib
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token

VERSION_KEY = "pagecache:version"
TIMEOUT = 600  # seconds; pages that depend on the date stay at most this stale
_TOKEN = "\x00csrf-token\x00"  # noqa: S105 (a placeholder, not a secret)
_NONCE = "\x00csp-nonce\x00"
_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_HEADERS = ("Content-Type", "Content-Language")


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or it was evicted
        cache.add(VERSION_KEY, 1, timeout=None)


def bump_public_pages(*args, **kwargs) -> None:
    """Make every cached public page stale (a signal receiver, so it accepts any arguments).

    Bumped at once and again on commit: a page rendered from the old data between the two
    would otherwise be kept under the new version.
    """
    _bump()
    transaction.on_commit(_bump)


def invalidate_on_change(*models) -> None:
    for model in models:
        post_save.connect(bump_public_pages, sender=model, weak=False)
        post_delete.connect(bump_public_pages, sender=model, weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(bump_public_pages, sender=field.remote_field.through, weak=False)


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        # Query strings (filters) are not cached: any visitor could fill the cache with them.
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def public_version() -> int:
    """The version of what public pages show: part of the key of anything cached from it."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _key(request) -> str:
    path = hashlib.sha256(request.path.encode()).hexdigest()
    return f"pagecache:{public_version()}:{request.LANGUAGE_CODE}:{path}"


def _store(request, response) -> dict:
    content = response.content.decode(response.charset)
    content = _TOKEN_FIELD.sub(rf"\g<1>{_TOKEN}\g<2>", content)
    nonce = get_nonce(request)
    if nonce:  # evaluated while rendering, so it is in the page
        content = content.replace(str(nonce), _NONCE)
    return {
        "content": content,
        "headers": {name: response[name] for name in _HEADERS if name in response},
    }


def _restore(request, stored: dict) -> HttpResponse:
    content = stored["content"]
    if _TOKEN in content:
        content = content.replace(_TOKEN, get_token(request))
    if _NONCE in content:
        content = content.replace(_NONCE, str(get_nonce(request)))
    response = HttpResponse(content)
    for name, value in stored["headers"].items():
        response[name] = value
    return response


def cache_public_page(view):
    """Serve `view` from the cache to anonymous visitors; signed-in users get it rendered."""

    def cached_view(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _restore(request, stored)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            cache.set(key, _store(request, response), TIMEOUT)
        return response

    return functools.wraps(view)(cached_view)
