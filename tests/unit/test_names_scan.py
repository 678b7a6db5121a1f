"""The name scan's cheaper patterns find what the plainer ones they replaced found."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsbrowse.index.quotes import names
from newsbrowse.index.quotes.marks import Sentence

_PLAIN_PRONOUN_RE = re.compile(r"[HhSs]h?[ei][a-z]{0,5}\b")


def _plain_pronouns(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """The pronouns as found before the look back moved into the pattern."""
    out = []
    for found in _PLAIN_PRONOUN_RE.finditer(text, lo, hi):
        at = found.start()
        word = found.group().lower()
        if word in names._PRONOUN_GENDER and not (
            at and (text[at - 1].isalnum() or text[at - 1] in "’'")
        ):
            out.append((at, word))
    return out


_PIECES = ["he", "she", "her", "his", "him", "hers", "herself", "He", "She", "Her", "the"]
_PIECES += ["this", "O’", "d'", "_", "1", "é", "x", " ", ".", "’", "'", "\n", "Sheila", "shelf"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.integers(0, 40), st.integers(0, 40))
def test_pronouns_by_pattern_as_before(pieces: list[str], lo: int, hi: int) -> None:
    text = "".join(pieces)
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    s = Sentence(text, 0, (lo, hi), 0, [])
    assert names._pronouns(s) == _plain_pronouns(text, lo, hi)


def test_pronouns_not_inside_words() -> None:
    text = "The thief said she saw his O’Shea hat; _he 1he éhe and He left."
    s = Sentence(text, 0, (0, len(text)), 0, [])
    assert names._pronouns(s) == _plain_pronouns(text, 0, len(text))
    # "_he" counts: an underscore is no letter (as before)
    assert [w for _at, w in names._pronouns(s)] == ["she", "his", "he", "he"]
