"""Widgets of the 23-objective form that write their HTML in Python.

The same markup as Django's widget templates for flat choices (no option groups), without
rendering one template per option: the objectives page shows 23 forms of five fields, ten
checkboxes each.
"""

from django import forms
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict) -> str:
    """Like django/forms/widgets/attrs.html: True as a bare name, False left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class PlainTextarea(forms.Textarea):
    def _render(self, template_name, context, renderer=None) -> SafeString:
        widget = context["widget"]
        value = escape(widget["value"]) if widget["value"] else ""
        name = escape(widget["name"])
        return mark_safe(  # noqa: S308 - every value is escaped above
            f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
        )


class PlainSelect(forms.Select):
    def _render(self, template_name, context, renderer=None) -> SafeString:
        widget = context["widget"]
        options = "".join(
            f'\n  <option value="{escape(option["value"])}"{_attrs(option["attrs"])}>'
            f"{escape(option['label'])}</option>"
            for _group, options, _index in widget["optgroups"]
            for option in options
        )
        name = escape(widget["name"])
        return mark_safe(  # noqa: S308 - every value is escaped above
            f'<select name="{name}"{_attrs(widget["attrs"])}>{options}\n</select>'
        )


class PlainCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    def _render(self, template_name, context, renderer=None) -> SafeString:
        widget = context["widget"]
        boxes = "".join(
            f"<div>\n    <label{_attrs({'for': option['attrs'].get('id', False)})}>"
            f'<input type="checkbox" name="{escape(option["name"])}" '
            f'value="{escape(option["value"])}"{_attrs(option["attrs"])}>\n '
            f"{escape(option['label'])}</label>\n</div>"
            for _group, options, _index in widget["optgroups"]
            for option in options
        )
        attrs = {name: widget["attrs"].get(name, False) for name in ("id", "class")}
        return mark_safe(f"<div{_attrs(attrs)}>{boxes}\n</div>")  # noqa: S308 - escaped above


def label_html(context: dict) -> SafeString:
    """Like django/forms/label.html, which a form renders once per field."""
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = context["tag"]
    return mark_safe(f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>")  # noqa: S308 - escaped
