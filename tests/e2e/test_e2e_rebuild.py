"""A rebuild of a 1,000-article index while other processes use it.

On 340640b ``index --rebuild`` clears the index folder and builds in place: searches from
other processes meanwhile answer 0 articles with exit 0, and a second ``--rebuild`` started
meanwhile gives up after 3 s, prints "0 articles indexed" and exits 0 without rebuilding.
The contract: every search gets the full answer until the new index is switched in; a second
rebuild rebuilds too, or says ``waiting for another newsbrowse`` and waits; no command reports
work it did not do.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpora import BIG_SIZE
from terminal import CliResult, finish, run_cli, start_cli

pytestmark = pytest.mark.e2e

WAITING = "waiting for another newsbrowse"
REBUILD_TIMEOUT = 600


def search_total(corpus: Path, index: Path, word: str, home: Path) -> tuple[int, CliResult]:
    """How many articles ``search WORD --json`` finds (-1: no JSON answer), and the run."""
    result = run_cli(["--corpus", corpus, "--index-dir", index, "search", word, "--json"], home)
    try:
        return int(json.loads(result.stdout)["total"]), result
    except (ValueError, KeyError, TypeError):
        return -1, result


def test_searches_during_a_rebuild_get_every_article(
    big_corpus: Path, big_index_copy: Path, big_word: str, home: Path
) -> None:
    index = big_index_copy
    total, before = search_total(big_corpus, index, big_word, home)
    assert (total, before.code) == (BIG_SIZE, 0), f"before the rebuild:\n{before}"

    rebuild = start_cli(["--corpus", big_corpus, "--index-dir", index, "index", "--rebuild"], home)
    during: list[tuple[int, CliResult]] = []
    try:
        while rebuild.poll() is None:
            during.append(search_total(big_corpus, index, big_word, home))
    finally:
        rebuilt = finish(rebuild, REBUILD_TIMEOUT)
    assert rebuilt.code == 0, f"the rebuild failed:\n{rebuilt}"
    assert len(during) >= 2, f"only {len(during)} search(es) ran during the rebuild"
    wrong = [(n, result) for n, result in during if (n, result.code) != (BIG_SIZE, 0)]
    if wrong:
        pytest.fail(
            f"{len(wrong)} of {len(during)} searches during the rebuild did not answer "
            f"{BIG_SIZE} articles with exit 0; answers: {[n for n, _ in during]}\n"
            f"the first wrong one:\n{wrong[0][1]}"
        )
    total, after = search_total(big_corpus, index, big_word, home)
    assert (total, after.code) == (BIG_SIZE, 0), f"after the rebuild:\n{after}"


def test_two_rebuilds_at_once_both_finish_honestly(
    big_corpus: Path, big_index_copy: Path, big_word: str, home: Path
) -> None:
    index = big_index_copy
    args = ["--corpus", big_corpus, "--index-dir", index, "index", "--rebuild"]
    both = [start_cli(args, home), start_cli(args, home)]
    results = [finish(proc, REBUILD_TIMEOUT) for proc in both]

    count = f"{BIG_SIZE:,}".replace(",", ",?")  # 1000 or 1,000
    full = re.compile(rf"\b{count} articles indexed\b")
    for name, result in zip(("first", "second"), results, strict=True):
        assert result.code == 0, f"the {name} rebuild failed:\n{result}"
        if re.search(r"\b0 articles indexed", result.stdout):
            pytest.fail(f"the {name} rebuild reports an empty index:\n{result}")
        assert full.search(result.stdout), f"the {name} rebuild does not report them all:\n{result}"
        rebuilt = "rebuilt" in result.stdout
        assert rebuilt or WAITING in result.stderr, (
            f"the {name} rebuild neither rebuilt nor said it waited for the other:\n{result}"
        )

    total, after = search_total(big_corpus, index, big_word, home)
    assert (total, after.code) == (BIG_SIZE, 0), f"after both rebuilds:\n{after}"
    listed = run_cli(["--corpus", big_corpus, "--index-dir", index, "articles", "--json"], home)
    assert listed.code == 0 and len(json.loads(listed.stdout)) == BIG_SIZE, str(listed)
