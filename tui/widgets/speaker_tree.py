"""The tree inside the speaker sidebar: speakers, and under each their quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Tree

from newsbrowse.index.model import QuoteRecord


@dataclass(frozen=True)
class SpeakerEntry:
    """A speaker row: corpus id (``None`` for unattributed quotes), name, quote count."""

    speaker_id: str | None
    name: str
    count: int


@dataclass(frozen=True)
class FilterEntry:
    """The row under a speaker that filters the results to them."""

    speaker: SpeakerEntry


NodeData = SpeakerEntry | FilterEntry | QuoteRecord


class SpeakerTree(Tree[NodeData]):
    """Speakers (expandable) and their quotes; vim keys move the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "down", show=False, id="speakers.down"),
        Binding("k", "cursor_up", "up", show=False, id="speakers.up"),
    ]

    def on_focus(self) -> None:
        """Land on the first speaker rather than on nothing."""
        if self.cursor_line < 0 and self.root.children:
            self.cursor_line = 0
