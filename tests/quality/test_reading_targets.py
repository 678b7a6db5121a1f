"""Issue 12's targets as a check: reading gets every target field right on at least 95% of
the development set, text and HTML alike, of the second development set (text shapes the
first lacks), of the third (more text shapes), of the fourth and fifth (sites and page
templates written and scored before tuning), and on every seed. The held-out set is not
read here: it is only ever scored by hand, to see whether the rules generalise."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("score_reading", HERE / "score_reading.py")
assert _spec is not None and _spec.loader is not None
sr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sr)

DEVSET_TARGET = 0.95


@pytest.fixture(scope="module")
def devset() -> dict:
    return sr.score(sr.DEVSET_GOLD, sr.DEVSET_CORPUS)


@pytest.mark.parametrize("field", sr.TARGETS)
@pytest.mark.parametrize("fmt", sr.FORMATS)
def test_devset_field_accuracy_per_format(devset: dict, field: str, fmt: str) -> None:
    count = devset["fields"][field]["by_format"][fmt]
    misses = [m for m in devset["misses"] if m["field"] == field and m["format"] == fmt]
    assert count["total"] >= 15
    assert count["right"] / count["total"] >= DEVSET_TARGET, misses


# The sets written later, each in shapes the first set lacks (scored on all their files).
LATER_SETS = {
    "devset2": (sr.DEVSET2_GOLD, sr.DEVSET2_CORPUS),
    "devset3": (sr.DEVSET3_GOLD, sr.DEVSET3_CORPUS),
    "devset4": (sr.DEVSET4_GOLD, sr.DEVSET4_CORPUS),
    "devset5": (sr.DEVSET5_GOLD, sr.DEVSET5_CORPUS),
}


@pytest.fixture(scope="module", params=sorted(LATER_SETS))
def later_set(request: pytest.FixtureRequest) -> dict:
    return sr.score(*LATER_SETS[request.param])


@pytest.mark.parametrize("field", sr.TARGETS)
def test_later_set_field_accuracy(later_set: dict, field: str) -> None:
    count = later_set["fields"][field]
    misses = [m for m in later_set["misses"] if m["field"] == field]
    assert count["total"] >= 16
    assert count["right"] / count["total"] >= DEVSET_TARGET, misses


def test_every_seed_field_is_right() -> None:
    result = sr.score(sr.SEEDS_GOLD, sr.SEEDS_CORPUS)
    assert not result["errors"] and not result["misses"], result["misses"]
    assert all(result["fields"][f]["total"] == 5 for f in sr.TARGETS)
