"""What the app knows apart from what is on screen: the engine, the corpus's catalog, the
watch on the folder and what the user keeps between runs.

Plain Python, no Textual: the main screen and the command palette read it, the workers fill
it, and a test can build one without starting the app. The engine is typed by
:class:`LibraryAPI`, the calls the app makes: ``newsbrowse.index.Library`` and the UI
tests' ``FakeLibrary`` both satisfy it, and mypy checks both (tests/unit/test_typecheck.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from newsbrowse.index.model import (
    Article,
    ArticleInfo,
    QuoteCluster,
    QuoteRecord,
    SearchResult,
    Span,
    Speaker,
    UpdateReport,
)

from .citation import provenance
from .history import History
from .live import UpdateQueue
from .safe_text import clean
from .saved import Bookmark, SavedStore
from .search_history import HistoryWalk
from .user_state import UserState

Progress = Callable[[int, int], None]  # (done, total)


class Watch(Protocol):
    """A watch on the corpus folder (``newsbrowse.index.FolderWatch``)."""

    def start(self) -> None:
        """Start watching (from a thread of its own)."""
        ...

    def stop(self) -> None:
        """Stop watching."""
        ...


Changed = Callable[[int], None]  # called from the watch's thread with the number of changes
WatchFactory = Callable[[Path, Changed], Watch]  # (corpus folder, changed)


class LibraryAPI(Protocol):
    """The engine as the app uses it: one corpus and its index, safe across threads."""

    def open(self) -> bool:
        """Open the existing index without updating it; False when there is none usable."""
        ...

    def warm(self) -> None:
        """Read ahead what the first word searched after an open needs."""
        ...

    def update(
        self, progress: Progress | None = None, *, rebuild: bool = False, isolated: bool = False
    ) -> UpdateReport:
        """Bring the index up to date with the folder (``isolated``: in a child process)."""
        ...

    def cancel_update(self) -> None:
        """Stop an update running in a child process (the index stays as it was)."""
        ...

    def search(
        self, query: str, *, limit: int = 50, sort: str = "relevance", facets: bool = False
    ) -> SearchResult:
        """Run a query; a bad one is reported in the result, never raised."""
        ...

    def articles(self) -> list[ArticleInfo]:
        """Every article's metadata, newest first."""
        ...

    def article(self, article_id: str) -> Article:
        """One article as indexed (KeyError if unknown)."""
        ...

    def matches(self, article_id: str, query: str) -> list[Span]:
        """Where the query's terms occur in the article."""
        ...

    def quotes(
        self,
        *,
        article: str | None = None,
        speaker: str | None = None,
        kind: str | None = None,
        cluster: bool = True,
    ) -> list[QuoteRecord]:
        """Quotes, filtered by article, speaker and kind, in text order (``cluster=False``:
        with their clusters only if already made)."""
        ...

    def speakers(self, *, article: str | None = None) -> list[Speaker]:
        """The corpus's (or one article's) speakers, most quoted first."""
        ...

    def clusters(self) -> list[QuoteCluster]:
        """The statements that several articles report (a quote record's ``cluster``)."""
        ...

    def close(self) -> None:
        """Release what the library holds open."""
        ...


LibraryFactory = Callable[[Path, Path | None], LibraryAPI]  # (corpus, index folder)


class Session:
    """One corpus being browsed: its library (once open), its catalog, the user's state."""

    def __init__(
        self,
        corpus: Path,
        index_dir: Path | None = None,
        *,
        library_factory: LibraryFactory | None = None,
        state_file: Path | None = None,
        watch_factory: WatchFactory | None = None,
        saved_file: Path | None = None,
    ) -> None:
        self.corpus = Path(corpus)
        self.index_dir = Path(index_dir) if index_dir is not None else None
        self.corpus_key = str(self.corpus.resolve())  # what reading positions are kept under
        self.user = UserState.load(state_file)
        self.library: LibraryAPI | None = None  # set once the index is open
        self.articles: list[ArticleInfo] = []  # newest first
        self.speakers: list[Speaker] = []  # most quoted first
        self.corpus_quotes: list[QuoteRecord] | None = None  # loaded when first needed
        self.clusters: dict[str, QuoteCluster] = {}  # by id
        self.updates = UpdateQueue()  # one index update at a time (see live.py)
        self.history = HistoryWalk(lambda: self.user.history)  # the searches typed
        self.places = History()  # the places visited (backspace, alt+left/right)
        self.saved = SavedStore.load(saved_file)  # saved searches, bookmarks, read marks
        self.saved_counts: dict[str, int | None] = {}  # each saved search's live count
        self.sort = "relevance"  # the results' order for a query: relevance or date
        self._factory = library_factory
        self._made: LibraryAPI | None = None  # the library made, open or not yet
        self._watch_factory = watch_factory
        self._watch: Watch | None = None

    @property
    def name(self) -> str:
        """The corpus folder's name, safe to show."""
        return clean(self.corpus.name) or "corpus"

    def make_library(self) -> LibraryAPI:
        """Build the engine's facade. The engine (and Whoosh) is imported here, on first
        call: the app calls it from a worker thread, so the screen shows first."""
        if self._factory is not None:
            self._made = self._factory(self.corpus, self.index_dir)
        else:
            from newsbrowse.index.library import Library

            self._made = Library(self.corpus, self.index_dir)
        return self._made

    def cancel_update(self) -> None:
        """Stop an update still running in a child process (a first build, say)."""
        if self._made is not None:
            self._made.cancel_update()

    def start_watch(self, changed: Changed) -> None:
        """Watch the corpus folder; ``changed(n)`` is called from the watch's own thread
        after each batch of changes. Once: a second call does nothing."""
        if self._watch is not None:
            return
        if self._watch_factory is not None:
            self._watch = self._watch_factory(self.corpus, changed)
        else:
            from newsbrowse.index import FolderWatch

            self._watch = FolderWatch(self.corpus, changed)
        self._watch.start()

    @property
    def watching(self) -> bool:
        """Whether the folder is being watched."""
        return self._watch is not None

    def stop_watch(self) -> None:
        """Stop watching the folder (at once; its thread ends within a moment)."""
        watch, self._watch = self._watch, None
        if watch is not None:
            watch.stop()

    def set_catalog(
        self,
        articles: list[ArticleInfo],
        speakers: list[Speaker],
        clusters: list[QuoteCluster] | None = None,
    ) -> None:
        """Every article (newest first), every speaker and every quote cluster of the
        corpus. The corpus's quotes, if loaded, belong to the catalog before: they are
        loaded again on need."""
        self.articles = articles
        self.speakers = speakers
        self.clusters = {c.id: c for c in clusters or ()}
        self.corpus_quotes = None

    def provenance(self, record: QuoteRecord) -> str | None:
        """The line "also in 2 articles, first reported 2025-08-22 by News.Az" for a quote
        that other articles report too (once the catalog is loaded), else None."""
        cluster = self.clusters.get(record.cluster) if record.cluster else None
        return provenance(cluster, record.article) if cluster is not None else None

    def set_corpus_quotes(self, quotes: list[QuoteRecord]) -> None:
        """Every quote of the corpus, in the catalog's article order, then text order."""
        order = {info.id: index for index, info in enumerate(self.articles)}
        self.corpus_quotes = sorted(
            quotes, key=lambda r: (order.get(r.article, len(order)), r.quote.start)
        )

    def article_labels(self) -> dict[str, str]:
        """Each article's title (or first sentence), by id."""
        return {info.id: info.label for info in self.articles}

    def position(self, article_id: str) -> int | None:
        """Where the user last read ``article_id`` (a text offset), if anywhere."""
        return self.user.position(self.corpus_key, article_id)

    def remember_position(self, article_id: str, offset: int) -> None:
        """Keep the reading position of an article, on disk at once."""
        self.user.set_position(self.corpus_key, article_id, offset)
        self.user.save()

    def remember_search(self, query: str) -> None:
        """Put a search first in the history, on disk at once."""
        if self.user.add_search(query):
            self.user.save()

    # ----- read marks and bookmarks (kept in the user data dir by :mod:`.saved`) ----------

    def read_articles(self) -> set[str]:
        """The ids of the articles marked read in this corpus."""
        return self.saved.read(self.corpus_key)

    def mark_read(self, article_id: str, read: bool = True) -> bool:
        """Mark an article read (or unread); True if that changed anything."""
        return self.saved.set_read(self.corpus_key, article_id, read)

    def bookmarks(self) -> list[Bookmark]:
        """This corpus's bookmarks, newest first."""
        return self.saved.bookmarks(self.corpus_key)

    def toggle_bookmark(self, bookmark: Bookmark) -> bool:
        """Bookmark an article or quote, or remove its bookmark; True if added."""
        return self.saved.toggle_bookmark(self.corpus_key, bookmark)

    def article_dates(self) -> dict[str, str | None]:
        """Each article's date, by id."""
        return {info.id: info.date for info in self.articles}

    def remember_theme(self, theme: str) -> None:
        """Keep the chosen theme, on disk at once."""
        self.user.theme = theme
        self.user.save()

    def close(self) -> None:
        """Stop the watch, save the user's state and release the library."""
        self.stop_watch()
        self.user.save()
        if self.library is not None:
            with contextlib.suppress(Exception):
                self.library.cancel_update()
                self.library.close()
