"""Gold quotes from PolNeAR attributions: the quoted parts of each attribution's content.

PolNeAR annotates attributions (source, cue, content), direct or not. Our gold for *direct and
partial quotes* is the text inside quotation marks within an attribution's content:

- **Quoted regions.** The whole article is paired first, one paragraph (line) at a time:
  double marks (“ ” „ « » " and the doubled apostrophe ``''`` some publishers type for a
  double quote), then single marks (‘ ’ ') outside the double quotes, so a quote inside a
  quote stays part of the outer one. An apostrophe (``don't``, ``Clinton’s``, ``’90s``,
  ``voters’ choice``) is not a mark; a quote left open at a paragraph's end runs to it, unless
  the next paragraph opens with a mark of the same family: then the quote goes on, and the
  paragraphs make one region (a multi-paragraph quote is one gold quote). Regions exclude
  their marks.
- **Quoted parts.** A content's overlap with each quoted region is one gold quote (outer
  spaces stripped). Working from regions, not from the content alone, finds the quote when
  the annotator left a mark out of the content, or when the mark opens before the content
  (transcript turns: ``"HOST: …`` with the source ``HOST``).
- **Kind.** ``direct`` when the quoted parts are (nearly) the whole content: at most two of
  its words, and at most a quarter of them, lie outside the parts, and none of those is
  "that" (``“We will win,” …``, ``“A” … “B”``). Otherwise ``partial`` (``the plan was “a
  disaster”``, ``that “we will win”``, ``Roe’s “Song”``). A content without quote marks is an
  indirect attribution and gives no gold quote.
- **Speaker.** The attribution's source span(s) and their text; no source
  (``Attribution-no-source``) leaves the speaker unknown and the quote out of speaker accuracy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from polnear_format import Attribution, Span

_MARK_RE = re.compile(r"''|[“”„‟«»\"‘’‚‹›']")
_DOUBLE_OPEN = set("“„‟«")
_DOUBLE_CLOSE = set("”»")
_SINGLE = set("‘’‚‹›'")
_LEFT_OPEN = set(" \t\n([{—–-/:;,") | {"“", "«", "„", "‘", '"'}
_RIGHT_CLOSE = set(" \t\n.,;:!?)]}…—–-") | {"”", "»", "’", '"', "'"}
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PRONOUNS = _words(
    "i me we us you he him she her it they them who whom which this that these those one "
    "someone somebody everyone everybody"
)


@dataclass(frozen=True)
class GoldQuote:
    """One gold quote: spans into the raw PolNeAR text."""

    start: int
    end: int
    kind: str  # "direct" or "partial"
    attribution: str  # the E id
    source: tuple[Span, ...]  # empty: no source annotated
    source_text: str  # the source span(s) joined by " ", "" when none


def _is_double(mark: str) -> bool:
    return mark not in _SINGLE


def _role(text: str, i: int, mark: str, lo: int, hi: int) -> str | None:
    """``"open"``, ``"close"``, ``"either"`` or None (an apostrophe) for the mark at ``i``."""
    left = text[i - 1] if i > lo else " "
    j = i + len(mark)
    right = text[j] if j < hi else " "
    after_space = left in _LEFT_OPEN
    before_space = right in _RIGHT_CLOSE
    if mark in _DOUBLE_OPEN:
        return "open"
    if mark in _DOUBLE_CLOSE:
        return "close"
    if mark in ('"', "''"):
        if after_space and not before_space:
            return "open"
        if before_space and not after_space:
            return "close"
        return "either"
    # single marks: tell quotes from apostrophes
    if left.isalnum() and right.isalnum():
        return None  # don't, Clinton’s, O'Brien
    if mark in "‘‚‹":
        return "open"
    if mark == "›":
        return "close"
    if after_space and right.isdigit():
        return None  # ’90s
    if after_space and not before_space:
        return "open"
    if not after_space and before_space:
        return "close"
    return None


def _plural_possessive(text: str, i: int) -> bool:
    """``voters’ choice``: a closing single mark after "s" and before a lower-case word."""
    return (
        text[i - 1 : i] in ("s", "S")
        and text[i + 1 : i + 2] == " "
        and text[i + 2 : i + 3].islower()
    )


def _paragraphs(text: str) -> list[Span]:
    """Non-blank lines: PolNeAR's articles put one paragraph on a line."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append(m.span())
    return out


def _marks(
    text: str, lo: int, hi: int, double: bool, skip: Sequence[Span]
) -> list[tuple[int, str, str]]:
    """``(position, mark, role)`` of the quote marks of one family in a paragraph."""
    out = []
    for m in _MARK_RE.finditer(text, lo, hi):
        i, mark = m.start(), m.group()
        if _is_double(mark) != double or any(a <= i < b for a, b in skip):
            continue
        role = _role(text, i, mark, lo, hi)
        if role is not None:
            out.append((i, mark, role))
    return out


def _pair(
    text: str, marks: list[tuple[int, str, str]], double: bool
) -> tuple[list[Span], int | None]:
    """Quoted spans between paired marks of one paragraph, and where a quote left open at its
    end began (just past its mark), if one was."""
    spans: list[Span] = []
    opened: int | None = None
    opener = ""
    nested = 0  # curly marks nested inside a straight quote ("A “B” C"), or the reverse
    for n, (i, mark, role) in enumerate(marks):
        if opened is None:
            if role in ("open", "either"):
                opened, opener = i + len(mark), mark
        elif nested and role == "close" and _straight(mark) != _straight(opener):
            nested -= 1
        elif role == "open" and _straight(mark) != _straight(opener):
            nested += 1
        elif role in ("close", "either"):
            later = any(r in ("close", "either") for _, _, r in marks[n + 1 :])
            if not double and _plural_possessive(text, i) and later:
                continue
            spans.append((opened, i))
            opened, nested = None, 0
        elif role == "open":
            opened, opener = i + len(mark), mark  # the earlier one never closed: start again
    return spans, opened


def _straight(mark: str) -> bool:
    return mark in ('"', "''", "'")


def quoted_regions(text: str) -> list[Span]:
    """Every quoted stretch of the text, marks excluded, in text order.

    Paired one paragraph at a time, double marks first, then single marks outside the double
    quotes. A quote left open at a paragraph's end whose next paragraph opens with a mark of
    the same family goes on there: the stretches join into one region.
    """
    paragraphs = _paragraphs(text)
    regions: list[Span] = []
    for double in (True, False):
        skip = [] if double else list(regions)
        carried: int | None = None  # start of a quote going on from the previous paragraph
        for n, (lo, hi) in enumerate(paragraphs):
            marks = _marks(text, lo, hi, double, skip)
            if carried is not None and marks and marks[0][0] == _first(text, lo, hi):
                first = marks.pop(0)
                spans, left_open = _pair(text, [(first[0], first[1], "open"), *marks], double)
                if spans:
                    spans[0] = (carried, spans[0][1])
                else:
                    left_open = carried if left_open == first[0] + len(first[1]) else left_open
            else:
                spans, left_open = _pair(text, marks, double)
            regions.extend(spans)
            carried = None
            if left_open is None:
                continue
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            opens = nxt is not None and any(
                i == _first(text, *nxt) and r in ("open", "either")
                for i, _, r in _marks(text, nxt[0], nxt[1], double, skip)[:1]
            )
            if opens:
                carried = left_open
            else:
                regions.append((left_open, hi))
    return sorted(p for p in (_strip(text, a, b) for a, b in regions) if _has_word(text, p))


def _first(text: str, lo: int, hi: int) -> int:
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo


def _strip(text: str, a: int, b: int) -> Span:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _has_word(text: str, span: Span) -> bool:
    return any(c.isalnum() for c in text[span[0] : span[1]])


def content_parts(text: str, spans: Sequence[Span], regions: Sequence[Span]) -> list[Span]:
    """The quoted parts of a (possibly discontinuous) content: its overlap with each quoted
    region, one part per region, in text order."""
    parts = []
    for ra, rb in regions:
        pieces = [(max(a, ra), min(b, rb)) for a, b in spans if a < rb and ra < b]
        if pieces:
            part = _strip(text, pieces[0][0], pieces[-1][1])
            if _has_word(text, part):
                parts.append(part)
    return parts


def kind_of(text: str, content: Sequence[Span], parts: Sequence[Span]) -> str:
    """``direct`` when the quoted parts are (nearly) the whole content: at most two of its
    words, and at most a quarter, lie outside them, and none of those is "that"."""
    outside = []
    total = 0
    for a, b in content:
        for m in _WORD_RE.finditer(text, a, b):
            total += 1
            if not any(p[0] <= m.start() < p[1] for p in parts):
                outside.append(m.group().lower())
    few = len(outside) <= 2 and 4 * len(outside) <= total
    return "direct" if few and "that" not in outside else "partial"


def gold_quotes(text: str, attributions: Sequence[Attribution]) -> list[GoldQuote]:
    """Every gold quote of an article, in text order."""
    regions = quoted_regions(text)
    out = []
    for att in attributions:
        parts = content_parts(text, att.content, regions)
        if not parts:
            continue
        kind = kind_of(text, att.content, parts)
        source_text = " ".join(text[a:b] for a, b in att.source)
        for a, b in parts:
            out.append(GoldQuote(a, b, kind, att.id, att.source, source_text))
    out.sort(key=lambda g: (g.start, g.end))
    return out


def source_shape(source_text: str) -> str:
    """``none``, ``pronoun``, ``named`` (a capitalised word) or ``nominal`` (``a source``)."""
    words = _WORD_RE.findall(source_text)
    if not words:
        return "none"
    if all(w.lower() in _PRONOUNS for w in words):
        return "pronoun"
    if any(w[0].isupper() for w in words[1:]) or (words[0][0].isupper() and len(words) == 1):
        return "named"
    if words[0][0].isupper() and words[0].lower() not in {"the", "a", "an", "his", "her", "their"}:
        return "named"
    return "nominal"
