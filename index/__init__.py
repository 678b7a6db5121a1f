"""newsbrowse's engine: reading articles, extracting quotes, indexing and searching.

Plain Python: nothing here imports textual or rich (tests/unit/test_import_hygiene.py).
The stages are sub-packages, each with its own ``__init__`` saying what it owns:

- ``reading``: a file's bytes to an :class:`Article`;
- ``quotes``: an article's text to its :class:`Extraction` (quotes and speakers);
- ``search``: a query string to ranked hits;
- ``store``: the on-disk index, a cache of the corpus;

over a shared base (``model``, ``errors``, ``analysis``, ``speakers``, ``locations``), with
:class:`Library`, the facade the app and the command line talk to, on top.

The names below load their module on first use (PEP 562), so importing the model or the
errors costs nothing like importing the library and Whoosh behind it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import BuildWorkerError, NewsbrowseError, QueryError, UnreadableFile
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
    from .store import IndexWriteError

__all__ = [
    "Article",
    "ArticleInfo",
    "ArticleSpeaker",
    "ArticleSpeakers",
    "BuildWorkerError",
    "Extraction",
    "Hit",
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
    "default_index_dir",
]

_MODULES = {
    "errors": ("BuildWorkerError", "NewsbrowseError", "QueryError", "UnreadableFile"),
    "store": ("IndexWriteError",),
    "library": ("Library",),
    "locations": ("bundled_corpus", "default_index_dir"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{_HOME.get(name, 'model')}", __name__)
    value = getattr(module, name)
    globals()[name] = value
    return value
