"""The table look-ups that replaced small word functions answer as the functions do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.quotes import phrases
from newsbrowse.index.quotes.lexicon import OUTLET_WORDS, OUTLETS
from newsbrowse.index.quotes.tokens import _base, _is_cap, base, is_cap

_WORDS = st.lists(
    st.sampled_from(["Berg", "berg", "Berg’s", "Bergs", "’s", "'S", "s", "É", "x.com", "Yahoo.co"])
    | st.text(alphabet="aZ’'sS.é1 ", max_size=6),
    max_size=5,
)


@settings(max_examples=500, deadline=None)
@given(_WORDS)
def test_base_and_is_cap(words: list[str]) -> None:
    for w in words:
        assert base(w) == _base(w)
        assert is_cap(w) == _is_cap(w)


def _plain_is_outlet(words: list[str]) -> bool:
    """_is_outlet as written before: every word's base a Python step, the domain pattern
    tried on every word."""
    if not words or not _is_cap(words[0]):
        return False
    text = " ".join(_base(w) for w in words).lower()
    if text in OUTLETS or any(phrases._DOMAIN_RE.search(w) and "." in w for w in words):
        return True
    last = _base(words[-1])
    return _is_cap(last) and last.lower() in OUTLET_WORDS and all(_is_cap(w) for w in words)


@settings(max_examples=500, deadline=None)
@given(_WORDS)
def test_is_outlet(words: list[str]) -> None:
    assert phrases._is_outlet(words) == _plain_is_outlet(words)
