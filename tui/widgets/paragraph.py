"""One paragraph of the reader, styled from spans, able to map offsets to wrapped lines."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich._wrap import divide_line
from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from newsbrowse.index.model import Span

from ..safe_text import clean, keep_length

QUOTE_STYLES: dict[str, str] = {
    "direct": "$text-success",
    "partial": "$text-warning",
    "indirect": "italic $text-secondary",
}
MATCH_STYLE = "bold $text-accent on $accent-muted"
MARK_STYLE = Style(reverse=True)  # the match or quote jumped to


@dataclass(frozen=True)
class QuoteMark:
    """A quote's span in article offsets, its kind, and who said it."""

    start: int
    end: int
    kind: str
    speaker: str | None


class Paragraph(Static):
    """A run of article text (``text[start:end]``) with matches, quotes and a mark lit up."""

    DEFAULT_CSS = """
    Paragraph { height: auto; margin: 0 0 1 0; }
    """

    def __init__(self, text: str, start: int, *, classes: str | None = None) -> None:
        # Same length as the source slice, so offsets map one to one. The text is there
        # from the start, so the first layout already has the right heights.
        self.plain = keep_length(text)
        super().__init__(Content(self.plain), classes=classes, markup=False)
        self.start = start
        self.end = start + len(text)
        self._matches: list[Span] = []
        self._quotes: list[QuoteMark] = []
        self._mark: Span | None = None
        self._speaker_at: list[tuple[int, int, str]] = []

    def contains(self, offset: int) -> bool:
        """Whether an article offset falls in this paragraph."""
        return self.start <= offset < self.end

    def set_spans(self, matches: Sequence[Span], quotes: Sequence[QuoteMark]) -> None:
        """Replace the lit spans (article offsets; the parts outside are clipped)."""
        self._matches = list(matches)
        self._quotes = list(quotes)
        self._render_spans()

    def set_mark(self, span: Span | None) -> None:
        """Mark the current jump target (or nothing)."""
        if span != self._mark:
            self._mark = span
            self._render_spans()

    def _local(self, start: int, end: int) -> Span | None:
        start, end = max(start, self.start) - self.start, min(end, self.end) - self.start
        return (start, end) if end > start else None

    def _render_spans(self) -> None:
        body = Content(self.plain)
        self._speaker_at = []
        for quote in self._quotes:
            if (local := self._local(quote.start, quote.end)) is None:
                continue
            body = body.stylize(QUOTE_STYLES.get(quote.kind, "underline"), *local)
            if quote.speaker:
                self._speaker_at.append((*local, f"{clean(quote.speaker)} · {quote.kind}"))
        for start, end in self._matches:
            if (local := self._local(start, end)) is not None:
                body = body.stylize(MATCH_STYLE, *local)
        if self._mark and (local := self._local(*self._mark)) is not None:
            body = body.stylize(MARK_STYLE, *local)
        self.update(body)

    def _wrap_offsets(self) -> list[int]:
        width = max(self.content_size.width, 1)
        return divide_line(self.plain, width, fold=True)

    def line_of(self, offset: int) -> int:
        """The wrapped line (0-based, within this paragraph) showing an article offset."""
        return bisect_right(self._wrap_offsets(), offset - self.start)

    def offset_of_line(self, line: int) -> int:
        """The article offset at the start of a wrapped line of this paragraph."""
        starts = [0, *self._wrap_offsets()]
        return self.start + starts[max(0, min(line, len(starts) - 1))]

    def speaker_at(self, offset: int) -> str | None:
        """Who said the quote at a local offset (for the hover tooltip)."""
        for start, end, label in self._speaker_at:
            if start <= offset < end:
                return label
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Show the speaker of the quote under the pointer."""
        line = event.y - self.styles.padding.top
        column = event.x - self.styles.padding.left
        starts = [0, *self._wrap_offsets(), len(self.plain)]
        if not 0 <= line < len(starts) - 1 or column < 0:
            self.tooltip = None
            return
        label = self.speaker_at(_offset_at_column(self.plain, starts[line], column))
        self.tooltip = Content(label) if label else None


def _offset_at_column(text: str, start: int, column: int) -> int:
    """The offset of the character at a cell column on a line starting at ``start``."""
    cells = 0
    offset = start
    while offset < len(text):
        cells += cell_len(text[offset])
        if cells > column:
            return offset
        offset += 1
    return offset
