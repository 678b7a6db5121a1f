"""The reader: one article's title, metadata and paragraphs, with match and quote jumps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from newsbrowse.index.model import Article, QuoteRecord, Span

from ..navigation import next_index
from ..safe_text import clean, content
from .paragraph import Paragraph, QuoteMark

SAVE_DELAY = 0.4
MAX_LAYOUT_WAITS = 30


class Reader(VerticalScroll, can_focus=True):
    """Shows an article; ``n``/``N`` and ``]``/``[`` step through matches and quotes."""

    DEFAULT_CSS = """
    Reader { padding: 0 1; scrollbar-gutter: stable; }
    Reader #reader-title { text-style: bold; margin: 0 0 0 0; color: $text-primary; }
    Reader #reader-title.-derived { text-style: bold italic; color: $text-muted; }
    Reader #reader-meta { color: $text-muted; margin: 0 0 1 0; }
    Reader #reader-empty { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "up", show=False, id="reader.up"),
        Binding("g,home", "scroll_home", "top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "bottom", show=False, id="reader.bottom"),
        Binding("space,pagedown", "page_down", "page down", show=False, id="reader.page_down"),
        Binding("b,pageup", "page_up", "page up", show=False, id="reader.page_up"),
        Binding("ctrl+d", "half_page(1)", "half page down", show=False, id="reader.half_down"),
        Binding("ctrl+u", "half_page(-1)", "half page up", show=False, id="reader.half_up"),
    ]

    @dataclass
    class Moved(Message):
        """The reading position changed (a text offset at the top of the view)."""

        article: str
        offset: int

    @dataclass
    class Changed(Message):
        """The article, the current match or the current quote changed."""

        reader: Reader

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.query_text = ""
        self.matches: list[Span] = []
        self.quotes: list[QuoteRecord] = []
        self.match_index: int | None = None
        self.quote_index: int | None = None
        self._paragraphs: list[Paragraph] = []
        self._title: Paragraph | None = None
        self._save_timer: Timer | None = None
        self._restoring = False
        self._pending: tuple[str, int | Span] | None = None

    def compose(self):
        yield Static(Content("No article open. Type a query, then enter."), id="reader-empty")

    # ----- showing an article -------------------------------------------------------------

    async def show(
        self,
        article: Article,
        matches: Sequence[Span],
        quotes: Sequence[QuoteRecord],
        *,
        query: str = "",
        position: int | None = None,
        quote: Span | None = None,
    ) -> None:
        """Show ``article``; keep the view if it is already open, else restore ``position``.

        With ``quote``, jump to that quote instead (once the paragraphs are laid out).
        """
        same = self.article is not None and self.article.id == article.id
        self.article = article
        self.query_text = query
        spans = [(start, end) for start, end in matches if self._shown(start)]
        records = sorted(
            (r for r in quotes if r.article == article.id and self._shown(r.quote.start)),
            key=lambda r: (r.quote.start, r.quote.end),
        )
        self.matches, self.quotes = spans, records
        self.match_index = self.quote_index = None
        if not same:
            await self._rebuild(article)
        marks = [
            QuoteMark(r.quote.start, r.quote.end, r.quote.kind, r.speaker_name) for r in records
        ]
        for paragraph in self._all_paragraphs():
            paragraph.set_spans(spans, marks)
            paragraph.set_mark(None)
        self._update_subtitle()
        if quote is not None:
            self.jump_to_quote(quote)
        elif not same:
            self._pending = ("offset", position or 0)
            self._restoring = True
            self._apply_pending()
        self.post_message(self.Changed(self))

    def jump_to_quote(self, span: Span) -> None:
        """Mark and centre the quote with this span (as soon as the layout allows)."""
        self._pending = ("quote", span)
        self._apply_pending()

    @property
    def settled(self) -> bool:
        """Whether the view is where it will stay: no jump or restore waits for the layout."""
        return self._pending is None

    def _laid_out(self) -> bool:
        paragraphs = self._all_paragraphs()
        return not paragraphs or (
            paragraphs[-1].virtual_region.height > 0 and paragraphs[-1].content_size.width > 0
        )

    def _apply_pending(self, tries: int = 0) -> None:
        """Apply the pending jump or restore once the paragraphs have their sizes."""
        if self._pending is None:
            return
        if not self._laid_out() and tries < MAX_LAYOUT_WAITS:
            self.call_after_refresh(self._apply_pending, tries + 1)
            return
        (kind, value), self._pending = self._pending, None
        self._restoring = False
        if kind == "quote":
            assert isinstance(value, tuple)
            index = self.find_quote(*value)
            if index is not None:
                self.go_to_quote(index)
        else:
            assert isinstance(value, int)
            line = self.line_of(value) if value else None
            self.scroll_to(y=line or 0, animate=False, immediate=True)

    def _shown(self, offset: int) -> bool:
        """Whether an offset is in the title or a body paragraph (cruft is not shown)."""
        article = self.article
        if article is None:
            return False
        if article.title_span and article.title_span[0] <= offset < article.title_span[1]:
            return True
        return any(start <= offset < end for start, end in article.paragraphs)

    async def _rebuild(self, article: Article) -> None:
        await self.remove_children()
        self.scroll_to(y=0, animate=False, immediate=True)
        if article.title_span:
            start, end = article.title_span
            self._title = Paragraph(article.text[start:end], start)
            self._title.id = "reader-title"
        else:
            self._title = None
        title: Static = self._title or Static(
            content(article.label), id="reader-title", classes="-derived"
        )
        meta = " · ".join(clean(x) for x in (article.date, article.author, article.source) if x)
        if article.url:  # the address `o` opens, on a line of its own
            meta = f"{meta or 'undated'}\n{clean(article.url)}"
        self._paragraphs = [Paragraph(article.text[s:e], s) for s, e in article.paragraphs]
        await self.mount_all(
            [title, Static(Content(meta or "undated"), id="reader-meta"), *self._paragraphs]
        )

    def _all_paragraphs(self) -> list[Paragraph]:
        return ([self._title] if self._title else []) + self._paragraphs

    # ----- offsets and lines --------------------------------------------------------------

    def _paragraph_at(self, offset: int) -> Paragraph | None:
        for paragraph in self._all_paragraphs():
            if paragraph.contains(offset):
                return paragraph
        return None

    def line_of(self, offset: int) -> int | None:
        """The reader line (virtual y) showing an article offset."""
        paragraph = self._paragraph_at(offset)
        if paragraph is None:
            return None
        top = paragraph.virtual_region.y
        return top + paragraph.line_of(offset)

    def offset_at_top(self) -> int:
        """The article offset of the first line in view (0 above the first paragraph)."""
        y = round(self.scroll_y)
        best = 0
        for paragraph in self._paragraphs:
            top = paragraph.virtual_region.y
            if top > y:
                break
            best = paragraph.offset_of_line(y - top)
        return best

    def scroll_to_offset(self, offset: int) -> None:
        """Centre the line showing ``offset``."""
        line = self.line_of(offset)
        if line is None:
            return
        width = self.scrollable_content_region.width
        self.scroll_to_region(
            Region(0, line, max(width, 1), 1), center=True, animate=False, immediate=True
        )

    # ----- jumps ----------------------------------------------------------------------------

    def _mark(self, span: Span | None) -> None:
        for paragraph in self._all_paragraphs():
            paragraph.set_mark(span)
        if span is not None:
            self.scroll_to_offset(span[0])
        self._update_subtitle()
        self.post_message(self.Changed(self))

    def step_match(self, delta: int) -> bool:
        """Go to the next (``delta=1``) or previous (``-1``) match; wraps around."""
        starts = [s for s, _ in self.matches]
        index = next_index(starts, self.match_index, delta, self.offset_at_top())
        if index is None:
            return False
        self.match_index = index
        self.quote_index = None
        self._mark(self.matches[index])
        return True

    def step_quote(self, delta: int) -> bool:
        """Go to the next or previous quote; wraps around."""
        starts = [r.quote.start for r in self.quotes]
        index = next_index(starts, self.quote_index, delta, self.offset_at_top())
        if index is None:
            return False
        self.go_to_quote(index)
        return True

    def go_to_quote(self, index: int) -> None:
        """Mark and centre quote number ``index`` of this article."""
        self.quote_index = index
        self.match_index = None
        quote = self.quotes[index].quote
        self._mark((quote.start, quote.end))

    def find_quote(self, start: int, end: int) -> int | None:
        """The index of the quote with this span, if the article has it."""
        for index, record in enumerate(self.quotes):
            if (record.quote.start, record.quote.end) == (start, end):
                return index
        return None

    @property
    def current_quote(self) -> QuoteRecord | None:
        """The quote last jumped to."""
        return self.quotes[self.quote_index] if self.quote_index is not None else None

    def _update_subtitle(self) -> None:
        parts: list[Content] = []
        if self.matches:
            k = "-" if self.match_index is None else str(self.match_index + 1)
            parts.append(Content(f"match {k}/{len(self.matches)}"))
        if self.quotes:
            k = "-" if self.quote_index is None else str(self.quote_index + 1)
            parts.append(Content(f"quote {k}/{len(self.quotes)}"))
        if (record := self.current_quote) is not None:
            who = clean(record.speaker_name) or "unattributed"
            parts.append(Content.assemble(Content(who).stylize("bold"), f" ({record.quote.kind})"))
        self.border_subtitle = Content(" · ").join(parts) if parts else None

    # ----- scrolling --------------------------------------------------------------------------

    def action_half_page(self, direction: int) -> None:
        """Scroll half a page down (1) or up (-1)."""
        step = max(self.scrollable_content_region.height // 2, 1)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.article is None or self._restoring:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._report_position)

    def _report_position(self) -> None:
        if self.article is not None:
            self.post_message(self.Moved(self.article.id, self.offset_at_top()))
