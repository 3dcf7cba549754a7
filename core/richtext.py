"""The one allowlist of markup in the authors' texts: kept on save, on display and in the editor.

Paragraphs, lists, bold, italics and web or e-mail links. static/js/editor.js receives this
allowlist from the page (`editor_allowlist`) instead of keeping its own copy.
"""

import re

import nh3

ALLOWED_TAGS = frozenset({"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a"})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href"})}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def _keep_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    # A link in a submission leads out of the site: relative addresses are dropped too.
    if tag == "a" and attribute == "href":
        scheme = _SCHEME.match(value.strip())
        return value if scheme and scheme.group(1).lower() in URL_SCHEMES else None
    return value


def sanitise(text: str) -> str:
    """Keep only the allowed markup; the text of anything else stays, scripts and styles go."""
    return nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_keep_absolute_links,
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
    ).strip()


def editor_allowlist() -> dict[str, list[str] | dict[str, list[str]]]:
    """The allowlist as the editor reads it (JSON)."""
    return {
        "tags": sorted(ALLOWED_TAGS),
        "attributes": {tag: sorted(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        "urlSchemes": sorted(URL_SCHEMES),
    }
