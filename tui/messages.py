"""The app's messages between parts: the engine's answers from the main screen's workers,
and the command palette's requests to the main screen.

Widgets declare their own messages (``SearchBar.Search``, ``Reader.Moved``, …); these are
the ones that belong to no widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

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

from .session import LibraryAPI

# ── answers from the workers ────────────────────────────────────────────────────────────


@dataclass
class IndexProgress(Message):
    """Indexing progress: ``done`` of ``total`` files."""

    done: int
    total: int


@dataclass
class IndexReady(Message):
    """The library is open: searching can start. ``updated``: the launch's update has run
    (a first build), else it follows."""

    library: LibraryAPI
    report: UpdateReport
    updated: bool = False


@dataclass
class IndexUpdated(Message):
    """An index update ended (the first at launch, or one for changes in the folder).

    ``articles``, ``speakers`` and ``clusters`` are the catalog after it (None: unchanged,
    or it could not be read). ``checked`` is the article open in the reader when the update
    began, and ``article`` the index's copy of it after the update (None: it is gone).
    """

    report: UpdateReport
    initial: bool = False
    manual: bool = False  # asked for by hand (R)
    articles: list[ArticleInfo] | None = None
    speakers: list[Speaker] | None = None
    checked: str | None = None
    article: Article | None = None
    clusters: list[QuoteCluster] | None = None  # with the catalog: the quote clusters


@dataclass
class IndexFailed(Message):
    """The library could not be opened (``initial``) or updated."""

    error: str
    initial: bool = True


@dataclass
class FolderChanged(Message):
    """The watch saw ``count`` files added, changed or removed in the corpus folder."""

    count: int


@dataclass
class SearchDone(Message):
    """The answer to search number ``seq``."""

    seq: int
    result: SearchResult


@dataclass
class Target:
    """Where to jump once an article is shown: a quote span, or (``position``) a reading
    position, ``start`` being the text offset to show at the top."""

    start: int
    end: int
    position: bool = False


@dataclass
class ArticleLoaded(Message):
    """An article with its matches, quotes and speakers (load number ``seq``)."""

    seq: int
    article: Article
    query: str
    matches: list[Span]
    quotes: list[QuoteRecord]
    speakers: list[Speaker]
    target: Target | None
    focus: bool
    reload: bool = False  # the article changed on disk: lay it out again, keep the place


@dataclass
class CorpusQuotesLoaded(Message):
    """Every quote of the corpus (for the sidebar's corpus scope)."""

    quotes: list[QuoteRecord]


@dataclass
class SavedCounts(Message):
    """How many articles each saved search finds now, by name (None: the query fails)."""

    counts: dict[str, int | None]


@dataclass
class LibraryError(Message):
    """A library call failed (shown as a notification)."""

    what: str
    error: str


# ── requests from the command palette ───────────────────────────────────────────────────


@dataclass
class OpenArticle(Message):
    """Open an article in the reader and focus it."""

    article: str


@dataclass
class GoToSpeaker(Message):
    """Land on a speaker's first quote (in the open article, else their earliest), and
    show them in the sidebar, expanded."""

    speaker: str


@dataclass
class ShowTimeline(Message):
    """Open a speaker's timeline (``None``: the unattributed quotes)."""

    speaker: str | None


@dataclass
class RunSavedSearch(Message):
    """Run a saved search (by name)."""

    name: str


@dataclass
class OpenBookmark(Message):
    """Open a bookmarked article, or jump to a bookmarked quote (``quote`` its span)."""

    article: str
    quote: Span | None
