"""A small modal list of choices (the timeline's export format): enter or its letter picks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ChoiceScreen(ModalScreen[str | None]):
    """Choices as ``(value, label)``; the first letter of a label also picks it."""

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical {
        width: 40; max-width: 100%; height: auto;
        border: round $accent; background: $surface;
    }
    ChoiceScreen OptionList, ChoiceScreen OptionList:focus { border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="choice.cancel"),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        options = [
            Option(Content.assemble((label[:1], "bold underline"), label[1:]))
            for _value, label in self._choices
        ]
        with Vertical() as box:
            box.border_title = Content(self._title)
            box.border_subtitle = Content("escape cancels")
            yield OptionList(*options, markup=False)

    def on_mount(self) -> None:
        menu = self.query_one(OptionList)
        menu.highlighted = 0
        menu.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._choices[event.option_index][0])

    def on_key(self, event: events.Key) -> None:
        for value, label in self._choices:
            if event.character and event.character.lower() == label[:1].lower():
                event.stop()
                self.dismiss(value)
                return

    def action_cancel(self) -> None:
        self.dismiss(None)
