"""The sidebar's small section of saved searches (with live counts) and bookmarks.

``enter`` runs a saved search or opens a bookmark; ``x`` forgets the one under the cursor.
The screen fills it (:meth:`SavedItems.show`) and acts on its messages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..safe_text import clean
from ..saved import Bookmark, SavedSearch

Item = SavedSearch | Bookmark


class SavedItems(OptionList):
    """Saved searches (name and live count) and bookmarks, under two small headings."""

    DEFAULT_CSS = """
    SavedItems {
        height: auto; max-height: 40%; border: none; padding: 0;
        border-top: hkey $panel-lighten-2; background: transparent;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    SavedItems:focus { border: none; border-top: hkey $accent; }
    SavedItems > .option-list--option-disabled { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "down", show=False, id="saved.down"),
        Binding("k", "cursor_up", "up", show=False, id="saved.up"),
        Binding("enter", "select", "open", id="saved.open"),
        Binding("x,delete", "remove", "forget", id="saved.remove"),
    ]

    @dataclass
    class SearchChosen(Message):
        """Run this saved search."""

        search: SavedSearch

    @dataclass
    class BookmarkChosen(Message):
        """Open this bookmark."""

        bookmark: Bookmark

    @dataclass
    class RemoveWanted(Message):
        """Forget this saved search or bookmark."""

        item: Item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._items: list[Item | None] = []  # parallel to the options (None: a heading)

    @property
    def items(self) -> list[Item]:
        """The saved searches and bookmarks listed, in order."""
        return [item for item in self._items if item is not None]

    @property
    def current(self) -> Item | None:
        index = self.highlighted
        return self._items[index] if index is not None and index < len(self._items) else None

    def show(
        self,
        searches: Sequence[SavedSearch],
        counts: Mapping[str, int | None],
        bookmarks: Sequence[Bookmark],
    ) -> None:
        """List the saved searches (``counts`` by name; None while counting) and bookmarks."""
        keep = self.current
        options: list[Option] = []
        self._items = []
        if searches:
            options.append(Option(Content("Saved searches").stylize("bold"), disabled=True))
            self._items.append(None)
            for search in searches:
                count = counts.get(search.name)
                shown = "…" if count is None else f"{count:,}"
                options.append(
                    Option(
                        Content.assemble(
                            ("⌕ ", "$text-accent"), clean(search.name), (f"  {shown}", "dim")
                        )
                    )
                )
                self._items.append(search)
        if bookmarks:
            options.append(Option(Content("Bookmarks").stylize("bold"), disabled=True))
            self._items.append(None)
            for mark in bookmarks:
                options.append(Option(Content.assemble(("★ ", "$text-warning"), clean(mark.label))))
                self._items.append(mark)
        if not options:  # how to fill it, in place of an empty section
            for hint in ("ctrl+s saves a search", "m bookmarks an article"):
                options.append(Option(Content(hint).stylize("dim"), disabled=True))
                self._items.append(None)
        self.set_options(options)
        index = self._items.index(keep) if keep is not None and keep in self._items else None
        if index is None:
            index = next((i for i, item in enumerate(self._items) if item is not None), None)
        self.highlighted = index

    def on_focus(self) -> None:
        """Land on the first item rather than on a heading."""
        if self.highlighted is None:
            self.highlighted = next((i for i, x in enumerate(self._items) if x is not None), None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._items[event.option_index]
        if isinstance(item, SavedSearch):
            self.post_message(self.SearchChosen(item))
        elif isinstance(item, Bookmark):
            self.post_message(self.BookmarkChosen(item))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """``x`` needs an item under the cursor."""
        if action == "remove":
            return True if self.current is not None else None
        return True

    def action_remove(self) -> None:
        """Forget the saved search or bookmark under the cursor."""
        if (item := self.current) is not None:
            self.post_message(self.RemoveWanted(item))
