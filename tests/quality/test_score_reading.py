"""The reading scorer's own logic: normalisation, matching, accounting. Not today's scores."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("score_reading", HERE / "score_reading.py")
assert _spec is not None and _spec.loader is not None
sr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sr)


def test_normalise_folds_whitespace_quotes_and_dashes() -> None:
    assert sr.normalise("  Rovers’ “cup”\n dream –  over ") == 'Rovers\' "cup" dream - over'
    assert sr.normalise("a\u00a0b") == "a b"
    assert sr.normalise("   ") is None
    assert sr.normalise(None) is None
    # composed and decomposed accents are the same text
    assert sr.normalise("Aerovi\u0301a") == sr.normalise("Aerovía")


def test_source_ignores_case_and_a_leading_the() -> None:
    assert sr.same("source", "The Velmore Chronicle", "THE VELMORE CHRONICLE")
    assert sr.same("source", "The Velmore Chronicle", "Velmore Chronicle")
    assert sr.same("source", "Star & Whistle", "star &  whistle")
    assert not sr.same("source", "The Velmore Chronicle", "Velmore Chronicle Media Ltd")
    # "The" is only dropped at the start
    assert not sr.same("source", "Theatre Weekly", "atre Weekly")


def test_author_is_compared_as_printed() -> None:
    assert sr.same("author", "Ana Ruiz and Tom Berg", "Ana  Ruiz and\nTom Berg")
    assert not sr.same("author", "Ana Ruiz and Tom Berg", "Ana Ruiz")
    assert not sr.same("author", "Ana Ruiz and Tom Berg", "Ana Ruiz, Tom Berg")
    assert not sr.same("author", "Shane O’Rourke", "shane o'rourke")  # case matters here
    assert sr.same("author", "Shane O’Rourke", "Shane O'Rourke")


def test_a_gold_null_is_right_only_when_nothing_is_found() -> None:
    assert sr.same("title", None, None)
    assert sr.same("title", None, "  ")
    assert not sr.same("title", None, "Skip to main content")
    assert not sr.same("date", "2026-03-03", None)


def test_article_format_falls_back_to_the_file_extension() -> None:
    assert sr.article_format({"file": "a.txt"}) == "txt"
    assert sr.article_format({"file": "b.HTM"}) == "html"
    assert sr.article_format({"file": "c.txt", "format": "html"}) == "html"


def _gold(tmp_path: Path, entries: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def _fake_reader(articles: dict[str, Any]):
    def read(path: Path, corpus: Path) -> Any:
        value = articles[path.name]
        if isinstance(value, Exception):
            raise value
        return value

    return read


def test_counts_per_field_and_per_format(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        [
            {"file": "a.txt", "format": "txt", "title": "A", "date": "2026-01-01",
             "author": None, "source": "The Post"},
            {"file": "b.html", "format": "html", "title": "B", "date": "2026-01-02",
             "author": "Kim Lee", "source": "Herald"},
        ],
    )  # fmt: skip
    reader = _fake_reader(
        {
            "a.txt": SimpleNamespace(title="A", date="2026-01-01", author=None, source="post"),
            "b.html": SimpleNamespace(title="<h1>B", date=None, author="Kim Lee", source="HERALD"),
        }
    )
    result = sr.score(gold, tmp_path, reader)
    fields = result["fields"]
    assert fields["title"]["right"] == 1 and fields["title"]["total"] == 2
    assert fields["title"]["by_format"]["txt"] == {"right": 1, "total": 1, "accuracy": 1.0}
    assert fields["title"]["by_format"]["html"] == {"right": 0, "total": 1, "accuracy": 0.0}
    assert fields["source"]["accuracy"] == 1.0
    assert fields["author"]["accuracy"] == 1.0
    assert fields["date"]["by_format"]["html"]["right"] == 0
    assert result["formats"] == {"txt": 1, "html": 1}
    misses = {(m["file"], m["field"]) for m in result["misses"]}
    assert misses == {("b.html", "title"), ("b.html", "date")}


def test_fields_the_model_lacks_are_skipped_and_named(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [{"file": "a.txt", "title": "A", "url": "https://x.example/a"}])
    result = sr.score(gold, tmp_path, _fake_reader({"a.txt": SimpleNamespace(title="A")}))
    assert "url" in result["skipped_fields"]
    assert "url" not in result["fields"]
    assert result["misses"] == []
    text = sr.render("tiny", result)
    assert "url" in text and "skipped" in text


def test_fields_missing_from_a_gold_entry_are_not_scored(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [{"file": "a.txt", "title": "A"}])
    article = SimpleNamespace(title="A", date="2026-01-01", author="X", source="Y")
    result = sr.score(gold, tmp_path, _fake_reader({"a.txt": article}))
    assert result["fields"]["title"]["total"] == 1
    assert result["fields"]["date"]["total"] == 0


def test_an_unreadable_article_is_a_miss_on_every_field_not_a_crash(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [{"file": "a.txt", "title": None, "date": None}, {"file": "b.txt"}])
    reader = _fake_reader(
        {"a.txt": OSError("gone"), "b.txt": SimpleNamespace(title=None, date=None)}
    )
    result = sr.score(gold, tmp_path, reader)
    assert result["errors"] == [{"file": "a.txt", "error": "OSError: gone"}]
    assert result["fields"]["title"] == {
        "right": 0, "total": 1, "accuracy": 0.0,
        "by_format": {"txt": {"right": 0, "total": 1, "accuracy": 0.0},
                      "html": {"right": 0, "total": 0, "accuracy": None}},
    }  # fmt: skip
    assert {m["got"] for m in result["misses"]} == {"<unreadable>"}


def test_render_lists_every_miss(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [{"file": "a.txt", "title": "Right title", "source": "Echo"}])
    reader = _fake_reader({"a.txt": SimpleNamespace(title="World News", source=None)})
    text = sr.render("tiny", sr.score(gold, tmp_path, reader))
    assert "misses: 2" in text
    assert "a.txt [title] expected 'Right title', got 'World News'" in text
    assert "a.txt [source] expected 'Echo', got None" in text


def test_cli_runs_one_set_and_reports_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = _gold(tmp_path, [{"file": "a.txt", "title": "A"}])
    monkeypatch.setattr(sr, "read", _fake_reader({"a.txt": SimpleNamespace(title="B")}))
    assert sr.main(["--gold", str(gold), "--corpus", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["gold"]["fields"]["title"]["right"] == 0
    assert data["gold"]["misses"][0]["got"] == "B"


def test_cli_refuses_a_missing_gold_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = sr.main(["--gold", str(tmp_path / "nope.json"), "--corpus", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "cannot read gold" in err


def test_default_run_reports_every_known_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert sr.main([]) == 0
    out = capsys.readouterr().out
    assert "== seeds: 5 articles" in out
    assert "== devset: 40 articles (20 txt, 20 html)" in out
    assert "== devset2: 24 articles (24 txt)" in out


def test_one_known_set_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert sr.main(["--set", "devset2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["devset2"]
    assert data["devset2"]["articles"] == 24
    assert data["devset2"]["fields"]["title"]["total"] == 24


def test_set_and_gold_are_alternatives(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [])
    with pytest.raises(SystemExit):
        sr.main(["--set", "seeds", "--gold", str(gold), "--corpus", str(tmp_path)])
    with pytest.raises(SystemExit):
        sr.main(["--set", "nope"])
