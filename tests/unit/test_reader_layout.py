"""The reader's layout without the app: wrapping, offsets to lines and back, lit spans."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.cells import cell_len, get_character_cell_size

from newsbrowse.tui import reader_layout
from newsbrowse.tui.reader_layout import Block, Layout, SpanIndex, is_simple, wrap_breaks

QUICK = settings(max_examples=300, deadline=None)
WORDS = st.lists(
    st.sampled_from(["a", "bb", "news", "Kallas", "«peace»", "—", "ministry’s", "x" * 30]),
    max_size=40,
)


# ── wrapping: the same breaks as Textual's Static (Rich's divide_line) ──────────────────


def test_every_simple_character_is_one_cell_and_not_a_space() -> None:
    """The fast path assumes it; check every code point the pattern lets through."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char != " " and reader_layout._NOT_SIMPLE.match(char) is None:
            assert get_character_cell_size(char) == 1, hex(code)
            assert not char.isspace(), hex(code)


@QUICK
@given(st.text(alphabet=st.sampled_from(list("ab cd  e’—xyz")), max_size=120), st.integers(1, 20))
def test_fast_wrap_is_rich_wrap(text: str, width: int) -> None:
    assert wrap_breaks(text, width) == divide_line(text, width, fold=True)


@QUICK
@given(st.text(max_size=80), st.integers(1, 20))
def test_any_text_wraps_as_rich_does(text: str, width: int) -> None:
    assert wrap_breaks(text, width) == divide_line(text, width, fold=True)


def test_wide_and_combining_characters_take_the_slow_path() -> None:
    assert is_simple("peace talks — «now»")
    assert not is_simple("東京 talks") and not is_simple("e\u0301") and not is_simple("a\tb")
    assert not is_simple(" leading space")
    assert wrap_breaks("東京東京東京", 4) == divide_line("東京東京東京", 4, fold=True) == [2, 4]


def test_long_words_fold_and_short_ones_move_down() -> None:
    assert wrap_breaks("aaaaaaaaaa bb", 4) == [4, 8, 11]
    assert wrap_breaks("one two three", 7) == [8]  # "one two" fills the line exactly
    assert wrap_breaks("one two three", 6) == [4, 8]


# ── the layout ──────────────────────────────────────────────────────────────────────────


def article(paragraphs: list[str]) -> tuple[str, list[Block]]:
    """A text of blank-line separated paragraphs, as the reader's blocks (title first)."""
    text = "Title here\n\n" + "\n\n".join(paragraphs)
    blocks = [Block("title", 0, 10), Block("meta", 0, 10, "2025-01-01", gap=1)]
    start = 12
    for paragraph in paragraphs:
        blocks.append(Block("paragraph", start, start + len(paragraph), gap=1))
        start += len(paragraph) + 2
    return text, blocks


def test_lines_show_the_title_the_metadata_and_each_paragraph_then_a_blank() -> None:
    text, blocks = article(["one two three four", "five six"])
    layout = Layout(text, blocks, 9)
    shown = [layout.text(y) for y in range(layout.height)]
    assert shown == [
        "Title",
        "here",
        "2025-01-0",
        "1",
        "",
        "one two",
        "three",
        "four",
        "",
        "five six",
        "",
    ]
    assert layout.line_of(0) == 0 and layout.line_of(6) == 1
    assert layout.line_of(12) == 5 and layout.line_of(20) == 6 and layout.line_of(34) == 9
    assert layout.line_of(10) is None, "between blocks: no line"
    assert layout.anchor(0) == 0 and layout.anchor(4) == 0, "above the first paragraph"
    assert layout.anchor(6) == 20 and layout.anchor(8) == 26, "a blank line keeps the last"


def test_text_of_its_own_is_not_in_the_article() -> None:
    text, blocks = article(["body"])
    layout = Layout(text, [Block("label", 0, 7, "A label", gap=1), *blocks[2:]], 40)
    assert layout.text(0) == "A label"
    assert layout.line_of(0) is None  # offset 0 of the article is not shown (no title block)
    assert layout.line_of(12) == 2


@QUICK
@given(st.lists(WORDS.map(" ".join).filter(bool), min_size=1, max_size=8), st.integers(1, 50))
def test_every_offset_maps_to_a_line_and_back_into_its_paragraph(
    paragraphs: list[str], width: int
) -> None:
    text, blocks = article(paragraphs)
    layout = Layout(text, blocks, width)
    lines = []
    for block in blocks[2:]:
        for offset in range(block.start, block.end):
            line = layout.line_of(offset)
            assert line is not None
            lines.append(line)
            assert layout.starts[line] <= offset < layout.ends[line]
            assert block.start <= layout.anchor(line) <= offset < block.end
            assert layout.line_of(layout.anchor(line)) == line
    assert lines == sorted(lines), "offsets in order, lines in order"
    for y in range(layout.height):
        assert cell_len(layout.text(y)) <= width, "no line wider than the view"


# ── which spans light a line ────────────────────────────────────────────────────────────


@QUICK
@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=30),
    st.integers(0, 220),
    st.integers(1, 60),
)
def test_span_index_finds_exactly_the_overlapping_spans(
    raw: list[tuple[int, int]], start: int, length: int
) -> None:
    spans = [(a, a + n) for a, n in raw]
    index = SpanIndex(spans)
    found = [index.spans[i] for i in index.overlapping(start, start + length)]
    expected = sorted(s for s in spans if s[0] < start + length and s[1] > start)
    assert found == expected


@QUICK
@given(
    st.lists(WORDS.map(" ".join).filter(bool), min_size=1, max_size=6),
    st.integers(4, 40),
    st.integers(4, 40),
    st.data(),
)
def test_the_line_at_the_top_survives_a_rewrap(
    paragraphs: list[str], width: int, other: int, data: st.DataObject
) -> None:
    text, blocks = article(paragraphs)
    before, after = Layout(text, blocks, width), Layout(text, blocks, other)
    y = data.draw(st.integers(0, before.height - 1))
    line = after.find(before.hold(y))
    block = before.block_of[y]
    if block >= 0:
        assert after.block_of[line] == block
        assert (
            after.starts[line] <= before.starts[y] < max(after.ends[line], after.starts[line] + 1)
        )
    else:
        assert after.block_of[line] < 0, "a blank line stays a blank line"
        assert before.find(after.hold(line)) == y


def test_the_metadata_line_names_an_outlet_its_byline_repeats_once() -> None:
    from newsbrowse.index.model import Article
    from newsbrowse.tui.widgets.reader import meta_line

    def made(author: str | None, source: str | None, date: str | None = "2031-03-02") -> Article:
        return Article("a.txt", "a.txt", "x", (), date=date, author=author, source=source)

    assert meta_line(made("Harbour Wire", "HARBOUR WIRE")) == "2031-03-02 · HARBOUR WIRE"
    assert meta_line(made("Ola Brandt", "Harbour Wire")) == "2031-03-02 · Ola Brandt · Harbour Wire"
    assert meta_line(made(None, None, None)) == "undated"
