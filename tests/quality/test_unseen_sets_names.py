"""The house rule for the sets scored before tuning (devset4, devset5): no engine or app file
names one of their outlets or authors of two words or more. Reading generalises by shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_checks import ROOT, names_in_code


def _full_names(gold: Path) -> set[str]:
    names = set()
    for entry in json.loads(gold.read_text(encoding="utf-8")):
        names.update(v for v in (entry["source"], entry["author"], entry["title"]) if v)
    return {n for n in names if len(n.split()) >= 2}


@pytest.mark.parametrize("name", ["devset4", "devset5"])
def test_no_engine_or_app_file_names_the_sets_outlets_authors_or_headlines(name: str) -> None:
    names = _full_names(ROOT / "tests" / "data" / name / "gold.json")
    found = names_in_code(names, ignore_case=True)
    assert not found, found
