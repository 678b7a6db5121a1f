"""The faster forms of reading's hot paths agree with the straightforward ones they stand for."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.reading import chrome, cruft, decode, lowercase
from newsbrowse.index.reading.article import _article_id, first_lines
from newsbrowse.index.reading.dates import first_word
from newsbrowse.index.reading.decode import (
    UnreadableFile,
    decode_bytes,
    decode_text,
    strip_controls,
)

QUICK = settings(max_examples=400, deadline=None)

# Characters around the ones decoding strips or refuses, and their UTF-8 neighbours.
_CHARS = st.sampled_from(
    [
        *"aZ 9\t\n\r\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x80\x85\x9f\xa0\xa9«»é",
        *"\u2026\u2027\u2028\u2029\u202a\u202e\u202f\u2065\u2066\u2069\u206a\u2019“”—",
        *"Київ\ufeff\U0001f600",
    ]
)
_TEXTS = st.lists(_CHARS, max_size=40).map("".join)
_BYTES = st.one_of(
    _TEXTS.map(lambda t: t.encode("utf-8")),
    st.binary(max_size=40),
    st.tuples(_TEXTS, st.binary(max_size=3)).map(lambda p: p[0].encode() + p[1]),
    _TEXTS.map(lambda t: t.encode("utf-16")),
)


def _plain_decode(data: bytes) -> str:
    try:
        return strip_controls(decode_bytes(data))
    except UnreadableFile as exc:
        return f"refused: {exc}"


def _fast_decode(data: bytes) -> str:
    try:
        return decode_text(data)
    except UnreadableFile as exc:
        return f"refused: {exc}"


@QUICK
@given(_BYTES)
def test_decode_text_is_strip_controls_of_decode_bytes(data: bytes) -> None:
    assert _fast_decode(data) == _plain_decode(data)


# Every character near the ones stripped, alone in clean text (a mixed text mostly holds one
# that sends it the slow way anyway).
_NEAR = [*range(0xA2), *range(0x2020, 0x2031), *range(0x2060, 0x2070)]


@pytest.mark.parametrize("code", _NEAR)
def test_decode_text_each_character(code: int) -> None:
    data = f"Kallas said “no”\n{chr(code)} – twice…".encode()
    assert _fast_decode(data) == _plain_decode(data)


def _magic_in_order(data: bytes) -> str | None:
    for sig, offset, kind in decode._MAGIC:
        if data.startswith(sig, offset):
            if not kind:
                if decode._BZIP2.match(data):
                    return "bzip2 archive"
                continue
            return kind
    if data.startswith(b"RIFF") and data[8:12] in decode._RIFF:
        return decode._RIFF[data[8:12]]
    return None


_SIGNATURES = st.sampled_from([sig for sig, _, _ in decode._MAGIC] + [b"RIFF", b"BZh91AY&SY"])


@QUICK
@given(
    st.one_of(
        st.binary(max_size=16),
        st.tuples(_SIGNATURES, st.binary(max_size=12)).map(b"".join),
        st.tuples(st.binary(min_size=4, max_size=4), _SIGNATURES).map(b"".join),
    )
)
def test_magic_by_first_byte_is_magic_in_order(data: bytes) -> None:
    assert decode._magic(data) == _magic_in_order(data)


_PARTS = st.lists(st.sampled_from(["a", "b", "ab", ".", "..", "", "é", "a b"]), max_size=4)


@QUICK
@given(_PARTS, _PARTS, st.sampled_from(["/", "//", "/x/"]))
def test_article_id_is_relative_posix_path(root: list[str], rest: list[str], top: str) -> None:
    root_path = os.path.abspath(top + "/".join(root))
    where = os.path.abspath(root_path + "/" + "/".join(rest))
    try:
        expected = Path(where).relative_to(root_path).as_posix()
    except ValueError as exc:
        with pytest.raises(ValueError) as err:
            _article_id(where, root_path)
        assert str(err.value) == str(exc)
        return
    assert _article_id(where, root_path) == expected


def _plain_as_written(line: str, word: str) -> bool:
    """:func:`cruft.plain` as first written: each separator and credit word looked for alone."""
    return (
        word not in cruft._SPECIAL_FIRST_WORDS
        and line[0] not in cruft._CRUFT_FIRST_CHARS
        and not line.startswith(("http", "ZCZC", "NNNN"))
        and "|" not in line
        and "   " not in line
        and " • " not in line
        and " · " not in line
        and "ights reserved" not in line
        and "IGHTS RESERVED" not in line
        and "ookie" not in line
        and not _caption_hint_as_written(line)
        and not (len(line) <= 60 and "," in line and line[-1].isdigit())
        and not (line[:1] in "—–" and line[1:5].lower() == " by ")
    )


def _caption_hint_as_written(line: str) -> bool:
    if line.endswith((")", ").")) or line[:6].lower() in ("image ", "photo "):
        return True
    if ":" not in line and "：" not in line and "by" not in line:
        return False
    return any(hint in line for hint in cruft._CAPTION_HINTS)


_PIECES = st.sampled_from(
    [
        *(
            "a",
            "The",
            " ",
            "  ",
            "   ",
            " • ",
            "•",
            " · ",
            "·",
            "|",
            ",",
            ":",
            "：",
            "by",
            "b",
            "y",
        ),
        *("All rights reserved", "ALL RIGHTS RESERVED", "RIGHTS", "cookies", "Photo: ", "photo "),
        *cruft._CAPTION_HINTS,
        *("Image ", "(Getty)", ").", "—", " by ", "– by ", "9", "2026", "http", "Share"),
    ]
)
_LINES = st.lists(_PIECES, min_size=1, max_size=8).map("".join).filter(str.strip)


@QUICK
@given(_LINES)
def test_plain_and_caption_hint_as_written(line: str) -> None:
    word = first_word(line)
    assert cruft.plain(line, word) == _plain_as_written(line, word)
    assert cruft.caption_hint(line) == _caption_hint_as_written(line)


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """What :func:`chrome._menu_hint` rests on."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert " " in spaces
    assert not any(ch.isprintable() for ch in spaces if ch != " ")
    every = [chr(c) for c in range(0x110000)]
    assert [ch for ch in every if re.fullmatch(r"\s", ch)] == spaces  # \s is str.isspace()


_MENU_PIECES = st.sampled_from(
    [*("News", "a", " ", "  ", "\t", "|", "/", "·", "•", "\xa0", "\u2009", "\u3000", "\x85"), "é"]
)


@QUICK
@given(st.lists(_MENU_PIECES, max_size=8).map("".join))
def test_menu_hint_is_the_regex(line: str) -> None:
    assert chrome._menu_hint(line) == (chrome._MENU_HINT.search(line) is not None)


_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x1c", "\x85", "\u2028", "\n\n", " \n"])
_LONG_LINES = st.lists(
    st.tuples(st.integers(0, 900), st.sampled_from("ab \t\xa0"), _BREAKS), max_size=40
).map(lambda parts: "".join(ch * n + br for n, ch, br in parts))


@QUICK
@given(_LONG_LINES, st.integers(0, 30))
def test_first_lines_is_splitlines(text: str, count: int) -> None:
    assert first_lines(text, count) == text.splitlines()[:count]


@pytest.mark.parametrize("at", [2045, 2046, 2047, 2048, 2049, 8191, 8192, 8193])
def test_first_lines_with_a_break_across_the_cut(at: int) -> None:
    text = "a\n" * 5 + "x" * (at - 10) + "\r\n" + "b\n" * 20
    for count in (5, 6, 7, 12):
        assert first_lines(text, count) == text.splitlines()[:count]


def _cased_view_as_written(text: str) -> str | None:
    top = [line for line in text[:3000].splitlines() if line.strip()][:12]
    if not top or any(ch.isupper() for line in top for ch in line):
        return None
    letters = sum(ch.isalpha() for ch in text)
    capitals = sum(ch.isupper() for ch in text)
    if not letters or capitals > 0.005 * letters:
        return None
    view = "\n".join(lowercase._cased(line) for line in text.split("\n"))
    return view if view != text else None


@QUICK
@given(
    st.lists(st.sampled_from([" ", "\n", "\u2028", "\xa0", "a", "b.", "Ab", "É", "9"]), max_size=30)
)
def test_cased_view_as_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert lowercase.cased_view(text) == _cased_view_as_written(text)
