"""Optimistic locking: a save states the version it started from and is refused over a newer one."""

from typing import Any

from django.db import models
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone


class ConcurrentEditError(Exception):
    """Someone else saved the object after this edit began."""

    def __init__(self, current: models.Model):
        self.current = current
        super().__init__(f"{type(current).__name__} {current.pk} changed since it was read")


def save_if_unchanged(obj: models.Model, *, expected_version: int, fields: list[str]) -> None:
    """Write `fields` of `obj` only if the stored version is still `expected_version`.

    On success the stored and in-memory versions both move on by one. On conflict nothing is
    written and ConcurrentEditError carries the stored object, so both texts can be shown.
    """
    model = type(obj)
    values: dict[str, Any] = {name: getattr(obj, name) for name in fields}
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    updated = model._default_manager.filter(pk=obj.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise ConcurrentEditError(model._default_manager.get(pk=obj.pk))
    obj.version = expected_version + 1
    # The row was saved through an update, which sends no signal: receivers (the public page
    # cache among them) still need to know.
    post_save.send(
        sender=model,
        instance=obj,
        created=False,
        update_fields=frozenset(values),
        raw=False,
        using=obj._state.db,
    )
