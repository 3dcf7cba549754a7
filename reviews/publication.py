"""Parts of a review's public page that later apps add (what is published of the review).

Like the workspace tabs (reviews.navigation), a later app registers its part in its
AppConfig.ready(), so reviews never imports it::

    register_public_part(
        name="publications",
        template_name="knowledge/includes/public_part.html",
        context=public_part_context,
        order=10,
    )

`context(review)` answers the part's context, or None when there is nothing to show. The public
page's body is shared by every visitor and kept until the review's data changes: a part shows
the same to everyone, and reads only data tracked in the review's scope.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicPart:
    name: str
    template_name: str
    context: Callable[[object], dict | None]
    order: int


@dataclass(frozen=True)
class ShownPart:
    template_name: str
    context: dict


_parts: dict[str, PublicPart] = {}


def register_public_part(
    *, name: str, template_name: str, context: Callable[[object], dict | None], order: int
) -> PublicPart:
    if name in _parts and _parts[name].template_name != template_name:
        raise ValueError(f"A public part named {name!r} is already registered")
    _parts[name] = part = PublicPart(name, template_name, context, order)
    return part


def public_parts_for(review) -> list[ShownPart]:
    shown = []
    for part in sorted(_parts.values(), key=lambda part: (part.order, part.name)):
        context = part.context(review)
        if context is not None:
            shown.append(ShownPart(part.template_name, context))
    return shown
