"""Search: a query string to ranked hits with their matches lit.

- ``query``: the query language (parse, render) and its one description, ``SYNTAX``;
- ``compile``: the syntax tree to a Whoosh query, with bounded prefix and fuzzy expansion;
- ``collect``: the top hits and the exact match count in one pass;
- ``highlight``: where the terms occur in an article, and a snippet around them.

``query`` is light (the command line's ``--help`` shows ``SYNTAX``); the rest imports
Whoosh, so each name loads its module on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .collect import top_hits
    from .compile import Compiled, Compiler
    from .highlight import SNIPPET_REGIONS, match_spans, snippet
    from .query import FIELDS, SYNTAX, Parsed, parse, render, syntax_lines, syntax_table

__all__ = [
    "FIELDS",
    "SNIPPET_REGIONS",
    "SYNTAX",
    "Compiled",
    "Compiler",
    "Parsed",
    "match_spans",
    "parse",
    "render",
    "snippet",
    "syntax_lines",
    "syntax_table",
    "top_hits",
]
__getattr__ = exports(
    globals(),
    {
        "FIELDS": "query",
        "SYNTAX": "query",
        "Parsed": "query",
        "parse": "query",
        "render": "query",
        "syntax_lines": "query",
        "syntax_table": "query",
        "Compiled": "compile",
        "Compiler": "compile",
        "top_hits": "collect",
        "SNIPPET_REGIONS": "highlight",
        "match_spans": "highlight",
        "snippet": "highlight",
    },
)
