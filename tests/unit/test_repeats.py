"""``Repeats``: the earliest earlier statement a new one repeats, as comparing it with every
earlier statement in turn finds it, whatever the sets' sizes, overlaps and paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.quotes.repeats import Repeats, rarest_first, repeats

# few words, so that sets overlap often and by every share around the threshold
statements = st.lists(
    st.tuples(st.sets(st.sampled_from("abcdefghijkl"), min_size=4), st.integers(0, 3)),
    max_size=40,
)


def _pairwise(said: list[tuple[set[str], int, int]], words: set[str], paragraph: int):
    for earlier, number, its_paragraph in said:
        if repeats(words, paragraph, earlier, its_paragraph):
            return earlier, number
    return None


@settings(max_examples=400, deadline=None)
@given(statements, st.booleans())
def test_the_first_repeat_found_is_the_pairwise_comparisons(
    steps: list[tuple[set[str], int]], indexed: bool
) -> None:
    index = Repeats(rarest_first(words for words, _ in steps) if indexed else None)
    said: list[tuple[set[str], int, int]] = []
    for number, (words, paragraph) in enumerate(steps):
        assert index.first_repeated(words, paragraph) == _pairwise(said, words, paragraph)
        index.add(words, number, paragraph)
        said.append((words, number, paragraph))


def test_a_long_run_of_statements_compares_each_with_few() -> None:
    """A speaker quoted 3,000 times in distinct words but for the commonest: each new
    statement is a candidate repeat of a handful of earlier ones, not of every one."""
    steps = [({f"w{i}", f"w{i + 1}", f"w{i + 2}", "said", "we", "the"}, i) for i in range(3000)]
    index = Repeats(rarest_first(words for words, _ in steps))
    most = 0
    for number, (words, paragraph) in enumerate(steps):
        most = max(most, len(index.candidates(words)))
        index.add(words, number, paragraph)
    assert most <= 2  # the two before it share a word; pairwise: up to 2,999
