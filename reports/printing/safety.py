"""User text on its way into a printed document.

Formatted text keeps only the markup of core.richtext. Bidirectional controls cannot reach
beyond the text they came with: each embedding, override or isolate a person typed is closed
where their text (or a text node of it) ends, closers without an opener are dropped, and every
user text shown inline among the template's words is itself an isolate.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.richtext import sanitise

# Embeddings and overrides (LRE RLE LRO RLO) close with PDF; isolates (LRI RLI FSI) with PDI.
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_POP_EMBEDDING = "\u202c"
_ISOLATES = frozenset("\u2066\u2067\u2068")
_POP_ISOLATE = "\u2069"
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
_TAG = re.compile(r"(<[^>]*>)")


def balance_bidi(text: str) -> str:
    """`text` with every directional control it opens closed at its end, in order, and every
    closer that matches nothing removed (Unicode bidi algorithm, rules X1–X8)."""
    if not _CONTROLS.search(text):
        return text
    out, stack = [], []
    for char in text:
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(char)
        elif char == _POP_EMBEDDING:
            # A PDF inside an open isolate cannot close an embedding outside it.
            if not stack or stack[-1] not in _EMBEDDINGS:
                continue
            stack.pop()
        elif char == _POP_ISOLATE:
            if not any(opener in _ISOLATES for opener in stack):
                continue
            # A PDI closes its isolate and every embedding opened inside it.
            while stack.pop() not in _ISOLATES:
                pass
        out.append(char)
    for opener in reversed(stack):
        out.append(_POP_ISOLATE if opener in _ISOLATES else _POP_EMBEDDING)
    return "".join(out)


def user_line(text: object) -> str:
    """A line a person typed (a name, a title) as an isolate: plain text, escaped later."""
    text = balance_bidi(str(text or ""))
    if not text:
        return ""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def user_html(text: object) -> SafeString:
    """Formatted text a person wrote, reduced to the allowed markup, each text node balanced.

    Attributes (link targets) lose every directional control; text nodes keep theirs, closed.
    """
    cleaned = sanitise(str(text or ""))
    parts = []
    for part in _TAG.split(cleaned):
        if part.startswith("<"):
            parts.append(_CONTROLS.sub("", part))
        elif part:
            parts.append(balance_bidi(part))
    # nh3 produced the markup; balancing only adds or removes control characters.
    return mark_safe("".join(parts))  # noqa: S308


def user_paragraphs(text: object) -> SafeString:
    """Plain text with line breaks (a comment, a note) as paragraphs, each balanced."""
    paragraphs = [line for line in str(text or "").splitlines() if line.strip()]
    return mark_safe(  # noqa: S308 (escaped here)
        "".join(f"<p>{escape(balance_bidi(line))}</p>" for line in paragraphs)
    )
