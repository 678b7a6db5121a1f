"""The result list: one entry per hit (title, date · source, snippet with matches lit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsbrowse.index.model import Hit

from ..safe_text import clean, keep_length

MATCH_STYLE = "bold $text-accent underline"


def hit_prompt(hit: Hit) -> Content:
    """The three lines shown for one hit; every string is untrusted and styled by span."""
    title = Content(clean(hit.label) or hit.article).stylize("bold")
    meta = " · ".join(clean(part) for part in (hit.date, hit.source) if part) or "undated"
    snippet = Content(keep_length(hit.snippet))
    for start, end in hit.snippet_spans:
        snippet = snippet.stylize(MATCH_STYLE, start, end)
    lines = [title, Content(meta).stylize("$text-muted")]
    if snippet.plain.strip():
        lines.append(snippet)
    return Content("\n").join(lines)


class ResultsList(OptionList):
    """The hits of the current query. Highlighting previews; enter (or a click) opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "down", show=False, id="results.down"),
        Binding("k", "cursor_up", "up", show=False, id="results.up"),
        Binding("g", "first", "first", show=False, id="results.first"),
        Binding("G", "last", "last", show=False, id="results.last"),
        Binding("enter", "select", "open", id="results.open"),
    ]

    @dataclass
    class Chosen(Message):
        """An article was highlighted (``open=False``) or chosen (``open=True``)."""

        article: str
        open: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._articles: list[str] = []

    @property
    def articles(self) -> Sequence[str]:
        """The article ids shown, in order."""
        return tuple(self._articles)

    @property
    def current(self) -> str | None:
        """The highlighted article id."""
        index = self.highlighted
        return self._articles[index] if index is not None and index < len(self._articles) else None

    def show(self, hits: Sequence[Hit], keep: str | None = None) -> None:
        """Replace the hits; highlight ``keep`` (an article id) if listed, else the first."""
        previous = keep
        self._articles = [hit.article for hit in hits]
        options: list[Option | None] = []
        for hit in hits:
            options += [Option(hit_prompt(hit)), None]
        self.set_options(options[:-1])
        if self._articles:
            index = self._articles.index(previous) if previous in self._articles else 0
            self.highlighted = index

    def select_article(self, article: str) -> None:
        """Move the highlight to ``article`` if it is listed."""
        if article in self._articles:
            self.highlighted = self._articles.index(article)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self._articles):
            self.post_message(self.Chosen(self._articles[event.option_index], open=False))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._articles):
            self.post_message(self.Chosen(self._articles[event.option_index], open=True))
