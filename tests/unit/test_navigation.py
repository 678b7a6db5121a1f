"""Where the stepping keys go (n/N, ]/[, s/S), without starting the app."""

from __future__ import annotations

from newsbrowse.index.model import Quote, QuoteRecord
from newsbrowse.tui.navigation import (
    first_speaker_quote,
    next_index,
    next_speaker_quote,
    speaker_records,
    step_wrapping,
)


def record(article: str, start: int, speaker: str | None = "sp-a") -> QuoteRecord:
    quote = Quote(start, start + 5, "words", "direct", speaker)
    return QuoteRecord(article, f"/corpus/{article}", quote, speaker, speaker)


# ── n/N and ]/[: one article's matches or quotes ────────────────────────────────────────


def test_no_items_no_step() -> None:
    assert next_index([], None, 1, 0) is None
    assert next_index([], 3, -1, 0) is None


def test_steps_from_the_current_item_and_wraps() -> None:
    starts = [10, 20, 30]
    assert next_index(starts, 0, 1, 0) == 1
    assert next_index(starts, 2, 1, 0) == 0
    assert next_index(starts, 0, -1, 0) == 2


def test_with_nothing_current_steps_from_the_top_of_the_view() -> None:
    starts = [10, 20, 30]
    assert next_index(starts, None, 1, 15) == 1  # the first one at or below the top
    assert next_index(starts, None, 1, 20) == 1
    assert next_index(starts, None, -1, 15) == 0  # the last one above it
    assert next_index(starts, None, 1, 99) == 0  # past the last: wraps to the first
    assert next_index(starts, None, -1, 0) == 2  # before the first: wraps to the last


def test_the_top_is_ignored_once_an_item_is_current() -> None:
    assert next_index([10, 20, 30], 1, 1, 0) == 2


# ── s/S: one speaker's quotes, across articles ──────────────────────────────────────────


def test_speaker_records_keep_one_speakers_quotes_in_order() -> None:
    quotes = [record("a", 5), record("a", 9, "sp-b"), record("b", 1), record("c", 2, None)]
    assert speaker_records(quotes, "sp-a") == [quotes[0], quotes[2]]
    assert speaker_records(quotes, None) == [quotes[3]]


def test_from_elsewhere_the_first_quote_or_going_back_the_last() -> None:
    records = [record("a", 5), record("a", 50), record("b", 7)]
    assert next_speaker_quote(records, None, 1) == 0
    assert next_speaker_quote(records, None, -1) == 2
    assert next_speaker_quote(records, ("z", 0), 1) == 0  # an article without their quotes


def test_steps_within_an_article_then_to_the_next_article() -> None:
    records = [record("a", 5), record("a", 50), record("b", 7)]
    assert next_speaker_quote(records, ("a", 5), 1) == 1
    assert next_speaker_quote(records, ("a", 50), 1) == 2  # on to the next article
    assert next_speaker_quote(records, ("b", 7), 1) == 0  # wraps around the corpus
    assert next_speaker_quote(records, ("b", 7), -1) == 1  # back to the previous article
    assert next_speaker_quote(records, ("a", 5), -1) == 2  # wraps backwards


def test_from_a_reading_position_between_quotes() -> None:
    records = [record("a", 5), record("a", 50)]
    assert next_speaker_quote(records, ("a", 20), 1) == 1
    assert next_speaker_quote(records, ("a", 20), -1) == 0


def test_articles_keep_the_order_the_records_give_them() -> None:
    # Newest article first in the catalog: "b" before "a", whatever their ids.
    records = [record("b", 7), record("a", 5)]
    assert next_speaker_quote(records, ("b", 7), 1) == 1
    assert next_speaker_quote(records, ("a", 5), 1) == 0


def test_a_step_says_when_it_wraps() -> None:
    starts = [10, 20, 30]
    assert step_wrapping(starts, 1, 1, 0) == (2, False)
    assert step_wrapping(starts, 2, 1, 0) == (0, True)
    assert step_wrapping(starts, 0, -1, 0) == (2, True)
    assert step_wrapping(starts, None, 1, 99) == (0, True)
    assert step_wrapping(starts, None, -1, 0) == (2, True)
    assert step_wrapping(starts, None, 1, 0) == (0, False)
    assert step_wrapping([], None, 1, 0) is None


# ── choosing a speaker: where the reader lands ──────────────────────────────────────────


def test_choosing_a_speaker_lands_on_their_first_quote_in_the_open_article() -> None:
    records = [record("old.txt", 5), record("open.txt", 90), record("open.txt", 40)]
    dates = {"old.txt": "2024-01-01", "open.txt": "2025-01-01"}
    landed = first_speaker_quote(records, "open.txt", dates)
    assert landed is not None and (landed.article, landed.quote.start) == ("open.txt", 40)


def test_elsewhere_it_lands_on_their_earliest_quote() -> None:
    records = [
        record("undated.txt", 1),
        record("new.txt", 3),
        record("old.txt", 70),
        record("old.txt", 20),
    ]
    dates = {"new.txt": "2025-06-01", "old.txt": "2025-01-02", "undated.txt": None}
    landed = first_speaker_quote(records, "other.txt", dates)
    assert landed is not None and (landed.article, landed.quote.start) == ("old.txt", 20)
    only_undated = first_speaker_quote([record("undated.txt", 1)], None, dates)
    assert only_undated is not None and only_undated.article == "undated.txt"


def test_no_quotes_nowhere_to_land() -> None:
    assert first_speaker_quote([], "a.txt", {}) is None
