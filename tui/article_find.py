"""Find in the open article: case and accents folded, spans into the article's own text.

Separate from the corpus query (which goes through the index): this looks for what the user
typed, as a phrase, in one article's text. Both sides are folded the same way (lowercase,
accents and ligatures decomposed and dropped, typographic quotes and dashes as their ASCII
forms), and a run of spaces in what was typed matches any run of whitespace. The folded
text keeps a map back to the original offsets, so a hit is a span ``(start, end)`` into the
article's decoded text, like every match and quote.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

Span = tuple[int, int]

_TYPOGRAPHIC = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "\u00a0": " ",
    }
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: lowercase, no accents, ASCII quotes and dashes (maybe empty,
    maybe several characters: ``ß`` gives ``ss``, ``ﬁ`` gives ``fi``)."""
    decomposed = unicodedata.normalize("NFKD", char.casefold().translate(_TYPOGRAPHIC))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` folded as :class:`FoldedText` folds it (for what the user typed)."""
    return FoldedText(text).folded


class FoldedText:
    """A text folded for finding, with the map from folded offsets back to the text's.

    ASCII runs keep their length (only lowercased); each other character is folded on its
    own. ``_folded_at[k]``/``_source_at[k]`` start the k-th piece; a piece is either an
    ASCII run (offsets shift one to one) or one character (all its folded characters map
    to it).
    """

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        self._folded_at: list[int] = []
        self._source_at: list[int] = []
        self._run: list[bool] = []
        folded = 0

        def piece(source: int, text_: str, run: bool) -> None:
            nonlocal folded
            self._folded_at.append(folded)
            self._source_at.append(source)
            self._run.append(run)
            parts.append(text_)
            folded += len(text_)

        position = 0
        for match in _NON_ASCII.finditer(text):
            if match.start() > position:
                piece(position, text[position : match.start()].lower(), True)
            for index in range(match.start(), match.end()):
                piece(index, fold_char(text[index]), False)
            position = match.end()
        if position < len(text) or not parts:
            piece(position, text[position:].lower(), True)
        self.folded = "".join(parts)
        self._length = len(text)

    def source_start(self, folded: int) -> int:
        """The text offset of the character that folded offset ``folded`` came from."""
        k = bisect_right(self._folded_at, folded) - 1
        if self._run[k]:
            return self._source_at[k] + folded - self._folded_at[k]
        return self._source_at[k]

    def on_boundary(self, folded: int) -> bool:
        """Whether folded offset ``folded`` falls between two of the text's characters, not
        inside what one character folds to ("ß" folds to "ss": a match of "s" is no hit)."""
        if folded >= len(self.folded):
            return True
        k = bisect_right(self._folded_at, folded) - 1
        return self._run[k] or folded == self._folded_at[k]

    def source_end(self, folded_end: int) -> int:
        """The text offset just after the character that ``folded_end - 1`` came from."""
        if folded_end <= 0:
            return 0
        return min(self.source_start(folded_end - 1) + 1, self._length)


def pattern(needle: str) -> re.Pattern[str] | None:
    """What the user typed as a pattern over folded text (None when there is nothing)."""
    words = fold(needle).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def find_spans(folded: FoldedText, regions: Sequence[Span], needle: str) -> list[Span]:
    """Spans of ``needle`` in the text, in order, each inside one of ``regions`` (the
    title and paragraphs the reader shows; ``regions`` in text order)."""
    compiled = pattern(needle)
    if compiled is None:
        return []
    starts = [start for start, _ in regions]
    hits: list[Span] = []
    for match in compiled.finditer(folded.folded):
        if not (folded.on_boundary(match.start()) and folded.on_boundary(match.end())):
            continue
        start = folded.source_start(match.start())
        end = folded.source_end(match.end())
        index = bisect_right(starts, start) - 1
        if index >= 0 and end <= regions[index][1]:
            hits.append((start, end))
    return hits
