"""Hand-written attribution cases (tests/data/quote_fixtures.json), one test each.

Each fixture's text is split into paragraphs at blank lines; every expected quote must be
found with exactly that text, kind and speaker, and nothing else may be found. Where a
fixture gives them, the speaker's kind, the joint speakers, the role and the candidates of an
unknown speaker must match too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsbrowse.index.model import Span
from newsbrowse.index.quotes import extract_quotes

DATA = Path(__file__).resolve().parent.parent / "data"

FIXTURES: list[dict[str, Any]] = json.loads(
    (DATA / "quote_fixtures.json").read_text(encoding="utf-8")
)


def paragraphs(text: str) -> list[Span]:
    """Spans of the blank-line separated paragraphs of ``text``."""
    return [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]


def test_there_are_at_least_forty_fixtures() -> None:
    assert len(FIXTURES) >= 40
    assert len({f["id"] for f in FIXTURES}) == len(FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["id"] for f in FIXTURES])
def test_fixture(fixture: dict[str, Any]) -> None:
    text = fixture["text"]
    ex = extract_quotes(text, paragraphs(text))
    got = [(q.text, q.speaker, q.kind) for q in ex.quotes]
    want = [(q["text"], q["speaker"], q["kind"]) for q in fixture["quotes"]]
    assert got == want
    for q, expected in zip(ex.quotes, fixture["quotes"], strict=True):
        assert text[q.start : q.end] == q.text
        if "speaker_kind" in expected:
            assert q.speaker_kind == expected["speaker_kind"]
        if "speakers" in expected:
            assert list(q.speakers) == expected["speakers"]
        if "role" in expected:
            assert q.role == expected["role"]
        if "candidates" in expected:
            assert q.speaker is None and list(q.candidates) == expected["candidates"]
    names = {s.name for s in ex.speakers}
    assert {n for q in ex.quotes for n in q.speakers} <= names
