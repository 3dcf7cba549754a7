"""Public pages cached per language for anonymous visitors, each kept with the data version it
was made from.

Every change to what public pages show moves the PUBLIC data version (core.versions), so a cached
page is never served after a change. A page is kept by its address; one whose view names the
query parameters it reads (`cached_query_parameters`: a search, its filters, a page number) is
kept by those too, for less time, since any visitor can ask for new ones; an address with any
other parameter is rendered every time. What differs per response is never reused: the CSRF token
and the CSP nonce are cut out of the stored page and put back fresh, and a visitor with a
session or pending messages always gets a page rendered for them.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils import timezone
from django.utils.http import urlencode

from core.fragments import TIMEOUT, served_kept
from core.versions import PUBLIC

# Seconds a page asked for with a query string is kept: visitors' searches are many and varied.
QUERY_TIMEOUT = 300


def _cacheable(request, parameters: frozenset[str]) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and all(name in parameters and len(values) == 1 for name, values in request.GET.lists())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _key(request) -> str:
    query = urlencode(sorted(request.GET.items()))
    address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    # The day too: what is open for registration or upcoming changes with it.
    day = timezone.localdate().isoformat()
    return f"page:{request.LANGUAGE_CODE}:{day}:{address}"


def cache_public_page(view):
    """Serve `view` from the cache to anonymous visitors; signed-in users get it rendered."""
    parameters = frozenset(
        getattr(getattr(view, "view_class", None), "cached_query_parameters", ())
    )

    def cached_view(request, *args, **kwargs):
        if not _cacheable(request, parameters):
            return view(request, *args, **kwargs)
        return served_kept(
            request,
            _key(request),
            scopes=[PUBLIC],
            respond=lambda: view(request, *args, **kwargs),
            timeout=QUERY_TIMEOUT if request.GET else TIMEOUT,
        )

    return functools.wraps(view)(cached_view)
