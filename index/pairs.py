"""Which word pairs an article's body may hold: a small Bloom filter stored with each article.

A phrase of two common words ("month national") has tens of thousands of candidate articles
(every article holding both words) and few matches; finding a page of matches meant decoding
both words' positions in thousands of them, 5-10 µs each at 100,000 articles. The body's
signature answers "could these two words stand side by side here?" from a few bytes: never
"no" where they do (so no match is ever lost), and a wrong "maybe" for about one pair in
nine, which the positions then settle. Only the articles it lets through are checked.

Each pair sets one bit, at its hash modulo the filter's size: 8 bits a word of the body (at
least 64), so an article of 600 words keeps 600 bytes. The hash is stable across processes
(CRC-32, not Python's salted ``hash``): the signature is written by a build and read by
later searches, so changing it means bumping ``store.documents.SCHEMA_VERSION``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
from mmap import mmap
from operator import mod, xor
from zlib import crc32

BITS_PER_WORD = 8
MIN_BITS = 64
_MIX = 0x9E3779B1  # an odd 32-bit constant: spreads the first word's hash before the xor
_ONE, _ZERO = ord("1"), b"0"


class _Hashes(dict[str, int]):
    """term → its part in a pair's value, computed on a term's first look-up (``map`` then
    calls a look-up without a Python frame; a term new to the table costs one call, where a
    failed pass hashed every term of the article again). A new term fills both tables, which
    are emptied together when they have grown large."""

    def __missing__(self, term: str) -> int:
        if len(_RIGHT) >= 200_000:
            _RIGHT.clear()
            _LEFT.clear()
        crc = crc32(term.encode("utf-8", "surrogatepass"))
        _RIGHT[term] = crc
        mixed = _LEFT[term] = (crc * _MIX) & 0xFFFFFFFF
        return crc if self is _RIGHT else mixed


_RIGHT = _Hashes()  # term → its CRC-32: its part as a pair's second word
_LEFT = _Hashes()  # term → its CRC-32 mixed: its part as a pair's first word


def pair_values(terms: list[str]) -> list[int]:
    """Each adjacent pair's hash value, in order (before reducing to a filter's size): the
    first word's mixed CRC-32 xor the second's, each looked up once per term (``map`` stops
    with the shorter: the last term's mixed value is looked up and dropped)."""
    return list(map(xor, map(_LEFT.__getitem__, terms), map(_RIGHT.__getitem__, terms[1:])))


def signature(terms: list[str]) -> bytes:
    """The Bloom filter of the body whose index terms are ``terms``, in order; empty when
    it has no pair. Bit ``v % m`` is set for each pair's value ``v`` (``m`` bits in all).

    Made by C-level maps: the set bits are written as the character "1" into a string of
    "0"s, one per bit, and that binary numeral is read as one integer, so no Python step
    is taken per word (a hundredth of an article's indexing)."""
    values = pair_values(terms)
    if not values:
        return b""
    size = max(MIN_BITS, len(terms) * BITS_PER_WORD)  # a multiple of 8
    digits = bytearray(_ZERO * size)
    any(map(digits.__setitem__, map(mod, values, repeat(size)), repeat(_ONE)))  # all None
    # digit i (from the left) is bit i of the filter: the numeral reversed, read in base 2
    return int(digits[::-1], 2).to_bytes(size // 8, "little")


def may_hold(blob: bytes | mmap, begin: int, length: int, values: Iterable[int]) -> bool:
    """Whether the body whose signature is the ``length`` bytes of ``blob`` at ``begin`` may
    hold every pair whose value is in ``values`` (True when it has no signature). ``blob``
    is a whole column's mapped file, or one signature: no copy is made of it."""
    size = length << 3
    if not size:
        return True
    for value in values:
        bit = value % size
        if not blob[begin + (bit >> 3)] >> (bit & 7) & 1:
            return False
    return True
