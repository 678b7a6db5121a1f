"""Read the command line as people write it, before argparse sees it.

Two forms argparse cannot take on its own:

- ``newsbrowse DIR`` and ``newsbrowse DIR search x``: a first word that is not a command
  is the corpus folder (as ``--corpus DIR``). A folder named like a command is given as
  ``./index`` or with ``--corpus``.
- ``newsbrowse search -kremlin``, ``search peace -kremlin``: after ``search`` every word
  is part of the query, a leading ``-`` (NOT) included, except the real options
  (``--limit``, ``--sort``, ``--json``, ``--corpus``, ``--index-dir``, ``-h``/``--help``),
  which work in any position. After ``--`` everything is query. The words are joined with
  single spaces, so ``search kallas peace`` is the query ``kallas peace``.

Plain Python, no imports beyond the standard library: ``--help`` stays light.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

COMMANDS = ("index", "search", "articles", "show", "quotes", "speakers")
# Options that take a value, as separate word (``--limit 5``) or glued (``--limit=5``).
GLOBAL_VALUES = frozenset({"--corpus", "--index-dir"})
SEARCH_VALUES = GLOBAL_VALUES | {"--limit", "--sort"}


@dataclass(frozen=True)
class Argv:
    """The words argparse should parse, and what was taken out of them."""

    args: list[str]
    corpus_word: str | None = None  # DIR given as a word before the command
    query: list[str] | None = None  # the words of search's query (None: not search)
    stray: str | None = None  # a second word before any command: an unknown command


def split_argv(argv: Sequence[str]) -> Argv:
    """Take the corpus word and the search query out of ``argv``."""
    args: list[str] = []
    corpus_word: str | None = None
    stray: str | None = None
    words = list(argv)
    i = 0
    while i < len(words):
        word = words[i]
        forced = word == "--" and i + 1 < len(words)  # ``newsbrowse -- -odd-folder``
        if forced:
            i += 1
            word = words[i]
        elif word.startswith("-") and len(word) > 1:
            args.append(word)
            if word in GLOBAL_VALUES and i + 1 < len(words):
                args.append(words[i + 1])
                i += 1
            i += 1
            continue
        if word in COMMANDS and not forced:
            args.append(word)
            rest = words[i + 1 :]
            if word == "search":
                options, query = _split_search(rest)
                return Argv(args + options, corpus_word, query, stray)
            return Argv(args + rest, corpus_word, None, stray)
        if corpus_word is None:
            corpus_word = word
        elif stray is None:
            stray = word
        i += 1
    return Argv(args, corpus_word, None, stray)


def _split_search(words: list[str]) -> tuple[list[str], list[str]]:
    """Search's options and its query words."""
    options: list[str] = []
    query: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            query.extend(words[i + 1 :])
            break
        if word.startswith("--") or word == "-h":
            options.append(word)
            if word in SEARCH_VALUES and i + 1 < len(words):
                options.append(words[i + 1])
                i += 1
        else:
            query.append(word)
        i += 1
    return options, query
