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


def _element(tag: str, widget: dict, content: str) -> SafeString:
    """`<tag name=… attrs…>content</tag>`; `content` is escaped by the caller."""
    name = escape(widget["name"])
    html = f'<{tag} name="{name}"{_attrs(widget["attrs"])}>{content}</{tag}>'
    return mark_safe(html)  # noqa: S308 - the name and attributes are escaped here


class _OptionsInPython:
    """A choice widget written as `wrap(widget, the HTML of every option)`.

    Subclasses define `option_html(option) -> str` and `wrap(widget, options) -> SafeString`.
    """

    def _render(self, template_name, context, renderer=None) -> SafeString:
        widget = context["widget"]
        options = "".join(
            self.option_html(option)
            for _group, options, _index in widget["optgroups"]
            for option in options
        )
        return self.wrap(widget, options)


class PlainTextarea(forms.Textarea):
    def _render(self, template_name, context, renderer=None) -> SafeString:
        widget = context["widget"]
        return _element("textarea", widget, "\n" + (escape(widget["value"] or "")))


class PlainSelect(_OptionsInPython, forms.Select):
    def option_html(self, option: dict) -> str:
        value, label = escape(option["value"]), escape(option["label"])
        return f'\n  <option value="{value}"{_attrs(option["attrs"])}>{label}</option>'

    def wrap(self, widget: dict, options: str) -> SafeString:
        return _element("select", widget, options + "\n")


class PlainCheckboxSelectMultiple(_OptionsInPython, forms.CheckboxSelectMultiple):
    def option_html(self, option: dict) -> str:
        label_for = _attrs({"for": option["attrs"].get("id", False)})
        name, value = escape(option["name"]), escape(option["value"])
        return (
            f'<div>\n    <label{label_for}><input type="checkbox" name="{name}" value="{value}"'
            f"{_attrs(option['attrs'])}>\n {escape(option['label'])}</label>\n</div>"
        )

    def wrap(self, widget: dict, options: str) -> SafeString:
        attrs = {name: widget["attrs"].get(name, False) for name in ("id", "class")}
        return mark_safe(f"<div{_attrs(attrs)}>{options}\n</div>")  # noqa: S308 - escaped above


def label_html(context: dict) -> SafeString:
    """Like django/forms/label.html, which a form renders once per field."""
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = context["tag"]
    return mark_safe(f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>")  # noqa: S308 - escaped
