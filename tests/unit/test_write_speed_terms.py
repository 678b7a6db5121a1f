"""A term's buffered postings (``segments._Term``) read back as the straightforward form:
each document's positions of the word as ``encode_positions`` makes them, weighted by their
count times the field's boost, whatever mix of one-position and repeated postings the term
holds and however far into a document they fall."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.util.numeric import length_to_byte

from newsbrowse.index.store import segments
from newsbrowse.index.store.segments import SegmentBuilder, _Term, encode_positions

_DOCUMENT = st.tuples(st.lists(st.sampled_from("abcdef"), max_size=12), st.integers(0, 4200))


@settings(max_examples=200, deadline=None)
@given(st.lists(_DOCUMENT, min_size=1, max_size=6), st.floats(0.5, 3.0))
def test_postings_of_mixed_documents_are_the_plain_ones(
    documents: list[tuple[list[str], int]], boost: float
) -> None:
    builder = SimpleNamespace(buffered=0)
    terms: dict[str, _Term] = {}
    texts = [["filler"] * shift + words for words, shift in documents]
    for docnum, words in enumerate(texts):
        SegmentBuilder._index_words(builder, terms, words, docnum)  # type: ignore[arg-type]
    for word, term in terms.items():
        expected = [
            (docnum, [at for at, other in enumerate(words) if other == word])
            for docnum, words in enumerate(texts)
            if word in words
        ]
        weights, values = term.postings(boost)
        assert list(term.docs) == [docnum for docnum, _ in expected]
        assert values == [encode_positions(positions) for _, positions in expected]
        assert list(weights) == pytest.approx([len(p) * boost for _, p in expected])


def test_a_term_of_one_position_postings_holds_no_values_or_weights() -> None:
    builder = SimpleNamespace(buffered=0)
    terms: dict[str, _Term] = {}
    for docnum in range(3):
        SegmentBuilder._index_words(builder, terms, ["a", "b", "b"], docnum)  # type: ignore[arg-type]
    assert terms["a"].values is segments._NO_VALUES
    assert terms["a"].weights is segments._NO_WEIGHTS
    assert not segments._NO_WEIGHTS and not segments._NO_VALUES  # the shared empties stay empty
    assert isinstance(terms["b"].values, bytearray)


def test_the_length_bytes_are_length_to_byte() -> None:
    """``_block`` reads a length's byte from ``_LENGTH_BYTES`` under its length and takes 255
    from there on: ``length_to_byte``'s answers for every length."""
    table = segments._LENGTH_BYTES
    assert list(table) == [length_to_byte(n) for n in range(len(table))]
    assert {length_to_byte(n) for n in range(len(table), 120_000, 7)} == {255}
    assert length_to_byte(10**9) == 255
