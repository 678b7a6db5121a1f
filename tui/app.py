"""The newsbrowse Textual app: search a folder of saved articles and see who said what.

The app owns the :class:`~.session.Session` (the engine, the catalog, the user's state), the
key bindings and the theme; the main screen does the rest. Only the command line imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.theme import Theme
from textual.widgets import Input

from .heap import Heap
from .keymap import keymap_path, load_keymap
from .palette import (
    ArticleCommands,
    BookmarkCommands,
    SavedSearchCommands,
    SpeakerCommands,
    TimelineCommands,
)
from .safe_text import clean
from .screens.help import HelpRow, HelpScreen
from .screens.main import MainScreen
from .screens.timeline import TimelineScreen
from .session import LibraryFactory, Session, WatchFactory
from .widgets.find_bar import FindBar
from .widgets.reader import Reader
from .widgets.results import ResultsList
from .widgets.saved_items import SavedItems
from .widgets.search_bar import SearchBar
from .widgets.speaker_sidebar import SpeakerSidebar
from .widgets.speaker_tree import SpeakerTree

HELP_SECTIONS: tuple[tuple[str, type[DOMNode]], ...] = (
    ("Everywhere", App),
    ("Main screen", MainScreen),
    ("Search", SearchBar),
    ("Results", ResultsList),
    ("Reader", Reader),
    ("Find in the article", FindBar),
    ("Speakers", SpeakerSidebar),
    ("Speaker tree", SpeakerTree),
    ("Saved searches and bookmarks", SavedItems),
    ("Timeline", TimelineScreen),
)


class NewsbrowseApp(App[None]):
    """Search as you type, read with matches and quotes lit, step through who said what."""

    CSS_PATH = "app.tcss"
    TITLE = "newsbrowse"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        SpeakerCommands,
        ArticleCommands,
        TimelineCommands,
        SavedSearchCommands,
        BookmarkCommands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "quit", id="app.quit"),
        Binding("ctrl+q", "quit", "quit", show=False, priority=True, id="app.force_quit"),
        Binding("question_mark,f1", "help", "help", id="app.help"),
        Binding(
            "ctrl+p", "command_palette", "palette", show=False, priority=True, id="app.palette"
        ),
    ]

    def __init__(
        self,
        corpus: Path,
        index_dir: Path | None = None,
        *,
        library_factory: LibraryFactory | None = None,
        state_file: Path | None = None,
        watch_factory: WatchFactory | None = None,
    ) -> None:
        """``library_factory`` builds the engine (tests give a fake); ``state_file`` is where
        the user's state is kept (default: the user state directory); ``watch_factory``
        watches the folder (default: ``newsbrowse.index.FolderWatch``)."""
        super().__init__()
        self.heap = Heap()  # frozen after big loads, thawed between keys (tui/heap.py)
        self.session = Session(
            corpus,
            index_dir,
            library_factory=library_factory,
            state_file=state_file,
            watch_factory=watch_factory,
        )
        keymap = load_keymap(known_ids=self.binding_ids())
        self._keymap_problems = keymap.problems
        self.set_keymap(keymap.keys)
        theme = self.session.user.theme
        if theme and theme in self.available_themes:
            self.theme = theme

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.session, self.heap)

    @property
    def main_screen(self) -> MainScreen:
        """The main screen (under any modal)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for problem in self._keymap_problems:
            self.notify(clean(problem), title="Keymap", severity="warning", markup=False)

    def _theme_changed(self, _theme: Theme) -> None:
        self.session.remember_theme(self.theme)

    def on_unmount(self) -> None:
        self.session.close()

    async def on_event(self, event: events.Event) -> None:
        """Escape and then a letter within the terminal's escape delay (Textual's 100 ms), or
        queued while the app was busy, arrive as one alt+letter. When nothing binds it, it is
        the two keys the person typed, run here in order before any widget sees them: escape
        then ``q`` quits, and escape then ``d`` in the search input goes back to the results
        and sorts them (the input took alt+d as a ``d`` to type; escape was lost). Every key
        also tells the heap that someone is typing (no thaw now)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.heap.pressed()
            typed = self._typed_after_escape(event)
            if typed is not None:
                event.stop()
                await self._press_now(events.Key("escape", "\x1b"))
                await self._press_now(typed)
                return
        await super().on_event(event)

    def _typed_after_escape(self, event: events.Key) -> events.Key | None:
        """The key typed after escape if ``event`` is the two read as one alt+key, else None."""
        if not event.key.startswith("alt+") or event.key in self.screen.active_bindings:
            return None
        plain = event.key.removeprefix("alt+")
        character = event.character or key_to_character(plain)
        if character is None or len(character) != 1 or not character.isprintable():
            return None
        if plain.startswith("shift+"):  # alt+shift+n: the plain key is N
            plain = character
        return events.Key(plain, character)

    async def _press_now(self, key: events.Key) -> None:
        """Run the key's binding now, if it has one and no input would type it: its action
        moves the focus at once, so the keys after it go where they would have had each
        arrived apart (a key handed to a widget is handled later, from that widget's queue,
        while the keys behind it are already being handed on)."""
        active = self.screen.active_bindings.get(key.key)
        typing = isinstance(self.focused, Input) and key.is_printable
        if active is not None and active.enabled and not typing:
            await self.run_action(active.binding.action, active.node)
        else:
            await super().on_event(key)

    # ----- help -----------------------------------------------------------------------------

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """No stacked help screens."""
        return not (action == "help" and isinstance(self.screen, HelpScreen))

    def action_help(self) -> None:
        """Show every key and the query syntax."""
        path = keymap_path()
        try:
            shown = "~/" + str(path.relative_to(Path.home()))
        except ValueError:
            shown = str(path)
        self.push_screen(HelpScreen(list(self.help_rows()), shown))

    @classmethod
    def _help_bindings(cls) -> Iterable[tuple[str, Binding]]:
        sections = ((name, cls if owner is App else owner) for name, owner in HELP_SECTIONS)
        for section, owner in sections:
            for binding in owner.BINDINGS:
                if isinstance(binding, Binding) and binding.id:
                    yield section, binding

    @classmethod
    def binding_ids(cls) -> list[str]:
        """Every binding id a keymap may rebind."""
        return [binding.id for _, binding in cls._help_bindings() if binding.id]

    def help_rows(self) -> Iterable[HelpRow]:
        """The help screen's key table, with the user's keymap applied."""
        for section, binding in self._help_bindings():
            keys = self._keymap.get(binding.id or "", binding.key)
            shown = ", ".join(self._key_display(key) for key in keys.split(","))
            yield HelpRow(section, shown, binding.description, binding.id or "")

    def _key_display(self, key: str) -> str:
        display = self.get_key_display(Binding(key.strip(), ""))
        return display if display.strip() else key
