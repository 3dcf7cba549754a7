"""Optimistic locking: a save states the version it started from and is refused over a newer one."""

from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.db.models import F
from django.db.models.signals import post_save
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


class VersionedForm(forms.ModelForm):
    """Carries the version the edit started from, so a later save over it is detected.

    After a conflict, `show_conflict` keeps what the writer typed, lists the stored values beside
    it (`theirs`, shown by includes/form.html) and moves the hidden version on, so that the next
    save, made knowingly, goes through.
    """

    version = forms.IntegerField(widget=forms.HiddenInput)
    theirs: list[tuple[str, Any]] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def show_conflict(self, current: models.Model, message: str) -> None:
        self.add_error(None, message)
        self.theirs = [
            (self.fields[name].label, self._display(name, getattr(current, name)))
            for name in self._meta.fields
        ]
        data = self.data.copy()
        data[self.add_prefix("version")] = current.version
        self.data = data

    def _display(self, name: str, value):
        choices = dict(getattr(self.fields[name], "choices", None) or ())
        values = value if isinstance(value, list | tuple) else [value]
        shown = [str(choices.get(item, item)) for item in values if item not in (None, "")]
        return ", ".join(shown)


class ConflictMixin:
    """One answer to a save over a newer version: 409, the writer's input kept, theirs shown."""

    conflict_message = _(
        "Someone else saved this while you were editing it. Their version is shown beside yours: "
        "check the differences, then save again."
    )

    def conflict_response(
        self, conflict: ConcurrentEditError, *, form, form_name="form", **context
    ):
        """The page again, with status 409; `form` (a VersionedForm) goes in as `form_name`.

        Without a form (several objects saved at once), the message goes to the page's messages
        and `context` shows the stored versions.
        """
        if form is not None:
            form.show_conflict(conflict.current, self.conflict_message)
            context[form_name] = form
        else:
            messages.warning(self.request, self.conflict_message)
        return self.render_to_response(self.get_context_data(**context), status=409)


class VersionedFormViewMixin(ConflictMixin):
    """A FormView over a VersionedForm.

    The view defines `save(form)`, which calls the service and may raise ConcurrentEditError.
    """

    success_message = ""

    def form_valid(self, form):
        try:
            self.save(form)
        except ConcurrentEditError as conflict:
            return self.conflict_response(conflict, form=form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())
