"""Versions of the data, by scope: numbers that move whenever data in their scope changes.

Whatever is cached from the data keeps the versions of the scopes it read in its key, so a change
makes it unreachable at once and nothing has to find and delete it. The scopes:

- PUBLIC: what the public pages show;
- EVERYTHING: a change that may show anywhere (reference data, people and their roles);
- one per review, `review_scope(pk)`: the review and all that belongs to it (its programme,
  documents, checklist, submissions and their e-mails);
- one per person, `person_scope(pk)`: what is theirs across reviews (their registrations, requests
  and nominations), for the pages that list a person's own things;
- an app's own, for a page whose data changes outside any review (the knowledge platform's
  deliveries, changed by the worker).

Each app tracks its models in ready(); services that write without signals (bulk inserts,
queryset updates) call bump() themselves.
"""

import time
from collections.abc import Callable, Iterable
from operator import attrgetter

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

PUBLIC = "public"
EVERYTHING = "all"
_PREFIX = "dataversion:"


def review_scope(review_id: int) -> str:
    return f"review:{review_id}"


def person_scope(user_id: int) -> str:
    return f"person:{user_id}"


def _start() -> int:
    # A version that was evicted starts again above any number it had before, never at one.
    return time.time_ns() // 1000


def _move(scopes: Iterable[str]) -> None:
    for scope in scopes:
        key = _PREFIX + scope
        try:
            cache.incr(key)
        except ValueError:  # never set, or evicted
            cache.add(key, _start(), timeout=None)


def bump(*scopes: str) -> None:
    """Make everything cached from these scopes stale.

    Moved at once and again on commit: whatever was cached from the old data between the two
    would otherwise be kept under the new version.
    """
    scopes = tuple(dict.fromkeys(scopes))
    if not scopes:
        return
    _move(scopes)
    transaction.on_commit(lambda: _move(scopes))


def versions(scopes: Iterable[str]) -> str:
    """The current versions of the scopes, as one string for a cache key (one cache round trip)."""
    return versions_and(scopes, None)[0]


def versions_and(scopes: Iterable[str], key: str | None) -> tuple[str, object]:
    """The versions of the scopes and the cached value at `key`, read in one round trip: what is
    kept under a key of its own carries the versions it was made from and is checked against
    them, instead of costing a second trip to the cache."""
    scopes = sorted(set(scopes))
    wanted = [_PREFIX + scope for scope in scopes]
    found = cache.get_many(wanted + ([key] if key else []))
    missing = {name: _start() for name in wanted if name not in found}
    if missing:
        for name, value in missing.items():
            cache.add(name, value, timeout=None)
        found.update(cache.get_many(list(missing)))
    current = ".".join(f"{scope}={found.get(_PREFIX + scope, 0)}" for scope in scopes)
    return current, found.get(key) if key else None


def track(
    model,
    scopes_of: Callable[[object], Iterable[str]],
    *,
    unless_only: frozenset[str] = frozenset(),
    scopes_of_new: Callable[[object], Iterable[str]] | None = None,
) -> None:
    """Bump `scopes_of(instance)` whenever an instance of `model` is saved or deleted.

    Saves that change only fields in `unless_only` (e.g. a user's last sign-in) move nothing;
    `scopes_of_new`, if given, is what a newly created instance moves instead (a new account
    shows nowhere but on its owner's pages until it is given a role or registers).
    """

    def on_save(sender, instance, created=False, update_fields=None, **kwargs):
        if update_fields and set(update_fields) <= unless_only:
            return
        if created and scopes_of_new is not None:
            bump(*scopes_of_new(instance))
        else:
            bump(*scopes_of(instance))

    def on_delete(sender, instance, **kwargs):
        bump(*scopes_of(instance))

    def on_m2m(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            bump(*(scopes_of(instance) if isinstance(instance, model) else (EVERYTHING,)))

    post_save.connect(on_save, sender=model, weak=False)
    post_delete.connect(on_delete, sender=model, weak=False)
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(on_m2m, sender=field.remote_field.through, weak=False)


def track_review_part(
    model, review_id: str = "review_id", *, public: bool = False, owner: str | None = None
) -> None:
    """Track a model whose instances belong to one review.

    `review_id` is the dotted path from an instance to its review's key ("session.review_id");
    `public` if public pages show it too; `owner`, the dotted path to the key of the person it
    belongs to ("registration.user_id"), if their own pages show it.
    """
    path = attrgetter(review_id)
    owner_of = attrgetter(owner) if owner else None
    also = (PUBLIC,) if public else ()

    def scopes_of(instance):
        try:
            scopes = (review_scope(path(instance)), *also)
        except ObjectDoesNotExist:  # deleted with its parent: the review is unknown now
            return (EVERYTHING, *also)
        if owner_of is not None:
            try:
                person = owner_of(instance)
            except (ObjectDoesNotExist, AttributeError):  # the person's data was removed
                person = None
            if person is not None:
                scopes += (person_scope(person),)
        return scopes

    track(model, scopes_of)
