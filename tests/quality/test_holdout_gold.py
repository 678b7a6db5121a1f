"""The held-out set's gold agrees with its own articles.

This checks the data, not the engine: every gold quote, mention, title and name must be
findable in the article it describes, so that a score on the held-out set measures the reader
and the extractor and never a typo in the gold. The readable text of a page is what a person
sees: tags stripped with the standard library's parser, scripts and styles dropped, entities
decoded, in the charset the page declares.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "holdout"
ARTICLES = HOLDOUT / "articles"
GOLD = json.loads((HOLDOUT / "gold.json").read_text(encoding="utf-8"))
KINDS = {"direct", "partial", "indirect"}
FIELDS = {
    "file",
    "format",
    "site_type",
    "template",
    "title",
    "subtitle",
    "date",
    "author",
    "source",
    "url",
    "section",
    "speakers",
    "quotes",
    "non_quotes",
}
# Tags after which a browser starts a new line; inline tags join their text to the next.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "time", "tr",
    "ul", "title", "button", "label",
}  # fmt: skip
HIDDEN_TAGS = {"script", "style", "template"}
CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class _Text(HTMLParser):
    """Collects a page's visible text; entities are decoded by the parser itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def declared_charset(raw: bytes) -> str:
    """The charset a page declares in a meta tag, else UTF-8."""
    found = CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii").lower() if found else "utf-8"


def decoded(path: Path) -> str:
    """The file's text: UTF-8 for text files, the declared charset for pages."""
    raw = path.read_bytes()
    return raw.decode(declared_charset(raw) if path.suffix == ".html" else "utf-8")


def readable(path: Path) -> str:
    """What a reader of the file sees: the text itself, or a page without its markup."""
    text = decoded(path)
    if path.suffix != ".html":
        return text
    parser = _Text()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def squash(text: str) -> str:
    """Whitespace runs (newlines, no-break spaces, form feeds) as one space."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {e["file"]: squash(readable(ARTICLES / e["file"])) for e in GOLD}


def test_gold_and_articles_are_the_same_files() -> None:
    on_disk = sorted(p.name for p in ARTICLES.iterdir())
    assert sorted(e["file"] for e in GOLD) == on_disk
    assert len(on_disk) == 16


def test_eight_text_files_and_eight_pages() -> None:
    formats = [e["format"] for e in GOLD]
    assert formats.count("txt") == 8 and formats.count("html") == 8
    for e in GOLD:
        assert Path(e["file"]).suffix == "." + e["format"], e["file"]
        assert (e["template"] is None) == (e["format"] == "txt"), e["file"]


def test_every_entry_has_every_field() -> None:
    for e in GOLD:
        assert set(e) == FIELDS, e["file"]


def test_dates_are_iso_days() -> None:
    for e in GOLD:
        if e["date"] is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"]), e["file"]
            dt.date.fromisoformat(e["date"])


def test_every_quote_is_in_the_readable_text(texts: dict[str, str]) -> None:
    missing = [
        (e["file"], q["text"])
        for e in GOLD
        for q in e["quotes"]
        if squash(q["text"]) not in texts[e["file"]]
    ]
    assert missing == []


def test_quotes_have_a_kind_and_a_known_speaker() -> None:
    for e in GOLD:
        assert 3 <= len(e["quotes"]) <= 9, e["file"]
        for q in e["quotes"]:
            assert set(q) == {"text", "speaker", "kind"}, (e["file"], q)
            assert q["kind"] in KINDS, (e["file"], q)
            who = q["speaker"]
            names = who if isinstance(who, list) else [who]
            if isinstance(who, list):
                assert len(who) >= 2, (e["file"], q)
            for name in names:
                assert name is None or name in e["speakers"], (e["file"], name)


def test_every_speaker_is_quoted_and_every_mention_is_in_the_text(
    texts: dict[str, str],
) -> None:
    for e in GOLD:
        quoted = set()
        for q in e["quotes"]:
            who = q["speaker"]
            quoted.update(who if isinstance(who, list) else [who])
        assert set(e["speakers"]) <= quoted, e["file"]
        for name, forms in e["speakers"].items():
            assert forms, (e["file"], name)
            for form in forms:
                assert squash(form) in texts[e["file"]], (e["file"], name, form)


def test_non_quotes_are_in_the_text_and_are_not_gold_quotes(texts: dict[str, str]) -> None:
    for e in GOLD:
        golds = {q["text"] for q in e["quotes"]}
        for text in e["non_quotes"]:
            assert squash(text) in texts[e["file"]], (e["file"], text)
            assert text not in golds, (e["file"], text)


def test_metadata_is_printed_in_the_file(texts: dict[str, str]) -> None:
    """Title, subtitle, author, source, URL and section are written in the readable text or
    in the page's markup (meta tags, links); letter case may differ, as in a masthead."""
    for e in GOLD:
        raw = squash(html.unescape(decoded(ARTICLES / e["file"]))).lower()
        seen = texts[e["file"]].lower()
        for field in ("title", "subtitle", "author", "source", "url", "section"):
            if e[field] is not None:
                value = squash(e[field]).lower()
                assert value in seen or value in raw, (e["file"], field, e[field])


def test_one_page_is_windows_1252_and_says_so() -> None:
    pages = [ARTICLES / e["file"] for e in GOLD if e["format"] == "html"]
    cp1252 = [p for p in pages if declared_charset(p.read_bytes()) == "windows-1252"]
    assert cp1252
    for page in cp1252:
        with pytest.raises(UnicodeDecodeError):
            page.read_bytes().decode("utf-8")
