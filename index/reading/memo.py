"""What each line is, worked out once per article.

The header scan, the headline's scoring, a second pass over the chrome and the layout walker
ask the same questions of the same lines (is it metadata? cruft?); the answers are kept here,
keyed by the line's text, for the one article being read.
"""

from __future__ import annotations

from .cruft import cruft_reason
from .metadata import MetaLine, parse_meta_line


class LineMemo:
    """Memoised :func:`~.metadata.parse_meta_line` (as a header line) and :func:`cruft_reason`."""

    __slots__ = ("_cruft", "_meta")

    def __init__(self) -> None:
        self._meta: dict[tuple[str, bool], MetaLine | None] = {}
        self._cruft: dict[str, str | None] = {}

    def meta(self, line: str, *, bare_names: bool = True) -> MetaLine | None:
        """The header line read as metadata (see :func:`~.metadata.parse_meta_line`)."""
        key = (line, bare_names)
        if key not in self._meta:
            self._meta[key] = parse_meta_line(line, header=True, bare_names=bare_names)
        return self._meta[key]

    def cruft(self, line: str) -> str | None:
        """Why the line is web cruft, if it is (see :func:`~.cruft.cruft_reason`)."""
        if line not in self._cruft:
            self._cruft[line] = cruft_reason(line)
        return self._cruft[line]
