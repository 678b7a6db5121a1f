"""The query language parser: each feature, each repair, and that nothing raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.search import query as q
from newsbrowse.index.search.query import parse


def test_words_are_anded() -> None:
    assert parse("kallas peace").tree == q.And((q.Word("kallas"), q.Word("peace")))
    assert parse("kallas AND peace").tree == parse("kallas peace").tree


def test_or_binds_looser_than_and() -> None:
    tree = parse("a b OR c").tree
    assert tree == q.Or((q.And((q.Word("a"), q.Word("b"))), q.Word("c")))


def test_phrase_and_grouping() -> None:
    tree = parse('"peace talks" (kallas OR lavrov)').tree
    assert tree == q.And((q.Phrase("peace talks"), q.Or((q.Word("kallas"), q.Word("lavrov")))))


@pytest.mark.parametrize("text", ["NOT kremlin peace", "-kremlin peace"])
def test_negation(text: str) -> None:
    tree = parse(text).tree
    assert tree == q.And((q.Not(q.Word("kremlin")), q.Word("peace")))


def test_negated_group_and_field() -> None:
    assert parse("a -(b OR c)").tree == q.And(
        (q.Word("a"), q.Not(q.Or((q.Word("b"), q.Word("c")))))
    )
    assert parse("a -title:x").tree == q.And((q.Word("a"), q.Not(q.Word("x", "title"))))


@pytest.mark.parametrize("fieldname", ["title", "body", "author", "source", "speaker", "quote"])
def test_fields(fieldname: str) -> None:
    assert parse(f"{fieldname}:kallas").tree == q.Word("kallas", fieldname)
    assert parse(f'{fieldname}:"kaja kallas"').tree == q.Phrase("kaja kallas", fieldname)


def test_field_applies_to_a_group() -> None:
    tree = parse("title:(kallas peace)").tree
    assert tree == q.And((q.Word("kallas", "title"), q.Word("peace", "title")))


@pytest.mark.parametrize("text", ["foo:bar", "titel:peace", "-foo:bar", "foo:(a b)", "http://x.eu"])
def test_unknown_field_is_an_error_not_an_empty_search(text: str) -> None:
    parsed = parse(text)
    assert parsed.tree is None and parsed.error is not None
    assert "unknown field" in parsed.error and "title" in parsed.error


def test_words_with_a_colon_are_searched_when_quoted_or_not_field_shaped() -> None:
    assert parse('"foo:bar"').tree == q.Word("foo:bar")  # the analyzer splits it in two
    assert parse('"http://x.eu"').tree == q.Word("http://x.eu")
    assert parse("10:30").tree == q.Word("10:30")  # a time, not a field
    assert parse("kallas:").tree == q.Word("kallas:")  # nothing after the colon


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("date:2025-13", "no month 13"),
        ("date:2025-00", "no month 00"),
        ("date:2025-02-30", "2025-02 has 28 days"),
        ("date:2025-04-31", "2025-04 has 30 days"),
        ("date:2025-01-00", "2025-01 has 31 days"),
        ("date:2025-08..2025-13", "no month 13"),
    ],
)
def test_impossible_date_is_an_error(text: str, why: str) -> None:
    parsed = parse(text)
    assert parsed.tree is None and parsed.error is not None and why in parsed.error


def test_a_leap_day_is_a_date() -> None:
    assert parse("date:2024-02-29").tree == q.DateRange("2024-02-29", "2024-02-29")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date:2025-09..2025-08", q.DateRange("2025-08", "2025-09")),
        ("date:2025-08-31..2025-08-01", q.DateRange("2025-08-01", "2025-08-31")),
        ("date:2026..2025-03-01", q.DateRange("2025-03-01", "2026")),
    ],
)
def test_reversed_date_range_is_read_in_order_with_a_note(text: str, expected: q.Node) -> None:
    parsed = parse(text)
    assert parsed.tree == expected
    assert parsed.interpreted == q.render(expected)


def test_a_range_inside_one_month_is_not_reversed() -> None:
    parsed = parse("date:2025-08-15..2025-08")
    assert parsed.tree == q.DateRange("2025-08-15", "2025-08") and not parsed.notes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date:2025", q.DateRange("2025", "2025")),
        ("date:2025-08", q.DateRange("2025-08", "2025-08")),
        ("date:2025-08-01..2025-08-31", q.DateRange("2025-08-01", "2025-08-31")),
        ("date:2025-08..", q.DateRange("2025-08", None)),
        ("date:..2025-03", q.DateRange(None, "2025-03")),
    ],
)
def test_dates(text: str, expected: q.DateRange) -> None:
    assert parse(text).tree == expected


def test_bad_date_is_a_clear_error() -> None:
    parsed = parse("date:yesterday")
    assert parsed.tree is None
    assert "YYYY-MM-DD" in parsed.error


def test_prefix_and_its_limits() -> None:
    assert parse("negotiat*").tree == q.Prefix("negotiat")
    assert "at least 3" in parse("ne*").error
    assert "leading wildcards" in parse("*tiation").error
    assert "leading wildcards" in parse("?egotiation").error


def test_fuzzy() -> None:
    assert parse("kalas~").tree == q.Fuzzy("kalas", 1)
    assert parse("kalas~2").tree == q.Fuzzy("kalas", 2)
    parsed = parse("kalas~9")
    assert parsed.tree == q.Fuzzy("kalas", 2)
    assert parsed.interpreted == "kalas~2"


@pytest.mark.parametrize(
    ("text", "interpreted"),
    [
        ('"peace talks', '"peace talks"'),  # unbalanced quote closed
        ("kallas AND", "kallas"),  # lone AND dropped
        ("(kallas peace", "kallas AND peace"),  # unbalanced paren closed
        ("kallas) peace", "kallas AND peace"),  # stray paren dropped
        ("kallas OR", "kallas"),
    ],
)
def test_repairs_are_reported(text: str, interpreted: str) -> None:
    parsed = parse(text)
    assert parsed.error is None
    assert parsed.notes
    assert parsed.interpreted == interpreted


@pytest.mark.parametrize("text", ["AND", "OR", "NOT", "title:(", "title:", "[/]", '""', "((("])
def test_nothing_searchable_is_one_line_error(text: str) -> None:
    parsed = parse(text)
    assert parsed.tree is None
    assert parsed.error and "\n" not in parsed.error


def test_long_junk_is_cut_and_noted() -> None:
    parsed = parse("x" * 10_000)
    assert any("first 1000 characters" in n for n in parsed.notes)


def test_too_many_clauses_are_capped() -> None:
    parsed = parse(" ".join(f"w{i}" for i in range(200)))
    assert isinstance(parsed.tree, q.And)
    assert len(parsed.tree.children) == q.MAX_CLAUSES


def test_render_round_trips() -> None:
    text = 'title:kallas AND (peace OR "cease fire") AND NOT kremlin AND date:2025-08..'
    assert q.render(parse(text).tree) == text


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_no_query_string_raises(text: str) -> None:
    parsed = parse(text)
    assert parsed.tree is not None or parsed.error is not None or not text.strip()


ALPHABET = st.sampled_from(
    ['"', "(", ")", "*", "~", "-", ":", " ", "AND", "OR", "NOT", "title:", "date:", "a", "bc"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_no_operator_soup_raises(text: str) -> None:
    parse(text)
