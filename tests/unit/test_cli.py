"""The command line through real subprocesses: JSON shapes, exit codes, corpus selection."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_pipes import run_in_terminal

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = json.loads((ROOT / "tests" / "data" / "seeds-gold.json").read_text(encoding="utf-8"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsbrowse.tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def ix(tmp_path: Path) -> str:
    return str(tmp_path / "index")


def test_articles_json_equals_gold(ix: str) -> None:
    proc = run("--corpus", "seeds", "--index-dir", ix, "articles", "--json")
    assert proc.returncode == 0, proc.stderr
    got = {a["id"]: a for a in json.loads(proc.stdout)}
    assert len(got) == 5
    for gold in GOLD:
        article = got[gold["file"]]
        for key in ("title", "date", "author", "source"):
            assert article[key] == gold[key], (gold["file"], key)
        assert Path(article["path"]).name == gold["file"]


def test_search_json_spans_point_at_the_words(ix: str) -> None:
    proc = run("search", "Kallas AND peace", "--json", "--corpus", "seeds", "--index-dir", ix)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["total"] == 4 and len(data["hits"]) == 4
    for hit in data["hits"]:
        assert set(hit) >= {"article", "title", "label", "date", "source", "score", "snippet"}
        words = {hit["snippet"][s:e].lower() for s, e in hit["snippet_spans"]}
        assert words and words <= {"kallas", "peace"}


def test_corpus_from_environment(ix: str) -> None:
    proc = run("--index-dir", ix, "articles", "--json", env={"NEWSBROWSE_CORPUS": str(SEEDS)})
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) == 5


def test_no_corpus_means_the_bundled_seeds(ix: str) -> None:
    proc = run("--index-dir", ix, "search", "Peskov", "--json")
    assert proc.returncode == 0, proc.stderr
    assert [h["article"] for h in json.loads(proc.stdout)["hits"]] == ["001_065d88eab2c2a7bf.txt"]


def test_empty_result_is_success(ix: str) -> None:
    proc = run("--index-dir", ix, "search", "xylophone", "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["hits"] == []


@pytest.mark.parametrize("query", ["*lead", "AND", "title:(", "[/]", "date:soon"])
def test_unsearchable_query_is_a_usage_error(ix: str, query: str) -> None:
    proc = run("--index-dir", ix, "search", query, "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_repaired_query_says_how_it_was_read(ix: str) -> None:
    proc = run("--index-dir", ix, "search", '"peace talks', "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["interpreted"] == '"peace talks"'
    assert "interpreted as" in proc.stderr


def test_missing_corpus_is_a_usage_error(ix: str, tmp_path: Path) -> None:
    proc = run("--corpus", str(tmp_path / "nope"), "--index-dir", ix, "articles")
    assert proc.returncode == 2
    assert "no such folder" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_article_is_a_runtime_error(ix: str) -> None:
    proc = run("--index-dir", ix, "show", "nope.txt")
    assert proc.returncode == 1
    assert proc.stderr.startswith("newsbrowse: error:") and proc.stderr.count("\n") == 1


def test_show_prints_the_text(ix: str) -> None:
    proc = run("--index-dir", ix, "show", "001_065d88eab2c2a7bf.txt")
    assert proc.returncode == 0
    assert "Kremlin finds new reasons" in proc.stdout
    assert "Daryna Vialko" in proc.stdout


def test_bad_arguments_exit_2(ix: str) -> None:
    assert run("--index-dir", ix, "search").returncode == 2
    assert run("--index-dir", ix, "search", "x", "--limit", "0").returncode == 2
    assert run("frobnicate").returncode == 2


def test_help_and_version() -> None:
    help_proc = run("search", "--help")
    assert help_proc.returncode == 0 and "date:2025-08" in help_proc.stdout
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("newsbrowse ")


def test_index_lists_skipped_files_once(tmp_path: Path, ix: str) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Some text here.\n\nKallas said it.\n", encoding="utf-8")
    (corpus / "b.bin").write_bytes(b"\x00\x01\x02binary")
    proc = run("--corpus", str(corpus), "--index-dir", ix, "index", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["added"] == 1 and data["articles"] == 1
    assert [s["id"] for s in data["skipped"]] == ["b.bin"]
    human = run("--corpus", str(corpus), "--index-dir", ix, "index")
    assert human.stdout.count("b.bin") == 1


def test_app_without_a_terminal_says_so(ix: str) -> None:
    proc = run("--index-dir", ix)
    assert proc.returncode == 2 and "terminal" in proc.stderr


def test_speakers_lists_everyone_quoted_once(ix: str) -> None:
    proc = run("--corpus", "seeds", "--index-dir", ix, "speakers", "--json")
    assert proc.returncode == 0, proc.stderr
    speakers = {s["name"]: s for s in json.loads(proc.stdout)}
    for name in (
        "Kaja Kallas",
        "Dmitry Peskov",
        "Sergey Lavrov",
        "Donald Trump",
        "Friedrich Merz",
        "Elbridge Colby",
    ):
        assert speakers[name]["kind"] == "person" and speakers[name]["quotes"] >= 1
    zelensky = [s for s in speakers.values() if "zelensk" in s["name"].lower()]
    assert len(zelensky) == 1  # Zelenskyy and Zelensky are one speaker
    assert set(zelensky[0]["articles"]) == {"000_f5f97ad7e3ccccf8.txt", "004_7d5e14b8733fb70a.txt"}
    assert {s["kind"] for s in speakers.values()} == {"person", "organisation"}
    for s in speakers.values():
        assert set(s) >= {"id", "name", "kind", "quotes", "articles", "aliases", "roles"}


def test_speaker_query_finds_the_article(ix: str) -> None:
    proc = run("--corpus", "seeds", "--index-dir", ix, "search", "speaker:peskov", "--json")
    assert [h["article"] for h in json.loads(proc.stdout)["hits"]] == ["001_065d88eab2c2a7bf.txt"]


def test_quotes_json_spans_are_exact(ix: str) -> None:
    proc = run("--corpus", "seeds", "--index-dir", ix, "quotes", "--json")
    assert proc.returncode == 0, proc.stderr
    quotes = json.loads(proc.stdout)
    assert len(quotes) >= 41
    texts = {}
    for q in quotes:
        assert set(q) >= {
            "path", "article", "speaker", "speaker_kind", "text",
            "start", "end", "kind", "mention", "confidence",
        }  # fmt: skip
        if q["article"] not in texts:
            shown = run("--index-dir", ix, "--corpus", "seeds", "show", q["article"], "--json")
            texts[q["article"]] = json.loads(shown.stdout)["text"]
        text = texts[q["article"]]
        assert text[q["start"] : q["end"]] == q["text"]
        if q["mention"]:
            m = q["mention"]
            assert text[m["start"] : m["end"]] == m["text"]


def test_quotes_filters(ix: str) -> None:
    proc = run("--index-dir", ix, "quotes", "--speaker", "Zelensky", "--kind", "indirect", "--json")
    quotes = json.loads(proc.stdout)
    assert quotes and {q["speaker"] for q in quotes} == {"Volodymyr Zelenskyy"}
    assert {q["kind"] for q in quotes} == {"indirect"}
    one = run("--index-dir", ix, "quotes", "--article", "001_065d88eab2c2a7bf.txt", "--json")
    assert {q["article"] for q in json.loads(one.stdout)} == {"001_065d88eab2c2a7bf.txt"}


def test_quotes_carry_their_cluster_and_clusters_list_their_articles_in_date_order(
    ix: str,
) -> None:
    quotes = json.loads(run("--index-dir", ix, "quotes", "--speaker", "Kallas", "--json").stdout)
    clustered = [q for q in quotes if q["cluster"]]
    assert len(clustered) == 2 and len({q["cluster"] for q in clustered}) == 1
    assert all("promises" in q["text"] for q in clustered)
    proc = run("--index-dir", ix, "quotes", "--clusters", "--json")
    assert proc.returncode == 0, proc.stderr
    [cluster] = json.loads(proc.stdout)
    assert cluster["id"] == clustered[0]["cluster"] and cluster["speaker"] == "Kaja Kallas"
    assert cluster["articles"] == ["003_00bf249005eaa565.txt", "004_7d5e14b8733fb70a.txt"]
    assert cluster["first_reported"]["date"] == "2025-08-22"
    assert [q["article"] for q in cluster["quotes"]] == cluster["articles"]
    rows = run("--index-dir", ix, "quotes", "--clusters").stdout.splitlines()  # a pipe
    assert [r.split("\t")[:2] + r.split("\t")[3:5] for r in rows] == [
        [cluster["id"], "2025-08-22", "Kaja Kallas", cluster["articles"][0]],
        [cluster["id"], "2025-08-23", "Kaja Kallas", cluster["articles"][1]],
    ]  # cluster, date, outlet, speaker, article, quote
    code, screen = run_in_terminal("--index-dir", ix, "quotes", "--clusters")
    assert code == 0 and cluster["id"] in screen
    assert "Kaja Kallas · 2 articles · first reported 2025-08-22" in screen
    assert screen.index("2025-08-23") > screen.index("“It is obvious")
    none = run("--index-dir", ix, "quotes", "--clusters", "--speaker", "Peskov", "--json")
    assert none.returncode == 0 and json.loads(none.stdout) == []


def test_indirect_quotes_are_never_shown_in_quotation_marks(ix: str) -> None:
    quotes = json.loads(run("--index-dir", ix, "quotes", "--json").stdout)
    indirect = [q for q in quotes if q["kind"] == "indirect"]
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert indirect and direct
    assert not any("“" in q["citation"] for q in indirect)
    assert all(q["citation"].startswith("“") for q in direct)
    code, screen = run_in_terminal("--index-dir", ix, "quotes", "--speaker", "Kallas")
    assert code == 0
    assert "meaningful progress would require" in screen  # an indirect quote: no marks
    assert "“meaningful" not in screen and "“There has been a lot" in screen
    cited = run("--index-dir", ix, "quotes", "--speaker", "Kallas", "--cite").stdout.splitlines()
    assert (
        "Kaja Kallas said that meaningful progress would require concessions from Moscow as "
        "well (News.Az, 2026-02-23)" in cited
    )
    assert (
        "“There has been a lot of pressure on Ukraine to concede, but this does not bring "
        "long-term peace” — Kaja Kallas, News.Az, 2026-02-23" in cited
    )
