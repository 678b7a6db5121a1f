"""Why a key can't act now: the short notice a key gives instead of doing nothing.

Plain Python, no Textual. The main screen describes itself in a :class:`KeyState`;
:func:`why_not` says, for one of its actions, what is missing (None: the key can act). The
same answer dims the key in the footer, so the footer and the notice never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .safe_text import clean, shorten

NO_ARTICLE = "No article open: highlight a result, or press enter on one."


@dataclass(frozen=True)
class KeyState:
    """What the keys depend on: the reader, the selected speaker, the index, the width."""

    article: bool = False  # an article is shown in the reader
    query: str = ""  # the query the reader's matches are for
    matches: int = 0
    quotes: int = 0
    current_quote: bool = False  # a quote is marked (after ] or [, or a jump)
    speaker: bool = False  # a speaker is selected in the sidebar
    ready: bool = False  # the index is open
    building: bool = False  # the index is being built or brought up to date
    narrow: bool = False  # the sidebar is a toggle (below 110 columns)
    loading: bool = False  # an article is being opened: the reader keeps its keys for it
    finding: bool = False  # the find line is open: n/N step through its hits
    back: bool = False  # a place visited before this one (backspace, alt+left)
    forward: bool = False  # a place gone back from (alt+right)
    search: str = ""  # the query typed in the search bar
    highlighted: bool = False  # a result is highlighted in the results list


def why_not(action: str, state: KeyState) -> str | None:
    """Why ``action`` can't act in ``state`` (one short sentence), or None if it can."""
    if action in ("match", "quote", "find") and state.loading:
        return None  # the reader applies the key once the article is shown
    if action == "match" and state.finding:
        return None  # the find line says when it has no hits
    if action == "find" and not state.article:
        return NO_ARTICLE
    if action in ("match", "quote", "copy_quote") and not state.article:
        return NO_ARTICLE
    if action == "match" and not state.query.strip():
        return "No search to step through: press / and type a query."
    if action == "match" and not state.matches:
        return f"No match for “{shorten(clean(state.query), 40)}” in this article."
    if action == "quote" and not state.quotes:
        return "No quotes in this article."
    if action == "copy_quote" and not state.current_quote:
        if not state.quotes:
            return "No quotes in this article to copy."
        return "No quote selected: press ] or [ to go to one, then y."
    if action == "speaker_quote" and not state.speaker:
        return "No speaker selected: choose one in the Speakers pane (tab)."
    if action == "toggle_sidebar" and not state.narrow:
        return "The speakers are always shown at this width."
    if action == "reload" and not state.ready and state.building:
        return "The index is still being built; it will be up to date when it opens."
    return _why_not_browse(action, state)


def _why_not_browse(action: str, state: KeyState) -> str | None:
    """The browsing keys: history, bookmarks, saved searches."""
    if action == "history_back" and not state.back:
        return "Nothing further back: open an article or jump to a quote first."
    if action == "history_forward" and not state.forward:
        return "Nothing further forward: backspace goes back, alt+right returns."
    if action == "bookmark" and not (state.article or state.highlighted):
        return "Nothing to bookmark: open an article first."
    if action == "save_search" and not state.search.strip():
        return "No query to save: press / and type one, then ctrl+s."
    return None
