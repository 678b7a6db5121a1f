"""Build displayable text from untrusted strings.

Article text, titles, speaker names and queries come from files and users: they are never
parsed as markup. Everything shown goes through :func:`content` (Textual ``Content``) or
:func:`rich_text` (Rich ``Text``), after control characters are replaced or removed.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content
from textual.style import Style

# C0 controls (tab and newline included), DEL, C1 controls, and the bidi embedding,
# override and isolate marks that can reorder what a terminal shows.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def keep_length(text: str) -> str:
    """Replace every control character by a space, so offsets into ``text`` stay valid."""
    return _CONTROL.sub(" ", text)


def clean(text: str | None) -> str:
    """Drop control characters and fold whitespace runs: for names, titles, queries."""
    if not text:
        return ""
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def content(text: str | None, style: Style | str = "") -> Content:
    """A one-line ``Content`` of untrusted ``text`` (never markup), optionally styled."""
    result = Content(clean(text))
    return result.stylize(style) if style else result


def rich_text(text: str | None, style: str = "") -> Text:
    """A one-line Rich ``Text`` of untrusted ``text`` (never markup), optionally styled."""
    return Text(clean(text), style=style)


def shorten(text: str | None, limit: int) -> str:
    """``clean(text)`` cut to ``limit`` characters with an ellipsis."""
    text = clean(text)
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"
