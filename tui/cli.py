"""The ``newsbrowse`` command."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    print("newsbrowse: under construction")
    return 0
