"""The first page of an evaluated query, by score or by date, and how many match in all.

Ties break as Whoosh breaks them: by relevance, equal scores in document order; by date,
newest first and, on the same day, the later document first. A query without phrases knows
its matches exactly. With phrases (``evaluate.Scores.check``), candidates are confirmed in
page order only until the page is full, so the page is exact and costs a few checks; the
total is then exact when all candidates are checked (few of them, few left once the page
is full, or ``exact`` asked), and otherwise the page's checks plus an estimate from an even
sample of the others, marked approximate.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .evaluate import Scores

EXACT_CHECKS = 1000  # candidates checked one by one to count exactly; beyond, a sample
SAMPLE = 200  # candidates checked per round of sampling
ROUNDS = 5  # at most; so at most ROUNDS * SAMPLE checks to estimate a total
ENOUGH = 60  # matches in the sample that make its estimate good to about ±13%
FIRST_BAND = 1024  # candidates put in score order first; the next band 16x as many
BAND_SAMPLE_STRIDE = 16  # one score in 16 sorted, to find where the bands' bounds fall


@dataclass(slots=True)
class Ranked:
    """A page of ``(document, score)``, the total, and whether the total is an estimate."""

    hits: list[tuple[int, float]]
    total: int
    approximate: bool = False


def by_score(scores: Scores, limit: int, *, exact: bool = False) -> Ranked:
    """The best ``limit`` documents by score."""
    docs = scores.docs
    if scores.check is None:
        return Ranked(_best(docs, limit), len(docs))
    return _confirmed_page(scores, _score_bands(docs), limit, exact, by_score=True)


def by_date(scores: Scores, limit: int, days: list[int]) -> Ranked:
    """The newest ``limit`` documents (undated last; on one day the later document)."""
    docs = scores.docs
    if scores.check is None:
        pool: Iterable[int] = docs
        if len(docs) > limit > 0:  # the cut-off day first, as ``_best`` finds its score
            cutoff = heapq.nlargest(limit, map(days.__getitem__, docs))[-1]
            pool = [d for d in docs if days[d] >= cutoff]
        best = heapq.nsmallest(limit, pool, key=lambda d: (-days[d], -d))
        return Ranked([(d, docs[d]) for d in best], len(docs))
    order = sorted(sorted(docs, reverse=True), key=days.__getitem__, reverse=True)
    return _confirmed_page(scores, order, limit, False, by_score=False)


def _best(docs: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best documents, highest score first, equal scores in document order.

    The cut-off score comes from the scores alone (``heapq.nlargest`` compares bare floats);
    only the documents at or above it are ranked by the full key. A key function called per
    document (``nsmallest(key=...)``) cost 2.6x as much over 100,000 matches.
    """
    if limit <= 0:
        return []
    if len(docs) <= limit:
        return sorted(docs.items(), key=_score_order)
    cutoff = heapq.nlargest(limit, docs.values())[-1]
    best = [(doc, score) for doc, score in docs.items() if score >= cutoff]
    return heapq.nsmallest(limit, best, key=_score_order)  # many may tie at the cut-off


def _score_bands(docs: dict[int, float]) -> Iterator[int]:
    """Every document, highest score first, equal scores in document order, sorted a band
    of scores at a time: a page is usually full within the first thousand, and sorting all
    of 94,000 candidates cost 13 ms where picking a band out costs 2. A band holds every
    score in its range, so ties never straddle two bands; where the bands' bounds fall is
    read off a sorted sample of the scores."""
    if len(docs) <= 4 * FIRST_BAND:
        yield from _in_score_order(docs, docs)
        return
    stride = BAND_SAMPLE_STRIDE
    sample = sorted(list(docs.values())[::stride], reverse=True)
    cut = sample[FIRST_BAND // stride]  # the sample has more than FIRST_BAND / 4 scores
    yield from _in_score_order([d for d, s in docs.items() if s >= cut], docs)
    want = FIRST_BAND * 16
    while (at := want // stride) < len(sample):
        upper, cut = cut, sample[at]
        yield from _in_score_order([d for d, s in docs.items() if cut <= s < upper], docs)
        want *= 16
    yield from _in_score_order([d for d, s in docs.items() if s < cut], docs)


def _in_score_order(band: Iterable[int], docs: dict[int, float]) -> list[int]:
    # Highest first; sorting the documents first keeps equal scores in document order.
    return sorted(sorted(band), key=docs.__getitem__, reverse=True)


def _score_order(item: tuple[int, float]) -> tuple[float, int]:
    return -item[1], item[0]


def _confirmed_page(
    scores: Scores, order: Iterable[int], limit: int, exact: bool, *, by_score: bool
) -> Ranked:
    """Confirm candidates in ``order`` until the page is full.

    By score, a candidate's real score can be below the score it was ordered by (a phrase
    in one of the fields it was found in failed): it then waits in ``demoted`` for its turn.
    """
    check = scores.check
    assert check is not None
    docs = scores.docs
    seen: dict[int, float | None] = {}
    demoted: list[tuple[float, int]] = []  # (-real score, document)
    page: list[tuple[int, float]] = []
    for doc in order:
        if len(page) >= limit:
            break
        while demoted and demoted[0] < (-docs[doc], doc):
            score, waiting = heapq.heappop(demoted)
            page.append((waiting, -score))
            if len(page) >= limit:
                break
        if len(page) >= limit:
            break
        real = seen[doc] = check(doc)
        if real is None:
            continue
        if not by_score or real == docs[doc]:
            page.append((doc, real))
        else:
            heapq.heappush(demoted, (-real, doc))
    while demoted and len(page) < limit:
        score, waiting = heapq.heappop(demoted)
        page.append((waiting, -score))
    total, approximate = _count(scores, seen, exact)
    return Ranked(page, total, approximate)


def _count(scores: Scores, seen: dict[int, float | None], exact: bool) -> tuple[int, bool]:
    """How many candidates match: all checked, or estimated from an even sample.

    The candidates the page checked (the best scored, where matches gather) are counted as
    they are; the others are all checked when ``EXACT_CHECKS`` or fewer are left, else
    sampled. The sample grows by rounds of ``SAMPLE`` evenly spaced candidates (each round
    between the last one's) until it holds ``ENOUGH`` matches or ``ROUNDS`` rounds: the
    estimate's relative error is about one over the square root of the matches it saw.
    """
    check = scores.check
    assert check is not None

    def matches(doc: int) -> bool:
        if doc not in seen:
            seen[doc] = check(doc)
        return seen[doc] is not None

    candidates = scores.docs
    if exact or len(candidates) <= EXACT_CHECKS:
        return sum(1 for doc in candidates if matches(doc)), False
    # The page's matches, and the candidates it left, counted and found in C (a Python step
    # for each of thousands of candidates cost as much as a tenth of the checks).
    confirmed = len(seen) - list(seen.values()).count(None)
    rest = sorted(candidates.keys() - seen.keys())
    if len(rest) <= EXACT_CHECKS:
        return confirmed + sum(1 for doc in rest if matches(doc)), False
    step = len(rest) / SAMPLE
    sampled = hits = 0
    for round_ in range(ROUNDS):
        offset = step * _SPREAD[round_]
        for i in range(SAMPLE):
            hits += matches(rest[int(offset + i * step)])
        sampled += SAMPLE
        if hits >= ENOUGH:
            break
    estimate = round_estimate(confirmed + len(rest) * hits / sampled)
    return max(min(estimate, len(candidates)), confirmed), True


_SPREAD = (0.0, 0.5, 0.25, 0.75, 0.125)  # where each round's samples sit between the last's


def round_estimate(value: float) -> int:
    """Two significant figures: an estimate shown as 5,500, not 5,517."""
    if value < 100:
        return round(value)
    digits = len(str(int(value))) - 2
    return int(round(value, -digits))
