"""Search: a query string to ranked hits with their matches lit.

- ``query``: the query language (parse, render) and its one description, ``SYNTAX``;
- ``compile``: the syntax tree to a Whoosh query, with bounded prefix and fuzzy expansion;
- ``evaluate``: a compiled query over the postings, scored as Whoosh scores it;
- ``postings``: a term's postings read a block at a time; per-generation arrays;
- ``rank``: the first page by score or date, and the total (estimated, and marked so, only
  when phrases would need checking in thousands of articles);
- ``highlight``: where the terms occur in an article, and a snippet around them.

``query`` is light (the command line's ``--help`` shows ``SYNTAX``); the rest imports
Whoosh, so each name loads its module on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .compile import Compiled, Compiler
    from .evaluate import Evaluator, Scores
    from .highlight import SNIPPET_REGIONS, match_spans, snippet
    from .postings import IndexView
    from .query import FIELDS, SYNTAX, Parsed, parse, render, syntax_lines, syntax_table
    from .rank import Ranked, by_date, by_score

__all__ = [
    "FIELDS",
    "SNIPPET_REGIONS",
    "SYNTAX",
    "Compiled",
    "Compiler",
    "Evaluator",
    "IndexView",
    "Parsed",
    "Ranked",
    "Scores",
    "by_date",
    "by_score",
    "match_spans",
    "parse",
    "render",
    "snippet",
    "syntax_lines",
    "syntax_table",
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
        "Evaluator": "evaluate",
        "Scores": "evaluate",
        "IndexView": "postings",
        "Ranked": "rank",
        "by_date": "rank",
        "by_score": "rank",
        "SNIPPET_REGIONS": "highlight",
        "match_spans": "highlight",
        "snippet": "highlight",
    },
)
