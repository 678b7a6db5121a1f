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
from .metadata import (
    META_FIRST_WORDS,
    DateFound,
    first_word,
    looks_like_title,
    parse_meta_line,
)

_LANG_CODES = (
    r"ua|uk|ukr|en|eng|ru|rus|de|deu|ger|fr|fra|es|esp|it|ita|pl|pol|pt|ro|tr|ar|zh|cn|ja|jp"
    r"|ko|kr|nl|cs|cz|sk|hu|bg|ka|ge|az|kk|kz|lt|lv|et|est|fi|sv|da|el|gr|hr|sr|sl|sq|hy|uz"
    r"|fa|укр|рус|eng|english|українська|русский|русская|deutsch|français|español|polski"
)
_FONT_TOKEN = (
    r"(?:[+\-−–]|A[+\-−]?|[↺↻⟲⟳]|\d{1,2}\s*px|\d{2,3}\s*%"
    r"|(?:font|text)(?:\s*size)?\s*:?|reset|aa)"
)
_SHARE_WORD = (
    r"(?:share(?:\s+(?:this|on|via|article|story))?|tweet|facebook|twitter|x|whatsapp|telegram"
    r"|viber|linkedin|reddit|pinterest|messenger|flipboard|e-?mail|print|copy(?:\s+link)?"
    r"|link\s+copied|поділитися|поделиться|копіювати(?:\s+посилання)?)"
)
_LINE_CRUFT = re.compile(
    "|".join(
        (
            rf"(?P<lang>(?:{_LANG_CODES})(?:(?:\s*[|/·•,]\s*|\s+)(?:{_LANG_CODES}))+)",
            rf"(?P<font>{_FONT_TOKEN}(?:\s+{_FONT_TOKEN})+)",
            r"(?P<tag>#[^\W_][\w-]*(?:[\s,]+#[^\W_][\w-]*)*|(?:tags|теги|мітки)\s*:.*)",
            rf"(?P<share>{_SHARE_WORD}(?:(?:\s*[:|/·•,]\s*|\s+){_SHARE_WORD})*)",
            r"(?P<ad>advertisement|advertising|\(?ad\)?|ads|sponsored(?:\s+content)?|реклама"
            r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?(?:\s+with\s+content)?)",
            r"(?P<related>(?:read\s+(?:more|also)|see\s+also|also\s+read|more\s+on\s+this"
            r"|читайте\s+(?:також|также)|також\s+читайте|дивіться\s+також|смотрите\s+также)"
            r"(?:\s*[:：»>—–-].*)?|related(?:\s+(?:news|articles?|stories|story|posts?))?"
            r"(?:\s*:.*)?)",
            r"(?P<comments>(?:(?:no|\d+)\s+)?comments?(?:\s*\(\d+\))?"
            r"|leave\s+a\s+(?:comment|reply)|коментар(?:і|ів)?(?:\s*\(?\d+\)?)?)",
            r"(?P<copyright>(?:©|\(c\)|copyright\b).*)",
            r"(?P<prompt>(?:subscribe|sign\s+up|follow\s+us|join\s+us|підписуйтесь|подписывайтесь)"
            r"\b.{0,80})",
            r"(?P<nav>skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|menu|home(?:\s*[›»>/].*)?"
            r"|loading(?:\.{3}|…)?|search)",
        )
    ),
    re.IGNORECASE,
)
_CRUFT_REASONS = {
    "lang": "language switcher",
    "font": "font-size controls",
    "tag": "section tag",
    "share": "share buttons",
    "ad": "advertisement",
    "related": "related link",
    "comments": "comments counter",
    "copyright": "copyright notice",
    "prompt": "subscription prompt",
    "nav": "navigation",
}
_FONT_SIGNAL = re.compile(r"px|[↺↻⟲⟳]|A[+\-−]|%|font|text", re.IGNORECASE)
_CAPTION = re.compile(
    r"(?:^|\s)(?:photos?|photograph|image|picture|illustration|фото|світлина|ілюстрація"
    r"|иллюстрация)(?:\s+(?:credit|by|illustration))?\s*[:：]\s*\S"
    r"|(?:^|\s)photo\s+by\s+\w"
    r"|\((?:[^()]*[/,;]\s*)?(?:AP|AFP|EPA|Getty|Reuters/|Shutterstock|Unsplash|Depositphotos|Pexels"
    r"|Wikimedia|Wikipedia|Anadolu|TASS|Sputnik|UNIAN|Ukrinform|Pool|Bloomberg via)\b[^()]*\)"
    r"\.?\s*$"
    r"|\(photo\b[^()]*\)\.?\s*$",
    re.IGNORECASE,
)
_CAPTION_HINTS = (
    *("hoto", "HOTO", "mage", "MAGE", "icture", "ICTURE", "llustr", "LLUSTR"),
    *("ото", "ОТО", "вітлин", "ВІТЛИН", "люстр", "ЛЮСТР"),
)
# First words a whole-line cruft pattern can start with; other lines skip the big regex.
_CRUFT_FIRST_WORDS = frozenset(
    word
    for group in (
        _LANG_CODES.replace("|", " "),
        "a a+ a- a− aa font text reset font-size",
        "tags теги мітки",
        "share tweet facebook twitter x whatsapp telegram viber linkedin reddit pinterest",
        "messenger flipboard email e-mail print copy link поділитися поделиться копіювати",
        "advertisement advertising ad (ad) ads sponsored реклама scroll",
        "read see also more related читайте також дивіться смотрите",
        "no comment comments leave коментар коментарі коментарів",
        "© (c) copyright subscribe sign follow join підписуйтесь подписывайтесь",
        "skip back menu home loading loading... loading… search",
    )
    for word in group.split()
)
_CRUFT_FIRST_CHARS = frozenset("#+-−–↺↻⟲⟳©0123456789")  # digits also start dates
# Lines starting with none of these words (or characters) cannot be cruft or metadata.
_SPECIAL_FIRST_WORDS = _CRUFT_FIRST_WORDS | META_FIRST_WORDS
_TERMINAL = tuple(".!?…»”\"'’)")
_WRAP_WIDTH = 110  # lines of hard-wrapped text are no longer than this
_CAPTION_MAX = 400  # longer lines are body text even if they mention a photo


@dataclass(slots=True)
class Layout:
    """Where things are in an article's text, and the metadata read on the way."""

    paragraphs: list[Span] = field(default_factory=list)
    cruft: list[tuple[Span, str]] = field(default_factory=list)
    title_span: Span | None = None
    dates: list[tuple[DateFound, bool]] = field(default_factory=list)  # (date, in header)
    author: str | None = None
    source: str | None = None  # from a "Source: X" line
    outlet: str | None = None  # from a "Name | Outlet" byline


def cruft_reason(line: str, word: str | None = None) -> str | None:
    """Why a stripped line is web cruft, or ``None`` if it is not.

    ``word`` is the line's :func:`~.metadata.first_word`, if already known.
    """
    if not line:
        return None
    if len(line) <= 120 and (
        line[0] in _CRUFT_FIRST_CHARS
        or (first_word(line) if word is None else word) in _CRUFT_FIRST_WORDS
    ):
        m = _LINE_CRUFT.fullmatch(line)
        if m and m.lastgroup:
            kind = m.lastgroup
            if kind != "font" or _FONT_SIGNAL.search(line):
                return _CRUFT_REASONS[kind]
    if len(line) <= _CAPTION_MAX and _caption_hint(line) and _CAPTION.search(line):
        return "photo caption"
    if len(line) <= 200 and ("ights reserved" in line or "IGHTS RESERVED" in line):
        return "copyright notice"
    return None


def _plain(line: str, word: str) -> bool:
    """A cheap test that a line is neither cruft nor metadata (most body lines are)."""
    return (
        word not in _SPECIAL_FIRST_WORDS
        and line[0] not in _CRUFT_FIRST_CHARS
        and "|" not in line
        and " • " not in line
        and " · " not in line
        and "ights reserved" not in line
        and "IGHTS RESERVED" not in line
        and not _caption_hint(line)
    )


def _caption_hint(line: str) -> bool:
    """A cheap test before the caption regex: a credit word, or a closing parenthesis."""
    if line.endswith((")", ").")):
        return True
    if ":" not in line and "：" not in line and "by" not in line:
        return False
    return any(hint in line for hint in _CAPTION_HINTS)


def _lines(text: str) -> list[Span | None]:
    """Each line's whitespace-trimmed span (``None`` for a blank line)."""
    out: list[Span | None] = []
    pos = 0
    append = out.append
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])  # only whitespace comes before it
            append((start, start + len(stripped)))
        else:
            append(None)
        pos += len(line) + 1
    return out


# A piece of a line: (start, end, reason); reason "" means body text.
_Piece = tuple[int, int, str]


class _Walker:
    """One pass over an article's lines, building a :class:`Layout`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        self.layout = Layout()
        self.header = True  # no body text seen yet
        self.title: str | None = None

    def run(self) -> Layout:
        """Classify every line, then group the body pieces into paragraphs."""
        text, lines = self.text, self.lines
        pieces: list[list[_Piece]] = []
        for i, span in enumerate(lines):
            if span is None:
                pieces.append([])
                continue
            s, e = span
            if self.header and self.title is None and self._is_title(i, s, e):
                self.title = text[s:e]
                self.layout.title_span = (s, e)
                pieces.append([])
                continue
            line_pieces = self._classify(s, e, allow_meta=True)
            if not line_pieces[-1][2]:  # body text, which always comes last on its line
                self.header = False
            pieces.append(line_pieces)
        self._mark_stray_end(pieces)
        self._paragraphs(pieces)
        return self.layout

    def _classify(self, s: int, e: int, *, allow_meta: bool) -> list[_Piece]:
        """Split one trimmed line (or the rest of one) into cruft, metadata and body pieces."""
        line = self.text[s:e]
        if self.title and line.startswith(self.title):
            repeat = _repeated_headline(line, len(self.title))
            if repeat:
                return [(s, e, repeat)]
        word = first_word(line)
        if _plain(line, word):
            return [(s, e, "")]
        reason = cruft_reason(line, word)
        if reason:
            return [(s, e, reason)]
        if not allow_meta:
            return [(s, e, "")]
        meta = parse_meta_line(line, header=self.header, word=word)
        if meta is None:
            return [(s, e, "")]
        layout = self.layout
        if meta.date:
            d = meta.date
            layout.dates.append((DateFound(d.iso, d.kind, s + d.start, s + d.end), self.header))
        layout.author = layout.author or meta.author
        layout.source = layout.source or meta.source
        layout.outlet = layout.outlet or meta.outlet
        out = [(s + a, s + b, r) for a, b, r in meta.parts]
        if meta.body_start is not None:
            rest = line[meta.body_start :]
            start = s + meta.body_start + len(rest) - len(rest.lstrip())
            if start < e:
                out.extend(self._classify(start, e, allow_meta=False))
        return out

    def _is_title(self, i: int, s: int, e: int) -> bool:
        """Whether line ``i`` (the first candidate for body text) is the headline."""
        line = self.text[s:e]
        # A bare "Name | Outlet" here is more likely a headline with its site's name.
        if cruft_reason(line) or parse_meta_line(line, header=True, bare_names=False):
            return False
        if not self.text[e:].strip():
            return False  # nothing after it: it is the body
        following = self._next_lines(i, 4)
        if len(line) <= 300 and len(line.split()) >= 2:
            for a, b, _ in following:  # a repeated headline is a strong sign
                nxt = self.text[a:b]
                if nxt.startswith(line) and _repeated_headline(nxt, len(line)):
                    return True
        if not looks_like_title(line):
            return False
        if following and following[0][2]:  # same block continues: only metadata may follow
            a, b, _ = following[0]
            nxt = self.text[a:b]
            return bool(cruft_reason(nxt) or parse_meta_line(nxt, header=True))
        return True

    def _next_lines(self, i: int, count: int) -> list[tuple[int, int, bool]]:
        """The next ``count`` non-blank lines after ``i``: (start, end, adjacent to i)."""
        out: list[tuple[int, int, bool]] = []
        adjacent = True
        for span in self.lines[i + 1 :]:
            if span is None:
                adjacent = False
                continue
            out.append((span[0], span[1], adjacent))
            adjacent = False
            if len(out) == count:
                break
        return out

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
    if cruft_reason(rest) == "photo caption" or _CAPTION.search(" " + rest):
        return "repeated headline with photo caption"
    return None


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


def layout(text: str) -> Layout:
    """Lay out ``text``: paragraphs, cruft, title span and the metadata read on the way."""
    return _Walker(text).run()
