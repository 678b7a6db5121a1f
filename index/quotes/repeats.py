"""Which earlier statement of one speaker a new one repeats, without comparing it to each.

A statement told twice by one speaker (a standfirst repeated in the body) counts once
(``extract._dedupe``): two quotes repeat each other when their word sets share at least
``SHARE`` of the smaller set's words and they stand in different paragraphs. Compared with
each earlier quote of the speaker in turn, a speaker quoted thousands of times (a
transcript, a live blog saved whole) cost quadratic time: 40% of a 4.6 MB article's
extraction.

Prefix filtering (Chaudhuri et al., 2006) finds the candidates instead. Sort every word set
in one fixed order, rarest words first: two sets sharing at least ``t`` words share one among
the first ``len - t + 1`` words of each (the rarest word they share is there in both). The
words to share are ``SHARE`` of the smaller set, so an earlier set

- no larger than the new one is found by its own short prefix, which holds one of the new
  set's words, and
- larger than the new one is found by any of its words in the new set's short prefix.

Every candidate is then tested exactly as the pairwise comparison tests it, and the first
(earliest) that passes is the answer: the same answer, found among a few candidates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from math import ceil

SHARE = 0.8  # of the smaller set's words, shared
MANY = 32  # statements of one speaker from which indexing them beats comparing with each


def needed(size: int) -> int:
    """The fewest shared words that pass ``shared >= SHARE * size``."""
    return ceil(SHARE * size)


def repeats(words: set[str], paragraph: int, earlier: set[str], its_paragraph: int) -> bool:
    """Whether a statement repeats an earlier one: the test every candidate passes."""
    smaller = min(len(words), len(earlier))
    return its_paragraph != paragraph and len(words & earlier) >= SHARE * smaller


def rarest_first(word_sets: Iterable[set[str]]) -> dict[str, int]:
    """Each word's place in one fixed order, the words in fewest sets first."""
    counts = Counter(word for words in word_sets for word in words)
    return {word: i for i, word in enumerate(sorted(counts, key=lambda w: (counts[w], w)))}


class Repeats:
    """One speaker's statements so far, each with a number of the caller's. Without an
    ``order`` (no speaker of the article says ``MANY`` things), each is a candidate."""

    def __init__(self, order: dict[str, int] | None) -> None:
        self._order = order  # every word the statements may hold: its place, rarest first
        self._said: list[tuple[set[str], int, int]] = []  # words, the caller's number, paragraph
        self._by_prefix: dict[str, list[int]] = {}  # word -> statements whose prefix holds it
        self._by_word: dict[str, list[int]] = {}  # word -> statements holding it

    def _prefix(self, words: set[str], order: dict[str, int]) -> list[str]:
        ranked = sorted(words, key=order.__getitem__)
        return ranked[: len(words) - needed(len(words)) + 1]

    def candidates(self, words: set[str]) -> list[int]:
        """The earlier statements (by place, in order) that ``words`` may repeat: every one
        it repeats, and few others."""
        order = self._order
        if order is None:
            return list(range(len(self._said)))
        found: set[int] = set()
        for word in words:  # earlier statements no larger: their prefix holds one of these
            found.update(self._by_prefix.get(word, ()))
        for word in self._prefix(words, order):  # larger ones hold a word of this prefix
            found.update(self._by_word.get(word, ()))
        return sorted(found)

    def first_repeated(self, words: set[str], paragraph: int) -> tuple[set[str], int] | None:
        """The earliest statement ``words`` repeats (its words and number), or None."""
        for i in self.candidates(words):
            earlier, number, its_paragraph = self._said[i]
            if repeats(words, paragraph, earlier, its_paragraph):
                return earlier, number
        return None

    def add(self, words: set[str], number: int, paragraph: int) -> None:
        i = len(self._said)
        self._said.append((words, number, paragraph))
        if self._order is None:
            return
        for word in self._prefix(words, self._order):
            self._by_prefix.setdefault(word, []).append(i)
        for word in words:
            self._by_word.setdefault(word, []).append(i)
