"""Where the stepping keys go: pure functions over offsets and quotes, no widgets.

``n``/``N`` and ``]``/``[`` step through one article's matches, quotes and find hits
(:func:`next_index`, :func:`step_wrapping`); ``s``/``S`` step through one speaker's
quotes, across articles in corpus scope (:func:`next_speaker_quote`); choosing a speaker
lands on one of their quotes (:func:`first_speaker_quote`). The screen and the reader
only measure where the reader is and move it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from newsbrowse.index.model import QuoteRecord


def next_index(starts: Sequence[int], current: int | None, delta: int, top: int) -> int | None:
    """The item after (``delta=1``) or before (``-1``) ``current``, wrapping around.

    ``starts`` are the items' offsets in text order. With nothing current, the step starts
    from ``top``, the offset at the top of the view: the first item at or after it, or the
    last one before it. None when there are no items.
    """
    step = step_wrapping(starts, current, delta, top)
    return step[0] if step is not None else None


def step_wrapping(
    starts: Sequence[int], current: int | None, delta: int, top: int
) -> tuple[int, bool] | None:
    """:func:`next_index`, and whether the step wrapped around (past the last item to the
    first going forward, past the first to the last going back)."""
    if not starts:
        return None
    if current is None:
        index = bisect_left(starts, top) if delta > 0 else bisect_left(starts, top) - 1
    else:
        index = current + delta
    return index % len(starts), not 0 <= index < len(starts)


def speaker_records(quotes: Sequence[QuoteRecord], speaker_id: str | None) -> list[QuoteRecord]:
    """The quotes of one speaker (``None``: the unattributed ones), in the order given."""
    return [record for record in quotes if speaker_id in record.all_speaker_ids]


def next_speaker_quote(
    records: Sequence[QuoteRecord], here: tuple[str, int] | None, delta: int
) -> int:
    """The index in ``records`` of the speaker's next (``delta=1``) or previous quote.

    ``records`` are one speaker's quotes, grouped by article (articles in the order they
    first appear) and in text order within each. ``here`` is the article being read and an
    offset in it: the current quote's start, or just before the top of the view. The step
    wraps around; from an article with none of the speaker's quotes (``here`` None or
    elsewhere) it goes to the first quote, or the last one going back.
    """
    order = {aid: index for index, aid in enumerate(dict.fromkeys(r.article for r in records))}
    keys = [(order[r.article], r.quote.start) for r in records]
    at = (order[here[0]], here[1]) if here is not None and here[0] in order else None
    if at is None:
        return 0 if delta > 0 else len(records) - 1
    if delta > 0:
        return next((i for i, key in enumerate(keys) if key > at), 0)
    return next((i for i in reversed(range(len(keys))) if keys[i] < at), len(keys) - 1)


def first_speaker_quote(
    records: Sequence[QuoteRecord], open_article: str | None, dates: Mapping[str, str | None]
) -> QuoteRecord | None:
    """Where choosing a speaker lands: their first quote in the open article if it has one,
    else their earliest (by the article's date; undated articles last, then text order).

    ``records`` are the speaker's quotes (any order); ``dates`` maps article ids to ISO dates.
    """
    if not records:
        return None
    here = [r for r in records if r.article == open_article]
    if here:
        return min(here, key=lambda r: (r.quote.start, r.quote.end))

    def when(record: QuoteRecord) -> tuple[bool, str, str, int]:
        date = dates.get(record.article)
        return (date is None, date or "", record.article, record.quote.start)

    return min(records, key=when)
