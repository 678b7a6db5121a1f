"""The development set's gold agrees with its articles (tests/data/devset/README.md).

Every gold quote, metadata value and speaker mention must be findable in what a reader of
the article sees: the text file as it is, or a saved page decoded with its declared charset
(ISO-8859-1 read as windows-1252, as browsers do), scripts and styles dropped, tags
removed and entities decoded. Comparison ignores differences in whitespace.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from gold_checks import (
    check_every_speaker_speaks,
    check_mentions,
    check_quotes,
    squash,
)

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
ARTICLES = DEVSET / "articles"
GOLD: list[dict[str, Any]] = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
BY_FILE = {entry["file"]: entry for entry in GOLD}

SITE_TYPES = {
    "wire service", "broadsheet", "tabloid", "local paper", "trade press",
    "public broadcaster", "blog", "press release", "live blog", "interview transcript",
}  # fmt: skip
TEMPLATES = {"wordpress", "modern", "table", "amp", "portal"}
FIELDS = ("title", "subtitle", "date", "author", "source", "url", "section")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_BROWSER_CHARSET = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "windows-1252": "cp1252"}  # fmt: skip
_INLINE = {
    "a",
    "abbr",
    "b",
    "em",
    "font",
    "i",
    "small",
    "span",
    "strong",
    "sup",
    "sub",
    "time",
    "u",
}
_HIDDEN = {"script", "style", "noscript", "template"}


class _Visible(HTMLParser):
    """Text a browser shows, roughly: hidden elements dropped, blocks on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag not in _INLINE:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag not in _INLINE:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def decode_page(data: bytes) -> str:
    """A saved page's text, decoded with the charset it declares (UTF-8 when none)."""
    match = _CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower() if match else "utf-8"
    return data.decode(_BROWSER_CHARSET.get(declared, declared))


def readable_text(entry: dict[str, Any]) -> str:
    """What a reader of the article sees (see the module docstring)."""
    data = (ARTICLES / entry["file"]).read_bytes()
    if entry["format"] == "txt":
        return data.decode("utf-8")
    parser = _Visible()
    parser.feed(decode_page(data))
    parser.close()
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {entry["file"]: squash(readable_text(entry)) for entry in GOLD}


def test_every_gold_file_exists_and_every_article_has_gold() -> None:
    on_disk = {p.name for p in ARTICLES.iterdir() if p.is_file()}
    assert set(BY_FILE) == on_disk
    assert len(BY_FILE) == len(GOLD) == 40


def test_the_set_covers_every_site_type_format_and_template() -> None:
    assert Counter(e["site_type"] for e in GOLD) == dict.fromkeys(SITE_TYPES, 4)
    assert Counter(e["format"] for e in GOLD) == {"txt": 20, "html": 20}
    templates = Counter(e["template"] for e in GOLD if e["format"] == "html")
    assert set(templates) == TEMPLATES
    assert all(3 <= n <= 5 for n in templates.values()), templates
    for entry in GOLD:
        assert ("template" in entry) == (entry["format"] == "html"), entry["file"]
        assert Path(entry["file"]).suffix == "." + entry["format"], entry["file"]


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_entry_shape_and_dates(entry: dict[str, Any]) -> None:
    for field in FIELDS:
        assert field in entry and (entry[field] is None or isinstance(entry[field], str))
    if entry["date"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]), entry["date"]
        dt.date.fromisoformat(entry["date"])
    if entry["url"] is not None:
        assert re.fullmatch(r"https?://\S+", entry["url"]), entry["url"]
    assert 3 <= len(entry["quotes"]) <= 10


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_gold_quotes_are_in_the_text_with_known_speakers(
    entry: dict[str, Any], texts: dict[str, str]
) -> None:
    text = texts[entry["file"]]
    check_quotes(entry, text)


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_metadata_and_mentions_are_in_the_text(
    entry: dict[str, Any], texts: dict[str, str]
) -> None:
    text = texts[entry["file"]]
    for field in ("title", "subtitle", "author"):
        if entry[field] is not None:
            assert squash(entry[field]) in text, (field, entry[field])
    if entry["source"] is not None:  # a masthead may print it in capitals, a <title> in full
        raw = squash(decode_page((ARTICLES / entry["file"]).read_bytes()))
        source = squash(entry["source"]).casefold()
        assert source in text.casefold() or source in raw.casefold(), entry["source"]
    check_mentions(entry, text)


def test_every_speaker_speaks() -> None:
    check_every_speaker_speaks(GOLD)
