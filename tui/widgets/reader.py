"""The reader: one article's title, metadata and paragraphs, with match, quote and find jumps.

It draws only the lines in view (Textual's Line API, as toolong does for huge logs): the
article is wrapped once per width into a :class:`~..reader_layout.Layout` (cached, so a
resize back and forth costs nothing), and each visible line is styled from the spans that
overlap it. Opening a 1 MB article costs one wrap, not a widget per paragraph.

Keys that act on the article (``n``/``N``, ``]``/``[``, scrolling, jumps) wait while an
article is being opened (:meth:`Reader.will_show`) and apply, in order, once it is shown.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.timer import Timer

from newsbrowse.index.model import Article, QuoteRecord, Span

from ..article_find import FoldedText, find_spans
from ..navigation import next_index, step_wrapping
from ..reader_layout import Block, Layout, SpanIndex
from ..safe_text import clean, keep_length

SAVE_DELAY = 0.4
MAX_LAYOUT_WAITS = 30
LAYOUTS_KEPT = 4  # widths whose layout is kept (a resize back and forth re-wraps nothing)
EMPTY = "No article open. Type a query, then enter."

QUOTE_CLASSES = {
    "direct": "reader--direct",
    "partial": "reader--partial",
    "indirect": "reader--indirect",
}
BLOCK_CLASSES = {
    "title": "reader--title",
    "label": "reader--label",
    "meta": "reader--meta",
}


@dataclass(frozen=True)
class QuoteMark:
    """A quote's span in article offsets, its kind, and who said it."""

    start: int
    end: int
    kind: str
    speaker: str | None


class Reader(ScrollView, can_focus=True):
    """Shows an article; ``n``/``N`` and ``]``/``[`` step through matches and quotes."""

    DEFAULT_CSS = """
    Reader { padding: 0 1; scrollbar-gutter: stable; overflow-x: hidden; }
    Reader > .reader--title { text-style: bold; color: $text-primary; }
    Reader > .reader--label { text-style: bold italic; color: $text-muted; }
    Reader > .reader--meta { color: $text-muted; }
    Reader > .reader--empty { color: $text-muted; }
    Reader > .reader--direct { color: $text-success; }
    Reader > .reader--partial { color: $text-warning; }
    Reader > .reader--indirect { text-style: italic; color: $text-secondary; }
    Reader > .reader--quote { text-style: underline; }
    Reader > .reader--match { text-style: bold; color: $text-accent; background: $accent-muted; }
    Reader > .reader--find { text-style: bold; color: $text; background: $primary-muted; }
    Reader > .reader--mark { text-style: reverse; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--label",
        "reader--meta",
        "reader--empty",
        "reader--direct",
        "reader--partial",
        "reader--indirect",
        "reader--quote",
        "reader--match",
        "reader--find",
        "reader--mark",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "up", show=False, id="reader.up"),
        Binding("g,home", "scroll_home", "top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "bottom", show=False, id="reader.bottom"),
        Binding("space,pagedown", "page_down", "page down", show=False, id="reader.page_down"),
        Binding("b,pageup", "page_up", "page up", show=False, id="reader.page_up"),
        Binding("ctrl+d", "half_page(1)", "half page down", show=False, id="reader.half_down"),
        Binding("ctrl+u", "half_page(-1)", "half page up", show=False, id="reader.half_up"),
        Binding("escape", "close_find", "close find", show=False, id="reader.close_find"),
    ]

    @dataclass
    class Moved(Message):
        """The reading position changed (a text offset at the top of the view)."""

        article: str
        offset: int

    @dataclass
    class Changed(Message):
        """The article, the current match, quote or find hit, or the find changed."""

        reader: Reader

    @dataclass
    class Provenance(Message):
        """The current quote's "also in N articles, first reported …" (None: none)."""

        line: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.query_text = ""
        self.matches: list[Span] = []
        self.quotes: list[QuoteRecord] = []
        self.match_index: int | None = None
        self.quote_index: int | None = None
        self.mark: Span | None = None  # the match, quote or find hit jumped to
        # Find in the article: None while closed.
        self.find_text: str | None = None
        self.find_hits: list[Span] = []
        self.find_index: int | None = None
        self.find_note = ""  # "wrapped to the top" after a step that wrapped
        self._find_origin = 0
        self._folded: FoldedText | None = None
        # What is drawn.
        self._plain = ""
        self._blocks: list[Block] = []
        self._regions: list[Span] = []  # the title and paragraphs, in text order
        self._region_starts: list[int] = []
        self._layouts: LRUCache[int, Layout] = LRUCache(LAYOUTS_KEPT)
        self._match_spans = SpanIndex([])
        self._quote_marks: list[QuoteMark] = []
        self._quote_spans = SpanIndex([])
        self._find_spans = SpanIndex([])
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._version = 0  # bumped whenever what a line looks like changes
        self._width = 0  # the width the view is laid out at
        # Opening, jumps and keys that wait for the article.
        self.pending_article: tuple[str, str] | None = None
        self._waiting: list[Callable[[], object]] = []
        self._pending: tuple[str, int | Span] | None = None
        self._save_timer: Timer | None = None
        self._restoring = False
        # "also in 2 articles, first reported …" for a quote other articles report too: set
        # by the screen (the session knows the clusters), shown for the current quote.
        self.provenance_of: Callable[[QuoteRecord], str | None] = lambda _record: None
        self._provenance: str | None = None

    # ----- showing an article -------------------------------------------------------------

    def will_show(self, article: str | None, query: str = "") -> None:
        """An article (and query) is being loaded to be shown: keys for the reader wait
        for it. ``None``: nothing is loading any more (keys that waited are dropped)."""
        wanted = (article, query) if article is not None else None
        if wanted != self.pending_article:
            self._waiting.clear()
        self.pending_article = wanted
        self._update_subtitle()  # (no Changed: the footer would rebuild twice per article)

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

        With ``quote``, jump to that quote instead. Keys that waited for the article apply
        after that, in the order they were pressed.
        """
        same = self.article is not None and self.article.id == article.id
        self.pending_article = None
        self.article = article
        self.query_text = query
        if not same:
            self._load(article)
        spans = [(start, end) for start, end in matches if self._shown(start)]
        records = sorted(
            (r for r in quotes if r.article == article.id and self._shown(r.quote.start)),
            key=lambda r: (r.quote.start, r.quote.end),
        )
        self.matches, self.quotes = spans, records
        self.match_index = self.quote_index = self.find_index = None
        self.mark = None
        self._match_spans = SpanIndex(spans)
        self._quote_marks = sorted(
            (QuoteMark(r.quote.start, r.quote.end, r.quote.kind, r.speaker_name) for r in records),
            key=lambda q: (q.start, q.end),
        )
        self._quote_spans = SpanIndex([(q.start, q.end) for q in self._quote_marks])
        if not same and self.find_text is not None:
            self._find_origin = 0
            self._search_find(jump=False)
        self._restyle()
        self._update_subtitle()
        if quote is not None:
            self._pending = ("quote", quote)
        elif not same:
            self._pending = ("offset", position or 0)
            self._restoring = True
        self._settle()
        self.post_message(self.Changed(self))

    def jump_to_quote(self, span: Span) -> None:
        """Mark and centre the quote with this span (once the article is shown)."""
        if self.pending_article is not None:
            self._waiting.append(lambda: self.jump_to_quote(span))
            return
        self._pending = ("quote", span)
        self._settle()

    @property
    def settled(self) -> bool:
        """Whether the view is where it will stay: no article loading, no jump, restore or
        waiting key left."""
        return self.pending_article is None and self._pending is None and not self._waiting

    def _load(self, article: Article) -> None:
        """Take a new article: its blocks, no layout yet (that is per width)."""
        self._plain = keep_length(article.text)
        self._folded = None
        blocks: list[Block] = []
        if article.title_span:
            blocks.append(Block("title", *article.title_span))
        else:
            label = clean(article.label)
            blocks.append(Block("label", 0, len(label), label))
        meta = meta_line(article)
        url = clean(article.url)  # the address `o` opens, on a line of its own
        blocks.append(Block("meta", 0, len(meta), meta, gap=0 if url else 1))
        if url:
            blocks.append(Block("meta", 0, len(url), url, gap=1))
        blocks.extend(Block("paragraph", start, end, gap=1) for start, end in article.paragraphs)
        self._blocks = blocks
        regions = list(article.paragraphs)
        if article.title_span:
            regions.append(article.title_span)
        self._regions = sorted(regions)
        self._region_starts = [start for start, _ in self._regions]
        self._layouts.clear()
        self.scroll_to(y=0, animate=False)
        self._relayout(force=True)

    def _shown(self, offset: int) -> bool:
        """Whether an offset is in the title or a body paragraph (cruft is not shown)."""
        index = bisect_right(self._region_starts, offset) - 1
        return index >= 0 and offset < self._regions[index][1]

    # ----- layout ---------------------------------------------------------------------------

    @property
    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def _laid_out(self) -> bool:
        return self.article is None or self._content_width > 0

    def _layout(self) -> Layout | None:
        """The article laid out at the current width (None before the reader has a size)."""
        width = self._content_width
        if self.article is None or width <= 0:
            return None
        layout = self._layouts.get(width)
        if layout is None:
            layout = Layout(self._plain, self._blocks, width)
            self._layouts[width] = layout
        return layout

    def _relayout(self, *, force: bool = False) -> None:
        """Lay the article out at the current width, keeping the line at the top in view."""
        width = self._content_width
        if width == self._width and not force:
            return
        old = self._layouts.get(self._width) if self._width and not force else None
        hold = old.hold(round(self.scroll_y)) if old is not None else None
        self._width = width
        layout = self._layout()
        height = layout.height if layout is not None else 1
        self.virtual_size = Size(max(width, 1), height)
        if layout is not None and hold is not None and not self._restoring:
            self.scroll_to(y=layout.find(hold), animate=False)
        self._strips.clear()
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self._relayout()

    def _settle(self, tries: int = 0) -> None:
        """Apply the pending jump or restore, then the keys that waited, once laid out."""
        if self._pending is None and not self._waiting:
            return
        if not self._laid_out() and tries < MAX_LAYOUT_WAITS:
            self.call_after_refresh(self._settle, tries + 1)
            return
        self._relayout()
        if self._pending is not None:
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
                self.scroll_to(y=line or 0, animate=False)
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            with suppress(SkipAction):  # a scroll that had nowhere to go
                action()

    # ----- offsets and lines --------------------------------------------------------------

    def line_of(self, offset: int) -> int | None:
        """The reader line (virtual y) showing an article offset."""
        layout = self._layout()
        return layout.line_of(offset) if layout is not None else None

    def line_text(self, line: int) -> str:
        """The text shown on a reader line (virtual y)."""
        layout = self._layout()
        if layout is None or not 0 <= line < layout.height:
            return ""
        return layout.text(line)

    def line_span(self, line: int) -> Span | None:
        """The article span a reader line shows (None for the label, metadata, blanks)."""
        layout = self._layout()
        if layout is None or not 0 <= line < layout.height or layout.block_of[line] < 0:
            return None
        if not layout.blocks[layout.block_of[line]].in_article:
            return None
        return layout.starts[line], layout.ends[line]

    def offset_at_top(self) -> int:
        """The article offset of the first line in view (0 above the first paragraph)."""
        layout = self._layout()
        return layout.anchor(round(self.scroll_y)) if layout is not None else 0

    def scroll_to_offset(self, offset: int) -> None:
        """Centre the line showing ``offset``."""
        line = self.line_of(offset)
        if line is None:
            return
        height = self.scrollable_content_region.height
        self.scroll_to(y=max(line - height // 2, 0), animate=False)

    # ----- drawing --------------------------------------------------------------------------

    def _restyle(self) -> None:
        """What lines look like changed: draw them again."""
        self._version += 1
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self._layout()
        line = y + self.scroll_offset.y
        if layout is None:
            if self.article is None and y == 0:
                empty = self.get_component_rich_style("reader--empty")
                notice = Strip([Segment(EMPTY, empty)])
                return notice.crop_extend(0, width, base).apply_offsets(0, line)
            return Strip.blank(width, base)
        if line >= layout.height:
            return Strip.blank(width, base)
        key = (line, width, self._version)
        cached = self._strips.get(key)
        if cached is None:
            cached = self._render_layout_line(layout, line, base)
            self._strips[key] = cached
        strip = cached
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(line)) is not None:
            strip = self._select(layout, line, base, span)
        return strip.crop_extend(0, width, base).apply_offsets(0, line)

    def _render_layout_line(self, layout: Layout, line: int, base: Style) -> Strip:
        text = self._line_text(layout, line, base)
        return Strip(text.render(self.app.console), text.cell_len)

    def _line_text(self, layout: Layout, line: int, base: Style) -> Text:
        """Line ``line`` as Rich ``Text`` (never markup), styled from the spans on it."""
        block_index = layout.block_of[line]
        plain = layout.text(line)
        text = Text(plain, end="")  # (Rich renders a Text's own style only with spans)
        if block_index < 0:
            return text
        block = layout.blocks[block_index]
        style = base
        if block.kind in BLOCK_CLASSES:  # whole styles: muted colours blend with the background
            style = self.get_component_rich_style(BLOCK_CLASSES[block.kind])
        text.stylize(style)
        if not block.in_article:
            return text
        start = layout.starts[line]
        end = start + len(plain)
        partial = self._partial_style

        def light(spans: SpanIndex, style_of: Callable[[int], Style]) -> None:
            for index in spans.overlapping(start, end):
                a, b = spans.spans[index]
                text.stylize(style_of(index), max(a, start) - start, min(b, end) - start)

        light(self._quote_spans, lambda i: partial(self._quote_class(i)))
        light(self._match_spans, lambda _i: partial("reader--match"))
        light(self._find_spans, lambda _i: self.get_component_rich_style("reader--find"))
        if self.mark is not None:
            light(SpanIndex([self.mark]), lambda _i: partial("reader--mark"))
        return text

    def _quote_class(self, index: int) -> str:
        # The marks are sorted as the span index sorts them: index i is mark i.
        return QUOTE_CLASSES.get(self._quote_marks[index].kind, "reader--quote")

    def _partial_style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _select(self, layout: Layout, line: int, base: Style, span: tuple[int, int]) -> Strip:
        text = self._line_text(layout, line, base)
        start, end = span
        end = len(text) if end == -1 else end
        text.stylize(self.screen.get_component_rich_style("screen--selection"), start, end)
        return Strip(text.render(self.app.console), text.cell_len)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection (for copying)."""
        layout = self._layout()
        if layout is None:
            return None
        text = "\n".join(layout.text(y) for y in range(layout.height))
        return selection.extract(text), "\n"

    def selection_updated(self, _selection: Selection | None) -> None:
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Show the speaker of the quote under the pointer."""
        label = self._speaker_at(event)
        self.tooltip = Content(label) if label else None

    def _speaker_at(self, event: events.MouseMove) -> str | None:
        layout = self._layout()
        where = event.get_content_offset(self)
        if layout is None or where is None:
            return None
        line = where.y + self.scroll_offset.y
        if not 0 <= line < layout.height or layout.block_of[line] < 0:
            return None
        if not layout.blocks[layout.block_of[line]].in_article:
            return None
        offset = layout.starts[line] + _index_at_cell(layout.text(line), where.x)
        for index in self._quote_spans.overlapping(offset, offset + 1):
            mark = self._quote_marks[index]
            if mark.speaker:
                return f"{clean(mark.speaker)} · {mark.kind}"
        return None

    # ----- jumps ----------------------------------------------------------------------------

    def _mark(self, span: Span | None) -> None:
        self.mark = span
        self._restyle()
        if span is not None:
            self.scroll_to_offset(span[0])
        self._update_subtitle()
        self.post_message(self.Changed(self))

    def later(self, action: Callable[[], object]) -> bool:
        """Keep ``action`` for when the article being opened is shown (True if kept): a
        key of another pane that acts on the reader waits as the reader's own keys do."""
        return self._later(action)

    def _later(self, action: Callable[[], object]) -> bool:
        """Keep ``action`` for when the article being opened is shown (True if kept)."""
        if self.pending_article is None and self._pending is None:
            return False
        self._waiting.append(action)
        return True

    @property
    def steps_matches(self) -> bool:
        """Whether ``n``/``N`` can act: matches, an open find, or an article loading."""
        return bool(self.matches) or self.find_text is not None or not self.settled

    @property
    def steps_quotes(self) -> bool:
        """Whether ``]``/``[`` can act: quotes, or an article loading."""
        return bool(self.quotes) or not self.settled

    def step_match(self, delta: int) -> bool:
        """Go to the next (``delta=1``) or previous (``-1``) match, or find hit while the
        find is open; wraps around."""
        if self._later(lambda: self.step_match(delta)):
            return True
        if self.find_text is not None:
            return self.step_find(delta)
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
        if self._later(lambda: self.step_quote(delta)):
            return True
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
        self.find_index = None
        quote = self.quotes[index].quote
        self._mark((quote.start, quote.end))

    def go_to_offset(self, offset: int) -> None:
        """Show ``offset`` at the top with nothing marked (history: back to a reading
        position in the article already shown), once the article is shown."""
        if self.pending_article is not None:
            self._waiting.append(lambda: self.go_to_offset(offset))
            return
        self.match_index = self.quote_index = None
        self._mark(None)
        self._pending = ("offset", offset)
        self._settle()

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

    # ----- find in the article ------------------------------------------------------------

    def set_find(self, text: str) -> None:
        """Find ``text`` in the article (the find is open from now on): light every hit and
        go to the first one at or after where the find started."""
        if self.find_text is None:
            self._find_origin = self.offset_at_top()
        self.find_text = text
        self._search_find(jump=True)
        self._update_subtitle()
        self.post_message(self.Changed(self))

    def close_find(self) -> None:
        """Close the find: its hits go dark and ``n``/``N`` step the query's matches again."""
        if self.find_text is None:
            return
        self.find_text = None
        self.find_hits = []
        self.find_index = None
        self.find_note = ""
        self._find_spans = SpanIndex([])
        if self.match_index is None and self.quote_index is None:
            self.mark = None
        self._restyle()
        self._update_subtitle()
        self.post_message(self.Changed(self))

    def action_close_find(self) -> None:
        self.close_find()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape closes the find only while it is open (else it backs out, as elsewhere)."""
        if action == "close_find":
            return self.find_text is not None
        return super().check_action(action, parameters)

    def _search_find(self, *, jump: bool) -> None:
        article = self.article
        self.find_index = None
        self.find_note = ""
        if article is None or not self.find_text:
            self.find_hits = []
        else:
            if self._folded is None:
                self._folded = FoldedText(article.text)
            self.find_hits = find_spans(self._folded, self._regions, self.find_text)
        self._find_spans = SpanIndex(self.find_hits)
        if jump and self.find_hits:
            starts = [start for start, _ in self.find_hits]
            index = next_index(starts, None, 1, self._find_origin)
            assert index is not None
            self._go_to_find(index)
        else:
            if self.match_index is None and self.quote_index is None:
                self.mark = None
            self._restyle()

    def step_find(self, delta: int) -> bool:
        """Go to the next or previous find hit; wraps around, and says so."""
        if self._later(lambda: self.step_find(delta)):
            return True
        starts = [start for start, _ in self.find_hits]
        step = step_wrapping(starts, self.find_index, delta, self.offset_at_top())
        if step is None:
            self.find_note = "no hits"
            self._update_subtitle()
            self.post_message(self.Changed(self))
            return False
        index, wrapped = step
        self._go_to_find(index, wrapped=wrapped, delta=delta)
        return True

    def _go_to_find(self, index: int, *, wrapped: bool = False, delta: int = 1) -> None:
        self.find_index = index
        self.match_index = self.quote_index = None
        if wrapped:
            self.find_note = "wrapped to the top" if delta > 0 else "wrapped to the bottom"
        else:
            self.find_note = ""
        self._mark(self.find_hits[index])

    # ----- the border -----------------------------------------------------------------------

    def refresh_provenance(self) -> None:
        """Word the current quote's provenance again (the quote clusters changed)."""
        self._update_provenance()

    def _update_subtitle(self) -> None:
        parts: list[Content] = []
        if self.pending_article is not None:
            parts.append(Content("opening…"))
        elif self.find_text is not None:
            k = "-" if self.find_index is None else str(self.find_index + 1)
            parts.append(Content(f"find {k}/{len(self.find_hits)}"))
        elif self.matches:
            k = "-" if self.match_index is None else str(self.match_index + 1)
            parts.append(Content(f"match {k}/{len(self.matches)}"))
        if self.quotes and self.pending_article is None:
            k = "-" if self.quote_index is None else str(self.quote_index + 1)
            parts.append(Content(f"quote {k}/{len(self.quotes)}"))
        if (record := self.current_quote) is not None and self.pending_article is None:
            who = clean(record.speaker_name) or "unattributed"
            parts.append(Content.assemble(Content(who).stylize("bold"), f" ({record.quote.kind})"))
        self.border_subtitle = Content(" · ").join(parts) if parts else None
        self._update_provenance()

    def _update_provenance(self) -> None:
        """Post :class:`Provenance` when the current quote's "also in N articles" changes."""
        record = self.current_quote if self.pending_article is None else None
        line = self.provenance_of(record) if record is not None else None
        if line != self._provenance:
            self._provenance = line
            self.post_message(self.Provenance(line))

    # ----- scrolling --------------------------------------------------------------------------

    def action_scroll_down(self) -> None:
        if not self._later(self.action_scroll_down):
            super().action_scroll_down()

    def action_scroll_up(self) -> None:
        if not self._later(self.action_scroll_up):
            super().action_scroll_up()

    def action_scroll_home(self) -> None:
        """To the top at once (the line count is known: no need to wait for a layout)."""
        if not self._later(self.action_scroll_home):
            self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        """To the bottom at once."""
        if not self._later(self.action_scroll_end):
            self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_page_down(self) -> None:
        if not self._later(self.action_page_down):
            super().action_page_down()

    def action_page_up(self) -> None:
        if not self._later(self.action_page_up):
            super().action_page_up()

    def action_half_page(self, direction: int) -> None:
        """Scroll half a page down (1) or up (-1)."""
        if self._later(lambda: self.action_half_page(direction)):
            return
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


def meta_line(article: Article) -> str:
    """Date · author · outlet, each shown once: a page whose byline names its outlet
    ("SPIEGEL ONLINE · SPIEGEL ONLINE") shows it as the outlet only."""
    author, source = article.author, article.source
    if author and source and author.casefold() == source.casefold():
        author = None
    return " · ".join(clean(x) for x in (article.date, author, source) if x) or "undated"


def _index_at_cell(text: str, column: int) -> int:
    """The index of the character at a cell column of a line."""
    from rich.cells import get_character_cell_size

    cells = 0
    for index, char in enumerate(text):
        cells += get_character_cell_size(char)
        if cells > column:
            return index
    return len(text)
