"""Property tests: reading never crashes and every span is sound, whatever the input."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.reading import parse_article
from newsbrowse.index.reading.decode import UnreadableFile, decode_bytes, strip_controls

QUICK = settings(max_examples=200, deadline=None)
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Lines that look like the real thing, so the properties also cover the cruft/metadata paths.
LINES = st.sampled_from(
    [
        "ua en ru",
        "EN | DE | FR",
        "+ ↺ − 16 px",
        "A- A A+",
        "#News",
        "Share",
        "Facebook Twitter WhatsApp",
        "ADVERTISEMENT",
        "Read more: Kallas visits Kyiv",
        "Kallas visits Kyiv",
        "Kallas visits Kyiv Photo: Kaja Kallas (Getty Images)",
        "Photo: Reuters",
        "Author: Daryna Vialko",
        "By Jane Doe | Reuters | March 1, 2025",
        "Daryna Vialko | RBC-Ukraine",
        " date 2025-08-23 Kallas, the EU’s foreign policy chief, said so.",
        " date 2026-02-23 + ↺ − 16 px",
        "March 1, 2025 by No Comments",
        "Published: 4 March 2026, 14:22 | Updated: 5 March 2026",
        "2025.08.22",
        "01.03.2025 —",
        "Source: Reuters",
        "No Comments",
        "She said so, News.Az reports, citing foreign media.",
        "\u00a0",
        "a",
        "",
        "  ",
        "The talks in Geneva ended without a deal on",
        "Wednesday, diplomats said.",
    ]
)
ARTICLE_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(LINES, st.text(max_size=60)), max_size=25).map("\n".join),
)


def _line_mark(text: str, i: int) -> bool:
    """A mark trimmed like indentation: an e-mail's ``>`` or a heading's ``#`` that only
    whitespace and other such marks precede on its line."""
    line_start = text.rfind("\n", 0, i) + 1
    return text[i] in ">#" and not text[line_start:i].strip(" \t>#")


def check_spans(text: str) -> None:
    article = parse_article(text, "x.txt", "/x.txt")
    assert article.text is text
    n = len(text)
    previous_end = 0
    for s, e in article.paragraphs:
        assert 0 <= previous_end <= s < e <= n
        chunk = text[s:e]
        assert chunk and chunk.strip() == chunk
        previous_end = e
    spans = list(article.paragraphs) + [span for span, _ in article.cruft]
    if article.title_span is not None:
        s, e = article.title_span
        assert 0 <= s < e <= n and text[s:e] == article.title
        spans.append(article.title_span)
    for (s, e), reason in article.cruft:
        assert 0 <= s < e <= n and reason
    spans.sort()
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2, "title, paragraphs and cruft never overlap"
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    leftovers = {text[i] for i in range(n) if i not in covered and not _line_mark(text, i)}
    assert all(ch.isspace() or ch in "|•·,-–—" for ch in leftovers), leftovers
    if article.date is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.date)


@QUICK
@given(ARTICLE_TEXT)
def test_parse_article_spans_are_sound(text: str) -> None:
    check_spans(text)


@QUICK
@given(ARTICLE_TEXT)
def test_parse_article_on_stripped_text(text: str) -> None:
    check_spans(strip_controls(text))


@QUICK
@given(st.binary(max_size=600))
def test_decode_bytes_returns_text_or_refuses(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except UnreadableFile as err:
        assert err.reason
        return
    assert isinstance(text, str)


@QUICK
@given(st.text(max_size=300))
def test_decode_round_trips_utf8(text: str) -> None:
    data = text.encode()
    if not data or b"\x00" in data:
        return
    try:
        assert decode_bytes(data) == text
    except UnreadableFile as err:  # magic numbers or control soup: refused, never garbled
        assert err.reason.startswith("binary file")


@QUICK
@given(st.text(max_size=300))
def test_strip_controls_leaves_only_newline_and_tab(text: str) -> None:
    out = strip_controls(text)
    assert CONTROLS.search(out) is None
    assert "\r" not in out and "\x1b" not in out
    assert strip_controls(out) == out  # idempotent
