"""What of a quote survives rewording and translation: its content words, in order.

Two articles that report one statement rarely agree on every word: one quotes it whole and
another a part, two translators pick different verbs ("made … fulfilled", "given … kept").
What stays is the content: names, numbers and the rarer nouns, verbs and adjectives, mostly in
the same order. A quote's fingerprint is the sequence of its content-word stems (function
words dropped, stemmed as the index does, accents folded). A name of several capitalised
words counts as one word, its last: "Vladimir Putin" and "Putin" alike, and "International
Atomic Energy Agency" is one thing, not four. Each stem is hashed to 32 bits and packed into
``bytes``: made at index time, kept in the sidecar state for every quote, and compact there
(4 bytes a word). The corpus-level clustering (:mod:`newsbrowse.index.clusters`) compares
fingerprints; it never needs the quotes' text.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from itertools import chain

from ..analysis import folded, term_of
from .tokens import WordTable

MAX_TERMS = 120  # a longer quote keeps its first 120 content words (a short report is inside)

# Function words and the words of reporting itself: they carry no content and differ
# between translations. Compared after lowercasing and folding accents, before stemming.
STOP_WORDS = frozenset(
    """
    a an the and or but nor if then than so as of to in on at by for with from into onto upon
    about over under after before between through during without within against via per
    is are was were be been being am do does did done doing have has had having
    will would shall should can could may might must ought cannot
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    this that these those there here who whom whose which what when where why how whether
    not no t s ll re ve d m n don doesn didn isn wasn aren weren won wouldn hasn haven hadn
    couldn shouldn mustn
    just very also too all any some such more most much many other own same only even still
    now again out up down off get got going go gone
    said says say saying told tell tells according
    because while though although since until unless
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_CLITICS = frozenset(["s", "t", "ll", "re", "ve", "d", "m"])  # "Russia's", "doesn't"
_PACK = struct.Struct("<I")


def content_words(text: str) -> list[str]:
    """The stems of ``text``'s content words, in order ("Putin has made" -> putin, made)."""
    out: list[str] = []
    in_name = False
    for kind in _kinds(text):
        if kind is None:
            in_name = False
            continue
        term, name = kind
        if name and in_name:
            out[-1] = term  # the name goes on: its last word stands for it
        else:
            out.append(term)
        in_name = name
    return out


def _kinds(text: str) -> Iterator[tuple[str, bool] | None]:
    """``_kind`` of each of ``text``'s words (``_WORD_RE``'s tokens), in order.

    The regex takes ~300 instructions a character of non-ASCII text; instead, the UTF-8
    text is cut by ``bytes.translate`` and ``split`` at the ASCII characters no word holds
    (all but word characters and the apostrophe), and each piece's kinds are looked up.
    """
    try:
        pieces = text.encode().translate(_SPACED).split()
    except UnicodeEncodeError:  # a lone surrogate: not UTF-8
        return map(_KINDS.__getitem__, _WORD_RE.findall(text))
    return chain.from_iterable(map(_PIECE_KINDS.__getitem__, pieces))


class _PieceKinds(dict[bytes, tuple[tuple[str, bool] | None, ...]]):
    """The kinds of the words of each piece of UTF-8 text, computed on first look-up;
    emptied when it grows large."""

    def __missing__(self, piece: bytes) -> tuple[tuple[str, bool] | None, ...]:
        if len(self) >= 65536:
            self.clear()
        kinds = self[piece] = tuple(map(_KINDS.__getitem__, _WORD_RE.findall(piece.decode())))
        return kinds


_PIECE_KINDS = _PieceKinds()
# Each ASCII byte that no word holds, as a space (other bytes as they are).
_SPACED = bytes(
    b if b > 127 or chr(b).isalnum() or chr(b) in "_'" else ord(" ") for b in range(256)
)


def _kind(token: str) -> tuple[str, bool] | None:
    """A token's stem and whether it is capitalised as a name; None for a function word."""
    word = _bare(folded(token))
    if not (word.isdigit() or (len(word) > 1 and word not in STOP_WORDS)):
        return None
    return term_of(word), token[0].isupper() and not token.isupper()


_KINDS: WordTable[tuple[str, bool] | None] = WordTable(_kind)


def _bare(word: str) -> str:
    """A word without its clitic ("russia's" -> russia) or inner apostrophe (o'malley)."""
    if "'" not in word and "’" not in word:
        return word
    head, _, tail = word.replace("’", "'").rpartition("'")
    return head.replace("'", "") if tail in _CLITICS else word.replace("'", "").replace("’", "")


def term_hash(term: str) -> int:
    """A stable 32-bit number for a stem (the same in every process and run)."""
    return zlib.crc32(term.encode("utf-8"))


def fingerprint(text: str) -> bytes:
    """The packed hashes of the quote's content words, in order, at most ``MAX_TERMS``."""
    terms = content_words(text)[:MAX_TERMS]
    return struct.pack(f"<{len(terms)}I", *[term_hash(t) for t in terms])


def unpack(print_: bytes) -> tuple[int, ...]:
    """The term hashes of a fingerprint, in order."""
    return struct.unpack(f"<{len(print_) // _PACK.size}I", print_)
