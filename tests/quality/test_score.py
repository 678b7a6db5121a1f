"""The extractor meets its targets on the seeds, and the scorer scores the way it says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("score", HERE / "score.py")
assert _spec is not None and _spec.loader is not None
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


@pytest.fixture(scope="module")
def result() -> dict:
    return score.score(score.DEFAULT_GOLD, score.DEFAULT_CORPUS)


def test_every_gold_quote_is_in_its_article(result: dict) -> None:
    assert result["unlocated"] == []


def test_direct_and_partial_all_found_and_speaker_right(result: dict) -> None:
    at30 = result["at"]["0.3"]
    for kind in ("direct", "partial"):
        assert at30[kind]["gold"] > 0
        assert at30[kind]["recall"] == 1.0, result["misses"]
        assert at30[kind]["speaker_accuracy"] == 1.0, result["wrong_speaker"]


def test_indirect_recall_and_speakers(result: dict) -> None:
    indirect = result["at"]["0.3"]["indirect"]
    assert indirect["recall"] >= 0.9, result["misses"]
    assert indirect["speaker_accuracy"] >= 0.9, result["wrong_speaker"]


def test_overall_precision(result: dict) -> None:
    assert result["at"]["0.3"]["all"]["precision"] >= 0.9, result["false_positives"]


def test_locate_finds_every_occurrence_and_tolerates_whitespace() -> None:
    text = "He said “go now.” Later: “go now.” and then\nsome  more words."
    assert score.locate(text, "go now.") == [(9, 16), (26, 33)]
    assert score.locate(text, "then some more") == [(39, 54)]
    assert score.locate(text, "absent") == []


def test_match_is_one_to_one_by_overlap_at_threshold() -> None:
    golds = [[(0, 100)], [(200, 210)]]
    preds = [(0, 25), (0, 40), (205, 230)]
    assert sorted(score.match(golds, preds, 0.3)) == [(0, 1), (1, 2)]
    assert score.match(golds, preds, 0.8) == []
    # a gold text that occurs twice matches either occurrence
    assert score.match([[(0, 10), (50, 60)]], [(50, 60)], 0.8) == [(0, 0)]


def test_speaker_right_uses_aliases_and_folding() -> None:
    assert score.speaker_right("Kallas", "Kaja Kallas", ["Kallas"])
    assert score.speaker_right("Volodymyr Zelensky", "Volodymyr Zelenskyy", [])
    assert not score.speaker_right("Siim Kallas", "Kaja Kallas", ["Kallas"])
    assert not score.speaker_right(None, "Kaja Kallas", [])


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert score.main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["at"]) == {"0.3", "0.8"}
    assert {"misses", "false_positives", "wrong_speaker"} <= set(data)


def test_cli_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert score.main([]) == 0
    out = capsys.readouterr().out
    assert "overlap >= 30%" in out and "overlap >= 80%" in out
    assert "false positives" in out


def test_gold_speaker_may_be_joint_or_unknown() -> None:
    speakers = {"Tariq Mirza": ["her parents"], "Nadia Mirza": ["her parents"]}
    joint = ["Tariq Mirza", "Nadia Mirza"]
    assert score.gold_speaker_right("Nadia Mirza", joint, speakers)
    assert score.gold_speaker_right(["Tariq Mirza", "Nadia Mirza"], joint, speakers)
    assert score.gold_speaker_right("her parents", joint, speakers)
    assert not score.gold_speaker_right(["Tariq Mirza", "Ayesha Mirza"], joint, speakers)
    assert not score.gold_speaker_right(None, joint, speakers)
    # an unknown gold speaker is matched only by an honest unknown
    assert score.gold_speaker_right(None, None, speakers)
    assert not score.gold_speaker_right("Tariq Mirza", None, speakers)


def test_joint_speakers_are_scored_as_a_list() -> None:
    from newsbrowse.index.model import Quote

    joint = Quote(0, 3, "abc", "direct", "Ana Roe and Tom Berg", speakers=("Ana Roe", "Tom Berg"))
    single = Quote(0, 3, "abc", "direct", "Ana Roe", speakers=("Ana Roe",))
    assert score.predicted(joint) == ["Ana Roe", "Tom Berg"]
    assert score.predicted(single) == "Ana Roe"
    gold = ["Ana Roe", "Tom Berg"]
    assert score.gold_speaker_right(score.predicted(joint), gold, {})


def test_calibration_reports_each_bin_and_the_high_confidence_share(result: dict) -> None:
    cal = result["calibration"]
    assert list(cal) == ["0.00-0.50", "0.50-0.65", "0.65-0.80", "0.80-0.90", "0.90-1.00", ">=0.80"]
    matched = result["at"]["0.3"]["all"]["found"]
    assert sum(v["of"] for k, v in cal.items() if k != ">=0.80") == matched
    high = cal[">=0.80"]
    assert high["of"] == cal["0.80-0.90"]["of"] + cal["0.90-1.00"]["of"]
    assert high["share"] >= 0.95  # the promise, on the seeds
