"""A site that prints everything in lower case (masthead, headline, byline) read through a
cased copy of its text.

The layout rules tell a headline, a byline and a masthead apart by their capitals. A text
with no capital letter at its top gives them nothing, so it is read through a copy of the
same length with capitals put where a conventional site prints them: every word of a short
line that ends no sentence (``the quiet return of the night bus``, ``by ana quell``,
``the eldham drift``), the first word of each sentence elsewhere. Spans into the copy are
spans into the text; names found in the copy are given back as the text prints them.
"""

from __future__ import annotations

import re

_TOP_LINES = 12  # the lines a site's masthead, headline and byline are among
_CAPITALS_SHARE = 0.005  # fewer capitals than this among the letters: a lower-case site
_SHORT_WORDS = 14  # a line this short that ends no sentence reads as a heading or a label
_WORD = re.compile(r"\b[^\W\d_]")
_NON_SPACE = re.compile(r"\S")  # not str.isspace(), as str.strip() and str.splitlines() see it
_SENTENCE = re.compile(r"(?:^|[.!?]\s+|[\"“‘(]\s*)([^\W\d_])")


def cased_view(text: str) -> str | None:
    """A copy of an all-lower-case text with conventional capitals, or ``None`` when the text
    has capitals of its own (the common case: one cheap look at its top)."""
    first = _NON_SPACE.search(text, 0, 3000)
    if first is not None and first.group().isupper():
        return None  # a capital on the first non-blank line (nearly every text): no need to look on
    top = [line for line in text[:3000].splitlines() if line.strip()][:_TOP_LINES]
    if not top or any(ch.isupper() for line in top for ch in line):
        return None
    letters = sum(ch.isalpha() for ch in text)
    capitals = sum(ch.isupper() for ch in text)
    if not letters or capitals > _CAPITALS_SHARE * letters:
        return None
    view = "\n".join(_cased(line) for line in text.split("\n"))
    return view if view != text else None  # nothing to capitalise ("9_p")


def _cased(line: str) -> str:
    stripped = line.strip()
    if not stripped:
        return line
    short = len(stripped.split()) <= _SHORT_WORDS and not stripped.endswith((".", "!", "?"))
    pattern = _WORD if short else _SENTENCE
    return pattern.sub(_upper_last, line)


def _upper_last(m: re.Match[str]) -> str:
    """The match with its last character in capitals, if that keeps its length."""
    found = m.group()
    up = found[-1].upper()
    return found[:-1] + up if len(up) == 1 else found


def as_printed(text: str, view: str, value: str | None) -> str | None:
    """A value read from the cased copy, as the text prints it (same place, same length)."""
    if value is None:
        return None
    at = view.find(value)
    return text[at : at + len(value)] if at >= 0 else value
