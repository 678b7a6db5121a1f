"""The line under the reader that says where else the current quote was reported."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..safe_text import content


class QuoteProvenance(Static):
    """``also in 2 articles, first reported 2025-08-22 by News.Az`` for the reader's
    current quote, when other articles report the same statement; hidden otherwise.

    A line of its own rather than the reader's border: the border already names the
    quote's number and speaker, and at common widths the two would not fit on it.
    """

    DEFAULT_CSS = """
    QuoteProvenance { height: 1; padding: 0 1; color: $text-muted; display: none; }
    QuoteProvenance.-shown { display: block; }
    """

    def show_line(self, line: str | None) -> None:
        """Show ``line`` (untrusted words: never parsed as markup), or hide for None."""
        self.update(content(line) if line else Content(""))
        self.set_class(bool(line), "-shown")
