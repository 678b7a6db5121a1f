"""Build displayable text from untrusted strings: the one place the UI and the command line
make article text, titles, names and queries safe to show.

They come from files and users: they are never parsed as markup, and no control character
reaches the terminal. Two policies:

- one line (names, titles, queries, labels): :func:`clean` replaces control characters
  and folds whitespace; :func:`content` (Textual ``Content``) and :func:`rich_text` (Rich
  ``Text``) build on it, and :func:`keep_length` keeps offsets valid for styled spans;
- many lines (the command line's article text and quotes): :func:`printable` removes
  controls and whole terminal escape sequences but keeps newlines and tabs, exactly as the
  engine does when it reads a file.

Textual and Rich are imported when first needed, so the command line loads neither for this.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


def printable(text: str | None) -> str:
    """``text`` without control characters or escape sequences, its lines kept."""
    from newsbrowse.index.reading import strip_controls

    return strip_controls(text or "")


def content(text: str | None, style: Style | str = "") -> Content:
    """A one-line ``Content`` of untrusted ``text`` (never markup), optionally styled."""
    from textual.content import Content

    result = Content(clean(text))
    return result.stylize(style) if style else result


def rich_text(text: str | None, style: str = "") -> Text:
    """A one-line Rich ``Text`` of untrusted ``text`` (never markup), optionally styled."""
    from rich.text import Text

    return Text(clean(text), style=style)


def shorten(text: str | None, limit: int) -> str:
    """``clean(text)`` cut to ``limit`` characters with an ellipsis."""
    text = clean(text)
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"
