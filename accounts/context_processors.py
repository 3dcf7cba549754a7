from functools import cache, lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from accounts.selectors import workspaces_of

# The links of the base layout, by the names the template reads them with.
_LAYOUT_URL_NAMES = {
    "home": "home",
    "reviews": "reviews:reviews",
    "objectives": "reference:objectives",
    "commissions": "reference:commissions",
    "knowledge": "knowledge:portal",
    "events": "stakeholders:open_events",
    "my_registrations": "stakeholders:mine",
    "submissions": "submissions:mine",
    "budgets": "budgets:list",
    "profile": "accounts:profile",
    "logout": "account_logout",
    "login": "account_login",
    "signup": "account_signup",
    "set_language": "set_language",
}


@lru_cache(maxsize=64)
def _layout_urls(language: str | None, script_prefix: str, urlconf: str) -> dict[str, str]:
    # The arguments are what reverse() depends on besides the name.
    return {key: reverse(name, urlconf=urlconf) for key, name in _LAYOUT_URL_NAMES.items()}


@cache
def _languages() -> tuple[tuple[str, str], ...]:
    """Each language's code and its own name, the same in every language."""
    return tuple(
        (code, capfirst(get_language_info(code)["name_local"])) for code, _ in settings.LANGUAGES
    )


def layout(request):
    """What every page's layout shows, worked out once per language rather than on each page."""
    return {
        "layout_urls": _layout_urls(
            get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
        ),
        "layout_languages": _languages(),
    }


def roles(request):
    """The signed-in user's workspaces, computed only when a template asks for them."""
    return {"workspaces": SimpleLazyObject(lambda: workspaces_of(request.user))}
