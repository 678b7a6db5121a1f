"""Where a query's terms occur in an article, and a snippet around the best of them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, count

from ..analysis import folded, index_terms, words_of
from ..model import Span

SNIPPET_CHARS = 200
SNIPPET_REGIONS = 2  # paragraphs with matches enough for a snippet


def match_spans(
    text: str,
    regions: Iterable[Span],
    single: set[str],
    phrases: Sequence[tuple[str, ...]],
    limit_regions: int | None = None,
) -> list[Span]:
    """Spans in ``text`` (within ``regions``) of matching terms and whole phrases, in order.

    With ``limit_regions``, stop after that many regions with a match (enough for a snippet).
    """
    if not single and not phrases:
        return []
    any_of = _cues(single)  # a region holding one of these may match a single term...
    runs = [_run(phrase) for phrase in phrases]  # ...or one of these a phrase
    found: list[Span] = []
    hit_regions = 0
    for start, end in regions:
        chunk = text[start:end]
        lowered = folded(chunk)
        if not any(c in lowered for c in any_of) and not any(r.search(lowered) for r in runs):
            continue  # no token here can match: skip the tokenizer
        words = index_terms(chunk)
        hits = [(i, i) for i in _where(words, single)]  # (first, last) token of each match
        for phrase in phrases:
            last = len(phrase) - 1
            hits += [
                (i, i + last)
                for i in _where(words, {phrase[0]})
                if tuple(words[i : i + last + 1]) == phrase
            ]
        if not hits:
            continue
        bounds = [m.span() for m in words_of(chunk).finditer(chunk)]
        found += [(start + bounds[i][0], start + bounds[j][1]) for i, j in hits]
        hit_regions += 1
        if limit_regions is not None and hit_regions >= limit_regions:
            break
    found.sort()
    return _merge(found)


def _where(words: list[str], wanted: set[str]) -> Iterator[int]:
    """The indexes of ``words`` found in ``wanted``, found without a Python step per word
    (most of a long paragraph's words match nothing: a loop over them was most of a hit's
    highlighting)."""
    return compress(count(), map(wanted.__contains__, words))


def _cues(terms: Iterable[str]) -> list[str]:
    """Substrings every matching token's folded text contains (in the terms' order): its
    term minus the last letter (stemming may turn a final "y" into "i")."""
    return [t[:-1] if len(t) > 3 else t for t in terms]


def _run(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """What the folded text of a phrase's words one after another holds: each word's cue
    inside a token, the tokens next to each other. (Its words are in most paragraphs when
    they are common; the phrase is in few.)"""
    # the rest of one token, what separates it (nothing between ideographs), the next's start
    between = r"\w*\W*\w*"
    return re.compile(between.join(re.escape(cue) for cue in _cues(phrase)))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def snippet(
    text: str, paragraphs: Sequence[Span], spans: Sequence[Span], width: int = SNIPPET_CHARS
) -> tuple[str, tuple[Span, ...]]:
    """A one-line excerpt around the densest run of ``spans``, and their spans within it."""
    if spans:
        best = max(range(len(spans)), key=lambda i: _covered(spans, i, width))
        anchor = spans[best][0]
        para = next(((s, e) for s, e in paragraphs if s <= anchor < e), (0, len(text)))
        start = max(para[0], anchor - width // 4)
        # start at a word boundary
        while start > para[0] and not text[start - 1].isspace():
            start -= 1
        end = min(para[1], start + width)
    elif paragraphs:
        start, end = paragraphs[0][0], min(paragraphs[0][1], paragraphs[0][0] + width)
        para = paragraphs[0]
    else:
        return "", ()
    while end < para[1] and end > start and not text[end].isspace():
        end -= 1
    if end <= start:
        end = min(para[1], start + width)
    body = text[start:end].replace("\n", " ").replace("\t", " ")
    lead = "…" if start > para[0] else ""
    tail = "…" if end < para[1] else ""
    shift = len(lead) - start
    inner = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    return lead + body + tail, inner


def _covered(spans: Sequence[Span], i: int, width: int) -> int:
    limit = spans[i][0] + width * 3 // 4
    return sum(1 for s, _ in spans[i:] if s < limit)
