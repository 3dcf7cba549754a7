from django import template

from reviews.forms import ChecklistStatusForm
from reviews.navigation import TabLink, tabs_for
from reviews.readiness import ChecklistRow

register = template.Library()


@register.simple_tag(takes_context=True)
def review_tabs(context, review) -> list[TabLink]:
    request = context["request"]
    return tabs_for(request.user, review, request.path)


@register.simple_tag
def checklist_status_form(row: ChecklistRow) -> ChecklistStatusForm:
    """The status form of one checklist row, with ids of its own among the page's rows."""
    return ChecklistStatusForm(instance=row.item, auto_id=f"item-{row.item.pk}-%s")
