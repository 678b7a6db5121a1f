"""Markdown clippings: front matter as metadata, the Markdown marks taken out (invented)."""

from __future__ import annotations

from pathlib import Path

from newsbrowse.index.reading import read_article
from newsbrowse.index.reading.markdown import read_markdown

CLIPPED = """---
title: "Tram line to reach the airport by 2034"
author:
  - Ana Ruiz
  - Tom Berg
published: 2031-06-01T10:00:00+02:00
source: https://metro.example/transport/tram-airport
site_name: Metro Ledger
tags: [transport, trams]
---

# Tram line to reach the airport by 2034

The city **approved** the _extension_ on Monday, after [a vote](https://metro.example/vote)
of 41 to 9, with `£310m` of borrowing.

> "This line has been promised for thirty years," said the council leader, Harun Cel.

![the depot](depot.jpg)

* Work starts in 2032
* Trams every 7 minutes

Setext heading
--------------

Ref link to [the plan][plan] &amp; more.

[plan]: https://metro.example/plan
"""


def test_front_matter_gives_the_metadata() -> None:
    clip = read_markdown(CLIPPED)
    h = clip.hints
    assert (h.date, h.author, h.source, h.url) == (
        "2031-06-01",
        "Ana Ruiz and Tom Berg",
        "Metro Ledger",
        "https://metro.example/transport/tram-airport",
    )
    assert clip.text.startswith("Tram line to reach the airport by 2034\n\n")
    assert h.title_span == (0, len("Tram line to reach the airport by 2034"))


def test_markdown_marks_are_taken_out_and_the_words_kept() -> None:
    text = read_markdown(CLIPPED).text
    assert "The city approved the extension on Monday, after a vote" in text
    assert "with £310m of borrowing" in text
    assert '"This line has been promised for thirty years," said' in text
    assert "• Work starts in 2032" in text and "Setext heading" in text
    assert "Ref link to the plan & more." in text
    for mark in ("**", "](", "![", "`", "> ", "---", "[plan]", "https://metro.example/plan"):
        assert mark not in text, mark
    assert text.count("Tram line to reach the airport by 2034") == 1


def test_a_clipping_without_front_matter_takes_its_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Pier reopens after storm repairs\n\nBy Lena Holm\n\nThe pier reopened on Friday "
        "after three months of repairs, the council said.\n",
        encoding="utf-8",
    )
    a = read_article(path, tmp_path)
    assert (a.title, a.author) == ("Pier reopens after storm repairs", "Lena Holm")
    assert a.text[a.title_span[0] : a.title_span[1]] == a.title


def test_a_lone_dash_rule_is_not_front_matter() -> None:
    clip = read_markdown("Some text\n\n---\n\nMore text\n")
    assert clip.text == "Some text\n\n\n\nMore text" and clip.hints.title_span is None
