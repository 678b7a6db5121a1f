"""Index terms computed fast are the analyzer's: tokenize, lowercase, fold, stem."""

from __future__ import annotations

import random

import pytest
from whoosh.lang.porter import stem

from newsbrowse.index.analysis import index_terms, name_analyzer, term_spans

TEXTS = [
    "Plain ASCII: the Mayor's 3 plans_for 2025, said O'Neil.",
    "Latin-1 text: Genève résumé naïve café, «quoted».",
    "Curly quotes and dashes: “It’s over” — she said.",
    "Ideographs in a run: 東京都は日本の首都 and Kyoto.",
    "",
]


def analyzed(text: str) -> list[str]:
    return [stem(token.text) for token in name_analyzer()(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_index_terms_are_the_analyzers(text: str) -> None:
    assert index_terms(text) == analyzed(text)
    assert [term for term, _, _ in term_spans(text)] == analyzed(text)


def test_ascii_text_of_any_characters_is_tokenized_as_the_analyzer_does() -> None:
    rng = random.Random(5)
    chars = "".join(map(chr, range(128)))
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 40)))
        assert index_terms(text) == analyzed(text)
