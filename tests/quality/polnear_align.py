"""Offsets between PolNeAR's raw text and the text newsbrowse reads.

PolNeAR's offsets count the characters of the raw UTF-8 file. newsbrowse's spans index
``Article.text``: the decoded file with control characters removed and CR/CRLF turned into
``\\n`` (``decode.strip_controls``). On the train and dev splits the two are the same string for
all but a dozen articles, where a stray ESC or C1 control character (mojibake) is dropped. When
they differ we align the two strings with ``difflib`` (character runs in common) and carry each
offset across; an offset inside a dropped run lands where the run was.
"""

from __future__ import annotations

from difflib import SequenceMatcher

Span = tuple[int, int]


class Alignment:
    """Maps offsets of ``raw`` to offsets of ``clean`` and back."""

    def __init__(self, raw: str, clean: str) -> None:
        self.identical = raw == clean
        self._to_clean: list[int] = []
        self._to_raw: list[int] = []
        if self.identical:
            return
        to_clean = [0] * (len(raw) + 1)
        to_raw = [0] * (len(clean) + 1)
        matcher = SequenceMatcher(None, raw, clean, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            for k in range(i1, i2):
                to_clean[k] = j1 + (k - i1 if op == "equal" else min(k - i1, j2 - j1))
            for k in range(j1, j2):
                to_raw[k] = i1 + (k - j1 if op == "equal" else min(k - j1, i2 - i1))
        to_clean[len(raw)] = len(clean)
        to_raw[len(clean)] = len(raw)
        self._to_clean, self._to_raw = to_clean, to_raw

    def to_clean(self, span: Span) -> Span:
        """A raw span as a span of the clean text."""
        if self.identical:
            return span
        return self._to_clean[span[0]], max(self._to_clean[span[0]], self._to_clean[span[1]])

    def to_raw(self, span: Span) -> Span:
        """A clean span as a span of the raw text."""
        if self.identical:
            return span
        return self._to_raw[span[0]], max(self._to_raw[span[0]], self._to_raw[span[1]])
