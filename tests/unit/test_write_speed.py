"""The write stage's faster forms agree with the plain ones they stand for."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index import analysis
from newsbrowse.index.analysis import TOKEN_PATTERN, index_terms, term_of
from newsbrowse.index.quotes import fingerprint
from newsbrowse.index.store.segments import SegmentBuilder, _Term, encode_positions


def _plain_terms(text: str) -> list[str]:
    """The index terms as the tokenizer's own pattern finds the tokens."""
    import re

    return [term_of(token) for token in re.findall(TOKEN_PATTERN, text)]


# Word characters, ASCII separators, non-ASCII separators and ideographs, mixed densely.
_CHARS = st.sampled_from(
    list("aZ9_ é'’-—–“”«»\u00a0\u2212\n.,東京ひ\ufa00İßﬁ²½٣\U0001d400\U0001f600\x00\x1c\x85")
)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ASCII, words_and 42 numbers.",
        "“Quoted” — a dash, «guillemets» and left—right",
        "東京都は日本 and Kyoto東京",
        "naïve café\u00a0résumé",
        "— “ ”",
        "a\ud800b surrogate",  # not UTF-8: the regex path
        "x\x1cy\x85z\u2028w",  # separators str.split would cut at
    ],
)
def test_index_terms_are_the_tokenizers(text: str) -> None:
    assert index_terms(text) == _plain_terms(text)


@settings(max_examples=500, deadline=None)
@given(st.text(_CHARS, max_size=40))
def test_index_terms_of_any_mix_are_the_tokenizers(text: str) -> None:
    assert index_terms(text) == _plain_terms(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_index_terms_of_any_text_are_the_tokenizers(text: str) -> None:
    assert index_terms(text) == _plain_terms(text)


def test_index_terms_after_the_piece_cache_is_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "left—right “quoted” 東京 plain"
    expected = _plain_terms(text)
    assert index_terms(text) == expected
    pieces = analysis._PIECE_TERMS
    monkeypatch.setattr(analysis._PieceTerms, "__len__", lambda self: 200_000)
    assert index_terms(text) == expected  # looked up anew: both caches emptied first
    assert b"plain" in pieces
    monkeypatch.undo()
    assert index_terms(text) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from("abcdefgh"), max_size=60),
    st.integers(0, 5000),
    st.floats(0.5, 3.0),
)
def test_buffered_positions_are_encode_positions(
    words: list[str], shift: int, boost: float
) -> None:
    """``_index_words`` writes each posting's value inline: the same as ``encode_positions``,
    also past the positions its tables hold (``shift`` fillers first)."""
    words = ["filler"] * shift + words
    builder = SimpleNamespace(buffered=0)
    terms: dict[str, _Term] = {}
    for docnum in range(2):
        SegmentBuilder._index_words(builder, terms, words, docnum)  # type: ignore[arg-type]
    for word, term in terms.items():
        positions = [at for at, other in enumerate(words) if other == word]
        weights, values = term.postings(boost)
        assert list(term.docs) == [0, 1]
        assert values == [encode_positions(positions)] * 2
        assert list(weights) == pytest.approx([len(positions) * boost] * 2)


def _plain_content_words(text: str) -> list[str]:
    """``content_words`` as written before: the regex's tokens, one kind each."""
    out: list[str] = []
    in_name = False
    for kind in map(fingerprint._KINDS.__getitem__, fingerprint._WORD_RE.findall(text)):
        if kind is None:
            in_name = False
            continue
        term, name = kind
        if name and in_name:
            out[-1] = term
        else:
            out.append(term)
        in_name = name
    return out


_QUOTE_CHARS = st.sampled_from(
    [*"aZ9_ é'’‘-—“”«».,\nÉtsTS東\u00a0\u2212İ²\U0001f600", "Putin", "don't", "it’s", "the"]
)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Vladimir Putin’s plan doesn't work, O'Malley said.",
        "“We will — and Russia's 2024 budget — keep it”",
        "a\ud800b surrogate Name",
        "'quoted' ’tis Rock’n’Roll",
    ],
)
def test_content_words_are_the_regexs(text: str) -> None:
    assert fingerprint.content_words(text) == _plain_content_words(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(_QUOTE_CHARS, max_size=30).map("".join))
def test_content_words_of_any_mix_are_the_regexs(text: str) -> None:
    assert fingerprint.content_words(text) == _plain_content_words(text)
