"""Folders the end-to-end tests (and ``bench_terminal.py``) run newsbrowse on.

Built from the benchmark generator (``tests/benchmarks/generate.py``): deterministic
scraped-looking articles, so every run sees the same bytes.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from terminal import Terminal

TESTS = Path(__file__).resolve().parent.parent
BENCHMARKS = TESTS / "benchmarks"
SEEDS = TESTS.parent / "seeds"  # the five bundled articles
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402  (tests/benchmarks/generate.py)

SEED = 7
BIG_SIZE = 1000
RARE_WORD = "quorvandel"  # in no vocabulary: only the huge article holds it
HUGE_BYTES = 1_000_000
HUGE_NAME = "long-read.txt"
HUGE_TITLE = "The ministry papers: a long read"
RARE_EVERY = 25  # paragraphs between two mentions of the rare word


def write_big_corpus(root: Path, n: int = BIG_SIZE) -> Path:
    """``n`` generated articles under ``root`` (subfolders of at most 1,000 files)."""
    generate.generate(root, n, seed=SEED, jobs=1)
    return root


def word_in_every_article(root: Path) -> str:
    """A word of four or more letters that every article under ``root`` holds."""
    common: set[str] | None = None
    for path in root.rglob("*.txt"):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        words = set(re.findall(r"[a-z]{4,}", text.lower()))
        common = words if common is None else common & words
    candidates = sorted(common or ())
    if not candidates:
        raise AssertionError(f"no word is in every article under {root}")
    return candidates[0]


def huge_article_text(size: int = HUGE_BYTES, seed: int = SEED) -> tuple[str, int]:
    """About ``size`` bytes of generated paragraphs, the rare word in every
    ``RARE_EVERY``-th one; returns the text and how many times the word occurs.

    The title and the first paragraphs lack the word, so a results list that shows it shows
    a search's snippet, not the plain listing of every article."""
    world = generate.World(seed)
    rng = random.Random(f"huge/{seed}")
    writer = generate.ArticleWriter(world, rng)
    parts = [HUGE_TITLE, "2025-06-01", "By Staff Reporter"]
    length = sum(len(p) + 2 for p in parts)
    mentions = 0
    paragraph = 0
    while length < size:
        text = writer.quote_paragraph() if paragraph % 7 == 3 else writer.fill(world.paragraphs)
        if paragraph % RARE_EVERY == RARE_EVERY - 1:
            text += f" Officials again cited the {RARE_WORD} file."
            mentions += 1
        parts.append(text)
        length += len(text.encode("utf-8")) + 2
        paragraph += 1
    return "\n\n".join(parts) + "\n", mentions


def write_huge_article_corpus(root: Path, normal: int = 4) -> tuple[Path, int]:
    """A folder with one ~1 MB article (holding :data:`RARE_WORD`) and ``normal`` ordinary
    generated ones. Returns the folder and the number of times the rare word occurs."""
    root.mkdir(parents=True, exist_ok=True)
    text, mentions = huge_article_text()
    (root / HUGE_NAME).write_text(text, encoding="utf-8")
    world = generate.World(SEED)
    for i in range(normal):
        (root / f"article-{i}.txt").write_bytes(generate.render(world, i))
    return root, mentions


def search_rare_word(term: Terminal) -> None:
    """Search the huge article's rare word as a person would (``/``, the word, enter) and
    wait until the results show it. The word is in no title and no first paragraph: seen in
    the results, it is the search's snippet, so the list holds the search's answer (the
    long article alone)."""
    term.press("/")
    term.type(RARE_WORD)
    term.press("enter")
    term.wait_for(
        lambda _: any(RARE_WORD in row for row in term.pane("Results") or []),
        timeout=60,
        what="the search's snippet in the results",
    )
