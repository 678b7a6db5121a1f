"""The facade over one corpus: open it, keep its index fresh, answer queries.

The app and the command line talk only to :class:`Library`; a larger backend could stand
behind the same calls.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .model import Article, ArticleInfo, QuoteRecord, SearchResult, Span, Speaker, UpdateReport

Progress = Callable[[int, int], None]  # (done, total)


class Library:
    """One corpus folder and its index."""

    def __init__(self, corpus: Path | str, index_dir: Path | str | None = None) -> None:
        raise NotImplementedError

    def update(self, progress: Progress | None = None, *, rebuild: bool = False) -> UpdateReport:
        """Bring the index up to date with the folder (only new, changed, deleted files)."""
        raise NotImplementedError

    def search(
        self, query: str, *, limit: int = 50, sort: str = "relevance", facets: bool = True
    ) -> SearchResult:
        """Run a query. Never raises for a bad query: see ``interpreted`` and ``error``.

        An empty query lists every article, newest first.
        """
        raise NotImplementedError

    def articles(self) -> list[ArticleInfo]:
        """Every indexed article's metadata, newest first."""
        raise NotImplementedError

    def article(self, article_id: str) -> Article:
        """The article as indexed (text, paragraphs, metadata). KeyError if unknown."""
        raise NotImplementedError

    def matches(self, article_id: str, query: str) -> list[Span]:
        """Spans in the article's text matched by the query's terms, in order."""
        raise NotImplementedError

    def quotes(
        self, *, article: str | None = None, speaker: str | None = None, kind: str | None = None
    ) -> list[QuoteRecord]:
        """Quotes, filtered by article id, speaker (id or any alias) and kind; text order."""
        raise NotImplementedError

    def speakers(self, *, article: str | None = None) -> list[Speaker]:
        """Speakers of the corpus (or of one article), most quoted first."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the searcher and any lock."""
        raise NotImplementedError
