from django import template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext

from core.links import url_for_each
from reference.models import Objective
from reviews.enums import ChecklistStatus
from reviews.models import ChecklistItem
from reviews.navigation import TabLink, tabs_for
from reviews.readiness import ChecklistRow

register = template.Library()
# Django's own label suffix, translated by Django's catalog as its forms do.
LABEL_SUFFIX = ":"


@register.simple_tag(takes_context=True)
def review_tabs(context, review) -> list[TabLink]:
    request = context["request"]
    return tabs_for(request.user, review, request.path)


@register.simple_tag(takes_context=True)
def review_item_url(context, url_name: str, review, item: int) -> str:
    """The URL `url_name` (arguments `pk` and `item`) of one item of a review.

    Reversed once per page: the makers are kept in the render context of the whole page, which
    every included template shares.
    """
    page = context.render_context.dicts[0]
    key = ("review_item_url", url_name, review.pk)
    if key not in page:
        page[key] = url_for_each(url_name, vary="item", pk=review.pk)
    return page[key](item)


@register.simple_tag
def checklist_status_fields(row: ChecklistRow) -> SafeString:
    """The fields of ChecklistStatusForm for one row, with ids of its own among the page's rows.

    Written out here rather than through the form's widget templates, which cost more than the
    rest of a row; ChecklistStatusForm still validates what is posted.
    """
    item = row.item
    label = capfirst(ChecklistItem._meta.get_field("status").verbose_name)
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if value == item.status else "", text)
            for value, text in ChecklistStatus.choices
        ),
    )
    return format_html(
        '<input type="hidden" name="version" value="{version}" id="item-{pk}-version">\n'
        '<label for="item-{pk}-status">{label}{suffix}</label> '
        '<select name="status" id="item-{pk}-status">{options}</select>',
        version=item.version,
        pk=item.pk,
        label=label,
        suffix=gettext(LABEL_SUFFIX),
        options=options,
    )


@register.simple_tag
def objective_checkboxes(field: BoundField, objectives: list[Objective]) -> SafeString:
    """The checkboxes of a round table's objectives, from objectives the page already loaded.

    Written out here rather than one widget template per checkbox: a page has 4 × 23 of them.
    """
    checked = {str(value) for value in field.value() or ()}
    label_from_instance = field.field.label_from_instance
    return format_html_join(
        "",
        '<div class="checkbox"><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> '
        '<label for="{}_{}">{}</label></div>',
        (
            (
                field.html_name,
                objective.pk,
                field.auto_id,
                index,
                " checked" if str(objective.pk) in checked else "",
                field.auto_id,
                index,
                label_from_instance(objective),
            )
            for index, objective in enumerate(objectives)
        ),
    )
