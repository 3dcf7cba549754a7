"""The tabs of a review's workspace, from a registry that every app fills in.

`reviews` registers its own tabs; an app built on reviews registers the pages it adds to the
workspace in its AppConfig.ready(), so reviews never names a later app's URLs::

    register_tab(
        name="report",
        label=_("Report"),
        url_name="reports:outline",
        permission="reviews.manage_review",
        order=85,
    )

`url_name` is reversed with the review's primary key; a tab is shown to a user who holds
`permission` on the review; tabs appear by `order`, then name.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class Tab:
    name: str
    label: Promise
    url_name: str
    permission: str
    order: int


@dataclass(frozen=True)
class TabLink:
    label: Promise
    url: str
    current: bool


_tabs: dict[str, Tab] = {}


def register_tab(*, name: str, label: Promise, url_name: str, permission: str, order: int) -> Tab:
    if name in _tabs and _tabs[name].url_name != url_name:
        raise ValueError(f"A workspace tab named {name!r} is already registered")
    _tabs[name] = tab = Tab(name, label, url_name, permission, order)
    return tab


def registered_tabs() -> list[Tab]:
    return sorted(_tabs.values(), key=lambda tab: (tab.order, tab.name))


def tabs_for(user, review, current_path: str) -> list[TabLink]:
    """The workspace tabs this user may open for this review, the current one marked."""
    links, allowed = [], {}
    for tab in registered_tabs():
        if tab.permission not in allowed:
            allowed[tab.permission] = user.has_perm(tab.permission, review)
        if not allowed[tab.permission]:
            continue
        url = reverse(tab.url_name, kwargs={"pk": review.pk})
        links.append(TabLink(tab.label, url, url == current_path))
    return links


@dataclass(frozen=True)
class CycleLink:
    name: str
    label: Promise
    url: Callable[[object], str]
    permission: str
    order: int


_cycle_links: dict[str, CycleLink] = {}


def register_cycle_link(
    *, name: str, label: Promise, url: Callable[[object], str], permission: str, order: int
) -> CycleLink:
    """A page of a later app about a whole cycle (its budgets…), linked from the cycle dashboard;
    `url(cycle)` gives its address, shown to users who hold `permission` on the cycle."""
    if name in _cycle_links and _cycle_links[name].label != label:
        raise ValueError(f"A cycle link named {name!r} is already registered")
    _cycle_links[name] = link = CycleLink(name, label, url, permission, order)
    return link


def cycle_links_for(user, cycle) -> list[TabLink]:
    links = sorted(_cycle_links.values(), key=lambda link: (link.order, link.name))
    return [
        TabLink(link.label, link.url(cycle), False)
        for link in links
        if user.has_perm(link.permission, cycle)
    ]
