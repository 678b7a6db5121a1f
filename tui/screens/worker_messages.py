"""Messages the main screen's thread workers post back to it (the library's answers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from newsbrowse.index.model import (
    Article,
    ArticleInfo,
    QuoteRecord,
    SearchResult,
    Span,
    Speaker,
    UpdateReport,
)


@dataclass
class IndexProgress(Message):
    """Indexing progress: ``done`` of ``total`` files."""

    done: int
    total: int


@dataclass
class IndexReady(Message):
    """The library is open and current: searching can start."""

    library: Any
    report: UpdateReport


@dataclass
class CatalogLoaded(Message):
    """Every article's metadata (newest first) and every speaker of the corpus."""

    articles: list[ArticleInfo]
    speakers: list[Speaker]


@dataclass
class IndexFailed(Message):
    """The library could not be opened or updated."""

    error: str


@dataclass
class SearchDone(Message):
    """The answer to search number ``seq``."""

    seq: int
    result: SearchResult


@dataclass
class Target:
    """Where to jump once an article is shown: a quote span."""

    start: int
    end: int


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


@dataclass
class CorpusQuotesLoaded(Message):
    """Every quote of the corpus (for the sidebar's corpus scope)."""

    quotes: list[QuoteRecord]


@dataclass
class LibraryError(Message):
    """A library call failed (shown as a notification)."""

    what: str
    error: str
