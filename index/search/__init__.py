"""Search: a query string to ranked hits with their matches lit.

- ``query``: the query language (parse, render) and its one description, ``SYNTAX``;
- ``compile``: the syntax tree to a Whoosh query, with bounded prefix and fuzzy expansion;
- ``collect``: the top hits and the exact match count in one pass;
- ``highlight``: where the terms occur in an article, and a snippet around them.

``query`` is light (the command line's ``--help`` shows ``SYNTAX``); the rest imports Whoosh,
so the names below load their module on first use (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .collect import top_hits
    from .compile import Compiled, Compiler
    from .highlight import SNIPPET_REGIONS, match_spans, snippet
    from .query import FIELDS, SYNTAX, Parsed, QueryError, parse, render

_EXPORTS = {
    "FIELDS": "query",
    "SYNTAX": "query",
    "Parsed": "query",
    "QueryError": "query",
    "parse": "query",
    "render": "query",
    "Compiled": "compile",
    "Compiler": "compile",
    "top_hits": "collect",
    "SNIPPET_REGIONS": "highlight",
    "match_spans": "highlight",
    "snippet": "highlight",
}
__all__ = [
    "FIELDS",
    "SNIPPET_REGIONS",
    "SYNTAX",
    "Compiled",
    "Compiler",
    "Parsed",
    "QueryError",
    "match_spans",
    "parse",
    "render",
    "snippet",
    "top_hits",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
