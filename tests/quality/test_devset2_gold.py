"""The second development set's gold agrees with its articles (tests/data/devset2/README.md).

The set is 24 scraped text files, each in a shape of copy or scrape that the first set does
not have. Its gold follows the first set's format and rules, so the same checks apply: every
gold quote, title, subtitle, author, mention and non-quote is in the text a reader sees
(comparison ignores whitespace), every speaker is a key of ``speakers``, dates are ISO.
On top of that the set must stay what it was written to be (one shape per file, articles of
300-800 words, some fields absent) and the engine must not name its people or outlets.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from gold_checks import (
    KINDS,
    check_every_speaker_speaks,
    check_mentions,
    check_quotes,
    names_in_code,
    squash,
)

ROOT = Path(__file__).resolve().parents[2]
DEVSET2 = ROOT / "tests" / "data" / "devset2"
ARTICLES = DEVSET2 / "articles"
GOLD: list[dict[str, Any]] = json.loads((DEVSET2 / "gold.json").read_text(encoding="utf-8"))
BY_FILE = {entry["file"]: entry for entry in GOLD}

FIELDS = ("title", "subtitle", "date", "author", "source", "url", "section")
KEYS = {"file", "format", "site_type", "shape", *FIELDS, "speakers", "quotes", "non_quotes"}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {e["file"]: squash((ARTICLES / e["file"]).read_text(encoding="utf-8")) for e in GOLD}


def test_every_gold_file_exists_and_every_article_has_gold() -> None:
    on_disk = {p.name for p in ARTICLES.iterdir() if p.is_file()}
    assert set(BY_FILE) == on_disk
    assert len(BY_FILE) == len(GOLD) == 24


def test_every_article_is_text_in_its_own_shape() -> None:
    assert all(e["format"] == "txt" and e["file"].endswith(".txt") for e in GOLD)
    shapes = Counter(e["shape"] for e in GOLD)
    assert all(n == 1 for n in shapes.values()), shapes
    assert all(len(e["shape"]) > 20 and e["site_type"] for e in GOLD)


def test_the_set_holds_articles_without_each_field() -> None:
    """Absent fields are part of the set: a reader must learn to return nothing."""
    for field in ("title", "date", "author", "source", "subtitle", "url", "section"):
        assert any(e[field] is None for e in GOLD), field
        assert any(e[field] is not None for e in GOLD), field


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_entry_shape_dates_and_length(entry: dict[str, Any], texts: dict[str, str]) -> None:
    assert set(entry) == KEYS
    for field in FIELDS:
        assert entry[field] is None or isinstance(entry[field], str), field
    if entry["date"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]), entry["date"]
        year = str(dt.date.fromisoformat(entry["date"]).year)
        # the date is stated somewhere: a full year, or a two-digit one in a numeric date
        text = texts[entry["file"]]
        assert year in text or re.search(rf"\d[-/.]{year[2:]}\b", text), entry["date"]
    if entry["url"] is not None:
        assert re.fullmatch(r"https?://\S+", entry["url"]), entry["url"]
        assert entry["url"] in texts[entry["file"]]
    assert 3 <= len(entry["quotes"]) <= 10
    assert 300 <= len(texts[entry["file"]].split()) <= 800


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_gold_quotes_are_in_the_text_with_known_speakers(
    entry: dict[str, Any], texts: dict[str, str]
) -> None:
    text = texts[entry["file"]]
    check_quotes(entry, text)
    for non_quote in entry["non_quotes"]:
        assert squash(non_quote["text"]) in text and non_quote["why"], non_quote


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_metadata_and_mentions_are_in_the_text(
    entry: dict[str, Any], texts: dict[str, str]
) -> None:
    text = texts[entry["file"]]
    for field in ("title", "subtitle", "author", "section"):
        if entry[field] is not None:
            assert squash(entry[field]) in text, (field, entry[field])
    if entry["source"] is not None:  # a masthead may print it in capitals
        assert squash(entry["source"]).casefold() in text.casefold(), entry["source"]
    check_mentions(entry, text)


def test_every_speaker_speaks() -> None:
    check_every_speaker_speaks(GOLD)


def test_the_set_covers_every_kind_of_quote_and_speaker() -> None:
    quotes = [q for e in GOLD for q in e["quotes"]]
    assert Counter(q["kind"] for q in quotes).keys() == KINDS
    assert any(q["speaker"] is None for q in quotes)
    assert any(isinstance(q["speaker"], list) for q in quotes)
    assert any("\n\n" in q["text"] for q in quotes)  # a quote over several paragraphs
    assert any(e["non_quotes"] for e in GOLD)


def _full_names() -> set[str]:
    """The set's outlets, authors and speakers of two words or more.

    One-word names ("Derek", "Sabine") are left out: they belong in the engine's lists of
    first names, which is knowledge of language, not of this set."""
    names = set()
    for entry in GOLD:
        names.update(v for v in (entry["source"], entry["author"]) if v)
        names.update(entry["speakers"])
    return {n for n in names if len(n.split()) >= 2}


def test_no_engine_or_app_file_names_the_sets_people_or_outlets() -> None:
    """The house rule: reading and attribution generalise by shape, never by name."""
    found = names_in_code(_full_names())
    assert not found, found
