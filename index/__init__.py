"""newsbrowse's engine: reading articles, extracting quotes, indexing and searching.

Plain Python: nothing here imports textual or rich (tests/unit/test_import_hygiene.py).
The stages are sub-packages, each with its own ``__init__`` saying what it owns:

- ``reading``: a file's bytes to an :class:`Article`;
- ``quotes``: an article's text to its :class:`Extraction` (quotes and speakers);
- ``search``: a query string to ranked hits;
- ``store``: the on-disk index, a cache of the corpus;

over a shared base (``model``, ``errors``, ``analysis``, ``speakers``, ``locations``), with
``clusters`` (one statement reported by several articles, across the corpus) and
:class:`Library`, the facade the app and the command line talk to, on top.

The names below load their module on first use (PEP 562), so importing the model or the
errors costs nothing like importing the library and Whoosh behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import exports

if TYPE_CHECKING:
    from .errors import (
        BuildWorkerError,
        IndexDirError,
        IndexWriteError,
        NewsbrowseError,
        QueryError,
        UnreadableFile,
    )
    from .library import Library
    from .locations import bundled_corpus, default_index_dir
    from .model import (
        Article,
        ArticleInfo,
        ArticleSpeaker,
        ArticleSpeakers,
        Extraction,
        Hit,
        Mention,
        Quote,
        QuoteKind,
        QuoteRecord,
        SearchResult,
        Span,
        Speaker,
        SpeakerKind,
        UpdateReport,
    )
    from .store import FolderWatch, check_index_dir

__all__ = [
    "Article",
    "ArticleInfo",
    "ArticleSpeaker",
    "ArticleSpeakers",
    "BuildWorkerError",
    "Extraction",
    "FolderWatch",
    "Hit",
    "IndexDirError",
    "IndexWriteError",
    "Library",
    "Mention",
    "NewsbrowseError",
    "QueryError",
    "Quote",
    "QuoteKind",
    "QuoteRecord",
    "SearchResult",
    "Span",
    "Speaker",
    "SpeakerKind",
    "UnreadableFile",
    "UpdateReport",
    "bundled_corpus",
    "check_index_dir",
    "default_index_dir",
]

_MODEL = (
    "Article",
    "ArticleInfo",
    "ArticleSpeaker",
    "ArticleSpeakers",
    "Extraction",
    "Hit",
    "Mention",
    "Quote",
    "QuoteKind",
    "QuoteRecord",
    "SearchResult",
    "Span",
    "Speaker",
    "SpeakerKind",
    "UpdateReport",
)
_ERRORS = (
    "BuildWorkerError",
    "IndexDirError",
    "IndexWriteError",
    "NewsbrowseError",
    "QueryError",
    "UnreadableFile",
)
__getattr__ = exports(
    globals(),
    {
        **dict.fromkeys(_MODEL, "model"),
        **dict.fromkeys(_ERRORS, "errors"),
        "check_index_dir": "store",
        "FolderWatch": "store",
        "Library": "library",
        "bundled_corpus": "locations",
        "default_index_dir": "locations",
    },
)
