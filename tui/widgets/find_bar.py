"""The find line under the reader: what to find in the open article, and how far along."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static

DEBOUNCE = 0.08  # seconds of quiet typing before finding (one letter can hit 100,000 times)
MAX_HOPS = 200  # a key handed on this many times without focus moving is dropped


class FindInput(Input):
    """The find line's input. After enter or escape, the keys already typed behind them
    (``enter n n`` in one burst) are the reader's: they are handed back to the app, to
    go where the focus is once the bar has given it to the reader, instead of being
    typed into the find."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._leaving = False
        self._hops = 0

    def _on_focus(self, event: events.Focus) -> None:
        self._leaving = False
        self._hops = 0
        super()._on_focus(event)

    async def _on_key(self, event: events.Key) -> None:
        if self._leaving and self._hops < MAX_HOPS:
            event.stop()
            event.prevent_default()
            self._hops += 1
            self.app.post_message(events.Key(event.key, event.character))
            return
        if event.key in ("enter", "escape"):
            self._leaving = True  # the key itself goes on to its binding
        await super()._on_key(event)


class FindBar(Horizontal):
    """An input that posts :class:`FindBar.Changed` while typing; enter and escape leave it.

    Hidden until :meth:`open`; the status (``3 of 17 · wrapped to the top``) is the
    reader's to set, through :meth:`show_status`.
    """

    DEFAULT_CSS = """
    FindBar { height: 1; display: none; }
    FindBar.-open { display: block; }
    FindBar #find-prompt { width: auto; color: $accent; text-style: bold; padding: 0 0 0 1; }
    FindBar Input, FindBar Input:focus {
        border: none; height: 1; padding: 0 1; width: 1fr; background: $surface;
    }
    FindBar Input:focus { background: $boost; }
    FindBar #find-status { width: auto; color: $text-muted; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close find", show=False, id="find.close"),
    ]

    @dataclass
    class Changed(Message):
        """Find this text (the user paused typing)."""

        text: str

    class Submitted(Message):
        """Enter: done typing, back to the article."""

    class Closed(Message):
        """Escape: close the find."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Label("find", id="find-prompt")
        yield FindInput(placeholder="in this article (esc closes)", id="find-input")
        yield Static("", id="find-status")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        """Show the bar and focus its input, the last text (if any) selected.

        The focus moves at once (not after a refresh, as ``focus()`` does), so the keys
        typed right after ``ctrl+f`` already go to the input."""
        self.add_class("-open")
        self.screen.set_focus(self.input)
        self.input.select_all()

    def close(self) -> None:
        """Hide the bar (the reader closes the find itself)."""
        if self._timer is not None:
            self._timer.stop()
        self.remove_class("-open")

    def show_status(self, status: str) -> None:
        self.query_one("#find-status", Static).update(Content(status))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self.post_message(self.Changed(self.input.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._fire()
        self.post_message(self.Submitted())

    def action_close(self) -> None:
        self.post_message(self.Closed())
