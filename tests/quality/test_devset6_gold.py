"""The sixth development set's gold agrees with its articles (tests/data/devset6/README.md).

Forty invented text files, one shape each, written before the reader was run on them. The
checks never run the engine: every file has an entry, every quote, mention, non-quote, title,
subtitle, author and URL is in the text (whitespace squashed; a `> ` forward's marks removed),
dates are ISO days, and each half (odd files, even files) holds twenty articles.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from gold_checks import check_every_speaker_speaks, check_mentions, check_quotes, squash

ROOT = Path(__file__).resolve().parents[2]
DEVSET6 = ROOT / "tests" / "data" / "devset6"
ARTICLES = DEVSET6 / "articles"
GOLD: list[dict[str, Any]] = json.loads((DEVSET6 / "gold.json").read_text(encoding="utf-8"))
FIELDS = ("title", "subtitle", "date", "author", "source", "url", "section")


def _text(name: str) -> str:
    raw = (ARTICLES / name).read_text(encoding="utf-8")
    return squash(re.sub(r"(?m)^> ?", "", raw))


def test_every_file_has_gold_and_the_halves_are_even() -> None:
    on_disk = sorted(p.name for p in ARTICLES.iterdir() if p.is_file())
    assert on_disk == [e["file"] for e in GOLD]
    assert len(GOLD) == 40
    odd = [e for e in GOLD if int(e["file"][:2]) % 2]
    assert len(odd) == 20


@pytest.mark.parametrize("entry", GOLD, ids=[e["file"] for e in GOLD])
def test_gold_is_in_the_text(entry: dict[str, Any]) -> None:
    text = _text(entry["file"])
    assert all(field in entry for field in FIELDS)
    assert 250 <= len(text.split()) <= 800
    for field in ("title", "subtitle", "author", "url"):
        assert entry[field] is None or squash(entry[field]) in text, field
    if entry["date"] is not None:
        dt.date.fromisoformat(entry["date"])
    check_quotes(entry, text)
    check_mentions(entry, text)
    for phrase in entry["non_quotes"]:
        assert squash(phrase) in text, phrase


def test_every_listed_speaker_speaks() -> None:
    check_every_speaker_speaks(GOLD)
