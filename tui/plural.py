"""Counts in words: ``1 article``, ``2 articles``, ``1 skipped file``.

One place for it, so that no screen or command says "1 articles". Plain Python.
"""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None, *, grouped: bool = False) -> str:
    """``n`` and ``noun``, the noun plural unless ``n`` is 1 (``grouped``: ``1,000``)."""
    number = f"{n:,}" if grouped else str(n)
    return f"{number} {noun if n == 1 else (plural or _plural(noun))}"


def _plural(noun: str) -> str:
    """English plural of the nouns newsbrowse counts (the last word takes the ``s``)."""
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")
