"""newsbrowse's engine: reading articles, extracting quotes, indexing and searching.

Plain Python: nothing here imports textual or rich (tests/unit/test_import_hygiene.py).
Import the heavy parts where they are used: ``from newsbrowse.index.library import Library``.
"""

from .model import (
    Article,
    ArticleInfo,
    ArticleSpeaker,
    Extraction,
    Hit,
    Mention,
    Quote,
    QuoteRecord,
    SearchResult,
    Span,
    Speaker,
    UpdateReport,
)

__all__ = [
    "Article",
    "ArticleInfo",
    "ArticleSpeaker",
    "Extraction",
    "Hit",
    "Mention",
    "Quote",
    "QuoteRecord",
    "SearchResult",
    "Span",
    "Speaker",
    "UpdateReport",
]
