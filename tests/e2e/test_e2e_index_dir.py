"""``--index-dir`` naming a folder of the user's own files, or the corpus itself.

On 340640b the store clears the index folder before it creates an index: every file and
subfolder of ``~/notes`` is deleted (and with ``--index-dir`` equal to the corpus, the
articles). The contract: a non-empty folder without newsbrowse's mark is refused with one
line containing ``not a newsbrowse index`` and exit code 2, before anything is written (the
app before its screen starts); an index folder inside (or equal to) the corpus is refused
with ``inside the corpus``. An empty or new folder is fine, and is reused by the next run.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from corpora import SEEDS
from terminal import CliResult, Terminal, assert_tree_unchanged, run_cli, tree_digest

pytestmark = pytest.mark.e2e

FOREIGN = "not a newsbrowse index"
INSIDE = "inside the corpus"
ALT_SCREEN = b"\x1b[?1049h"  # what a full-screen app writes first


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the five seeds (never the bundled folder: the old code deletes what it gets)."""
    dest = tmp_path / "corpus"
    shutil.copytree(SEEDS, dest, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return dest


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """A folder of the user's own: a text file and a subfolder holding a (fake) photo."""
    folder = tmp_path / "notes"
    (folder / "photos").mkdir(parents=True)
    (folder / "notes.txt").write_text("call the embassy back on Tuesday\n", encoding="utf-8")
    (folder / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    (folder / "todo.md").write_text("- renew press card\n", encoding="utf-8")
    return folder


def assert_refused(result: CliResult, message: str) -> None:
    """Exit code 2 and one line on stderr holding ``message``."""
    lines = result.stderr.strip().splitlines()
    assert result.code == 2, f"expected a refusal (exit 2)\n{result}"
    assert len(lines) == 1 and message in lines[0], f"expected one line with {message!r}\n{result}"


@pytest.mark.parametrize("rebuild", [False, True], ids=["index", "index --rebuild"])
def test_index_into_a_folder_of_user_files_is_refused(
    corpus: Path, notes: Path, home: Path, rebuild: bool
) -> None:
    before = tree_digest(notes)
    args = ["--corpus", corpus, "--index-dir", notes, "index", *(["--rebuild"] if rebuild else [])]
    result = run_cli(args, home)
    assert_tree_unchanged(notes, before, result)
    assert_refused(result, FOREIGN)


def test_app_with_a_folder_of_user_files_as_index_refuses_before_its_screen(
    corpus: Path, notes: Path, home: Path
) -> None:
    before = tree_digest(notes)
    with Terminal(["--corpus", corpus, "--index-dir", notes], home) as term:
        started = wait_exit_or_screen(term)
        text = term.unwrapped_text()  # the message names a temporary path: it may wrap
        code = term.exit_code
    assert_tree_unchanged(notes, before, term.dump())
    assert not started, "the app started its screen instead of refusing\n" + term.dump()
    assert code == 2, f"exit code {code}\n{term.dump()}"
    assert FOREIGN in text, term.dump()


def wait_exit_or_screen(term: Terminal, timeout: float = 60) -> bool:
    """Wait until the app ends or starts its full screen; True if it started the screen."""
    term.wait_for(
        lambda _: not term.alive or ALT_SCREEN in term.raw,
        timeout=timeout,
        what="the app to end or start its screen",
    )
    if term.alive:
        return True
    term.wait_exit(10)
    return ALT_SCREEN in term.raw


@pytest.mark.parametrize("where", ["equal to the corpus", "inside the corpus"])
def test_index_dir_in_the_corpus_is_refused(corpus: Path, home: Path, where: str) -> None:
    index_dir = corpus if where == "equal to the corpus" else corpus / "index"
    before = tree_digest(corpus)
    result = run_cli(["--corpus", corpus, "--index-dir", index_dir, "index"], home)
    assert_tree_unchanged(corpus, before, result)
    assert result.code == 2 and INSIDE in result.stderr, f"expected a refusal\n{result}"


@pytest.mark.parametrize("kind", ["empty folder", "new path"])
def test_an_empty_or_new_index_dir_is_used_and_reused(
    corpus: Path, tmp_path: Path, home: Path, kind: str
) -> None:
    index_dir = tmp_path / "my-index"
    if kind == "empty folder":
        index_dir.mkdir()
    else:
        index_dir = index_dir / "not" / "yet"
    args = ["--corpus", corpus, "--index-dir", index_dir, "index", "--json"]

    first = run_cli(args, home)
    assert first.code == 0, str(first)
    report = json.loads(first.stdout)
    assert (report["articles"], report["added"]) == (5, 5), str(first)

    second = run_cli(args, home)
    assert second.code == 0, str(second)
    report = json.loads(second.stdout)
    assert (report["articles"], report["added"], report["rebuilt"]) == (5, 0, False), str(second)
    assert report["unchanged"] == 5, str(second)

    search = run_cli(
        ["--corpus", corpus, "--index-dir", index_dir, "search", "kallas", "--json"], home
    )
    assert search.code == 0 and json.loads(search.stdout)["total"] > 0, str(search)
