"""A quote written out as what it is, cited, and traced to its first report.

Verbatim words (direct and partial quotes) go inside quotation marks; reported speech
(indirect quotes) never does, because a paraphrase in quotation marks is a misquote. One
place for every surface: the app's sidebar, reader and ``y``, and the command line's quotes
table, ``--cite`` and the ``citation`` field of its JSON. Plain Python, and every piece of
untrusted text goes through :func:`~.safe_text.clean` (one line, no control characters).
"""

from __future__ import annotations

from newsbrowse.index.model import QuoteCluster

from .plural import counted
from .safe_text import clean

OPEN, CLOSE = "“", "”"
VERBATIM = frozenset(["direct", "partial"])
# First words of reported speech that read lower-case after "said that".
_LOWER_FIRST = frozenset(
    "a an the it its this that these those there they their he his she her we our".split()  # noqa: SIM905
)


def is_verbatim(kind: str) -> bool:
    """Whether a quote of this kind gives the speaker's own words."""
    return kind in VERBATIM


def _words(text: str) -> str:
    """The quote on one line, without the comma or colon that led back into the sentence."""
    return clean(text).rstrip(",;:– —").rstrip()


def shown(text: str, kind: str) -> str:
    """The quote as a line: verbatim words in quotation marks, reported speech bare."""
    words = _words(text)
    return f"{OPEN}{words}{CLOSE}" if is_verbatim(kind) else words


def citation(
    text: str, kind: str, speaker: str | None, outlet: str | None, date: str | None
) -> str:
    """``“…” — Kaja Kallas, News.Az, 2026-02-23`` for a direct or partial quote,
    ``Kaja Kallas said that … (News.Az, 2026-02-23)`` for an indirect one.

    An unknown speaker, outlet or date is left out, with its punctuation.
    """
    who, where = clean(speaker), ", ".join(x for x in (clean(outlet), clean(date)) if x)
    if is_verbatim(kind):
        quoted = shown(text, kind)
        if who:
            return f"{quoted} — {', '.join(x for x in (who, where) if x)}"
        return f"{quoted} ({where})" if where else quoted
    words = _words(text).rstrip(".").rstrip()
    if who:
        first, _, rest = words.partition(" ")
        if first.lower() == "that":
            words = rest
            first, _, rest = words.partition(" ")
        if first.lower() in _LOWER_FIRST:
            words = first.lower() + (" " + rest if rest else "")
        words = f"{who} said that {words}"
    return f"{words} ({where})" if where else words


def provenance(cluster: QuoteCluster, article: str) -> str | None:
    """``also in 2 articles, first reported 2025-08-22 by News.Az`` for a quote of
    ``article`` in ``cluster`` (None when no other article reports it)."""
    others = [a for a in cluster.articles if a != article]
    if not others:
        return None
    line = f"also in {counted(len(others), 'article')}, first reported"
    first = cluster.first
    if first.article == article:
        return f"{line} here"
    when, outlet = clean(first.date), clean(first.source)
    if not (when or outlet):
        return f"{line} in {clean(first.article)}"
    return line + (f" {when}" if when else "") + (f" by {outlet}" if outlet else "")
