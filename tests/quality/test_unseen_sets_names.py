"""The house rule for the sets scored before tuning (devset4, devset5): no engine or app file
names one of their outlets or authors of two words or more. Reading generalises by shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = (ROOT / "index", ROOT / "tui")
CODE_SUFFIXES = {".py", ".tcss", ".txt"}


def _full_names(gold: Path) -> set[str]:
    names = set()
    for entry in json.loads(gold.read_text(encoding="utf-8")):
        names.update(v for v in (entry["source"], entry["author"], entry["title"]) if v)
    return {n for n in names if len(n.split()) >= 2}


@pytest.mark.parametrize("name", ["devset4", "devset5"])
def test_no_engine_or_app_file_names_the_sets_outlets_authors_or_headlines(name: str) -> None:
    names = _full_names(ROOT / "tests" / "data" / name / "gold.json")
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    found = []
    for folder in CODE_DIRS:
        for path in folder.rglob("*"):
            if path.suffix not in CODE_SUFFIXES or not path.is_file():
                continue
            code = path.read_text(encoding="utf-8", errors="replace")
            found += [(str(path.relative_to(ROOT)), m.group()) for m in pattern.finditer(code)]
    assert not found, found
