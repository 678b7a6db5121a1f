"""Laying out an article's text: cruft and metadata set aside, title found, paragraphs spanned.

The text is walked line by line. Each stripped line is web cruft (a language switcher,
share buttons, a photo caption, ...), metadata (a date, a byline, a source line), the
title, or body text; a line can be partly metadata (``date 2025-08-23 Kallas said ...``).
Body lines become paragraphs: one per line, or one per block when the block is hard-wrapped.
Every span is whitespace-trimmed and indexes into the text, which is never changed.

``Layout.cruft`` lists everything set aside that is not the title, with a short reason:
web cruft ("share buttons", "photo caption", ...) and the metadata bits ("date",
"updated date", "byline", "source"), in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Span
from .cruft import CAPTION, cruft_reason, plain
from .header import scan_header
from .memo import LineMemo
from .metadata import DateFound, DateKind, first_word, parse_meta_line

__all__ = ["Layout", "cruft_reason", "layout"]

_TERMINAL = tuple(".!?…»”\"'’)")
_COMMENTS_SHARE = 0.35  # comments follow the story: at most this share of the text comes after
_WRAP_WIDTH = 110  # lines of hard-wrapped text are no longer than this


@dataclass(slots=True)
class Layout:
    """Where things are in an article's text, and the metadata read on the way."""

    paragraphs: list[Span] = field(default_factory=list)
    cruft: list[tuple[Span, str]] = field(default_factory=list)
    title_span: Span | None = None
    dates: list[tuple[DateFound, bool]] = field(default_factory=list)  # (date, in header)
    relative: tuple[DateKind, int] | None = None  # the first relative date: kind, seconds ago
    author: str | None = None
    source: str | None = None  # from a "Source: X" line
    outlet: str | None = None  # from a "Name | Outlet" byline or a byline's dateline
    masthead: str | None = None  # the site's name printed above the story
    section: str | None = None  # from a breadcrumb or a section label
    subtitle_span: Span | None = None  # the standfirst (also a paragraph)
    url: str | None = None  # from a "Source: https://..." / "URL:" line or a bare URL line
    host: str | None = None  # that URL's host
    site: str | None = None  # the site named after the headline (``Headline | Site``)
    sender: str | None = None  # an e-mail's sender
    sent: str | None = None  # an e-mail's date: the article's only when it states none
    forwarded: bool = False  # an e-mail forwarding the article: its sender is no source
    card: str | None = None  # the outlet an aggregator's card gives the headline
    role_outlet: str | None = None  # "Education correspondent, Harbour Radio": or a beat
    quoted: bool = False  # a message quoting the article, "> " before its lines


_QUOTED_LINES = 3  # an e-mail quoting an article marks at least this many lines with ">"
_HASH_MARK = re.compile(r"#{1,6}[ \t]+")


_QUOTE_MARKS = re.compile(r"^[ \t]*>[> \t]*", re.MULTILINE)


def unquoted(text: str) -> str:
    """The text of a message that quotes an article (see :attr:`Layout.quoted`) with the
    ``>`` marks before its lines blanked (each mark a space, so every span stays put): a quote
    wrapped over two quoted lines reads as one. ``> "We will,"`` / ``> she said.`` reads
    ``  "We will,"`` / ``  she said.``."""
    return _QUOTE_MARKS.sub(lambda m: " " * len(m.group()), text)


def _quoted(text: str) -> bool:
    """Whether ``text`` is a message that quotes an article (``> `` before its lines)."""
    return text.count("\n>") >= _QUOTED_LINES


def _lines(text: str, quoted: bool) -> list[Span | None]:
    """Each line's whitespace-trimmed span (``None`` for a blank line).

    In a message that quotes an article (``quoted``: ``> `` before each line, as a reply or
    forward quotes it), the marks are trimmed like the whitespace: the lines are the
    article's.
    """
    out: list[Span | None] = []
    pos = 0
    append = out.append
    for line in text.split("\n"):
        stripped = line.strip()
        if quoted and stripped[:1] == ">":
            stripped = stripped.lstrip("> \t")
        elif stripped[:1] == "#" and (mark := _HASH_MARK.match(stripped)):
            stripped = stripped[mark.end() :]  # "### url: ..." (a scraper's log, a heading)
        if stripped:
            start = pos + line.index(stripped[0])  # only whitespace (or marks) come before it
            append((start, start + len(stripped)))
        else:
            append(None)
        pos += len(line) + 1
    return out


# A piece of a line: (start, end, reason); reason "" means body text.
_Piece = tuple[int, int, str]


class _Walker:
    """One pass over an article's lines, building a :class:`Layout`."""

    def __init__(self, text: str, title_span: Span | None = None) -> None:
        self.text = text
        self.title_span = title_span
        self.layout = Layout(quoted=_quoted(text))
        self.lines = _lines(text, self.layout.quoted)
        self.header = True  # no body text seen yet
        self.title: str | None = None
        self.memo = LineMemo()  # shared with the header scan, which reads the same lines

    def run(self) -> Layout:
        """Classify every line, then group the body pieces into paragraphs."""
        text, lines, layout = self.text, self.lines, self.layout
        title_line = None
        if self.title_span is not None:
            title_line = next((i for i, sp in enumerate(lines) if sp == self.title_span), None)
        head = scan_header(text, lines, title=title_line, memo=self.memo)
        layout.masthead, layout.section, layout.url = head.masthead, head.section, head.url
        layout.author, layout.host, layout.site = head.author, head.host, head.site
        layout.sent, layout.card, layout.source = head.sent, head.card, head.source
        layout.role_outlet = head.outlet
        layout.forwarded = head.forwarded
        pieces: list[list[_Piece]] = []
        for i, span in enumerate(lines):
            if span is None:
                pieces.append([])
                continue
            s, e = span
            if i == head.title:
                if head.title_span is not None:  # an e-mail's subject, or "Headline | Site"
                    s, e = head.title_span
                    around = [(span[0], s, "field label")] if s > span[0] else []
                    if e < span[1]:
                        rest = text[e : span[1]]  # " | Site" or " - Site"
                        bar = e + len(rest) - len(rest.lstrip(" |-–—\t"))
                        around.append((bar, span[1], "site name"))
                    pieces.append(around)
                elif head.title_last is not None:
                    e = lines[head.title_last][1]  # type: ignore[index]
                    pieces.append([])
                else:
                    pieces.append([])
                self.title = text[s:e]
                layout.title_span = (s, e)
                continue
            if i == head.title_last:
                pieces.append([])
                continue
            if i in head.chrome:
                pieces.append([(s, e, head.chrome[i])])
                continue
            if i == head.subtitle:
                if head.subtitle_last is not None:
                    e = lines[head.subtitle_last][1]  # type: ignore[index]
                layout.subtitle_span = (s, e)
                pieces.append([(s, e, "")])
                continue
            if head.subtitle is not None and head.subtitle < i <= (head.subtitle_last or -1):
                pieces.append([])
                continue
            line = head.texts[i] if i < len(head.texts) else None  # text[s:e], sliced once
            line_pieces = self._classify(s, e, allow_meta=True, line=line)
            if not line_pieces[-1][2]:  # body text, which always comes last on its line
                self.header = False
            pieces.append(line_pieces)
        self._mark_related(pieces)
        self._mark_comments(pieces)
        self._mark_stray_end(pieces)
        self._paragraphs(pieces)
        return self.layout

    def _classify(
        self, s: int, e: int, *, allow_meta: bool, line: str | None = None
    ) -> list[_Piece]:
        """Split one trimmed line (or the rest of one) into cruft, metadata and body pieces.
        ``line`` is ``text[s:e]``, if the header scan has it."""
        if line is None:
            line = self.text[s:e]
        if self.title and line.startswith(self.title):
            repeat = _repeated_headline(line, len(self.title))
            if repeat:
                return [(s, e, repeat)]
        word = first_word(line)
        if plain(line, word):
            return [(s, e, "")]
        reason = self.memo.cruft(line)
        if reason:
            return [(s, e, reason)]
        if not allow_meta:
            return [(s, e, "")]
        if self.header:
            meta = self.memo.meta(line)
        else:
            meta = parse_meta_line(line, header=False, word=word)
        if meta is None:
            return [(s, e, "")]
        layout = self.layout
        if meta.date:
            d = meta.date
            moved = DateFound(d.iso, d.kind, s + d.start, s + d.end, d.minute)
            layout.dates.append((moved, self.header))
        layout.relative = layout.relative or meta.relative
        layout.author = layout.author or meta.author
        layout.source = layout.source or meta.source
        layout.outlet = layout.outlet or meta.outlet
        layout.url = layout.url or meta.url
        layout.sender = layout.sender or meta.sender
        layout.host = layout.host or meta.host
        out = [(s + a, s + b, r) for a, b, r in meta.parts]
        if meta.body_start is not None:
            rest = line[meta.body_start :]
            start = s + meta.body_start + len(rest) - len(rest.lstrip())
            if start < e:
                out.extend(self._classify(start, e, allow_meta=False))
        return out

    def _mark_related(self, pieces: list[list[_Piece]]) -> None:
        """Headlines listed under a "Related" / "Most read" heading are links, not body."""
        listing = False
        for line_pieces in pieces:
            if not line_pieces:
                listing = False
                continue
            s, e, reason = line_pieces[-1]
            if reason == "related link" and len(line_pieces) == 1:
                listing = True
                continue
            if listing and not reason and len(line_pieces) == 1 and _listed(self.text[s:e]):
                line_pieces[0] = (s, e, "related link")
                continue
            listing = False

    def _mark_comments(self, pieces: list[list[_Piece]]) -> None:
        """Text after a "Comments (3)" heading near the end is readers' comments, not body."""
        if not any(len(line) == 1 and line[0][2] == "comments counter" for line in pieces):
            return  # no heading (most articles): the body's length is not needed
        body = [e - s for line in pieces for s, e, r in line if not r]
        total, seen = sum(body), 0
        for k, line_pieces in enumerate(pieces):
            heading = len(line_pieces) == 1 and line_pieces[0][2] == "comments counter"
            if heading and total - seen <= _COMMENTS_SHARE * total:
                for rest in pieces[k + 1 :]:
                    rest[:] = [(s, e, r or "reader comment") for s, e, r in rest]
                return
            seen += sum(e - s for s, e, r in line_pieces if not r)

    def _mark_stray_end(self, pieces: list[list[_Piece]]) -> None:
        """A lone character or two at the very end (a truncated scrape) is cruft."""
        for line_pieces in reversed(pieces):
            if not line_pieces:
                continue
            s, e, reason = line_pieces[-1]
            if not reason and e - s <= 2 and len(line_pieces) == 1:
                line_pieces[-1] = (s, e, "stray character")
            return

    def _paragraphs(self, pieces: list[list[_Piece]]) -> None:
        """Collect cruft entries, and group body pieces into paragraphs."""
        layout = self.layout
        block: list[Span] = []
        for line_pieces in pieces:
            if not line_pieces or line_pieces[0][2]:
                _flush(self.text, block, layout.paragraphs)
            for s, e, reason in line_pieces:
                if reason:
                    layout.cruft.append(((s, e), reason))
                else:
                    block.append((s, e))
            if line_pieces and line_pieces[-1][2]:
                _flush(self.text, block, layout.paragraphs)
        _flush(self.text, block, layout.paragraphs)


def _repeated_headline(line: str, n: int) -> str | None:
    """The reason for a line that repeats the headline (alone or with a photo caption)."""
    rest = line[n:].strip()
    if not rest:
        return "repeated headline"
    if not line[n].isspace() and line[n] not in "(":
        return None
    if cruft_reason(rest) == "photo caption" or CAPTION.search(" " + rest):
        return "repeated headline with photo caption"
    return None


def _listed(line: str) -> bool:
    """A headline in a list of links: short, capitalised, no closing full stop."""
    return (
        len(line) <= 140 and (line[0].isupper() or line[0] in "•-*–‘'“\"") and line[-1] not in ".:"
    )


def _flush(text: str, block: list[Span], paragraphs: list[Span]) -> None:
    """Turn a block of consecutive body lines into paragraphs, and empty it."""
    if not block:
        return
    if len(block) > 1 and _hard_wrapped(text, block):
        paragraphs.append((block[0][0], block[-1][1]))
    else:
        paragraphs.extend(block)
    block.clear()


def _hard_wrapped(text: str, block: list[Span]) -> bool:
    """Whether consecutive lines are one paragraph wrapped at a fixed width.

    They are when every line is short and some line breaks off mid-sentence; otherwise
    (long lines, or short lines that each end a sentence) each line is a paragraph.
    """
    if any(e - s > _WRAP_WIDTH for s, e in block):
        return False
    return any(not text[s:e].endswith(_TERMINAL) for s, e in block[:-1])


def layout(text: str, *, title_span: Span | None = None) -> Layout:
    """Lay out ``text``: paragraphs, cruft, title span and the metadata read on the way.

    ``title_span``, when given, is where the headline is (a page's ``<h1>``): the lines
    above it are chrome and the layout reads on from there.
    """
    return _Walker(text, title_span).run()
