from django import template

from reviews.navigation import TabLink, tabs_for

register = template.Library()


@register.simple_tag(takes_context=True)
def review_tabs(context, review) -> list[TabLink]:
    request = context["request"]
    return tabs_for(request.user, review, request.path)
