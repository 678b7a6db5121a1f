"""Find in a 1 MB article (ctrl+f), typed as a person who knows the keys types.

Behaviour only: the person opens the article, presses ctrl+f and types the word in one
burst, then enter and ``n n`` in another. The word must land in the find line (not be
taken as keys for the reader), and the keys after enter, typed while the find line still
had the focus, must step the find (``3 of N``), not be typed into it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpora import RARE_WORD, search_rare_word
from terminal import KEYS, Terminal

pytestmark = pytest.mark.e2e

LISTED = re.compile(r"\d[\d,]* articles?")


def test_enter_then_n_typed_at_once_step_the_find(
    huge_article_corpus: tuple[Path, int], home: Path
) -> None:
    corpus, mentions = huge_article_corpus
    with Terminal(["--corpus", corpus], home) as term:
        term.wait_for(LISTED, timeout=120)
        search_rare_word(term)
        term.press("enter")
        term.wait_for(re.compile(rf"match -/{mentions}\b"), timeout=120)
        assert term.child is not None
        # Each in one write, a burst as tmux sends it: the word right after ctrl+f goes to
        # the find (case folded), the n's right after enter step it.
        term.child.send((KEYS["ctrl+f"] + RARE_WORD.upper()).encode())
        term.wait_for(RARE_WORD.upper(), timeout=30, what="the word in the find line")
        term.child.send((KEYS["enter"] + "nn").encode())
        term.wait_for(re.compile(rf"\b3 of {mentions}\b"), timeout=60)
        term.wait_for(re.compile(rf"find 3/{mentions}\b"), timeout=30)
        screen = term.screen_text()
        assert f"{RARE_WORD.upper()}n" not in screen, "n reached the find line\n" + term.dump()
        assert f"{RARE_WORD}n" not in screen, "n reached the query\n" + term.dump()
