"""Ranking's orders against a plain sort: highest score first, equal scores in document order.

The page is cut at a score found from the scores alone; ties (frequent: every article
holding a word once in an equally long field scores the same) must still break by document
number, at the cut too.
"""

from __future__ import annotations

import random

import pytest

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
