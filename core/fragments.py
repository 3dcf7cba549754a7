"""Rendered HTML, and whatever else is costly to make, kept until the data it shows changes (see
core.versions).

A fragment is kept with the versions of the scopes it was rendered from; its key holds the
language, the day (for what depends on the date: deadlines, open consultations), and whatever else
changes its rendering for a given reader (`vary`: their permissions on the page, a filter, a page
number). What differs per response is never reused: the CSRF token and the CSP nonce are cut out
of the stored HTML and put back fresh each time.
"""

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import fields

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.versions import EVERYTHING, PUBLIC, person_scope, versions_and

TIMEOUT = 600  # seconds; what depends on the time of day stays at most this stale
_TOKEN = "\x00csrf-token\x00"  # noqa: S105 (a placeholder, not a secret)
_NONCE = "\x00csp-nonce\x00"
_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def strip_per_response(request, html: str) -> str:
    """`html` with this response's CSRF token and CSP nonce replaced by placeholders."""
    html = _TOKEN_FIELD.sub(rf"\g<1>{_TOKEN}\g<2>", html)
    nonce = get_nonce(request)
    if nonce:  # evaluated while rendering, so it may be in the HTML
        html = html.replace(str(nonce), _NONCE)
    return html


def fill_per_response(request, html: str | bytes) -> str | bytes:
    """`html` with this response's CSRF token and CSP nonce in the placeholders' places; as text,
    or as UTF-8 bytes (a whole page, kept ready to send)."""
    encoded = isinstance(html, bytes)
    token, nonce = (_TOKEN.encode(), _NONCE.encode()) if encoded else (_TOKEN, _NONCE)
    if token in html:
        value = get_token(request)
        html = html.replace(token, value.encode() if encoded else value)
    if nonce in html:
        value = str(get_nonce(request))
        html = html.replace(nonce, value.encode() if encoded else value)
    return html


def reader(user) -> str:
    """What distinguishes readers for permissions: their scopes (identical scopes, identical
    rights). A page that shows what is a person's own varies on the person too."""
    if not user.is_authenticated:
        return "anonymous"
    scopes = user.scopes
    return "|".join(
        ",".join(map(str, sorted(value))) if isinstance(value, frozenset) else str(value)
        for value in (getattr(scopes, field.name) for field in fields(scopes))
    )


def kept(
    name: str,
    *,
    scopes: Iterable[str],
    vary: Iterable[object] = (),
    build: Callable[[], object],
    timeout: int = TIMEOUT,
):
    """What `build()` makes, from the cache while the scopes' data has not changed.

    The entry carries the versions it was made from, read with it in one round trip; its key
    holds the language and the day, so whatever is translated or dated is kept per both.
    """
    key = _key(name, vary)
    current, entry = versions_and([*scopes, EVERYTHING], key)
    if entry is not None and entry[0] == current:
        return entry[1]
    value = build()
    cache.set(key, (current, value), timeout)
    return value


def _key(name: str, vary: Iterable[object]) -> str:
    varying = repr((name, tuple(vary)))
    return ":".join(
        [
            "fragment",
            get_language() or "",
            timezone.localdate().isoformat(),
            hashlib.sha256(varying.encode()).hexdigest()[:40],
        ]
    )


# Headers a kept response is served with; the middleware adds the rest to every response.
_KEPT_HEADERS = ("Content-Type", "Content-Language")


def response_to_keep(request, response) -> dict:
    """A rendered response as it is kept: its page, without what differs per response, encoded
    (a page of hundreds of kilobytes is then sent without being encoded again), and its headers."""
    page = strip_per_response(request, response.content.decode(response.charset))
    return {
        "content": page.encode(response.charset),
        "headers": {name: response[name] for name in _KEPT_HEADERS if name in response},
    }


def kept_response(request, stored: dict) -> HttpResponse:
    response = HttpResponse(fill_per_response(request, stored["content"]))
    for name, value in stored["headers"].items():
        response[name] = value
    return response


def served_kept(request, key: str, *, scopes: Iterable[str], respond, timeout: int = TIMEOUT):
    """The response `respond()` makes, served whole from the cache under `key` while the scopes'
    data has not changed; a page (200, not streamed) is kept, anything else passed on."""
    current, entry = versions_and([*scopes, EVERYTHING], key)
    if entry is not None and entry[0] == current:
        return kept_response(request, entry[1])
    response = respond()
    if response.status_code == 200 and not response.streaming:
        if hasattr(response, "render"):
            response.render()
        cache.set(key, (current, response_to_keep(request, response)), timeout)
    return response


def cached_fragment(
    request,
    name: str,
    *,
    scopes: Iterable[str],
    vary: Iterable[object] = (),
    render: Callable[[], str],
    timeout: int = TIMEOUT,
) -> SafeString:
    """The HTML `render()` makes, from the cache while the scopes' data has not changed."""
    stored = kept(
        name,
        scopes=scopes,
        vary=vary,
        build=lambda: strip_per_response(request, str(render())),
        timeout=timeout,
    )
    # Rendered from templates, escaped there.
    return mark_safe(fill_per_response(request, stored))  # noqa: S308


class CachedContentMixin:
    """A page whose body, the `content` partial of its template, is kept until its data changes.

    The page template shows `{{ content }}` in its content block and defines the body in
    `{% partialdef content %}`. What is costly to load goes in get_content_context(), which runs
    only when the body is rendered: on a GET whose body is not cached, or whenever a form is sent
    back with errors (never cached, as it shows what was typed). htmx requests for a fragment
    of the page get the content's context instead.

    A GET keeps the whole page too, under the same versions and for the same readers: the frame
    around the body (the layout, the title, the print buttons) shows nothing else, so a page
    asked for again is served without being rendered, once the permission check has passed. A
    page with messages to show is rendered for them, and not kept. Whatever a page shows that
    differs between readers, in its body or around it, must be named by content_vary().
    """

    content_partial = "content"
    # A template of its own for the body, instead of the page's partial.
    content_template_name: str | None = None

    def content_scopes(self) -> Iterable[str]:
        """The data versions the body depends on; every page names its own (EVERYTHING is always
        included), since a wrong guess here would serve a stale page."""
        raise ImproperlyConfigured(
            f"{type(self).__name__} must name the data versions its body shows (content_scopes)."
        )

    def content_vary(self) -> list:
        """Who reads and what they asked for: the path with its query, the reader's scopes and
        their permissions on the page."""
        can = getattr(self, "can", {})
        return [
            self.request.get_full_path(),
            reader(self.request.user),
            sorted((name, bool(value)) for name, value in can.items()),
        ]

    def get_content_context(self) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        if getattr(request, "htmx", False) or len(get_messages(request)):
            return super().get(request, *args, **kwargs)
        return served_kept(
            request,
            _key(f"{type(self).__module__}.{type(self).__name__}#page", self.content_vary()),
            scopes=self.content_scopes(),
            respond=lambda: super(CachedContentMixin, self).get(request, *args, **kwargs),
        )

    def render_content(self, context) -> str:
        return render_to_string(
            self.content_template_name or f"{self.template_name}#{self.content_partial}",
            {**self.get_content_context(), **context},
            request=self.request,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if getattr(self.request, "htmx", False):
            # A fragment of the page (the view's own partial) is rendered from the content's
            # context directly.
            return {**context, **self.get_content_context()}
        if self.request.method not in ("GET", "HEAD"):
            context["content"] = mark_safe(self.render_content(context))  # noqa: S308
        else:
            context["content"] = cached_fragment(
                self.request,
                f"{type(self).__module__}.{type(self).__name__}",
                scopes=self.content_scopes(),
                vary=self.content_vary(),
                render=lambda: self.render_content(context),
            )
        return context


class OwnContentMixin(CachedContentMixin):
    """A page of the reader's own things (their account, registrations, requests, nominations):
    kept per person, until something of theirs changes or what public pages show (the events
    and programmes their things belong to) does."""

    def content_scopes(self):
        return [PUBLIC, person_scope(self.request.user.pk)]

    def content_vary(self):
        return [*super().content_vary(), self.request.user.pk]
