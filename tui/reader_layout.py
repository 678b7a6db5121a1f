"""The reader's layout: an article's blocks wrapped into lines at one width, no widgets.

The reader draws only the lines in view (Textual's Line API), so it needs, for a width, which
text each line shows and how article offsets map to lines and back. :class:`Layout` holds
that as flat arrays; :func:`wrap_breaks` wraps one block exactly as Textual wraps a
``Static`` (Rich's ``divide_line``), with a fast path for text whose characters are all one
cell wide, the usual case for news text, that costs one step per line instead of one per
word (a 1 MB article wraps in tens of milliseconds, not a quarter of a second).

Offsets are the contract: an article block's lines hold spans into the article's text, so
matches, quotes and find hits (:class:`SpanIndex`) light the lines they overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

# Characters that are not exactly one cell wide, or are whitespace other than the space.
# Text without any of them (and without leading spaces) takes the fast path of
# wrap_breaks; every character outside this class is checked to be one cell wide and not
# whitespace by tests/unit/test_reader_layout.py.
_NOT_SIMPLE = re.compile(
    r"[^!-~ \xa1-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1"
    r"\u03a3-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]"
)
_SPACE = re.compile(" ")
_NOT_SPACE = re.compile("[^ ]")


def is_simple(text: str) -> bool:
    """Whether every character of ``text`` is one cell wide and the only whitespace is
    the space (then wrapping needs no cell widths), with no leading space."""
    return not text.startswith(" ") and _NOT_SIMPLE.search(text) is None


def wrap_breaks(text: str, width: int) -> list[int]:
    """Where to break ``text`` into lines of ``width`` cells: Rich's ``divide_line``
    (``fold=True``), which Textual uses for a ``Static``; the same answer, faster."""
    width = max(width, 1)
    if not is_simple(text):
        from rich._wrap import divide_line

        return divide_line(text, width, fold=True)
    return _simple_breaks(text, width)


def _simple_breaks(text: str, width: int) -> list[int]:
    """``divide_line`` for text of one-cell characters separated by spaces.

    A word (a run of non-spaces with the spaces after it) fits on a line starting at
    ``line`` if its non-spaces end by ``line + width``; the first word that does not fit
    starts the next line, or, longer than a line, is cut into pieces of ``width``.
    """
    n = len(text)
    breaks: list[int] = []
    line = 0
    while line + width < n:
        edge = line + width
        if text[edge] == " ":
            nxt = _NOT_SPACE.search(text, edge)
            if nxt is None:
                break  # only spaces after the edge: they hang off the last line
            start = nxt.start()
        else:
            start = text.rfind(" ", line, edge) + 1 or line
        space = _SPACE.search(text, start)
        end = space.start() if space is not None else n
        if end - start > width:  # a word longer than a line: fold it
            nxt = _NOT_SPACE.search(text, end)
            stop = nxt.start() if nxt is not None else n
            pieces = -(-(stop - start) // width)
            if start:
                breaks.append(start)
            breaks.extend(start + k * width for k in range(1, pieces))
            line = start + (pieces - 1) * width
        elif start > line:
            breaks.append(start)
            line = start
        else:  # cannot happen for simple text; never loop on it
            from rich._wrap import divide_line

            return divide_line(text, width, fold=True)
    return breaks


@dataclass(frozen=True)
class Block:
    """One run of the reader: an article span (``text`` None) or a text of its own (the
    derived label, the metadata line), with the blank lines that follow it."""

    kind: str  # "title", "label", "meta", "paragraph"
    start: int  # article offsets; for a text of its own, 0
    end: int  # ... and len(text)
    text: str | None = None
    gap: int = 0  # blank lines after the block

    @property
    def in_article(self) -> bool:
        return self.text is None


class Layout:
    """The blocks wrapped at one width: line ``y`` shows ``source(y)[starts[y]:ends[y]]``.

    ``blocks[y]`` is the block a line belongs to (-1 for a blank line). ``anchors[y]`` is
    the article offset a line stands for as a reading position: the start of the last
    paragraph line at or above it (0 above the first paragraph).
    """

    def __init__(self, plain: str, blocks: Sequence[Block], width: int) -> None:
        self.width = max(width, 1)
        self.plain = plain
        self.blocks = list(blocks)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.block_of: list[int] = []
        self.anchors: list[int] = []
        self.first_line: list[int] = []  # per block
        anchor = 0
        for index, block in enumerate(self.blocks):
            self.first_line.append(len(self.starts))
            source = self.source(index)
            text = source[block.start : block.end]
            cuts = [0, *wrap_breaks(text, self.width), len(text)]
            for a, b in pairwise(cuts):
                self.starts.append(block.start + a)
                self.ends.append(block.start + b)
                self.block_of.append(index)
                if block.kind == "paragraph":
                    anchor = block.start + a
                self.anchors.append(anchor)
            for _ in range(block.gap):
                self.starts.append(block.end)
                self.ends.append(block.end)
                self.block_of.append(-1)
                self.anchors.append(anchor)
        # Article blocks by offset, for offset -> line.
        order = sorted(
            (b.start, b.end, i)
            for i, b in enumerate(self.blocks)
            if b.in_article and b.end > b.start
        )
        self._offset_starts = [start for start, _, _ in order]
        self._offset_blocks = [(end, i) for _, end, i in order]

    @property
    def height(self) -> int:
        return len(self.starts)

    def source(self, block: int) -> str:
        """The string a block's offsets index: the article's, or the block's own text."""
        text = self.blocks[block].text
        return self.plain if text is None else text

    def text(self, y: int) -> str:
        """What line ``y`` shows (trailing spaces dropped, as Textual does)."""
        block = self.block_of[y]
        if block < 0:
            return ""
        return self.source(block)[self.starts[y] : self.ends[y]].rstrip(" ")

    def line_of(self, offset: int) -> int | None:
        """The line showing an article offset (None if no article block holds it)."""
        index = bisect_right(self._offset_starts, offset) - 1
        if index < 0:
            return None
        end, block = self._offset_blocks[index]
        if offset >= end:
            return None
        first = self.first_line[block]
        last = first + self._line_count(block)
        return bisect_right(self.starts, offset, first, last) - 1

    def _line_count(self, block: int) -> int:
        nxt = self.first_line[block + 1] if block + 1 < len(self.blocks) else self.height
        return nxt - self.first_line[block] - self.blocks[block].gap

    def hold(self, y: int) -> tuple[int, int, int]:
        """Where line ``y`` is, in terms that survive a re-wrap: its block, the offset its
        text starts at, or, for a blank line, how far below the block's last line it is."""
        y = max(0, min(y, self.height - 1))
        gap = 0
        while y > 0 and self.block_of[y] < 0:
            y, gap = y - 1, gap + 1
        block = self.block_of[y]
        return (block, -1, gap) if gap else (block, self.starts[y], 0)

    def find(self, hold: tuple[int, int, int]) -> int:
        """The line that :meth:`hold` described (in this layout, at any width)."""
        block, start, gap = hold
        if not 0 <= block < len(self.blocks):
            return 0
        first = self.first_line[block]
        end = first + self._line_count(block)
        if gap:
            return min(end - 1 + gap, self.height - 1)
        return max(bisect_right(self.starts, start, first, end) - 1, first)

    def anchor(self, y: int) -> int:
        """The reading position of line ``y`` (clamped to the layout)."""
        if not self.anchors:
            return 0
        return self.anchors[max(0, min(y, len(self.anchors) - 1))]


class SpanIndex:
    """Spans sorted by start, and which of them overlap a range, in ``O(log n + k)``
    for spans that do not nest deeply (matches, quotes and find hits do not)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]
        self._reach: list[int] = []  # the furthest end among spans[: i + 1]
        reach = -1
        for _, end in self.spans:
            reach = max(reach, end)
            self._reach.append(reach)

    def __len__(self) -> int:
        return len(self.spans)

    def overlapping(self, start: int, end: int) -> Iterator[int]:
        """Indices (ascending) of the spans that overlap ``[start, end)``."""
        stop = bisect_left(self._starts, end)
        first = stop
        while first > 0 and self._reach[first - 1] > start:
            first -= 1
        for i in range(first, stop):
            if self.spans[i][1] > start:
                yield i
