"""The result list: one line per article (date, outlet, headline), scanned like newsboat.

The highlighted article also shows its snippet, matches lit, in up to two lines under its
row. Articles already read are dimmed; ``u`` shows the unread ones only, ``r`` marks the
highlighted one read or unread, ``d`` asks for the other sort (date or relevance). When the
highlight nears the end of a partial list, :class:`ResultsList.MoreWanted` asks for more.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsbrowse.index.model import Hit

from ..safe_text import clean, keep_length

MATCH_STYLE = "bold $text-accent underline"
READ_STYLE = "dim"
DATE_WIDTH = 10  # 2025-08-23
SNIPPET_LINES = 2
MORE_MARGIN = 10  # ask for more results when the highlight is this close to the end


def outlet_width(hits: Sequence[Hit], width: int) -> int:
    """The outlet column's width: the longest outlet shown, capped by the list's width
    (0 when no hit names an outlet, or when the list is too narrow for both: at 80 columns a
    six-cell outlet left the headline 16; the reader's header names the outlet)."""
    longest = max((len(clean(hit.source)) for hit in hits), default=0)
    cap = 14 if width >= 56 else 9 if width >= 44 else 0
    return min(longest, cap)


def hit_row(hit: Hit, width: int, outlet: int, *, read: bool = False) -> Content:
    """One line: ``date  outlet  headline…`` exactly ``width`` cells wide (untrusted text
    styled by span, never parsed)."""
    date = Content(clean(hit.date)).truncate(DATE_WIDTH, pad=True).stylize("dim")
    parts = [date, Content(" ")]
    if outlet:
        source = Content(clean(hit.source)).truncate(outlet, ellipsis=True, pad=True)
        parts += [source.stylize("$text-secondary"), Content(" ")]
    used = DATE_WIDTH + 1 + (outlet + 1 if outlet else 0)
    label = clean(hit.label) or hit.article
    headline = Content(label).truncate(max(width - used, 1), ellipsis=True, pad=True)
    row = Content.assemble(*parts, headline.stylize("" if hit.title else "italic"))
    row = row.truncate(width, pad=True)
    return row.stylize(READ_STYLE) if read else row


def snippet_lines(hit: Hit, width: int, lines: int = SNIPPET_LINES) -> list[Content]:
    """The snippet, matches lit, wrapped to at most ``lines`` lines indented by two.

    A snippet that begins with the row's headline (an article without a headline is
    labelled by its first sentence, and some titles are that sentence) starts with the next
    sentence, so the same words are not shown twice.
    """
    text = keep_length(hit.snippet)
    cut = _after_label(text, clean(hit.label).rstrip("…").strip())
    rest = text[cut:]
    shift = cut + len(rest) - len(rest.lstrip(" ,.;:—–-"))
    rest = text[shift:]
    if not rest.strip():
        return []
    snippet = Content(rest)
    for start, end in hit.snippet_spans:
        start, end = max(start - shift, 0), end - shift
        if end > start:
            snippet = snippet.stylize(MATCH_STYLE, start, end)
    wrapped = snippet.wrap(max(width - 2, 1))
    shown = wrapped[:lines]
    if len(wrapped) > lines and shown:
        shown[-1] = shown[-1].truncate(max(width - 3, 1)) + Content("…")
    return [Content("  ") + line.stylize("dim") for line in shown]


_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s")


def _after_label(text: str, label: str) -> int:
    """Where ``text`` goes on after its first sentence, if it begins with ``label`` (the
    headline, perhaps cut short); else 0."""
    if not label or not clean(text).startswith(label):
        return 0
    start = len(text) - len(text.lstrip())
    words = len(label.split())
    # The label's words, then on to the end of that sentence.
    found = re.match(r"\s*" + r"\s+".join(r"\S+" for _ in range(words)), text[start:])
    after = start + (found.end() if found else 0)
    end = _SENTENCE_END.search(text, max(after - 1, 0))
    return end.end() if end else len(text)


class ResultsList(OptionList):
    """The hits of the current query. Highlighting previews; enter (or a click) opens."""

    DEFAULT_CSS = """
    ResultsList {
        text-wrap: nowrap; text-overflow: clip;
        scrollbar-size-vertical: 1; scrollbar-gutter: stable;  /* rows know their width */
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "down", show=False, id="results.down"),
        Binding("k", "cursor_up", "up", show=False, id="results.up"),
        Binding("g", "first", "first", show=False, id="results.first"),
        Binding("G", "last", "last", show=False, id="results.last"),
        Binding("enter", "select", "open", id="results.open"),
        Binding("d", "toggle_sort", "sort", id="results.sort"),
        Binding("u", "toggle_unread", "unread", id="results.unread"),
        Binding("r", "toggle_read", "read/unread", show=False, id="results.read"),
    ]

    @dataclass
    class Chosen(Message):
        """An article was highlighted (``open=False``) or chosen (``open=True``)."""

        article: str
        open: bool

    @dataclass
    class SortToggled(Message):
        """``d``: the user wants the other sort."""

    @dataclass
    class ReadToggled(Message):
        """``r``: mark this article read (``read=True``) or unread."""

        article: str
        read: bool

    @dataclass
    class MoreWanted(Message):
        """The highlight nears the end of a list that holds only part of the matches."""

        have: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._hits: list[Hit] = []  # as answered
        self._shown: list[Hit] = []  # as listed (unread only: the unread ones)
        self._read: set[str] = set()
        self._total = 0
        self._expanded: int | None = None  # the option showing its snippet
        self._outlet = 0
        self._width = 0
        self._asked_more = False
        self.unread_only = False
        self.sort_label = ""  # "by relevance", "by date", "newest first": set by the screen

    # ----- what is shown -------------------------------------------------------------------

    @property
    def articles(self) -> Sequence[str]:
        """The article ids listed, in order."""
        return tuple(hit.article for hit in self._shown)

    @property
    def current(self) -> str | None:
        """The highlighted article id."""
        index = self.highlighted
        if index is None or index >= len(self._shown):
            return None
        return self._shown[index].article

    @property
    def hits(self) -> Sequence[Hit]:
        """The hits as answered (read ones included)."""
        return tuple(self._hits)

    def show(self, hits: Sequence[Hit], keep: str | None = None, total: int | None = None) -> None:
        """Replace the hits; highlight ``keep`` (an article id) if listed, else the first.

        When ``hits`` only adds to the end of the list shown (more of the same answer), the
        new rows are appended and the view stays where it is.
        """
        previous = [hit.article for hit in self._hits]
        self._total = total if total is not None else len(hits)
        asked, self._asked_more = self._asked_more, False
        if previous and [hit.article for hit in hits[: len(previous)]] == previous:
            if asked and len(hits) == len(previous):  # more asked for, none came: the total
                self._total = len(hits)  # was high (an estimate, say): ask no more
            self._append(list(hits[len(previous) :]))
            return
        self._hits = list(hits)
        self._rebuild(keep)

    def _visible(self, hits: Sequence[Hit]) -> list[Hit]:
        if not self.unread_only:
            return list(hits)
        return [hit for hit in hits if hit.article not in self._read]

    def _rebuild(self, keep: str | None) -> None:
        self._shown = self._visible(self._hits)
        self._measure()
        articles = self.articles
        index = (articles.index(keep) if keep in articles else 0) if articles else None
        self._expanded = index
        self.set_options([Option(self._prompt(i)) for i in range(len(self._shown))])
        self.highlighted = index
        self._update_subtitle()

    def _append(self, hits: list[Hit]) -> None:
        self._hits += hits
        new = self._visible(hits)
        if not new:
            self._update_subtitle()
            return
        first = len(self._shown)
        self._shown += new
        if outlet_width(self._shown, self._width) != self._outlet:
            self._measure()
            for index in range(first):
                self.replace_option_prompt_at_index(index, self._prompt(index))
        self.add_options([Option(self._prompt(i)) for i in range(first, len(self._shown))])
        self._update_subtitle()

    def _measure(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width if width > 0 else 38
        self._outlet = outlet_width(self._shown, self._width)

    def _prompt(self, index: int) -> Content:
        hit = self._shown[index]
        read = hit.article in self._read
        row = hit_row(hit, self._width, self._outlet, read=read)
        if index != self._expanded:
            return row
        return Content("\n").join([row, *snippet_lines(hit, self._width)])

    def _refresh_prompt(self, index: int | None) -> None:
        if index is not None and index < len(self._shown):
            self.replace_option_prompt_at_index(index, self._prompt(index))

    def _update_subtitle(self) -> None:
        parts = []
        if self._shown and self.highlighted is not None:
            parts.append(f"{self.highlighted + 1}/{len(self._shown)}")
        if self.sort_label:
            parts.append(self.sort_label)
        if self.unread_only:
            parts.append("unread")
        self.border_subtitle = Content(" · ".join(parts)) if parts else None

    def set_sort_label(self, label: str) -> None:
        """Show how the list is sorted (``by date``) under it."""
        self.sort_label = label
        self._update_subtitle()

    def select_article(self, article: str) -> None:
        """Move the highlight to ``article`` if it is listed."""
        articles = self.articles
        if article in articles:
            self.highlighted = articles.index(article)

    # ----- read marks -----------------------------------------------------------------------

    def set_read(self, articles: Collection[str]) -> None:
        """Which articles are read (shown dimmed)."""
        self._read = set(articles)
        for index in range(len(self._shown)):
            self.replace_option_prompt_at_index(index, self._prompt(index))

    def mark(self, article: str, read: bool) -> None:
        """Mark one article read or unread (it stays listed until the list changes)."""
        if read:
            self._read.add(article)
        else:
            self._read.discard(article)
        articles = self.articles
        if article in articles:
            self._refresh_prompt(articles.index(article))

    def action_toggle_unread(self) -> None:
        """Show only the unread articles, or all of them again."""
        self.unread_only = not self.unread_only
        self._rebuild(self.current)

    def action_toggle_read(self) -> None:
        """Mark the highlighted article read or unread."""
        if (article := self.current) is not None:
            self.post_message(self.ReadToggled(article, article not in self._read))

    def action_toggle_sort(self) -> None:
        """Ask for the other sort (the screen runs the query again)."""
        self.post_message(self.SortToggled())

    # ----- events -----------------------------------------------------------------------------

    def on_resize(self, _event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width and self._shown:
            self._measure()
            for index in range(len(self._shown)):
                self.replace_option_prompt_at_index(index, self._prompt(index))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index
        if index != self._expanded:
            old, self._expanded = self._expanded, index
            self._refresh_prompt(old)
            self._refresh_prompt(index)
            self.scroll_to_highlight()
        self._update_subtitle()
        if index < len(self._shown):
            self.post_message(self.Chosen(self._shown[index].article, open=False))
        near_end = index >= len(self._shown) - MORE_MARGIN
        if near_end and len(self._hits) < self._total and not self._asked_more:
            self._asked_more = True
            self.post_message(self.MoreWanted(len(self._hits)))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._shown):
            self.post_message(self.Chosen(self._shown[event.option_index].article, open=True))
