"""The line under the reader (and the speaker tree) that says where else a quote was reported."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..safe_text import content


class QuoteProvenance(Static):
    """``also in 2 articles, first reported 2025-08-22 by News.Az`` for the reader's
    current quote (or the sidebar's quote under the cursor), when other articles report
    the same statement; hidden otherwise.

    Lines of their own rather than a border title: the reader's border already names the
    quote's number and speaker, and the sidebar is too narrow for the sentence, so it wraps.
    """

    DEFAULT_CSS = """
    QuoteProvenance { height: auto; padding: 0 1; color: $text-muted; display: none; }
    QuoteProvenance.-shown { display: block; }
    """

    def show_line(self, line: str | None) -> None:
        """Show ``line`` (untrusted words: never parsed as markup), or hide for None."""
        self.update(content(line) if line else Content(""))
        self.set_class(bool(line), "-shown")
