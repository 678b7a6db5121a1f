"""A 1 MB article: find it, open it and step through its matches as a person types.

Behaviour only (speed is measured by ``bench_terminal.py``, never asserted): the person
presses enter on the result and then ``n`` three times without waiting for the article to
appear; every key must go where they meant. On 340640b the article takes many seconds to open
and the three ``n`` typed meanwhile are lost: the counter stays at ``match -/226``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpora import HUGE_TITLE, RARE_WORD, search_rare_word
from terminal import Terminal

pytestmark = pytest.mark.e2e

LISTED = re.compile(r"\d[\d,]* articles")


def test_keys_typed_while_a_1mb_article_opens_step_its_matches(
    huge_article_corpus: tuple[Path, int], home: Path
) -> None:
    corpus, mentions = huge_article_corpus
    with Terminal(["--corpus", corpus], home) as term:
        term.wait_for(LISTED, timeout=120)
        search_rare_word(term)
        assert HUGE_TITLE[:20] in "\n".join(term.pane("Results") or []), term.dump()

        term.press("enter")  # open it, and step on at once, as a person who knows the keys
        term.type("nnn")
        counter = re.compile(rf"(?:-|\b\d+)/{mentions}\b")
        term.wait_for(counter, timeout=120, what=f"a match counter out of {mentions}")
        term.wait_for(re.compile(rf"\b3/{mentions}\b"), timeout=60)

        term.press("n")
        term.wait_for(re.compile(rf"\b4/{mentions}\b"), timeout=60)
        term.press("N")
        term.wait_for(re.compile(rf"\b3/{mentions}\b"), timeout=60)

        screen = term.screen_text()
        assert f"{RARE_WORD}n" not in screen, (
            "keys for the reader reached the query\n" + term.dump()
        )
        assert re.search(rf"/ {RARE_WORD}\b", screen), "the query is not shown\n" + term.dump()
