"""The top of an article: page chrome, the headline, the standfirst, bylines without "By".

Scraped pages open with the site's furniture before the story: a masthead, menus, a
breadcrumb, a section label, a kicker. The headline is the first headline-shaped line after
them; a short label directly above a longer headline is a label, not the headline. Under the
headline may come a standfirst (a sentence-like line before the byline or date), a byline
without "By" (``Ana Ruiz and Tom Berg``) and its role line (``Chief economics
correspondent``). Everything is decided by shape and position, never by a site's name.

:func:`scan_header` reads the lines once and says what each header line is; the layout walker
(:mod:`.layout`) then sets them aside and reads explicit metadata lines (dates, ``By``
bylines, ``Source:`` lines) itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Span
from . import chrome
from .cruft import cruft_reason
from .metadata import (
    URL,
    MetaLine,
    bare_byline,
    looks_like_title,
    parse_meta_line,
    role_line,
)

_MAX_HEADER_LINES = 40  # non-blank lines; a header never runs longer
_SHORT_TITLE_WORDS = 3  # a line this short above a longer headline is a label


@dataclass(slots=True)
class Header:
    """What the header lines are. Line numbers index the text's lines."""

    title: int | None = None
    subtitle: int | None = None
    chrome: dict[int, str] = field(default_factory=dict)  # line -> reason it is set aside
    masthead: str | None = None
    section: str | None = None
    author: str | None = None  # from a byline without "By"
    url: str | None = None  # from a bare URL line at the top


@dataclass(slots=True)
class _Line:
    index: int
    text: str
    end: int  # where the line ends in the text
    adjacent: bool  # directly under the previous non-blank line (no blank between)


def scan_header(text: str, lines: list[Span | None], *, title: int | None = None) -> Header:
    """Classify the header lines of ``text`` (``lines`` are its trimmed line spans).

    ``title``, when given, is the headline's line: the lines above it are chrome.
    """
    found: list[_Line] = []
    adjacent = False
    for i, span in enumerate(lines):
        if span is None:
            adjacent = False
            continue
        found.append(_Line(i, text[span[0] : span[1]], span[1], adjacent))
        adjacent = True
        if len(found) == _MAX_HEADER_LINES:
            break
    return _Scan(found, text).run(title)


class _Scan:
    """One pass over the header lines: chrome and labels, then the headline, then under it."""

    def __init__(self, lines: list[_Line], text: str) -> None:
        self.lines = lines
        self.text = text
        self.header = Header()
        self.pending: list[_Line] = []  # short labels seen before the headline
        self.sealed = False  # a menu or breadcrumb was seen: labels above it are the masthead

    def run(self, title: int | None) -> Header:
        if title is not None:
            pos = next((k for k, line in enumerate(self.lines) if line.index == title), None)
            if pos is not None:
                for line in self.lines[:pos]:
                    self.header.chrome[line.index] = "page chrome"
                self.header.title = title
                self._after_title(pos + 1)
                return self.header
        pos = self._before_title()
        if self.header.title is not None:
            self._after_title(pos)
        self._settle_labels()
        return self.header

    # ----- before the headline ------------------------------------------------------------

    def _before_title(self) -> int:
        """Walk the chrome to the headline; the position after it (or where the body starts)."""
        h = self.header
        for pos, line in enumerate(self.lines):
            s = line.text
            if chrome.skip_line(s):
                h.chrome[line.index] = "navigation"
                continue
            if URL.fullmatch(s):
                h.url = h.url or s
                h.chrome[line.index] = "source"
                continue
            crumbs = chrome.breadcrumb(s)
            if crumbs:
                h.chrome[line.index] = "breadcrumb"
                h.section = chrome.section_of(crumbs) or h.section
                self._seal()
                continue
            if cruft_reason(s):
                continue  # the walker sets it aside
            meta = parse_meta_line(s, header=True, bare_names=False)
            if meta is not None:
                if meta.body_start is not None:
                    return pos  # "date 2025-08-23 Kallas said ...": the body has begun
                continue
            if chrome.nav_line(s):
                h.chrome[line.index] = "navigation"
                self._seal()
                continue
            if chrome.tagline(s) and self.pending and line.adjacent:
                h.chrome[line.index] = "tagline"
                self._seal()
                continue
            if self._label(pos):
                self.pending.append(line)
                continue
            if self._is_title(pos):
                h.title = line.index
                return pos + 1
            return pos
        return len(self.lines)

    def _label(self, pos: int, depth: int = 0) -> bool:
        """Whether the line at ``pos`` is a label above the headline, not the headline.

        Capitals are a label; so is a short line followed by page chrome (a motto, a menu),
        by another label, or by a longer headline.
        """
        s = self.lines[pos].text
        pieces = chrome.menu_pieces(s)
        if chrome.caps_line(s) or (pieces and any(chrome.caps_line(p) for p in pieces)):
            return True
        if not chrome.label_line(s) or len(s.split()) > _SHORT_TITLE_WORDS:
            return False
        k = self._next_text(pos)
        if k is None:
            return False
        nxt = self.lines[k].text
        if chrome.nav_line(nxt) or chrome.breadcrumb(nxt) or chrome.skip_line(nxt):
            return True
        if chrome.tagline(nxt) and self.lines[k].adjacent:
            return True
        if looks_like_title(nxt) and len(nxt.split()) > _SHORT_TITLE_WORDS:
            return "|" not in nxt and bare_byline(nxt) is None
        return depth < 2 and self._label(k, depth + 1)

    def _next_text(self, pos: int) -> int | None:
        """The position of the next line that is neither cruft nor metadata, if any."""
        for k in range(pos + 1, len(self.lines)):
            s = self.lines[k].text
            if chrome.breadcrumb(s):
                return k
            if cruft_reason(s) or parse_meta_line(s, header=True, bare_names=False):
                continue
            return k
        return None

    def _is_title(self, pos: int) -> bool:
        """Whether the line at ``pos`` is the headline."""
        line = self.lines[pos]
        s = line.text
        if parse_meta_line(s, header=True, bare_names=False) or not self.text[line.end :].strip():
            return False
        following = self.lines[pos + 1 : pos + 5]
        if len(s) <= 300 and len(s.split()) >= 2:
            for nxt in following:  # a headline printed twice is a strong sign
                if nxt.text == s or (
                    nxt.text.startswith(s) and cruft_reason(nxt.text[len(s) :].strip())
                ):
                    return True
        if not looks_like_title(s):
            return False
        if following and following[0].adjacent:
            # Only metadata, or a standfirst followed by a blank line, may sit right under it.
            under = following[0].text
            if cruft_reason(under) or parse_meta_line(under, header=True):
                return True
            after = following[1] if len(following) > 1 else None
            return (after is None or not after.adjacent) and self._standfirst_shape(under)
        return True

    def _seal(self) -> None:
        """A menu or breadcrumb: the first label above it is the site's masthead."""
        if self.pending and not self.sealed and self.header.masthead is None:
            self._take_masthead(self.pending[0])
            for line in self.pending[1:]:
                self.header.chrome[line.index] = "label"
            self.pending = []
        self.sealed = True

    def _take_masthead(self, line: _Line) -> None:
        self.header.chrome[line.index] = "masthead"
        if not chrome.kicker(line.text):
            self.header.masthead = line.text

    def _settle_labels(self) -> None:
        """Labels left above the headline: a masthead first (if it looks like one), then the
        section label closest to the headline; kickers (``LIVE``) are neither."""
        h = self.header
        labels = [line for line in self.pending if not chrome.kicker(line.text)]
        for line in self.pending:
            h.chrome[line.index] = "label"
        if not labels:
            return
        first = labels[0]
        if h.masthead is None and not self.sealed and (len(labels) > 1 or _masthead_shape(first)):
            self._take_masthead(first)
            labels = labels[1:]
        if labels and h.section is None:
            last = labels[-1]
            h.chrome[last.index] = "section label"
            h.section = _section_name(last.text)

    # ----- under the headline -------------------------------------------------------------

    def _after_title(self, pos: int) -> None:
        """Standfirst, bylines without "By" and their role lines, up to the body."""
        h = self.header
        title = self.lines[pos - 1].text
        byline_above = seen_byline = False
        for k in range(pos, len(self.lines)):
            line = self.lines[k]
            s = line.text
            if s == title or (s.startswith(title) and cruft_reason(s[len(title) :].strip())):
                continue  # a repeated headline: the walker sets it aside
            if cruft_reason(s):
                byline_above = False
                continue
            meta = parse_meta_line(s, header=True)
            if meta is not None:
                if meta.body_start is not None:
                    return
                byline_above = _is_byline(meta)
                seen_byline = seen_byline or byline_above
                continue
            if byline_above and role_line(s):
                h.chrome[line.index] = "byline role"
                continue
            name = None if seen_byline else bare_byline(s)
            if name:
                h.author = name
                h.chrome[line.index] = "byline"
                byline_above = seen_byline = True
                continue
            if h.subtitle is None and self._standfirst(k):
                h.subtitle = line.index
                continue
            return

    def _standfirst(self, k: int) -> bool:
        """A sentence-like line under the headline that the byline or date follows."""
        s = self.lines[k].text
        if not self._standfirst_shape(s):
            return False
        if self.lines[k].adjacent and self.lines[k - 1].index == self.header.title:
            return True
        for line in self.lines[k + 1 : k + 3]:
            nxt = line.text
            if chrome.timestamp_line(nxt) or bare_byline(nxt):
                return True
            meta = parse_meta_line(nxt, header=True)
            if meta is not None and meta.body_start is None:
                return True
            if not cruft_reason(nxt):
                return False
        return False

    @staticmethod
    def _standfirst_shape(s: str) -> bool:
        words = s.split()
        return (
            4 <= len(words) <= 60
            and len(s) <= 360
            and (s[0].isupper() or s[0] in "«“\"'‘")
            and not s.endswith((":", ","))
            and any(w.islower() for w in words)
        )


def _is_byline(meta: MetaLine) -> bool:
    return any(reason == "byline" for _, _, reason in meta.parts)


def _masthead_shape(line: _Line) -> bool:
    """A lone label that names the site: in capitals, two pieces, or opening with "The"."""
    s = line.text
    several = chrome.caps_line(s) and len(s.split()) > 1  # "HEALTH" alone is a section
    return several or bool(chrome.menu_pieces(s)) or s.startswith("The ")


def _section_name(label: str) -> str:
    """A section label as a name: ``WORLD NEWS`` reads ``World News``."""
    if chrome.caps_line(label):
        return " ".join(w.capitalize() if w.isalpha() else w for w in label.split())
    return label
