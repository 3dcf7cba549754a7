"""Authors' texts are shown through the same sanitiser that cleans them on save, never `|safe`."""

from django import template
from django.utils.html import json_script
from django.utils.safestring import SafeString, mark_safe

from core import richtext

register = template.Library()


@register.filter
def rich_text(value: str | None) -> SafeString:
    """The stored text with only the allowed markup, safe to insert into the page."""
    return mark_safe(richtext.sanitise(value or ""))  # noqa: S308 - sanitised just above


@register.simple_tag
def editor_allowlist(element_id: str) -> SafeString:
    """The allowlist as a JSON data block for static/js/editor.js."""
    return json_script(richtext.editor_allowlist(), element_id)
