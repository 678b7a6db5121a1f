"""The main screen: search line, results | reader | speakers, footer.

It lays out the widgets, runs the workers that ask the engine, and handles their answers and
the widgets' messages. What it knows beyond the screen is the :class:`~..session.Session`'s;
where the stepping keys go is :mod:`..navigation`'s, when a key can't act :mod:`..unavailable`'s,
and how the index follows the folder :mod:`..live`'s.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from newsbrowse.index.model import (
    Article,
    ArticleInfo,
    QuoteCluster,
    QuoteRecord,
    Speaker,
    UpdateReport,
)

from ..browser import open_in_browser, openable
from ..citation import citation
from ..heap import Heap
from ..history import Place
from ..live import OpenArticle as OpenState
from ..live import change_summary, changed, compare_open
from ..messages import (
    ArticleLoaded,
    CorpusQuotesLoaded,
    FolderChanged,
    GoToSpeaker,
    IndexFailed,
    IndexProgress,
    IndexReady,
    IndexUpdated,
    LibraryError,
    OpenArticle,
    OpenBookmark,
    RunSavedSearch,
    SavedCounts,
    SearchDone,
    ShowTimeline,
    Target,
)
from ..navigation import first_speaker_quote, next_speaker_quote, speaker_records
from ..plural import counted
from ..safe_text import clean, shorten
from ..saved import Bookmark, SavedSearch
from ..session import LibraryAPI, Progress, Session
from ..timeline import build_timeline
from ..unavailable import KeyState, why_not
from ..widgets.header_line import HeaderLine
from ..widgets.key_footer import KeyFooter
from ..widgets.reader import Reader
from ..widgets.reader_pane import ReaderPane
from ..widgets.results import ResultsList
from ..widgets.saved_items import SavedItems
from ..widgets.search_bar import SearchBar
from ..widgets.speaker_sidebar import SpeakerSidebar
from ..widgets.speaker_tree import SpeakerEntry
from .name_prompt import NamePrompt
from .timeline import TimelineScreen, statement_key

MATCHES = Binding.Group("match", compact=True)
QUOTES = Binding.Group("quote", compact=True)
SPEAKER_QUOTES = Binding.Group("speaker", compact=True)
PROGRESS_INTERVAL = 0.05
FIRST_ANSWER_WAIT = 2.0  # seconds the update waits for the first results on a warm start
# The folder watch is set up once no key has come for WATCH_QUIET seconds after the first
# results, and at the latest WATCH_LATEST seconds after them: setting it up holds the
# interpreter (the GIL) for a quarter of a second at 100,000 files, which would hold back
# the first rows, or a word typed at once, by as much. The launch's update waits for it.
WATCH_QUIET = 0.5
WATCH_LATEST = 3.0
PAGE = 50  # results asked for at least (two screens' worth when taller; more on demand)


PANES = ("#query", "#results", "#reader", "#speaker-tree", "#saved")
# Actions that say why when they can't act (and are dimmed in the footer meanwhile).
EXPLAINED = frozenset(
    {
        "match",
        "quote",
        "find",
        "speaker_quote",
        "copy_quote",
        "toggle_sidebar",
        "reload",
        "history_back",
        "history_forward",
        "bookmark",
        "save_search",
    }
)


class MainScreen(Screen[None]):
    """Search, results, reader and speakers; attributes go down, messages come up."""

    # Textual declares this an instance variable (ClassVar[...] | None), so no ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding: it acts before the key goes to the focused widget, so keys typed
        # right after it reach the search. In the search itself check_action lets it through.
        Binding("slash", "focus_search", "search", id="main.search", priority=True),
        Binding("n", "match(1)", "next match", id="reader.next_match", group=MATCHES),
        Binding("N", "match(-1)", "previous match", id="reader.prev_match", group=MATCHES),
        Binding(
            "right_square_bracket", "quote(1)", "next quote", id="reader.next_quote", group=QUOTES
        ),
        Binding(
            "left_square_bracket",
            "quote(-1)",
            "previous quote",
            id="reader.prev_quote",
            group=QUOTES,
        ),
        Binding(
            "s",
            "speaker_quote(1)",
            "speaker's next quote",
            id="speakers.next_quote",
            group=SPEAKER_QUOTES,
        ),
        Binding(
            "S",
            "speaker_quote(-1)",
            "speaker's previous quote",
            id="speakers.prev_quote",
            group=SPEAKER_QUOTES,
        ),
        Binding("y", "copy_quote", "copy", id="reader.copy"),
        Binding("o", "open_url", "open in browser", show=False, id="reader.open_url"),
        # priority: acts when the key arrives, so a word typed right after it goes to the find
        Binding("ctrl+f", "find", "find", id="reader.find", priority=True),
        Binding("w", "toggle_sidebar", "speakers", id="main.sidebar"),
        Binding("R", "reload", "look for changed files now", show=False, id="main.reload"),
        Binding("space", "page(1)", "page the reader down", show=False, id="main.page_down"),
        Binding("b", "page(-1)", "page the reader up", show=False, id="main.page_up"),
        Binding("ctrl+d", "half_page(1)", "half page down", show=False, id="main.half_down"),
        Binding("ctrl+u", "half_page(-1)", "half page up", show=False, id="main.half_up"),
        Binding("escape", "back", "back out (keeps the query)", show=False, id="main.back"),
        Binding("tab", "cycle(1)", "next pane", show=False, id="main.next_pane"),
        Binding("shift+tab", "cycle(-1)", "previous pane", show=False, id="main.prev_pane"),
        Binding(
            "backspace,alt+left", "history_back", "previous place", show=False, id="main.back_place"
        ),
        Binding("alt+right", "history_forward", "next place", show=False, id="main.forward_place"),
        Binding("m", "bookmark", "bookmark", show=False, id="main.bookmark"),
        Binding("ctrl+s", "save_search", "save search", show=False, priority=True, id="main.save"),
    ]

    def __init__(self, session: Session, heap: Heap) -> None:
        """``heap``: the app's, which hears every key (tui/heap.py)."""
        super().__init__()
        self.session = session
        self.ready = False
        self.index_report: UpdateReport | None = None
        self.catalog_loaded = False
        self._heap = heap  # frozen after each big load: short collections on key presses
        self._query = ""
        self.shown_query: str | None = None  # the query last answered (results or error)
        self._search_seq = 0
        self._first_answer = threading.Event()  # set once results (or an error) are on screen
        self._watching = threading.Event()  # set once the folder watch is set up
        self._article_seq = 0
        self._focus_results = False
        self._speaker: SpeakerEntry | None = None
        self._article_speakers: list[SpeakerEntry] = []
        self._article_quotes: list[QuoteRecord] = []
        self._pending_speaker: str | None = None
        self._removed: str | None = None  # the open article, removed from the folder
        self._reader_keys: tuple[bool, ...] = ()
        self._limit = PAGE  # how many results to ask for (see _page)
        self._when_quotes: list[Callable[[], None]] = []  # waiting for the corpus's quotes

    def on_unmount(self) -> None:
        self._first_answer.set()  # an index worker still waiting goes on (and ends) at once
        self._watching.set()  # and no watch is set up any more
        self.session.stop_watch()
        self.session.cancel_update()  # an update in a child process stops with the app

    def _library(self) -> LibraryAPI:
        """The open library (the workers that need it start only once it is open)."""
        library = self.session.library
        if library is None:
            raise RuntimeError("the index is not open yet")
        return library

    # ----- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield HeaderLine(self.session.name, id="header")
        yield SearchBar(id="search", history=self.session.history)
        with Horizontal(id="panes"):
            results = ResultsList(id="results")
            results.border_title = Content("Results")
            yield results
            yield ReaderPane(id="reader-pane")
            sidebar = SpeakerSidebar(id="speakers")
            sidebar.border_title = Content("Speakers")
            yield sidebar
        yield KeyFooter()

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def results(self) -> ResultsList:
        return self.query_one(ResultsList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def sidebar(self) -> SpeakerSidebar:
        return self.query_one(SpeakerSidebar)

    @property
    def narrow(self) -> bool:
        """Whether the sidebar is a toggle (below 110 columns)."""
        return self.has_class("-narrow")

    @property
    def saved_items(self) -> SavedItems:
        return self.query_one(SavedItems)

    # Focus moves with Screen.set_focus, at once, never Widget.focus(): that waits for the
    # app's queue, so keys typed right after (``/`` then a query, escape then ``q``) would
    # still go to the widget focused before.

    def on_mount(self) -> None:
        self.sidebar.provenance_of = self.session.provenance
        self.reader.provenance_of = self.session.provenance
        if self.session.saved.problem:
            self.notify(self.session.saved.problem, severity="warning", markup=False, timeout=15)
        self.results.set_read(self.session.read_articles())
        self._show_saved()
        self.query_one(HeaderLine).show_progress(0, 0)
        self.search_bar.show_busy("indexing…")
        self.set_focus(self.results)  # every key works at once; / goes to the search
        self.set_interval(1.0, self._heap.thaw_if_idle)
        self.session.updates.request()
        self._open_index(*self._open_warm())

    def _open_warm(self) -> tuple[LibraryAPI | None, bool | None]:
        """Open the library, and if its index is warm answer the first search, here, before
        the first paint: about 20 ms at 10,000 articles and 70 at 100,000. In the index worker
        the same took 160 and 180 ms, waiting for the interpreter (the GIL) behind the first
        paint after each file it read. Returns the library and whether it is warm (None, None
        if opening failed: the worker tries again and says why)."""
        try:
            library = self.session.make_library()
            warm = library.open()
        except Exception:
            return None, None
        if warm:
            self._opened(library, UpdateReport())
            self._search(self.search_bar.value, now=True)
        return library, warm

    # ----- index ----------------------------------------------------------------------------

    def _progress(self) -> Progress:
        """A progress callback for an update: posts :class:`IndexProgress`, at most every
        ``PROGRESS_INTERVAL`` seconds (and the last one)."""
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_INTERVAL or done >= total:
                last = now
                self.post_message(IndexProgress(done, total))

        return progress

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _open_index(self, library: LibraryAPI | None = None, warm: bool | None = None) -> None:
        """Open the library and bring its index up to date (posting progress). ``library``
        and ``warm``: made and opened already, by :meth:`_open_warm` (which, warm, searched)."""
        try:
            if library is None:
                library = self.session.make_library()
            if warm is None:
                warm = library.open()
                if warm:  # a warm index answers at once; bringing it up to date follows
                    self.post_message(IndexReady(library, UpdateReport()))
            if warm:
                # Let the first search have the interpreter (the GIL) before the update;
                # then read ahead for the first word typed (40-70 ms at 100,000 articles).
                self._first_answer.wait(FIRST_ANSWER_WAIT)
                library.warm()
                self._watching.wait(WATCH_LATEST + FIRST_ANSWER_WAIT)  # no change unseen
            report = library.update(self._progress(), isolated=True)
        except Exception as error:  # the engine's failure is shown, not raised
            self.post_message(IndexFailed(f"{type(error).__name__}: {error}"))
            return
        if not warm:
            self.post_message(IndexReady(library, report, updated=True))
        # The lists (for the header, palette, corpus scope) come last: the first search
        # and the update matter more at start.
        self._updated(library, report, initial=True, manual=False, checked=None)

    @work(thread=True, group="update", exit_on_error=False)
    def _update_index(self, manual: bool, checked: str | None) -> None:
        """Bring the open index up to date with the folder (after changes, or ``R``)."""
        library = self._library()
        try:
            report = library.update(self._progress(), isolated=True)
        except Exception as error:
            self.post_message(IndexFailed(f"{type(error).__name__}: {error}", initial=False))
            return
        self._updated(library, report, initial=False, manual=manual, checked=checked)

    def _updated(
        self,
        library: LibraryAPI,
        report: UpdateReport,
        *,
        initial: bool,
        manual: bool,
        checked: str | None,
    ) -> None:
        """After an update (in its worker): read what changed and post :class:`IndexUpdated`."""
        articles: list[ArticleInfo] | None = None
        speakers: list[Speaker] | None = None
        clusters: list[QuoteCluster] | None = None
        article: Article | None = None
        if initial or changed(report):
            try:
                articles, speakers = library.articles(), library.speakers()
                clusters = library.clusters()  # made by the update's child: a read
            except Exception as error:
                self.post_message(LibraryError("Catalog", f"{type(error).__name__}: {error}"))
            try:
                article = library.article(checked) if checked is not None else None
            except KeyError:  # gone from the index
                article = None
            except Exception:  # unknown: leave the reader as it is
                checked = None
        self.post_message(
            IndexUpdated(report, initial, manual, articles, speakers, checked, article, clusters)
        )

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        self.query_one(HeaderLine).show_progress(message.done, message.total)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self._opened(message.library, message.report)
        self._search(self.search_bar.value)
        if message.updated:  # no update follows to see what changed before the watch
            self._start_watch()

    def _opened(self, library: LibraryAPI, report: UpdateReport) -> None:
        """The library is open: searches go to it from now on."""
        self.session.library = library
        self.index_report = report
        self.ready = True
        self.query_one(HeaderLine).show_opened()

    def _folder_changed(self, count: int) -> None:
        """From the watch's thread: files changed in the folder."""
        self.post_message(FolderChanged(count))

    @on(FolderChanged)
    def _on_folder_changed(self) -> None:
        if self.ready and self.session.updates.request():
            self._start_update()

    def _start_update(self) -> None:
        article = self.reader.article
        self._update_index(self.session.updates.manual, article.id if article else None)

    @on(IndexUpdated)
    def _index_updated(self, message: IndexUpdated) -> None:
        report = message.report
        self.index_report = report
        if message.articles is not None and message.speakers is not None:
            self.session.set_catalog(message.articles, message.speakers, message.clusters)
            self.catalog_loaded = True
            self._heap.keep_loaded(new_base=True)
            self.reader.refresh_provenance()  # the current quote's "also in N articles"
            if self.sidebar.corpus_scope:
                self._fill_sidebar()
            self._count_saved()  # the saved searches' live counts follow the folder
        self._show_counts()
        notes = []
        if not message.initial and changed(report):
            self._search(self._query)  # the same query again; the selection is kept
            notes.append(change_summary(report) or "updated")
            notes += self._open_article_updated(message)
        elif message.manual:
            notes.append("Up to date.")
        if notes:
            self.notify(clean(" · ".join(notes)), title="Folder", markup=False)
        if self.session.updates.finished():
            self._start_update()

    def _open_article_updated(self, message: IndexUpdated) -> list[str]:
        """Reload the open article if it changed; if it went, say so (the results move on)."""
        shown = self.reader.article
        if shown is None or message.checked != shown.id:
            return []
        state = compare_open(shown, message.article)
        if state is OpenState.CHANGED:
            self._article_seq += 1
            self._load_article(
                self._article_seq, shown.id, self._query, None, self.reader.has_focus, True
            )
            return ["the open article changed on disk: reloaded"]
        if state is OpenState.REMOVED:
            self._removed = shown.id
            self.reader.border_title = Content("Reader · removed from the folder")
            return ["the open article was removed from the folder"]
        return []

    def _show_counts(self) -> None:
        """The corpus counts in the header, with the last update's notes."""
        if not self.catalog_loaded:
            return
        report = self.index_report
        notes = []
        if report is not None and report.skipped:
            notes.append(counted(len(report.skipped), "skipped file", grouped=True))
        if report is not None and report.notice:
            notes.append(report.notice)
        speakers = self.session.speakers
        quotes = sum(speaker.quotes for speaker in speakers)
        self.query_one(HeaderLine).show_counts(
            len(self.session.articles), len(speakers), quotes, " · ".join(notes)
        )

    @on(IndexFailed)
    def _index_failed(self, message: IndexFailed) -> None:
        self.session.updates.failed()
        if message.initial:
            self.query_one(HeaderLine).show_error(message.error)
            self.search_bar.show_busy("no index")
        else:
            self._show_counts()  # the index open before the update still answers
        self.notify(clean(message.error), title="Index", severity="error", markup=False)

    @on(LibraryError)
    def _library_error(self, message: LibraryError) -> None:
        self._answered()
        if message.what == "Article":
            self.reader.will_show(None)
        self.notify(clean(message.error), title=message.what, severity="error", markup=False)

    def _call(self, what: str, fn: Callable[[], Message]) -> None:
        """Run ``fn`` (library calls; the library is thread-safe) and post its message."""
        self.post_message(_answer(what, fn))

    # ----- search -------------------------------------------------------------------------------

    def _answered(self) -> None:
        """An answer came: once the first is on the screen, :meth:`_first_shown`."""
        if not self._first_answer.is_set():
            self.call_after_refresh(self._first_shown)

    def _first_shown(self) -> None:
        """The first answer is on the screen: let the index worker go on (reading ahead,
        then the launch's update once the watch is set up), and set the watch up."""
        if self._first_answer.is_set():  # done already, or the screen is gone
            return
        self._first_answer.set()
        self._watch_when_quiet(time.monotonic() + WATCH_LATEST)

    def _watch_when_quiet(self, latest: float) -> None:
        """Set the folder watch up if no key came for ``WATCH_QUIET`` seconds or ``latest``
        has come; else look again when it might have."""
        if self._watching.is_set():  # set up already, or the screen is gone
            return
        now = time.monotonic()
        wait = min(self._heap.last_key + WATCH_QUIET, latest) - now
        if wait > 0:
            self.set_timer(wait, lambda: self._watch_when_quiet(latest))
            return
        self._start_watch()

    def _start_watch(self) -> None:
        """Watch the folder; the launch's update, waiting for it, goes on."""
        self.session.start_watch(self._folder_changed)
        self._watching.set()

    @on(SearchBar.Search)
    def _on_search(self, message: SearchBar.Search) -> None:
        if message.submitted:
            self._focus_results = True
            if self.results.option_count:
                self.set_focus(self.results)
        self._search(message.query)

    @on(SearchBar.Settled)
    def _on_settled(self, message: SearchBar.Settled) -> None:
        self.session.remember_search(message.query)

    def _search(self, query: str, *, more: bool = False, now: bool = False) -> None:
        """Search for ``query`` in a worker, or here if ``now``."""
        if not more:
            self._limit = self._page()
        self._query = query
        self._search_seq += 1
        if not self.ready:
            return
        search = self._search_call(self._search_seq, query, self._limit, self.session.sort)
        if not now:
            self._run_search(search)
        elif isinstance(answer := _answer("Search", search), SearchDone):
            self._search_done(answer)  # before the first paint, which shows the rows
        else:
            self.post_message(answer)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, search: Callable[[], SearchDone]) -> None:
        self._call("Search", search)

    def _search_call(self, seq: int, query: str, limit: int, sort: str) -> Callable[[], SearchDone]:
        """The library call of search ``seq``, to run in a worker or here."""
        return lambda: SearchDone(seq, self._library().search(query, limit=limit, sort=sort))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        self._answered()
        if message.seq != self._search_seq:
            return  # an older keystroke's answer
        result = message.result
        if result.query != self.search_bar.value:
            # Typed past it (an update's refresh of the query before, say): the typed query's
            # own answer is on its way; meanwhile the screen keeps what it shows.
            return
        same_query = result.query == self.shown_query
        self.shown_query = result.query
        if result.error:
            self.search_bar.show_note(result.error, error=True)
            self.search_bar.show_busy("query error")
            return
        notes = [f"interpreted as: {result.interpreted}"] if result.interpreted else []
        notes += result.notes
        self.search_bar.show_note(" · ".join(notes) or None)
        self.search_bar.show_stats(result.total, result.seconds, approximate=result.approximate)
        self.results.set_sort_label(self._sort_label(result.query))
        keep = self.results.current if same_query else None
        self.results.show(result.hits, keep=keep, total=result.total)
        if not result.hits:
            self._preview_none()
        elif self._removed is not None and self.results.current is not None:
            self._open(self.results.current, focus=False)  # the open article went: next
        if self._focus_results and result.hits:
            self.set_focus(self.results)
        self._focus_results = False

    def _preview_none(self) -> None:
        """No hits: keep the reader as it is, but re-light it for the new query."""
        article = self.reader.article
        if article is not None and article.id != self._removed:
            self._open(article.id, focus=False)

    # ----- articles -----------------------------------------------------------------------------

    @on(ResultsList.Chosen)
    def _result_chosen(self, message: ResultsList.Chosen) -> None:
        if message.open:
            self._step(message.article, focus=True)
        else:  # a preview: not a step, but the place it replaces keeps its position
            self.session.places.note(self._here())
            self._open(message.article, focus=False)

    def _open(self, article_id: str, *, focus: bool, target: Target | None = None) -> None:
        reader = self.reader
        if focus:  # keys typed while it loads go to the reader, which keeps them for it
            self.set_focus(reader)
        shown = (
            reader.article is not None
            and reader.article.id == article_id
            and reader.query_text == self._query
        )
        if shown or reader.pending_article == (article_id, self._query):
            if shown and reader.pending_article is not None:
                self._article_seq += 1  # another article still loading is not wanted now
                reader.will_show(None)
            if target is not None:
                self._jump(target)
            if focus or target is not None:
                self._mark_read(article_id)
            return
        if not self.ready:
            return
        self._article_seq += 1
        reader.will_show(article_id, self._query)
        self._load_article(self._article_seq, article_id, self._query, target, focus)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(
        self,
        seq: int,
        article_id: str,
        query: str,
        target: Target | None,
        focus: bool,
        reload: bool = False,
    ) -> None:
        def load() -> ArticleLoaded:
            library = self._library()
            article = library.article(article_id)
            matches = library.matches(article_id, query) if query.strip() else []
            quotes = library.quotes(article=article_id, cluster=False)
            speakers = library.speakers(article=article_id)
            return ArticleLoaded(
                seq, article, query, matches, quotes, speakers, target, focus, reload
            )

        self._call("Article", load)

    @on(ArticleLoaded)
    async def _article_loaded(self, message: ArticleLoaded) -> None:
        if message.seq != self._article_seq:
            return
        article = message.article
        position = None
        if message.reload and self.reader.article is not None:
            position = self.reader.offset_at_top()  # the same place, in the new text
            self.reader.article = None  # so that show() lays the new text out
        elif message.target is None:
            position = self.session.position(article.id)
        elif message.target.position:
            position = message.target.start
        if self._removed is not None:
            self._removed = None
            self.reader.border_title = Content("Reader")
        target = message.target
        quote = (target.start, target.end) if target is not None and not target.position else None
        await self.reader.show(
            article,
            message.matches,
            message.quotes,
            query=message.query,
            position=position,
            quote=quote,
        )
        if message.focus or target is not None:
            self._mark_read(article.id)
        counts = Counter(i for record in message.quotes for i in record.all_speaker_ids)
        self._article_speakers = [
            SpeakerEntry(s.id, s.name, counts.get(s.id, 0)) for s in message.speakers
        ]
        self._article_speakers.sort(key=lambda entry: -entry.count)
        self._article_quotes = list(message.quotes)
        if not self.sidebar.corpus_scope:
            self._fill_sidebar()
        self.results.select_article(article.id)
        if message.focus:
            self.set_focus(self.reader)
        self._heap.keep_loaded()

    def _jump(self, target: Target) -> None:
        if target.position:
            self.reader.go_to_offset(target.start)
        else:
            self.reader.jump_to_quote((target.start, target.end))

    @on(Reader.Changed)
    def _reader_changed(self) -> None:
        # Only when a key's state changes: the footer rebuilds itself on every refresh,
        # which would cost more than a step through a 1 MB article.
        reader = self.reader
        keys = (
            reader.steps_matches,
            reader.steps_quotes,
            reader.current_quote is not None,
            reader.article is not None,
        )
        if keys != self._reader_keys:
            self._reader_keys = keys
            self.refresh_bindings()

    @on(Reader.Moved)
    def _reader_moved(self, message: Reader.Moved) -> None:
        self.session.remember_position(message.article, message.offset)

    # ----- speakers ---------------------------------------------------------------------------

    def _fill_sidebar(self) -> None:
        sidebar = self.sidebar
        if sidebar.corpus_scope:
            corpus_quotes = self.session.corpus_quotes
            if corpus_quotes is None:
                self._load_corpus_quotes()
                return
            entries = [SpeakerEntry(s.id, s.name, s.quotes) for s in self.session.speakers]
            sidebar.show_speakers(entries, corpus_quotes, self.session.article_labels())
        else:
            sidebar.show_speakers(self._article_speakers, self._article_quotes)
        if self._pending_speaker is not None:
            if sidebar.focus_speaker(self._pending_speaker):
                self._focus_sidebar()
            self._pending_speaker = None

    @work(thread=True, exclusive=True, group="corpus", exit_on_error=False)
    def _load_corpus_quotes(self) -> None:
        self._call("Quotes", lambda: CorpusQuotesLoaded(self._library().quotes(cluster=False)))

    @on(CorpusQuotesLoaded)
    def _corpus_quotes_loaded(self, message: CorpusQuotesLoaded) -> None:
        self.session.set_corpus_quotes(message.quotes)
        if self.sidebar.corpus_scope:
            self._fill_sidebar()
        waiting, self._when_quotes = self._when_quotes, []
        for then in waiting:
            then()

    @on(SpeakerSidebar.ScopeChanged)
    def _scope_changed(self) -> None:
        if self.ready:
            self._fill_sidebar()

    @on(SpeakerSidebar.SpeakerSelected)
    def _speaker_selected(self, message: SpeakerSidebar.SpeakerSelected) -> None:
        self._speaker = message.speaker
        self.refresh_bindings()

    @on(SpeakerSidebar.QuoteChosen)
    def _quote_chosen(self, message: SpeakerSidebar.QuoteChosen) -> None:
        quote = message.record.quote
        self._step(message.record.article, target=Target(quote.start, quote.end))

    @on(SpeakerSidebar.FilterRequested)
    def _filter_requested(self, message: SpeakerSidebar.FilterRequested) -> None:
        name = clean(message.speaker.name).replace('"', "")
        self.search_bar.set_query(f'speaker:"{name}"')
        self.notify(f"Results filtered to {name}", markup=False)

    def _speaker_records(self) -> list[QuoteRecord] | None:
        """The selected speaker's quotes in the current scope (None: still loading)."""
        if self._speaker is None:
            return []
        if not self.sidebar.corpus_scope:
            return speaker_records(self._article_quotes, self._speaker.speaker_id)
        corpus_quotes = self.session.corpus_quotes
        if corpus_quotes is None:
            return None
        return speaker_records(corpus_quotes, self._speaker.speaker_id)

    @on(GoToSpeaker)
    def _go_to_speaker(self, message: GoToSpeaker) -> None:
        """From the palette: land on the speaker's first quote, and show them expanded in
        the sidebar (corpus scope), where ``s``/``S`` carry on."""
        self._land_on_speaker(message.speaker)
        for speaker in self.session.speakers:
            if speaker.id == message.speaker:  # s/S carry on from the landing at once
                self._speaker = SpeakerEntry(speaker.id, speaker.name, speaker.quotes)
                self.refresh_bindings()
        self._pending_speaker = message.speaker
        if self.sidebar.corpus_scope:
            self._fill_sidebar()
        else:
            self.sidebar.set_scope(True)

    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        """Open an article in the reader and focus it (from the palette)."""
        self._step(message.article, focus=True)

    # ----- actions ------------------------------------------------------------------------------

    def key_state(self) -> KeyState:
        """What the keys depend on now (see :mod:`..unavailable`)."""
        reader = self.reader
        return KeyState(
            article=reader.article is not None,
            query=reader.query_text,
            matches=len(reader.matches),
            quotes=len(reader.quotes),
            current_quote=reader.current_quote is not None,
            speaker=self._speaker is not None,
            ready=self.ready,
            building=self.session.updates.running,
            narrow=self.narrow,
            loading=not reader.settled or reader.pending_article is not None,
            finding=reader.find_text is not None,
            back=self.session.places.can_go_back_from(self._here()),
            forward=self.session.places.can_go_forward,
            search=self.search_bar.value,
            highlighted=self._pane_index() == 1 and self.results.current is not None,
        )

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """``/`` in the search and find inputs is typed, not a binding; ``ctrl+f`` in the
        query input keeps the input's own meaning."""
        if action == "focus_search":
            typing = self.search_bar.input.has_focus
            return not (typing or self.query_one(ReaderPane).find_bar.has_focus_within)
        if action == "find":
            return not self.search_bar.input.has_focus
        return True

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer's keys: a key that can't act now is dimmed (pressed, it says why);
        the sidebar toggle is left out where the sidebar is always shown."""
        bindings = super().active_bindings
        state = self.key_state()
        for key, active in list(bindings.items()):
            if not active.enabled:
                continue
            action = active.binding.action.split("(", 1)[0]
            if active.node is self:
                reason = why_not(action, state) if action in EXPLAINED else None
            else:  # a widget that explains its own keys (the speaker sidebar's f)
                explain = getattr(active.node, "why_not", None)
                reason = explain(action) if callable(explain) else None
            if reason is None:
                continue
            if action == "toggle_sidebar":
                del bindings[key]
            else:
                bindings[key] = active._replace(enabled=False)
        return bindings

    def _cannot(self, action: str) -> bool:
        """Say why ``action`` can't act now, if it can't (True)."""
        reason = why_not(action, self.key_state())
        if reason is not None:
            self.notify(reason, timeout=3, markup=False)
        return reason is not None

    def action_focus_search(self) -> None:
        """Focus the query input with its text selected (typing starts a new query)."""
        self.set_focus(self.search_bar.input)
        self.search_bar.input.select_all()

    def action_find(self) -> None:
        """Find in the open article (its own find line, apart from the query)."""
        if not self._cannot("find"):
            self.query_one(ReaderPane).open_find()

    def action_match(self, delta: int) -> None:
        """Next or previous match in the reader."""
        if not self._cannot("match"):
            self.reader.step_match(delta)

    def action_quote(self, delta: int) -> None:
        """Next or previous quote in the reader."""
        if not self._cannot("quote"):
            self.reader.step_quote(delta)

    def action_page(self, delta: int) -> None:
        """Page the reader from another pane (the reader pages itself when focused)."""
        if delta > 0:
            self.reader.scroll_page_down(animate=False)
        else:
            self.reader.scroll_page_up(animate=False)

    def action_half_page(self, delta: int) -> None:
        """Half a page of the reader, from another pane."""
        self.reader.action_half_page(delta)

    def action_reload(self) -> None:
        """Look for added, changed and removed files now (the watch does it by itself);
        after a failure to open the index, try again."""
        if self._cannot("reload"):
            return
        if not self.ready:
            if self.session.updates.request(manual=True):
                self.query_one(HeaderLine).show_progress(0, 0)
                self._open_index()
            return
        if self.session.updates.request(manual=True):
            self._start_update()
        else:
            self.notify("Updating the index; it will look again when done.", markup=False)

    def action_speaker_quote(self, delta: int) -> None:
        """Step through the selected speaker's quotes (across articles in corpus scope)."""
        if self._cannot("speaker_quote"):
            return
        if self.reader.later(lambda: self.action_speaker_quote(delta)):
            return  # after the article being opened (a landing) is shown
        records = self._speaker_records()
        if records is None:
            self.notify("Loading the corpus's quotes…")
            return
        if not records:
            self.notify("No quotes by this speaker here.")
            return
        reader = self.reader
        here: tuple[str, int] | None = None
        if reader.article is not None and any(r.article == reader.article.id for r in records):
            current = reader.current_quote
            start = current.quote.start if current is not None else reader.offset_at_top() - 1
            here = (reader.article.id, start)
        record = records[next_speaker_quote(records, here, delta)]
        self._step(record.article, target=Target(record.quote.start, record.quote.end))

    def action_copy_quote(self) -> None:
        """Copy the current quote as a citation: who, where, when (see tui/citation.py)."""
        if self._cannot("copy_quote"):
            return
        record = self.reader.current_quote
        article = self.reader.article
        if record is None or article is None:
            return
        q = record.quote
        text = citation(q.text, q.kind, record.speaker_name, article.source, article.date)
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {shorten(text, 80)}", markup=False)

    def action_open_url(self) -> None:
        """Open the article's web address in the browser, or say why not."""
        article = self.reader.article
        if article is None:
            self.notify("No article is open", markup=False, severity="warning")
        elif not openable(article.url):
            self.notify("This article has no web address", markup=False, severity="warning")
        else:
            self._open_in_browser(article.url or "")

    @work(thread=True, exclusive=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        """Start the browser off the UI thread (a browser can take a while to answer)."""
        opened = open_in_browser(url)
        shown = shorten(clean(url), 70)
        message = f"Opening {shown}" if opened else f"No browser could open {shown}"
        self.app.call_from_thread(
            self.notify, message, markup=False, severity="information" if opened else "warning"
        )

    def action_toggle_sidebar(self) -> None:
        """Narrow layout: show the speakers in place of the results, or back."""
        if self._cannot("toggle_sidebar"):
            return
        if self.has_class("-sidebar-open"):
            self.remove_class("-sidebar-open")
            if self.sidebar.has_focus_within:
                self.set_focus(self.reader)
        else:
            self._focus_sidebar()

    def _focus_sidebar(self) -> None:
        if self.narrow:
            self.add_class("-sidebar-open")
        self.set_focus(self.sidebar.speaker_tree)

    def _pane_index(self) -> int | None:
        focused = self.focused
        for index, selector in enumerate(PANES):
            widget = self.query_one(selector)
            if focused is not None and (focused is widget or widget in focused.ancestors):
                return index
        return None

    def action_cycle(self, delta: int) -> None:
        """Focus the next or previous pane; in the narrow layout the sidebar comes and goes."""
        index = self._pane_index()
        target = 0 if index is None else (index + delta) % len(PANES)
        widget: Widget = self.query_one(PANES[target])
        if PANES[target] == "#speaker-tree":
            self._focus_sidebar()
            return
        if PANES[target] == "#saved" and self.narrow:
            self.add_class("-sidebar-open")
        if self.narrow and PANES[target] in ("#results", "#query"):
            self.remove_class("-sidebar-open")
        self.set_focus(widget)

    def action_back(self) -> None:
        """Escape backs out one layer and never clears the query: the search input, the
        reader or the sidebar → the results (the narrow sidebar closes)."""
        index = self._pane_index()
        if index == 1 and not self.has_class("-sidebar-open"):
            self.notify(
                "Already at the results: / searches (ctrl+u there clears it), q quits.",
                timeout=3,
                markup=False,
            )
            return
        if self.narrow:
            self.remove_class("-sidebar-open")
        self.set_focus(self.results)

    # ----- history: every jump is a step (issue 13) -------------------------------------------

    def _here(self) -> Place | None:
        """Where the reader is: its article, the offset at the top, the quote marked."""
        reader = self.reader
        if reader.article is None:
            return None
        current = reader.current_quote
        quote = (current.quote.start, current.quote.end) if current is not None else None
        return Place(reader.article.id, reader.offset_at_top(), quote)

    def _step(self, article_id: str, *, focus: bool = False, target: Target | None = None) -> None:
        """A jump (open, quote, speaker, palette, bookmark, timeline): a history step."""
        if not self.ready:
            return
        there = Place(article_id, 0, (target.start, target.end) if target is not None else None)
        self.session.places.visit(self._here(), there)
        self._open(article_id, focus=focus, target=target)

    def action_history_back(self) -> None:
        """``backspace``, ``alt+left``: back through the places visited, as in a browser."""
        if not self._cannot("history_back"):
            self._go_to_place(self.session.places.back(self._here()))

    def action_history_forward(self) -> None:
        """``alt+right``: forward again after going back."""
        if not self._cannot("history_forward"):
            self._go_to_place(self.session.places.forward(self._here()))

    def _go_to_place(self, place: Place | None) -> None:
        if place is None:
            return
        if place.quote is not None:
            target = Target(place.quote[0], place.quote[1])
        else:
            target = Target(place.offset, place.offset, position=True)
        self._open(place.article, focus=False, target=target)
        self.refresh_bindings()

    # ----- choosing a speaker lands on a quote --------------------------------------------

    def _when_corpus_quotes(self, then: Callable[[], None]) -> None:
        """Run ``then`` once every quote of the corpus is loaded (at once if it is)."""
        if self.session.corpus_quotes is not None:
            then()
            return
        self._when_quotes.append(then)
        if len(self._when_quotes) == 1:
            self._load_corpus_quotes()

    def _land_on_speaker(self, speaker_id: str | None) -> None:
        """Jump to the speaker's first quote in the open article, else their earliest."""
        article = self.reader.article
        here = speaker_records(self._article_quotes, speaker_id) if article is not None else []
        if here and article is not None:
            record = first_speaker_quote(here, article.id, {})
            if record is not None:
                self._step(record.article, target=Target(record.quote.start, record.quote.end))
            return

        def land() -> None:
            records = speaker_records(self.session.corpus_quotes or [], speaker_id)
            open_id = self.reader.article.id if self.reader.article is not None else None
            record = first_speaker_quote(records, open_id, self.session.article_dates())
            if record is None:
                self.notify("No quotes by this speaker.")
                return
            self._step(record.article, target=Target(record.quote.start, record.quote.end))

        self._when_corpus_quotes(land)

    @on(SpeakerSidebar.SpeakerChosen)
    def _speaker_chosen(self, message: SpeakerSidebar.SpeakerChosen) -> None:
        """``enter`` on a speaker in the sidebar: land on their first quote."""
        self._speaker = message.speaker
        self.refresh_bindings()
        self._land_on_speaker(message.speaker.speaker_id)

    # ----- a speaker's timeline ------------------------------------------------------------

    @on(SpeakerSidebar.TimelineRequested)
    def _timeline_requested(self, message: SpeakerSidebar.TimelineRequested) -> None:
        self._show_timeline(message.speaker.speaker_id, message.speaker.name)

    @on(ShowTimeline)
    def _show_timeline_message(self, message: ShowTimeline) -> None:
        names = {s.id: s.name for s in self.session.speakers}
        self._show_timeline(message.speaker, names.get(message.speaker or "", "unattributed"))

    def _show_timeline(self, speaker_id: str | None, name: str) -> None:
        """Push the speaker's timeline (once the corpus's quotes are loaded)."""

        def show() -> None:
            records = speaker_records(self.session.corpus_quotes or [], speaker_id)
            catalog = {info.id: info for info in self.session.articles}
            entries = build_timeline(records, catalog, key=statement_key)
            current = self.reader.current_quote
            where = (current.article, current.quote.start) if current is not None else None
            screen = TimelineScreen(name, entries, corpus=self.session.name, current=where)
            self.app.push_screen(screen, self._timeline_closed)

        if not self.ready:
            return
        self._when_corpus_quotes(show)

    def _timeline_closed(self, record: QuoteRecord | None) -> None:
        if record is not None:
            quote = record.quote
            self._step(record.article, focus=True, target=Target(quote.start, quote.end))
            # The screen gives focus back to where it was once resumed: then the reader.
            self.call_after_refresh(self.set_focus, self.reader)

    # ----- sort, read marks, more results ----------------------------------------------------

    def _sort_label(self, query: str) -> str:
        if not query.strip():
            return "newest first"
        return "by date" if self.session.sort == "date" else "by relevance"

    @on(ResultsList.SortToggled)
    def _sort_toggled(self) -> None:
        """``d``: date or relevance; the query runs again, keeping the highlighted article."""
        if not self._query.strip():
            self.notify("An empty query lists every article, newest first: type a query to sort.")
            return
        self.session.sort = "date" if self.session.sort == "relevance" else "relevance"
        self.notify(f"Sorted {self._sort_label(self._query)}", markup=False)
        self._search(self._query)

    def _page(self) -> int:
        """Results asked for at a time: two screens of rows, at least ``PAGE`` (each hit
        costs the engine a snippet, so a keystroke's search asks for no more)."""
        return max(PAGE, 2 * self.results.size.height)

    @on(ResultsList.MoreWanted)
    def _more_wanted(self, message: ResultsList.MoreWanted) -> None:
        self._limit = max(self._limit, message.have) + self._page()
        self._search(self._query, more=True)

    def _mark_read(self, article_id: str) -> None:
        if self.session.mark_read(article_id):
            self.results.mark(article_id, True)

    @on(ResultsList.ReadToggled)
    def _read_toggled(self, message: ResultsList.ReadToggled) -> None:
        self.session.mark_read(message.article, message.read)
        self.results.mark(message.article, message.read)
        self.notify("Marked read." if message.read else "Marked unread.")

    # ----- bookmarks and saved searches ----------------------------------------------------

    def _bookmark_target(self) -> Bookmark | None:
        """What ``m`` bookmarks: the reader's quote or article when the reader has focus
        (or the results' highlighted article)."""
        reader = self.reader
        if self._pane_index() == 1 and self.results.current is not None:
            article_id = self.results.current
            labels = {hit.article: hit.label for hit in self.results.hits}
            return Bookmark(article_id, clean(labels.get(article_id, article_id)))
        if reader.article is None:
            return None
        record = reader.current_quote
        if record is not None:
            who = clean(record.speaker_name) or "unattributed"
            words = shorten(record.quote.text, 60)
            label = words if record.quote.kind == "indirect" else f"“{words}”"
            span = (record.quote.start, record.quote.end)
            return Bookmark(reader.article.id, f"{label} — {who}", span)
        return Bookmark(reader.article.id, clean(reader.article.label))

    def action_bookmark(self) -> None:
        """``m``: bookmark the current quote or article (again: remove the bookmark)."""
        if self._cannot("bookmark") or (mark := self._bookmark_target()) is None:
            return
        added = self.session.toggle_bookmark(mark)
        what = "quote" if mark.quote is not None else "article"
        self.notify(f"Bookmarked the {what}." if added else f"Removed the {what}'s bookmark.")
        self._show_saved()

    @on(OpenBookmark)
    def _open_bookmark(self, message: OpenBookmark) -> None:
        target = Target(*message.quote) if message.quote is not None else None
        self._step(message.article, focus=True, target=target)

    @on(SavedItems.BookmarkChosen)
    def _bookmark_chosen(self, message: SavedItems.BookmarkChosen) -> None:
        mark = message.bookmark
        target = Target(*mark.quote) if mark.quote is not None else None
        self._step(mark.article, focus=True, target=target)

    def action_save_search(self) -> None:
        """``ctrl+s``: keep the current query under a name (asked for)."""
        if self._cannot("save_search"):
            return
        query = self.search_bar.value.strip()
        prompt = NamePrompt("Save search", f"Save “{clean(query)}” as:", query[:40])

        def saved(name: str | None) -> None:
            if name is None:
                return
            replaced = self.session.saved.save_search(name, query, self.session.sort)
            verb = "Replaced" if replaced else "Saved"
            self.notify(f"{verb} the search “{name}”.", markup=False)
            if self.session.saved.problem:
                self.notify(self.session.saved.problem, severity="warning", markup=False)
            self._count_saved()

        self.app.push_screen(prompt, saved)

    def _run_saved(self, search: SavedSearch) -> None:
        self.session.sort = search.sort
        self._focus_results = True
        self.search_bar.set_query(search.query)
        self._search(search.query)

    @on(RunSavedSearch)
    def _run_saved_message(self, message: RunSavedSearch) -> None:
        for search in self.session.saved.searches:
            if search.name == message.name:
                self._run_saved(search)
                return

    @on(SavedItems.SearchChosen)
    def _saved_chosen(self, message: SavedItems.SearchChosen) -> None:
        self._run_saved(message.search)

    @on(SavedItems.RemoveWanted)
    def _saved_remove(self, message: SavedItems.RemoveWanted) -> None:
        item = message.item
        if isinstance(item, SavedSearch):
            self.session.saved.remove_search(item.name)
            self.notify(f"Forgot the search “{item.name}”.", markup=False)
        else:
            self.session.saved.remove_bookmark(self.session.corpus_key, item.article, item.quote)
            self.notify("Removed the bookmark.")
        self._show_saved()

    def _show_saved(self) -> None:
        """Fill the sidebar's saved section from the store."""
        session = self.session
        self.saved_items.show(session.saved.searches, session.saved_counts, session.bookmarks())

    def _count_saved(self) -> None:
        """Count every saved search's matches again (the live counts), in a worker."""
        self._show_saved()
        if self.ready and self.session.saved.searches:
            self._run_counts([(s.name, s.query) for s in self.session.saved.searches])

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def _run_counts(self, searches: list[tuple[str, str]]) -> None:
        def count() -> SavedCounts:
            library = self._library()
            counts: dict[str, int | None] = {}
            for name, query in searches:
                result = library.search(query, limit=1)
                counts[name] = None if result.error else result.total
            return SavedCounts(counts)

        self._call("Saved searches", count)

    @on(SavedCounts)
    def _saved_counts(self, message: SavedCounts) -> None:
        self.session.saved_counts = dict(message.counts)
        self._show_saved()


def _answer(what: str, fn: Callable[[], Message]) -> Message:
    """``fn()``'s message, or the :class:`LibraryError` of what it raised."""
    try:
        return fn()
    except Exception as error:
        return LibraryError(what, f"{type(error).__name__}: {error}")
