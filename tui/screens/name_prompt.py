"""A small modal asking for a name (``ctrl+s``: the name to save the current search under)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..safe_text import clean, shorten


class NamePrompt(ModalScreen[str | None]):
    """``enter`` gives the name typed (None if empty); ``escape`` gives None."""

    DEFAULT_CSS = """
    NamePrompt { align: center middle; }
    NamePrompt > Vertical {
        width: 64; max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NamePrompt #prompt-text { color: $text-muted; }
    NamePrompt Input, NamePrompt Input:focus {
        border: none; height: 1; padding: 0 1; background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="prompt.cancel"),
    ]

    def __init__(self, title: str, text: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._text = text
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(self._title)
            box.border_subtitle = Content("enter saves · escape cancels")
            yield Static(Content(shorten(self._text, 200)), id="prompt-text")
            yield Input(value=clean(self._value), id="name")

    def on_mount(self) -> None:
        name = self.query_one(Input)
        name.focus()
        name.select_all()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(clean(event.value) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
