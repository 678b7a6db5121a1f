"""The command line as people type it: a folder before the command, a query with a leading
``-``, and every mistake answered by one plain line (never a Python exception name)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrowse.index.library import Library
from newsbrowse.tui.argv import split_argv
from newsbrowse.tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
KREMLIN = {"001_065d88eab2c2a7bf.txt", "003_00bf249005eaa565.txt", "004_7d5e14b8733fb70a.txt"}
# A Python exception's name as Python prints it ("ValueError", "KeyError: …", "Traceback").
PYTHON_NAME = re.compile(r"\b[A-Z]\w*(Error|Exception|Interrupt|Exit)\b|Traceback")


def run(*args: str | Path, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsbrowse.tui", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
        timeout=120,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert proc.returncode == code, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.startswith("newsbrowse: error: ") and proc.stderr.count("\n") == 1
    assert not PYTHON_NAME.search(proc.stderr), proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


@pytest.fixture
def ix(warm_copy: tuple[Path, Path]) -> Path:
    """An index of the seeds, built already (the corpus is the bundled seeds' copy)."""
    return warm_copy[1]


@pytest.fixture
def corpus(warm_copy: tuple[Path, Path]) -> Path:
    return warm_copy[0]


# ── newsbrowse DIR ────────────────────────────────────────────────────────────────────


def test_a_folder_before_the_command_is_the_corpus(corpus: Path, ix: Path) -> None:
    proc = run(corpus, "--index-dir", ix, "articles", "--json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 5
    proc = run("--index-dir", ix, corpus, "search", "Peskov", "--json")
    assert [h["article"] for h in json.loads(proc.stdout)["hits"]] == ["001_065d88eab2c2a7bf.txt"]


def test_a_folder_alone_opens_the_browser(corpus: Path, ix: Path) -> None:
    # Without a terminal the browser refuses, after taking the word as the folder.
    assert_one_line_error(run(corpus, "--index-dir", ix), 2, "needs a terminal")


@pytest.mark.parametrize("how", ["DIR", "--corpus", "env"])
def test_a_file_where_the_folder_goes_gets_its_own_message(
    corpus: Path, ix: Path, how: str
) -> None:
    article = corpus / "001_065d88eab2c2a7bf.txt"
    if how == "DIR":
        proc = run(article, "--index-dir", ix, "articles")
    elif how == "--corpus":
        proc = run("--corpus", article, "--index-dir", ix, "articles")
    else:
        proc = run("--index-dir", ix, "articles", NEWSBROWSE_CORPUS=str(article))
    assert_one_line_error(
        proc, 2, f"{article} is a file, not a folder: give the folder that holds your articles"
    )


def test_a_word_that_is_neither_folder_nor_command(tmp_path: Path) -> None:
    proc = run("serch", "peace", cwd=tmp_path)
    assert_one_line_error(proc, 2, "no such folder or command: serch", "search")
    assert_one_line_error(run(tmp_path / "nope"), 2, f"no such folder: {tmp_path / 'nope'}")


def test_an_unknown_command_after_the_folder(corpus: Path, ix: Path) -> None:
    assert_one_line_error(run(corpus, "frob", "--index-dir", ix), 2, "unknown command: frob")


def test_two_folders_are_refused(corpus: Path, ix: Path) -> None:
    proc = run(corpus, "--corpus", corpus, "--index-dir", ix, "articles")
    assert_one_line_error(proc, 2, "two folders given")


@pytest.mark.parametrize("command", ["index", "articles", "speakers", "quotes"])
def test_the_folder_may_follow_a_command_that_takes_no_word(
    corpus: Path, ix: Path, command: str
) -> None:
    """``newsbrowse index ~/articles``, as people type it."""
    after = run("--index-dir", ix, command, corpus, "--json")
    before = run(corpus, "--index-dir", ix, command, "--json")
    assert after.returncode == 0, after.stderr
    timed = ("seconds",)  # index's report: how long it took differs run to run
    assert _without(json.loads(after.stdout), timed) == _without(json.loads(before.stdout), timed)


def _without(value: object, keys: tuple[str, ...]) -> object:
    return {k: v for k, v in value.items() if k not in keys} if isinstance(value, dict) else value


def test_a_folder_after_the_command_and_another_before_it_are_refused(
    corpus: Path, ix: Path, tmp_path: Path
) -> None:
    proc = run(corpus, "--index-dir", ix, "articles", corpus)
    assert_one_line_error(proc, 2, "two folders given")
    proc = run("--corpus", corpus, "--index-dir", ix, "index", corpus)
    assert_one_line_error(proc, 2, "two folders given")
    proc = run("--index-dir", ix, "index", tmp_path / "nope")
    assert_one_line_error(proc, 2, f"no such folder: {tmp_path / 'nope'}")


def test_split_argv_takes_out_the_folder_and_the_query() -> None:
    split = split_argv(["--index-dir", "search", "DIR", "search", "-x", "--limit", "3", "y"])
    assert split.corpus_word == "DIR"  # "search" after --index-dir is that option's value
    assert split.args == ["--index-dir", "search", "search", "--limit", "3"]
    assert split.query == ["-x", "y"]
    assert split_argv(["--", "-odd", "articles"]).corpus_word == "-odd"
    assert split_argv(["search", "--json", "--", "--limit", "-h"]).query == ["--limit", "-h"]


# ── queries as written ────────────────────────────────────────────────────────────────


def hits(proc: subprocess.CompletedProcess[str]) -> set[str]:
    assert proc.returncode == 0, proc.stderr
    return {h["article"] for h in json.loads(proc.stdout)["hits"]}


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "-kremlin", "--json"],
        ["search", "--json", "-kremlin"],
        ["search", "--json", "--", "-kremlin"],
        ["search", "-kremlin", "--limit", "50", "--sort", "date", "--json"],
        ["search", "NOT kremlin", "--json"],
    ],
)
def test_a_leading_dash_is_part_of_the_query(ix: Path, corpus: Path, argv: list[str]) -> None:
    proc = run("--corpus", corpus, "--index-dir", ix, *argv)
    found = hits(proc)
    assert found and not found & KREMLIN
    assert json.loads(proc.stdout)["interpreted"] == "NOT kremlin"


def test_query_words_are_joined_and_options_work_between_them(ix: Path, corpus: Path) -> None:
    proc = run("search", "peace", "--corpus", corpus, "-kremlin", "--index-dir", ix, "--json")
    assert json.loads(proc.stdout)["query"] == "peace -kremlin"
    assert hits(proc) and not hits(proc) & KREMLIN
    proc = run("search", "Kallas", "peace", "--json", "--corpus", corpus, "--index-dir", ix)
    assert len(hits(proc)) == 4


def test_search_help_still_works_after_the_query(ix: Path) -> None:
    proc = run("search", "-kremlin", "-h")
    assert proc.returncode == 0 and "query syntax" in proc.stdout


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("foo:bar", ["unknown field 'foo:'", "title"]),
        ("peace titel:kallas", ["unknown field 'titel:'"]),
        ("date:2025-13", ["date:2025-13", "no month 13"]),
        ("date:2025-02-30", ["2025-02 has 28 days"]),
    ],
)
def test_unknown_fields_and_impossible_dates_are_errors(
    ix: Path, corpus: Path, query: str, words: list[str]
) -> None:
    proc = run("--corpus", corpus, "--index-dir", ix, "search", query, "--json")
    assert_one_line_error(proc, 2, *words)


def test_a_reversed_date_range_is_read_in_order_and_says_so(ix: Path, corpus: Path) -> None:
    at = ("--corpus", corpus, "--index-dir", ix, "search")
    proc = run(*at, "date:2025-09..2025-08", "--json")
    data = json.loads(proc.stdout)
    assert data["interpreted"] == "date:2025-08..2025-09"
    assert data["total"] == json.loads(run(*at, "date:2025-08..2025-09", "--json").stdout)["total"]
    assert data["total"] > 0
    assert "interpreted as: date:2025-08..2025-09" in proc.stderr


# ── errors in plain words ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "argv",
    [["show", "nope"], ["quotes", "--article", "nope"], ["speakers", "--article", "nope"]],
)
def test_an_unknown_article_id_is_one_plain_line(ix: Path, corpus: Path, argv: list[str]) -> None:
    proc = run("--corpus", corpus, "--index-dir", ix, *argv)
    assert_one_line_error(proc, 1)
    assert proc.stderr == "newsbrowse: error: no article 'nope'; `newsbrowse articles` lists them\n"


def test_an_unexpected_failure_names_no_exception_class(
    ix: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: Library) -> list[object]:
        raise ValueError("the disk said no")

    monkeypatch.setattr(Library, "articles", broken)
    monkeypatch.delenv("NEWSBROWSE_DEBUG", raising=False)
    assert main(["--corpus", str(corpus), "--index-dir", str(ix), "articles"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "newsbrowse: error: unexpected error: the disk said no; "
        "run with NEWSBROWSE_DEBUG=1 for details\n"
    )


def test_argparse_mistakes_are_one_line(ix: Path) -> None:
    assert_one_line_error(run("search", "x", "--limit", "0"), 2, "--limit", "search --help")
    assert_one_line_error(run("search", "x", "--limit"), 2, "--limit")
    assert_one_line_error(run("search", "x", "--frob"), 2, "--frob")
    assert_one_line_error(run("--index-dir", ix, "search"), 2, "search needs a query")


TOKENS = st.sampled_from(
    [
        "index", "search", "articles", "show", "quotes", "speakers", "--json", "--limit",
        "--sort", "--speaker", "--article", "--kind", "--rebuild", "--", "-", "-x", "-h",
        "0", "3", "date", "relevance", "direct", "nope", "foo:bar", "date:2025-13", "title:(",
        "*x", '"', "(", "Kallas", "001_065d88eab2c2a7bf.txt", "seeds", "--corpus",
    ]
)  # fmt: skip
WORDS = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00/~"), max_size=8
).filter(lambda w: w.strip(".") != "")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(argv=st.lists(st.one_of(TOKENS, WORDS), max_size=6))
def test_no_argv_gets_a_python_exception_name(
    argv: list[str], warm_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, index = warm_copy
    # Run where a random word names nothing; "seeds" is a copy of the seeds there.
    if not (tmp_path / "seeds").exists():
        shutil.copytree(corpus, tmp_path / "seeds")
    err = io.StringIO()
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                code = main([*argv, "--index-dir", str(index)])
            except SystemExit as exc:  # --help, --version, argparse's own errors
                code = exc.code if isinstance(exc.code, int) else 0
    finally:
        os.chdir(cwd)
    assert code in (0, 1, 2), (argv, err.getvalue())
    assert not PYTHON_NAME.search(err.getvalue()), (argv, err.getvalue())
    if code:
        assert err.getvalue().count("newsbrowse: error: ") == 1, (argv, err.getvalue())
