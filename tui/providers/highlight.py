"""Fuzzy-match highlighting that never parses the candidate as markup."""

from __future__ import annotations

from textual.content import Content
from textual.fuzzy import Matcher


def highlight(matcher: Matcher, candidate: str, prefix: int = 0) -> Content:
    """``candidate`` as plain ``Content`` with the matched letters lit.

    (``Matcher.highlight`` parses its argument as markup, so untrusted names can't go there.)
    The first ``prefix`` characters (a fixed label) are shown dim.
    """
    result = Content(candidate)
    if prefix:
        result = result.stylize("$text-muted", 0, prefix)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                result = result.stylize(matcher.match_style, offset, offset + 1)
    return result
