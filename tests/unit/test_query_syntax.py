"""The query language is described once (``SYNTAX``): the README, ``search --help`` and the
help screen all say the same, and every example in it is a query the parser accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrowse.index.search.query import FIELDS, SYNTAX, parse, syntax_lines, syntax_table
from newsbrowse.tui.cli import main
from newsbrowse.tui.screens.help import QUERY_SYNTAX

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_table_is_the_syntax_table() -> None:
    table = syntax_table()
    assert table in README.read_text(encoding="utf-8"), (
        "README.md's query table differs from SYNTAX; paste this under '## Query syntax':\n" + table
    )


def test_search_help_lists_the_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    assert syntax_lines() in capsys.readouterr().out


def test_help_screen_shows_the_syntax() -> None:
    assert QUERY_SYNTAX[: len(SYNTAX)] == SYNTAX


@pytest.mark.parametrize(("example", "meaning"), SYNTAX)
def test_every_example_parses(example: str, meaning: str) -> None:
    for query in example.split(", "):  # "NOT kremlin, -kremlin": two ways to write it
        parsed = parse(query)
        assert parsed.error is None and parsed.tree is not None, (query, meaning)


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_is_read_as_a_field(name: str) -> None:
    value = "2025" if name == "date" else "kallas"
    tree = parse(f"{name}:{value}").tree
    assert tree is not None
    assert getattr(tree, "field", "date") == name
