"""The command line's output where it goes: a pipe or a file (plain text, whole values, one
row per line), a terminal (Rich, counts in words), and a reader that stops early (``head``).

Real subprocesses: whether stdout is a terminal is what decides, so it must really be one
(a pseudo-terminal) or really not.
"""

from __future__ import annotations

import json
import os
import pty
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsbrowse.tui.safe_text import clean

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``newsbrowse ARGS`` with stdout a pipe (as in ``newsbrowse … | grep``)."""
    return subprocess.run(
        [sys.executable, "-m", "newsbrowse.tui", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
    )


def run_in_terminal(*args: str | Path) -> tuple[int, str]:
    """``newsbrowse ARGS`` with stdout a 200-column pseudo-terminal; (exit code, screen text)."""
    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "LINES": "50", "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbrowse.tui", *map(str, args)],
        stdout=child,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    code = proc.wait(timeout=180)
    return code, ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))


def pipeline(command: str, cwd: Path) -> tuple[int, str, str]:
    """A shell pipeline whose first command is newsbrowse (its stderr kept apart).

    Returns newsbrowse's exit code, the pipeline's stdout and newsbrowse's stderr.
    """
    script = (
        f"{sys.executable} -m newsbrowse.tui {command} 2>err.txt; "
        'echo "exit=${PIPESTATUS[0]}" >code.txt'
    )
    proc = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, cwd=cwd, timeout=180
    )
    code = int((cwd / "code.txt").read_text().strip().removeprefix("exit="))
    return code, proc.stdout, (cwd / "err.txt").read_text()


# ── corpora ───────────────────────────────────────────────────────────────────────────

WORDS = (
    "council", "budget", "harbour", "rail", "winter", "tariff", "ministry", "hospital", "coast",
    "election", "court", "grain", "bridge", "energy", "pension", "school", "river", "treaty",
    "border", "vaccine", "farmers", "market", "drought", "port",
)  # fmt: skip


def sentence(i: int) -> str:
    """A long, distinct sentence (its number makes it unique)."""
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(14)]
    return f"Sentence {i} says the {' '.join(words)} matter more than anyone expected."


SENTENCES = 600  # the long article: about 80 KB, more than a pipe holds
QUOTES = 300  # quotes of 40 words: about 100 KB of rows
SPEAKERS = ("Anna Berg", "Tom Weiss", "Lena Holm", "Piet Baar")


_GLUE = ("the", "of", "and", "to", "in", "for", "with")


def many_quotes(n: int) -> str:
    """An article of ``n`` long quotes of made-up words (distinct: none is a repeat) between
    English ones: only an article that reads as English has quotes."""
    rng = random.Random(7)
    syllables = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "pe", "da", "gu", "fi", "ze")
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(3)) for _ in range(400)})
    paragraphs = ["Ministers promise works"]
    for k in range(n):
        words = " ".join(f"{rng.choice(vocabulary)} {rng.choice(_GLUE)}" for _ in range(20))
        speaker = SPEAKERS[k % len(SPEAKERS)]
        paragraphs.append(f'"We will {words} by winter," said {speaker}, the minister.')
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A long article (paragraphs of long lines), a long id in a subfolder, long titles; and
    an article with 2,000 quotes (far more output than a pipe holds). Indexed once."""
    root = tmp_path_factory.mktemp("long")
    corpus = root / "corpus"
    deep = corpus / "a folder with a long name" / "and another level"
    deep.mkdir(parents=True)
    paragraphs = [" ".join(sentence(p * 6 + k) for k in range(6)) for p in range(SENTENCES // 6)]
    long_id = "a folder with a long name/and another level/" + "long-article-" * 6 + "end.txt"
    title = "A headline long enough to be cut by any table: " + " ".join(WORDS[:16])
    (corpus / long_id).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    for n in range(3):
        body = " ".join(sentence(1000 + n * 10 + k) for k in range(4))
        (corpus / f"short-{n}.txt").write_text(f"{title} {n}\n\n{body}\n", "utf-8")
    (corpus / "many-quotes.txt").write_text(many_quotes(QUOTES), "utf-8")
    index = root / "index"
    built = run("--corpus", corpus, "--index-dir", index, "index")
    assert built.returncode == 0, built.stderr
    return corpus, index, long_id


def stored_text(corpus: Path, index: Path, article_id: str) -> str:
    shown = run("--corpus", corpus, "--index-dir", index, "show", article_id, "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["text"]


# ── a pipe ────────────────────────────────────────────────────────────────────────────


def test_show_into_a_pipe_is_the_stored_text_exactly(long_corpus: tuple[Path, Path, str]) -> None:
    corpus, index, long_id = long_corpus
    text = stored_text(corpus, index, long_id)
    proc = run("--corpus", corpus, "--index-dir", index, "show", long_id)
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout == (text if text.endswith("\n") else text + "\n")
    assert "\x1b" not in proc.stdout


def test_show_piped_into_grep_finds_every_sentence(
    long_corpus: tuple[Path, Path, str], tmp_path: Path
) -> None:
    corpus, index, long_id = long_corpus
    sentences = [sentence(i) for i in range(SENTENCES)]
    patterns = tmp_path / "sentences.txt"
    patterns.write_text("\n".join(sentences) + "\n", "utf-8")
    code, out, err = pipeline(
        f"--corpus '{corpus}' --index-dir '{index}' show '{long_id}' | grep -F -f '{patterns}'",
        tmp_path,
    )
    assert code == 0 and err == ""
    found = out.splitlines()
    assert all(any(s in line for line in found) for s in sentences)
    assert not [line for line in found if line != line.rstrip()]  # no padding


def test_articles_rows_are_whole_and_their_ids_open_with_show(
    long_corpus: tuple[Path, Path, str],
) -> None:
    corpus, index, long_id = long_corpus
    listed = json.loads(run("--corpus", corpus, "--index-dir", index, "articles", "--json").stdout)
    proc = run("--corpus", corpus, "--index-dir", index, "articles")
    assert proc.returncode == 0 and proc.stderr == ""
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    assert len(rows) == len(listed) == 5  # one row per article: no header, no wrapping
    assert all(len(row) == 5 for row in rows)
    for row, article in zip(rows, listed, strict=True):
        date, title, author, source, article_id = row
        assert (date, title, author, source, article_id) == tuple(
            article[k] or "" for k in ("date", "title", "author", "source", "id")
        )
        assert "…" not in title + article_id
    assert long_id in {row[4] for row in rows}
    for row in rows:
        assert run("--corpus", corpus, "--index-dir", index, "show", row[4]).returncode == 0


def test_search_quotes_and_speakers_rows_are_whole(long_corpus: tuple[Path, Path, str]) -> None:
    corpus, index, long_id = long_corpus
    at = ("--corpus", corpus, "--index-dir", index)
    hits = run(*at, "search", "headline").stdout.splitlines()
    assert len(hits) == 4 and all(len(h.split("\t")) == 5 for h in hits)
    assert long_id in {h.split("\t")[3] for h in hits}
    assert all(h.split("\t")[1].startswith("A headline long enough") for h in hits)
    records = json.loads(run(*at, "quotes", "--json").stdout)
    rows = run(*at, "quotes").stdout.splitlines()
    assert len(records) == len(rows) >= QUOTES
    for row, q in zip(rows, records, strict=True):
        assert row.split("\t") == [q["speaker"] or "", q["kind"], clean(q["text"]), q["article"]]
    assert max(len(row) for row in rows) > 250  # whole, never cut to a column
    speakers = {
        row.split("\t")[0]: row.split("\t") for row in run(*at, "speakers").stdout.splitlines()
    }
    for name in SPEAKERS:
        assert speakers[name][1:4] == ["person", str(QUOTES // len(SPEAKERS)), "1"]


@pytest.mark.parametrize(
    "command",
    [
        "quotes | head -1",
        "quotes --json | head -1",
        "show many-quotes.txt | head -1",
        "search '' --limit 100 | head -1",
        "--help | head -1",
    ],
)
def test_a_closed_pipe_ends_quietly_with_exit_0(
    long_corpus: tuple[Path, Path, str], tmp_path: Path, command: str
) -> None:
    corpus, index, _ = long_corpus
    code, out, err = pipeline(f"--corpus '{corpus}' --index-dir '{index}' {command}", tmp_path)
    assert (code, err) == (0, "")
    assert out.count("\n") == 1


# ── a terminal ────────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def one_of_each(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One article with one quote by one speaker, and one file that is not an article."""
    root = tmp_path_factory.mktemp("one")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Harbour reopens\n\nThe harbour reopened on Monday.\n\n"
        '"We are ready for the winter," said Anna Berg, the harbour master.\n',
        "utf-8",
    )
    (corpus / "b.bin").write_bytes(b"\x00\x01\x02\x03binary")
    return corpus, root / "index"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["index"], ["1 article indexed", "1 skipped file"]),
        (["articles"], ["1 article"]),
        (["search", "harbour"], ["1 article ·"]),
        (["quotes"], ["1 quote"]),
        (["speakers"], ["1 speaker"]),
    ],
)
def test_counts_of_one_are_singular(
    one_of_each: tuple[Path, Path], command: list[str], expected: list[str]
) -> None:
    corpus, index = one_of_each
    code, screen = run_in_terminal("--corpus", corpus, "--index-dir", index, *command)
    assert code == 0, screen
    for words in expected:
        assert words in screen, screen
    assert not re.search(r"\b1 (articles|quotes|speakers|skipped files)\b", screen), screen


def test_a_terminal_gets_the_table_with_whole_ids(long_corpus: tuple[Path, Path, str]) -> None:
    corpus, index, long_id = long_corpus
    code, screen = run_in_terminal("--corpus", corpus, "--index-dir", index, "articles")
    assert code == 0 and "title" in screen.splitlines()[0]  # a header row: the Rich table
    assert long_id in screen.replace("\r\n", "\n")
