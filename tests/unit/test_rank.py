"""Ranking's orders against a plain sort: highest score first, equal scores in document order.

The page is cut at a score found from the scores alone; ties (frequent: every article
holding a word once in an equally long field scores the same) must still break by document
number, at the cut too.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrowse.index.search import rank
from newsbrowse.index.search.evaluate import Scores


def _reference(docs: dict[int, float]) -> list[tuple[int, float]]:
    return sorted(docs.items(), key=lambda item: (-item[1], item[0]))


def _docs(seed: int, n: int, distinct: int) -> dict[int, float]:
    rng = random.Random(seed)
    numbers = rng.sample(range(n * 3), n)  # in no particular order, as a union leaves them
    return {d: float(rng.randrange(distinct)) / 7 for d in numbers}


@pytest.mark.parametrize("distinct", [1, 3, 40, 100_000])
@pytest.mark.parametrize("limit", [0, 1, 5, 50, 2000])
def test_the_best_documents_are_a_full_sorts_first_ones(distinct: int, limit: int) -> None:
    for seed in range(3):
        docs = _docs(seed, 1500, distinct)
        assert rank._best(docs, limit) == _reference(docs)[:limit]


def test_a_phrase_page_is_the_confirmed_candidates_in_score_order() -> None:
    docs = _docs(1, 3000, 25)
    holds = {d for d in docs if d % 5 == 0}  # the phrase stands in a fifth of them
    scores = Scores(docs, lambda d: docs[d] if d in holds else None)
    page = rank.by_score(scores, 50, exact=True)
    assert page.hits == [item for item in _reference(docs) if item[0] in holds][:50]
    assert (page.total, page.approximate) == (len(holds), False)


@pytest.mark.parametrize("distinct", [1, 3, 40, 100_000])
@pytest.mark.parametrize("limit", [0, 1, 5, 50, 2000])
def test_the_newest_documents_are_a_full_sorts_first_ones(distinct: int, limit: int) -> None:
    for seed in range(3):
        docs = _docs(seed, 1500, distinct)
        days = [20250100 + random.Random(d).randrange(distinct) for d in range(1500 * 3)]
        expected = sorted(docs, key=lambda d: (-days[d], -d))[:limit]
        page = rank.by_date(Scores(docs), limit, days)
        assert page.hits == [(d, docs[d]) for d in expected]
        assert (page.total, page.approximate) == (len(docs), False)


@pytest.mark.parametrize("distinct", [1, 3, 40, 100_000])
def test_score_bands_give_a_full_sorts_order(distinct: int) -> None:
    """Candidates are put in order a band of scores at a time: all of them, once, in the
    order of one full sort (ties inside a band, never across two)."""
    docs = _docs(2, 30_000, distinct)
    assert list(rank._score_bands(docs)) == [d for d, _ in _reference(docs)]


@given(
    st.dictionaries(st.integers(0, 10_000), st.integers(0, 30).map(lambda v: v / 7), max_size=400),
    st.integers(1, 8),
)
def test_score_bands_of_any_scores_keep_every_document_in_order(
    docs: dict[int, float], first_band: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rank, "FIRST_BAND", first_band)
        assert list(rank._score_bands(docs)) == [d for d, _ in _reference(docs)]


def test_a_rare_phrase_page_reaches_into_later_bands() -> None:
    docs = _docs(3, 30_000, 300)
    holds = {d for d in docs if d % 97 == 0}  # about 300 of 30,000: the page needs ~5,000 checks
    scores = Scores(docs, lambda d: docs[d] if d in holds else None)
    page = rank.by_score(scores, 50)
    assert page.hits == [item for item in _reference(docs) if item[0] in holds][:50]
