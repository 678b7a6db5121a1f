"""What every development set's gold must satisfy, whatever the set holds.

Gold is compared with the text a reader sees, whitespace squashed: each quote is in it with a
known kind, each speaker a quote names is a key of ``speakers``, each of a speaker's forms is
in it, and every listed speaker says something. And the house rule: no engine or app file
names a set's people, outlets or headlines (:func:`names_in_code`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = (ROOT / "index", ROOT / "tui")
CODE_SUFFIXES = {".py", ".txt", ".json", ".tcss", ".csv"}

KINDS = {"direct", "partial", "indirect"}


def squash(text: str) -> str:
    """``text`` with every run of whitespace made one space."""
    return " ".join(text.split())


def _names(quote: dict[str, Any]) -> list[str | None]:
    who = quote["speaker"]
    return who if isinstance(who, list) else [who]


def check_quotes(entry: dict[str, Any], text: str) -> None:
    """Every gold quote is in ``text`` (squashed), with a known kind and known speakers; a
    list of speakers names two or more."""
    for quote in entry["quotes"]:
        assert quote["kind"] in KINDS, quote
        assert squash(quote["text"]) in text, quote["text"]
        if isinstance(quote["speaker"], list):
            assert len(quote["speaker"]) >= 2, quote
        for name in _names(quote):
            assert name is None or name in entry["speakers"], (name, quote["text"])


def check_mentions(entry: dict[str, Any], text: str) -> None:
    """Each speaker has forms, and each form is in ``text`` (squashed)."""
    for name, forms in entry["speakers"].items():
        assert forms, name
        for form in forms:
            assert squash(form) in text, (name, form)


def check_every_speaker_speaks(gold: list[dict[str, Any]]) -> None:
    """No article lists a speaker that none of its quotes names."""
    for entry in gold:
        quoted = {name for quote in entry["quotes"] for name in _names(quote)}
        assert set(entry["speakers"]) <= quoted, entry["file"]


def names_in_code(names: set[str], *, ignore_case: bool = False) -> list[tuple[str, str]]:
    """Where an engine or app file names one of ``names`` as a whole word: (file, name)."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE if ignore_case else 0)
    found = []
    for folder in CODE_DIRS:
        for path in folder.rglob("*"):
            if path.suffix not in CODE_SUFFIXES or not path.is_file():
                continue
            code = path.read_text(encoding="utf-8", errors="replace")
            found += [(str(path.relative_to(ROOT)), m.group()) for m in pattern.finditer(code)]
    return found
