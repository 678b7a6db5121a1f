"""Quoted segments and the sentences around them.

A segment is the text between a pair of quote marks (“ ” " " « » ‘ ’ „ “ ‹ › ' ', and
the doubled apostrophe ``''`` some publishers type for a double mark), found one paragraph
at a time so an unbalanced mark can never shift the pairs of later
paragraphs. Apostrophes (``don’t``, ``Novak’s``, ``’90s``, ``leaders’ meeting``) are not
marks. A paragraph left open whose next paragraph re-opens with a mark continues the quote.
Sentences never break inside a quoted segment or after an abbreviation (``Mr.``, ``U.S.``);
a :class:`Sentence` makes its tokens only when first asked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span
from .lexicon import ABBREVIATIONS, PARTIAL_VERBS, SAY_VERBS, TITLE_ABBREVIATIONS, words
from .tokens import Tokens

DOUBLE = "double"
SINGLE = "single"

_MARK_RE = re.compile(r"[“”„‟«»\"‘’‚‹›']")  # two ' in a row are joined afterwards
_OPENERS = {"“": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "«": DOUBLE, "‘": SINGLE, "‚": SINGLE}
_OPENERS.update({"‹": SINGLE})
_CLOSERS = {"”": DOUBLE, "»": DOUBLE, "’": SINGLE, "›": SINGLE}
_PAIRS = {
    "“": '”"',
    "„": "“”",
    "‟": "”",
    "«": "»",
    "‘": "’'",
    "‚": "‘’",
    "‹": "›",
    '"': '"”',
    "'": "'’",
    "''": ("''", "”", '"'),
}
_OPEN_LEFT = set(" \t\n([{—–-/:;,") | {"“", "«", "„", "‘"}
_SENTENCE_PUNCT = set(".,;:!?)]}…—–-")
_OPENS_PARAGRAPH = "“„«‘\"'‹"


@dataclass(frozen=True, slots=True)
class Segment:
    """Text between a pair of marks: ``text[start:end]`` excludes the marks."""

    start: int
    end: int
    open_at: int  # position of the opening mark
    close_end: int  # just past the closing mark (paragraph end when left open)
    paragraph: int
    continues: bool = False  # left open: the quote goes on in the next paragraph
    continued: bool = False  # this paragraph re-opens a quote left open before


def _kind(text: str, i: int, mark: str, lo: int, hi: int) -> str | None:
    """Classify ``mark`` at ``i``: "open", "close", "either" or None (an apostrophe)."""
    ch = mark[0]
    j = i + len(mark)
    left = text[i - 1] if i > lo else " "
    right = text[j] if j < hi else " "
    left_space = left.isspace() or left in _OPEN_LEFT
    right_space = right.isspace() or right in _SENTENCE_PUNCT
    if mark == "''" or ch == '"':
        if left_space and not right_space:
            return "open"
        if right_space and not left_space:
            return "close"
        if mark == "''" and left.isalnum() and right.isalnum():
            return None  # a typo inside a word
        return "either"
    if ch in "’'":
        if left.isalnum() and right.isalnum():
            return None  # don’t, Novak’s, O’Brien
        after_space = left.isspace() or left in "([{“«„‘—–/"
        if after_space and right.isdigit():
            return None  # ’90s
        if ch == "'" and after_space and not right_space:
            return "open"
        if after_space:
            return None
        return "close"
    if ch == "‘":
        if left.isalnum() and right.isalnum():
            return None  # a mis-typed apostrophe
        return "open"
    if ch in _OPENERS:
        return "open"
    return "close"


def _weak_close(text: str, i: int, hi: int) -> bool:
    """A ’ after "s" and before a lower-case word: most likely a plural possessive."""
    return (
        text[i] in "’'"
        and text[i - 1] in "sS"
        and i + 2 < hi
        and text[i + 1] == " "
        and text[i + 2].islower()
    )


def _family(mark: str) -> str:
    return SINGLE if len(mark) == 1 and mark in "‘’‚‹›'" else DOUBLE


def _mark_at(text: str, i: int) -> str:
    """The quote mark starting at ``i`` (``''`` counts as one double mark)."""
    return "''" if text.startswith("''", i) else text[i : i + 1]


_Pair = tuple[int, int, int]  # opening mark's position and length, closing mark's position


def _pairs(text: str, lo: int, hi: int) -> tuple[list[_Pair], int | None, str]:
    """Balanced marks in ``text[lo:hi]`` as (open, open length, close), and a mark left
    open."""
    marks: list[tuple[int, str]] = []
    for m in _MARK_RE.finditer(text, lo, hi):
        i = m.start()
        ch = text[i]
        if ch == "'" and marks and marks[-1] == (i - 1, "'"):
            marks[-1] = (i - 1, "''")  # a doubled apostrophe: one double mark
        else:
            marks.append((i, ch))
    pairs: list[_Pair] = []
    opened: int | None = None
    opener = ""
    for n, (i, ch) in enumerate(marks):
        kind = _kind(text, i, ch, lo, hi)
        if kind is None:
            continue
        if opened is None:
            if kind in ("open", "either"):
                opened, opener = i, ch
            continue
        closes = ch in _PAIRS[opener] and (
            kind in ("close", "either") or (opener in "„‚" and not text[i - 1].isspace())
        )
        if closes and _family(ch) == SINGLE and _weak_close(text, i, hi):
            later = marks[n + 1 :]
            if any(
                c in _PAIRS[opener]
                and _kind(text, j, c, lo, hi) == "close"
                and not _weak_close(text, j, hi)
                for j, c in later
            ):
                continue
        if closes:
            if i > opened + len(opener):
                pairs.append((opened, len(opener), i))
            opened = None
        elif kind == "open" and _family(ch) == _family(opener):
            opened, opener = i, ch  # the earlier mark was never closed: start over here
    return pairs, opened, opener


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_letters(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def find_segments(text: str, paragraphs: Sequence[Span]) -> list[Segment]:
    """Every quoted segment in the paragraphs, in text order."""
    out: list[Segment] = []
    open_family = ""  # family of the mark the previous paragraph left open, if it goes on
    for p, (lo, hi) in enumerate(paragraphs):
        pairs, left_open, opener = _pairs(text, lo, hi)
        first = _stripped_start(text, lo, hi)
        reopened = (
            bool(open_family) and first < hi and _family(_mark_at(text, first)) == open_family
        )
        for open_at, width, close_at in pairs:
            start, end = _strip(text, open_at + width, close_at)
            if start < end and _has_letters(text, start, end):
                cont = reopened and open_at == first
                close_end = close_at + len(_mark_at(text, close_at))
                out.append(Segment(start, end, open_at, close_end, p, continued=cont))
        open_family = ""
        if left_open is None:
            continue
        if p + 1 < len(paragraphs):
            nlo, nhi = paragraphs[p + 1]
            nfirst = _stripped_start(text, nlo, nhi)
            goes_on = (
                nfirst < nhi
                and text[nfirst] in _OPENS_PARAGRAPH
                and _family(_mark_at(text, nfirst)) == _family(opener)
            )
        else:
            goes_on = False
        if not goes_on and left_open == first and p + 1 >= len(paragraphs):
            # the last paragraph opens a quote it never closes ("PENCE: …): to its end
            start, end = _strip(text, left_open + len(opener), hi)
            if start < end and _has_letters(text, start, end):
                cont = reopened and left_open == first
                out.append(Segment(start, end, left_open, hi, p, continued=cont))
            continue
        if goes_on:
            start, end = _strip(text, left_open + len(opener), hi)
            if start < end and _has_letters(text, start, end):
                cont = reopened and left_open == first
                out.append(Segment(start, end, left_open, hi, p, continues=True, continued=cont))
                open_family = _family(opener)
    return out


def _stripped_start(text: str, lo: int, hi: int) -> int:
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo


# ---------------------------------------------------------------- sentences

# "[.!?…][.!?…]*" rather than "[.!?…]+": the same matches, but a pattern that opens with
# one character class lets the regex engine skip ahead to it (about 2.5x faster to search).
# The white space is a group: where it begins, the sentence before it ends.
_BOUNDARY_RE = re.compile(
    r"[.!?…][.!?…]*+[\"”’'»)\]]*+(\s++)(?=(?:''|[“\"‘'«„(\[])?[A-Z0-9À-ÖØ-ÞА-Я])"
)
_OPENER_WORDS = words(
    "the he she it they we i but and this that there in on at a an his her their its our "
    "after before however meanwhile"
)


_WORD_BEFORE_DOT_RE = re.compile(r"[\w.]{1,12}$")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S., e.g.


def _is_abbreviation(text: str, dot: int, pos: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation rather than a sentence (the
    next sentence would start at ``pos``)."""
    if text[dot] != ".":
        return False
    if dot >= 6 and text[dot - 6 : dot].isalpha():
        return False  # a word of six letters or more: most sentences end so
    m = _WORD_BEFORE_DOT_RE.search(text, max(0, dot - 12), dot)
    word = m.group().rstrip(".") if m else ""
    if not word or (len(word) > 5 and "." not in word):
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if _DOTTED_RE.fullmatch(word):  # U.S., e.g.
        next_word = text[pos : pos + 12].split(" ", 1)[0].strip("“\"‘'«„([")
        return next_word.lower() not in _OPENER_WORDS
    return False


def split_sentences(text: str, lo: int, hi: int, segments: Sequence[Segment]) -> list[Span]:
    """Sentences of ``text[lo:hi]``; a boundary inside a quoted segment does not count."""
    spans = []
    start = _stripped_start(text, lo, hi)
    for m in _BOUNDARY_RE.finditer(text, lo, hi):
        at, pos = m.span()
        if segments and any(s.open_at < at and pos < s.close_end for s in segments):
            continue
        # a word of six letters or more before the full stop: no abbreviation (the check
        # _is_abbreviation opens with, made here for the most common boundary)
        if (
            text[at] == "."
            and not (at >= 6 and text[at - 6 : at].isalpha())
            and _is_abbreviation(text, at, pos)
        ):
            continue
        dot = at
        while dot + 1 < pos and text[dot + 1] in ".!?…":
            dot += 1
        if text[dot] in "?!" and dot + 1 < pos and _attribution_next(text, pos, hi):
            continue
        if text[dot] == "." and text[dot + 1] in _QUOTE_ENDS and _tag_sentence(text, pos, hi):
            continue  # "“We won.” Olsen said.": a quote's full stop before its tag
        spans.append((start, m.start(1)))  # it ends where the white space after it begins
        start = pos
    last = _strip(text, start, hi)
    if last[0] < last[1]:
        spans.append(last)
    return spans


# A tag's text up to its first stop; a title's full stop ("Mr.") does not end it.
_TITLE_DOT = "|".join(sorted((t.capitalize() for t in TITLE_ABBREVIATIONS), key=len, reverse=True))
_TAG_RE = re.compile(
    rf"(?:\b(?:{_TITLE_DOT})\.|[^.!?;:“”\"«»]){{1,80}}?[.,!?;:]|[^.!?;:“”\"«»]{{1,80}}$"
)
_TAG_WORD_RE = re.compile(r"[a-z]+")


def _attribution_next(text: str, pos: int, hi: int) -> bool:
    """``“Who wins?” Roe asked.``: a short clause with a reporting verb right after a quote
    ending in ``?`` or ``!`` attributes it, and so belongs to its sentence."""
    m = _TAG_RE.match(text, pos, hi)
    if m is None:
        return False
    found = _TAG_WORD_RE.findall(m.group())
    return len(m.group().split()) <= 8 and any(
        w in SAY_VERBS or w in PARTIAL_VERBS for w in found[:6]
    )


_QUOTE_ENDS = frozenset("”\"»’'")
_SHORT_TAG = 5  # words: "Mira Olsen said on Monday."


def _tag_sentence(text: str, pos: int, hi: int) -> bool:
    """``Olsen said.`` / ``Mira Olsen told reporters.``: a short sentence with a reporting
    verb after a quote that ended in a full stop is that quote's tag."""
    m = _TAG_RE.match(text, pos, hi)
    if m is None or not m.group().endswith("."):
        return False
    found = m.group().rstrip(".").split()
    return len(found) <= _SHORT_TAG and any(w in SAY_VERBS for w in found[1:3])


class Sentence:
    """One sentence, the quoted segments inside it, and its tokens (made when first asked)."""

    __slots__ = ("_inside", "_tok", "end", "idx", "paragraph", "segs", "start", "text")

    def __init__(
        self, text: str, idx: int, span: Span, paragraph: int, segs: list[Segment]
    ) -> None:
        self.text = text
        self.idx = idx
        self.start, self.end = span
        self.paragraph = paragraph
        end, start = self.end, self.start
        self.segs = [s for s in segs if s.open_at < end and s.close_end > start] if segs else []
        self._tok: Tokens | None = None
        self._inside: list[bool] = []

    @property
    def tok(self) -> Tokens:
        if self._tok is None:
            self._tok = Tokens(self.text, self.start, self.end)
            starts = self._tok.starts
            inside = [False] * len(starts)
            for seg in self.segs:
                a = bisect_left(starts, seg.open_at)
                b = bisect_left(starts, seg.close_end, a)
                inside[a:b] = [True] * (b - a)
            self._inside = inside
        return self._tok

    @property
    def has_tokens(self) -> bool:
        """Whether the tokens were made already."""
        return self._tok is not None

    @property
    def inside(self) -> list[bool]:
        """Whether each token lies inside a quoted segment."""
        if self._tok is None:
            _ = self.tok
        return self._inside
