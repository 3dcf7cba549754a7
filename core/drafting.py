"""Texts written section by section in the browser: safe formatting, autosave, conflicts.

A model that holds one section of a text derives from `DraftedText`: the fields `text`,
`word_count`, `version` (0 for the untouched section), `updated_by` and `updated_at`. Its app's
service checks what only it knows (is the document still editable?) and calls `save_draft`; its
views use `DraftingFormMixin` for the page (every section posted at once without JavaScript) and
`AutosaveMixin` for the JSON endpoint of static/js/editor.js; its template includes
"includes/section_editor.html" once per section and "includes/section_editor_messages.html" once
per page. Every change is kept as a
revision (`DraftRevision`, `revision_recorder`), shown word by word by `revision_changes`.
"""

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.concurrency import ConcurrentEditError
from core.richtext import sanitise
from core.wordcount import count_words, plain_text

# Drafts are saved leniently, but no section may grow past this (about 30,000 words).
MAX_SECTION_CHARACTERS = 200_000


class DraftedText(models.Model):
    """One section of a text written in the browser, saved through `save_draft`."""

    text = models.TextField(_lazy("text"), blank=True)
    word_count = models.PositiveIntegerField(_lazy("words"), default=0)
    version = models.PositiveIntegerField(default=0, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_lazy("last changed"), auto_now=True)

    class Meta:
        abstract = True


class DraftRevision(models.Model):
    """One saved state of a section (the concrete model adds its `section_text` key)."""

    version = models.PositiveIntegerField(_lazy("version"))
    text = models.TextField(_lazy("text"), blank=True)
    word_count = models.PositiveIntegerField(_lazy("words"), default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_lazy("author"),
    )
    created_at = models.DateTimeField(_lazy("saved on"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["section_text", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["section_text", "version"], name="%(app_label)s_revision_version_unique"
            ),
            # The first save of a section is its version 1; version 0 is the untouched section.
            models.CheckConstraint(
                name="%(app_label)s_revision_version_from_one", condition=models.Q(version__gte=1)
            ),
        ]

    def __str__(self):
        return f"{self.section_text_id} v{self.version}"


@dataclass(frozen=True)
class SavedDraft:
    version: int
    word_count: int
    text: str


class SectionDraftForm(forms.Form):
    """One section's text and the version it was written from: autosave and the plain form."""

    text = forms.CharField(required=False, strip=False)
    version = forms.IntegerField(min_value=0)


def save_draft(
    section_text: models.Model,
    *,
    text: str,
    base_version: int,
    actor,
    record: Callable[[models.Model, str, int], Any] | None = None,
) -> SavedDraft:
    """Save a draft of one section, leniently, unless a newer version was saved meanwhile.

    Call inside `transaction.atomic`. Past word limits and empty texts are allowed in a draft;
    only an oversize text is refused (ValidationError). The text is sanitised and counted here.
    Raises ConcurrentEditError, carrying the stored section, over a newer version. Saving the
    same text again is a no-op. `record(locked_section, text, words)` is called for every
    change (to keep a revision), with the section still holding the version it had.
    """
    if len(text) > MAX_SECTION_CHARACTERS:
        raise ValidationError(
            _("This section is too long to save (more than %(limit)s characters).")
            % {"limit": f"{MAX_SECTION_CHARACTERS:,}"}
        )
    model = type(section_text)
    clean = sanitise(text)
    current = model._default_manager.select_for_update().get(pk=section_text.pk)
    if current.version != base_version:
        if current.text == clean:  # the same words arrived twice (retry, second tab)
            return SavedDraft(current.version, current.word_count, current.text)
        raise ConcurrentEditError(current)
    if current.text == clean:
        return SavedDraft(current.version, current.word_count, current.text)
    words = count_words(clean)
    model._default_manager.filter(pk=current.pk).update(
        text=clean,
        word_count=words,
        version=F("version") + 1,
        updated_by=actor,
        updated_at=timezone.now(),
    )
    if record is not None:
        record(current, clean, words)
    section_text.text, section_text.word_count = clean, words
    section_text.version = current.version + 1
    return SavedDraft(section_text.version, words, clean)


def revision_recorder(revision_model: type[DraftRevision], actor):
    """The `record` for save_draft that keeps every change as a revision of `revision_model`."""

    def record(current: models.Model, clean: str, words: int) -> None:
        revision_model.objects.create(
            section_text=current,
            version=current.version + 1,
            text=clean,
            word_count=words,
            author=actor,
        )

    return record


def word_diff(old: str, new: str) -> SafeString:
    """Words removed (<del>) and added (<ins>) between two texts, as safe HTML."""
    before, after = plain_text(old).split(), plain_text(new).split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes():
        if tag == "equal":
            parts.append(format_html("{}", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", " ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", " ".join(after[j1:j2])))
    return format_html_join(" ", "{}", ((part,) for part in parts))


def revision_changes(revisions: Iterable[DraftRevision]) -> list[tuple[DraftRevision, SafeString]]:
    """Each revision, newest first, with the words it changed from the one before."""
    revisions = list(revisions)
    return [
        (newer, word_diff(older.text if older else "", newer.text))
        for newer, older in zip_longest(revisions, revisions[1:])
    ]


def section_rows(section_texts: Iterable[models.Model], typed=None, conflicts=None) -> list[dict]:
    """Each section with what the writer typed (after a refused save) and the stored conflict."""
    return [
        {
            "text": section_text,
            "typed": (typed or {}).get(section_text.pk),
            "conflict": (conflicts or {}).get(section_text.pk),
        }
        for section_text in section_texts
    ]


class DraftServiceMixin:
    """Saves one section through the app's service, named by the view:
    `draft_service = staticmethod(services.save_section)`, called with the section text, the
    text, the version it was based on and the writer."""

    draft_service: Callable[..., SavedDraft] | None = None

    def save_section_text(self, section_text, text: str, base_version: int) -> SavedDraft:
        if self.draft_service is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__} must name the service that saves a section (draft_service)."
            )
        return self.draft_service(
            section_text=section_text, text=text, base_version=base_version, actor=self.request.user
        )


class DraftingFormMixin(DraftServiceMixin):
    """The editor page as a plain form: every section posted at once, each with its version.

    The view defines `section_texts()` (the stored sections, in order), `draft_service` (see
    DraftServiceMixin), `draft_rows(rows)` (the rows as its template reads them) and
    `get_success_url()`; it also uses ConflictMixin. A section saved meanwhile by someone else is
    shown beside the writer's text, with status 409.
    """

    draft_saved_message = ""

    def section_texts(self) -> Iterable[models.Model]:
        raise ImproperlyConfigured(
            f"{type(self).__name__} must list the sections it edits (section_texts)."
        )

    def draft_rows(self, rows: list[dict]) -> list[dict]:
        return rows

    def get_context_data(self, **kwargs):
        return super().get_context_data(csrf_cookie_name=settings.CSRF_COOKIE_NAME, **kwargs)

    def post(self, request, *args, **kwargs):
        conflicts, errors, typed = {}, [], {}
        section_texts = list(self.section_texts())
        for section_text in section_texts:
            form = SectionDraftForm(request.POST, prefix=f"section-{section_text.pk}")
            if form.add_prefix("text") not in request.POST:
                continue
            typed[section_text.pk] = request.POST[form.add_prefix("text")]
            if not form.is_valid():
                errors.append(_("The form was incomplete; nothing was lost, please save again."))
                continue
            try:
                self.save_section_text(
                    section_text, form.cleaned_data["text"], form.cleaned_data["version"]
                )
            except ConcurrentEditError as conflict:
                conflicts[section_text.pk] = conflict
            except ValidationError as error:
                errors.extend(error.messages)
        for message in errors:
            messages.error(request, message)
        if conflicts:
            stored = {pk: conflict.current for pk, conflict in conflicts.items()}
            rows = self.draft_rows(section_rows(section_texts, typed, stored))
            return self.conflict_response(next(iter(conflicts.values())), form=None, rows=rows)
        if errors:
            rows = self.draft_rows(section_rows(section_texts, typed))
            return self.render_to_response(self.get_context_data(rows=rows), status=422)
        messages.success(request, self.draft_saved_message or _("Your draft has been saved."))
        return redirect(self.get_success_url())


class AutosaveMixin(DraftServiceMixin):
    """JSON endpoint for autosave: saves one section or reports a conflict or a lost session.

    Put it before the permission mixin, whose answer to a signed-out writer it replaces.

    The view defines `get_section_text()` (404 outside its document) and `draft_service` (see
    DraftServiceMixin).
    """

    def handle_no_permission(self):
        # The editor keeps the text and resumes once the writer signs in again in another tab.
        return JsonResponse(
            {"error": "signed_out", "login_url": reverse("account_login")}, status=401
        )

    def get_section_text(self) -> models.Model:
        raise ImproperlyConfigured(
            f"{type(self).__name__} must find the section it saves (get_section_text)."
        )

    def post(self, request, *args, **kwargs):
        section_text = self.get_section_text()
        form = SectionDraftForm(request.POST)
        if not form.is_valid():
            return JsonResponse({"error": "bad_request"}, status=400)
        try:
            saved = self.save_section_text(
                section_text, form.cleaned_data["text"], form.cleaned_data["version"]
            )
        except ConcurrentEditError as conflict:
            current = conflict.current
            return JsonResponse(
                {
                    "error": "conflict",
                    "version": current.version,
                    "text": current.text,
                    "word_count": current.word_count,
                    "by": str(current.updated_by or ""),
                },
                status=409,
            )
        except ValidationError as error:
            return JsonResponse({"error": "invalid", "messages": error.messages}, status=422)
        return JsonResponse({"version": saved.version, "word_count": saved.word_count})
