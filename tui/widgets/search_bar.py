"""The search line: the query input, hit count and timing, and the inline query error.

Up and Down in the input walk the search history (:mod:`..search_history`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from ..plural import counted
from ..safe_text import clean, content
from ..search_history import HistoryWalk

DEBOUNCE = 0.12


class SearchBar(Vertical):
    """An input that posts :class:`SearchBar.Search` while typing (debounced), and
    :class:`SearchBar.Settled` for a query worth keeping in the history."""

    DEFAULT_CSS = """
    SearchBar { height: auto; }
    SearchBar #search-row { height: 1; }
    SearchBar #prompt { width: 2; color: $accent; text-style: bold; padding: 0 0 0 1; }
    SearchBar Input, SearchBar Input:focus {
        border: none; height: 1; padding: 0 1; width: 1fr; background: $surface;
    }
    SearchBar Input:focus { background: $boost; }
    SearchBar #stats { width: auto; color: $text-muted; padding: 0 1; }
    SearchBar #query-note { height: auto; color: $text-warning; padding: 0 1 0 3; display: none; }
    SearchBar #query-note.-shown { display: block; }
    SearchBar #query-note.-error { color: $text-error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(1)", "earlier search (history)", show=False, id="search.older"),
        Binding("down", "history(-1)", "later search (history)", show=False, id="search.newer"),
    ]

    @dataclass
    class Search(Message):
        """Run this query (the user paused typing or pressed enter)."""

        query: str
        submitted: bool = False

    @dataclass
    class Settled(Message):
        """The user is done with this query (pressed enter or left the input): keep it."""

        query: str

    def __init__(self, *, id: str | None = None, history: HistoryWalk | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self.history = history
        self._walked: str | None = None  # the value the history walk put in the input

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-row"):
            yield Label("/", id="prompt")
            yield Input(placeholder="search (empty: all articles, newest first)", id="query")
            yield Static("", id="stats")
        yield Static("", id="query-note")

    @property
    def input(self) -> Input:
        """The query input."""
        return self.query_one("#query", Input)

    @property
    def value(self) -> str:
        """The query as typed."""
        return self.input.value

    def set_query(self, query: str) -> None:
        """Replace the query (this searches, like typing would)."""
        self.input.value = clean(query)
        self.input.cursor_position = len(self.input.value)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.history is not None and event.value != self._walked:
            self.history.reset()  # typed: the walk is over
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._fire)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._fire(submitted=True)
        self._settle()

    @on(Input.Blurred, "#query")
    def _blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self._settle()

    def _settle(self) -> None:
        if self.value.strip():
            self.post_message(self.Settled(self.value))
        if self.history is not None:
            self.history.reset()

    def action_history(self, delta: int) -> None:
        """Up (``1``): the search before; Down (``-1``): the one after, then what was typed."""
        if self.history is None:
            return
        value = self.history.older(self.value) if delta > 0 else self.history.newer()
        if value is None:
            note = "No earlier searches." if delta > 0 else "No later searches."
            self.notify(note, timeout=2, markup=False)
            return
        self._walked = value
        self.set_query(value)

    def _fire(self, submitted: bool = False) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.post_message(self.Search(self.value, submitted))

    def show_stats(
        self,
        total: int,
        seconds: float | None,
        *,
        noun: str = "article",
        approximate: bool = False,
    ) -> None:
        """Show ``20,452 articles · 9 ms`` (``seconds=None`` hides the timing;
        ``approximate`` shows an estimated total as ``about 5,500 articles``)."""
        label = counted(total, noun, grouped=True)
        if approximate:
            label = f"about {label}"
        if seconds is not None:
            label += f" · {seconds * 1000:.0f} ms"
        self.query_one("#stats", Static).update(Content(label))

    def show_busy(self, text: str) -> None:
        """Show a short status (``searching…``, ``indexing…``) in place of the stats."""
        self.query_one("#stats", Static).update(Content(text))

    def show_note(self, note: str | None, *, error: bool = False) -> None:
        """Show (or hide, with ``None``) a line under the input: a query error or a repair."""
        widget = self.query_one("#query-note", Static)
        widget.set_class(bool(note), "-shown")
        widget.set_class(error, "-error")
        widget.update(content(note or ""))
