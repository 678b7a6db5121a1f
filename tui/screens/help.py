"""The help screen: every key (with its binding id, for keymap.toml) and the query syntax."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsbrowse.index.search import SYNTAX

# The language's own table, and what the search bar does with no query at all.
QUERY_SYNTAX: tuple[tuple[str, str], ...] = (*SYNTAX, ("(empty)", "every article, newest first"))


@dataclass(frozen=True)
class HelpRow:
    """One key line: section, keys as shown, what it does, the binding id."""

    section: str
    keys: str
    description: str
    binding_id: str


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; any of escape, q, ? or f1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen Static { width: 100%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss_help", "close", id="help.close"),
    ]

    def __init__(self, rows: Sequence[HelpRow], keymap_path: str) -> None:
        super().__init__()
        self._rows = list(rows)
        self._keymap_path = keymap_path

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = Content("Help · escape closes")
            yield Static(self._keys(), id="help-keys")
            yield Static(self._syntax(), id="help-syntax")

    def _keys(self) -> Content:
        lines: list[Content] = []
        section = None
        width = max((len(row.keys) for row in self._rows), default=8) + 2
        for row in self._rows:
            if row.section != section:
                section = row.section
                if lines:
                    lines.append(Content(""))
                lines.append(Content(section).stylize("bold $text-accent"))
            lines.append(
                Content.assemble(
                    (row.keys.ljust(width), "bold"),
                    row.description.ljust(28),
                    (f" {row.binding_id}", "$text-muted"),
                )
            )
        lines += [
            Content(""),
            Content.assemble(
                ("Rebind keys", "bold"),
                " in ",
                (self._keymap_path, "italic"),
                ', e.g. [keys] "reader.next_match" = "ctrl+n"',
            ),
            Content(""),
        ]
        return Content("\n").join(lines)

    def _syntax(self) -> Content:
        lines = [Content("Query syntax").stylize("bold $text-accent")]
        width = max(len(example) for example, _ in QUERY_SYNTAX) + 2
        for example, meaning in QUERY_SYNTAX:
            lines.append(Content.assemble((example.ljust(width), "bold"), meaning))
        return Content("\n").join(lines)

    def action_dismiss_help(self) -> None:
        """Close the help."""
        self.dismiss(None)
