"""The body's pair signature: it may say "maybe" for a pair the body lacks, never "no" for
one it holds, and it stays the same from one process to the next (indexes keep it)."""

from __future__ import annotations

import random
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from newsbrowse.index import pairs
from newsbrowse.index.analysis import index_terms
from newsbrowse.index.store import Store


def may_hold_pair(signature: bytes, value: int) -> bool:
    """``may_hold`` asked of one signature and one pair."""
    return pairs.may_hold(signature, 0, len(signature), [value])


TERMS = st.lists(st.sampled_from(["war", "peac", "talk", "é", "kyiv", "said", "the", "x" * 40]))


@given(TERMS)
def test_every_pair_the_body_holds_may_be_held(terms: list[str]) -> None:
    signature = pairs.signature(terms)
    for first, second in pairwise(terms):
        assert may_hold_pair(signature, pairs.pair_values([first, second])[0])


@given(TERMS)
def test_the_signatures_bits_are_exactly_the_pairs_hashed(terms: list[str]) -> None:
    """The filter made by C-level maps equals the one a plain loop sets bit by bit."""
    signature = pairs.signature(terms)
    if len(terms) < 2:
        assert signature == b""
        return
    size = max(pairs.MIN_BITS, len(terms) * pairs.BITS_PER_WORD)
    expected = bytearray(size // 8)
    for value in pairs.pair_values(terms):
        bit = value % size
        expected[bit >> 3] |= 1 << (bit & 7)
    assert signature == bytes(expected)


def test_pairs_a_body_lacks_are_mostly_ruled_out() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(2000)]
    body = [rng.choice(vocabulary) for _ in range(600)]
    signature = pairs.signature(body)
    held = set(pairwise(body))
    asked = [(rng.choice(vocabulary), rng.choice(vocabulary)) for _ in range(5000)]
    lacking = [pair for pair in asked if pair not in held]
    maybe = sum(may_hold_pair(signature, pairs.pair_values(list(p))[0]) for p in lacking)
    assert maybe / len(lacking) < 0.15  # one bit in eight set: ~12% say "maybe"


def test_the_order_of_a_pair_matters() -> None:
    signature = pairs.signature(["european", "commission"] * 3)
    values = pairs.pair_values(["commission", "european", "commission"])
    assert values[0] != values[1]
    assert may_hold_pair(signature, pairs.pair_values(["european", "commission"])[0])


def test_a_signature_is_the_same_in_every_process() -> None:
    """Stored in the index: a change of hash would make every index answer wrongly, so a
    known body's signature is pinned (CRC-32 of UTF-8, not Python's salted hash)."""
    signature = pairs.signature(index_terms("The European Commission said the talks would go on."))
    assert signature.hex() == PINNED


def test_a_pairs_value_is_the_same_whatever_the_tables_held() -> None:
    """The hash tables only spare hashing a term again: the values are the same computed
    into empty tables, from full ones, and across their emptying when they grow large (in
    the middle of one body's terms)."""
    terms = index_terms("The European Commission said the talks would go on.")
    before = pairs.pair_values(terms)
    pairs._RIGHT.clear()
    pairs._LEFT.clear()
    assert pairs.pair_values(terms) == before
    pairs._RIGHT.update({f"\0{i}": i for i in range(200_000)})  # never a term
    longer = pairs.pair_values([*terms, "zqxnewterm", *terms])
    assert len(pairs._RIGHT) < 200_000  # the new term emptied both tables
    assert longer[: len(before)] == before == longer[len(terms) + 1 :]


def test_no_signature_rules_nothing_out() -> None:
    assert pairs.signature([]) == pairs.signature(["alone"]) == b""
    assert may_hold_pair(b"", 12345)


PINNED = "224120000000100000"


def test_a_phrase_without_its_signatures_is_still_found(seeds_copy, tmp_path) -> None:
    """A signature file gone (a rebuild in another process removed it) or never written
    (another codec): every candidate's positions are checked, and the phrase is found."""
    from newsbrowse.index.library import Library
    from newsbrowse.index.search.postings import IndexView, _byte_column

    library = Library(seeds_copy, tmp_path / "index")
    library.update()
    try:
        searcher = library._searcher_or_none()
        assert searcher is not None
        leaf = next(iter(IndexView(searcher).leaves))[0]
        assert _byte_column(leaf, "body_pairs") is not None
        found = library.search('"said the"').total
        assert found > 0
        for path in Store(library.index_dir).current().glob("*body_pairs*"):
            path.unlink()
        assert _byte_column(leaf, "body_pairs") is None
        library._view = None  # a new generation's view: the signatures are read again
        assert library.search('"said the"').total == found
    finally:
        library.close()
