"""The top of an article: page chrome, the headline, the standfirst, bylines without "By".

Scraped pages open with the site's furniture before the story: a masthead, menus, a
breadcrumb, a section label, a kicker, a wire's slug, labelled fields (:mod:`.fields`: an
e-mail's headers, a feed item's). The scan walks them to the first headline-shaped line and
proposes it; a short label directly above a longer headline is a label, not the headline.
:mod:`.headline` then scores every headline-shaped line among the first lines, and when
another wins (the story's own printing under an app's share sheet, a headline under a
newsletter's listings), the walk carries on to it, leaving what lies between to the walker.
Under the headline may come a standfirst (a sentence-like line before the byline or date,
perhaps over two lines), a byline without "By" (``Ana Quell and Tom Quarrie``) and its role line
(``Chief economics correspondent``). Everything is decided by shape and position, never by a
site's name.

:func:`scan_header` reads the lines once and says what each header line is; the layout walker
(:mod:`.layout`) then sets them aside and reads explicit metadata lines (dates, ``By``
bylines, ``Source:`` lines) itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Span
from . import chrome
from .cruft import cruft_reason, print_header_title
from .dates import SOCIAL_AGE
from .fields import read_fields
from .headline import choose_headline
from .memo import LineMemo
from .metadata import (
    URL,
    MetaLine,
    bare_byline,
    clean_outlet,
    looks_like_title,
    names_only,
    role_line,
)
from .sources import organisation

_MAX_HEADER_LINES = 40  # non-blank lines; a header never runs longer
_DOMAIN = re.compile(r"(?:www\.)?[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,12}", re.IGNORECASE)
_DOMAIN_LINES = 3  # a reader view prints the site's domain first
# A site's name: a few capitalised words (or a domain), as after a headline's bar.
_SITE_NAME = re.compile(
    r"(?:The\s+)?[A-Z0-9][\w.&'’-]*(?:\s+(?:&|of|and|de|du|del|la|le|[A-Z0-9][\w.&'’-]*)){0,4}"
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[A-Za-z0-9_]{2,30}")
_BY_WORD = re.compile(r"by\s|(?:written|reported|story|words)\s+by\s", re.IGNORECASE)
_DASHED_SITE = re.compile(r"(\s[-–—]\s)([^-–—]{2,48})$")
_LISTED = re.compile(r"\d{1,2}[.)]\s")  # an item of a numbered list of links
_LISTED_MAX = 120
_ONE_NAME_WORDS = 4  # "Ana de la Vega"; a longer run of capitalised words is no one's name
_SHORT_TITLE_WORDS = 3  # a line this short above a longer headline is a label
_TERMINAL = (".", "!", "?")
_STORY_LINE = 80  # a sentence this long is the story's text
_NAME_PAIR = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+")


@dataclass(slots=True)
class Header:
    """What the header lines are. Line numbers index the text's lines."""

    title: int | None = None
    title_last: int | None = None  # a headline wrapped over two lines ends on this line
    title_span: Span | None = None  # the headline inside its line (an e-mail's subject)
    subtitle: int | None = None
    subtitle_last: int | None = None  # a standfirst wrapped over lines ends on this line
    chrome: dict[int, str] = field(default_factory=dict)  # line -> reason it is set aside
    masthead: str | None = None
    section: str | None = None
    author: str | None = None  # from a byline without "By"
    url: str | None = None  # from a bare URL line at the top
    host: str | None = None  # from a bare domain name at the top (a reader view's first line)
    site: str | None = None  # the site named after the headline (``Headline | Site``)
    source: str | None = None  # a feed's channel or a transcript's station
    sent: str | None = None  # an e-mail's date
    forwarded: bool = False  # an e-mail forwarding the article: its sender is no source
    card: str | None = None  # the outlet an aggregator's card gives the headline
    outlet: str | None = None  # the outlet a byline's role line names ("Reporter, Outlet")
    # The text of each line the scan read, by line number (``None`` for a blank line): the
    # walker reads the same strings, and its memo finds them by their hash, already worked out.
    texts: list[str | None] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    index: int
    text: str
    start: int  # where the line starts in the text
    end: int  # where the line ends in the text
    adjacent: bool  # directly under the previous non-blank line (no blank between)
    quoted: bool = False  # marked as quoted (``> ``), as a message quotes an article


def scan_header(
    text: str, lines: list[Span | None], *, title: int | None = None, memo: LineMemo | None = None
) -> Header:
    """Classify the header lines of ``text`` (``lines`` are its trimmed line spans).

    ``title``, when given, is the headline's line: the lines above it are chrome. ``memo``
    keeps what the lines were found to be, for the caller to ask again.
    """
    found: list[_Line] = []
    texts: list[str | None] = []
    adjacent = False
    for i, span in enumerate(lines):
        if span is None:
            adjacent = False
            texts.append(None)
            continue
        start = span[0]
        quoted = (
            text[start - 1 : start] in (">", " ", "\t")
            and ">" in text[_line_start(text, start) : start]
        )
        line = text[start : span[1]]
        texts.append(line)
        found.append(_Line(i, line, start, span[1], adjacent, quoted))
        adjacent = True
        if len(found) == _MAX_HEADER_LINES:
            break
    header = _Scan(found, text, memo).run(title)
    header.texts = texts
    return header


class _Scan:
    """One pass over the header lines: chrome and labels, then the headline, then under it."""

    def __init__(self, lines: list[_Line], text: str, memo: LineMemo | None = None) -> None:
        self.lines = lines
        self.text = text
        self.memo = memo or LineMemo()
        self.header = Header()
        self.pending: list[_Line] = []  # short labels seen before the headline
        self.sealed = False  # a menu or breadcrumb was seen: labels above it are the masthead
        self.subject: tuple[_Line, Span] | None = None  # an e-mail's subject, its headline

    def run(self, title: int | None) -> Header:
        if title is not None:
            pos = next((k for k, line in enumerate(self.lines) if line.index == title), None)
            if pos is not None:
                for line in self.lines[:pos]:
                    self.header.chrome[line.index] = "page chrome"
                self.header.title = title
                self._after_title(pos + 1)
                return self.header
        titled = self._fields()
        if titled is not None:
            return self._finish(titled + 1)
        pos = self._before_title()
        proposed = self._position(self.header.title)
        best = choose_headline(self.lines, proposed, self.header.chrome, self.memo, self._printed())
        if best is None or best == proposed:
            return self._finish(pos)
        resume = proposed if proposed is not None else pos
        if best < resume:  # the headline is above where the walk stopped: walk again
            return _Scan(self.lines, self.text, self.memo).run_to(best)
        h = self.header  # the headline is further down: walk on from where the walk stopped
        h.title = h.title_last = h.title_span = h.site = None
        return self._finish(self._before_title(best, start=resume))

    def run_to(self, stop: int) -> Header:
        """Read the header knowing that the line at position ``stop`` is the headline."""
        self._fields()
        return self._finish(self._before_title(stop))

    def _finish(self, pos: int) -> Header:
        if self.header.title is not None:
            self._after_title(pos)
        elif self.subject is not None:  # an e-mail without a headline of its own
            line, span = self.subject
            del self.header.chrome[line.index]
            self.header.title, self.header.title_span = line.index, span
        self._settle_labels()
        return self.header

    def _position(self, index: int | None) -> int | None:
        """The position in the header lines of the text's line ``index``."""
        if index is None:
            return None
        return next(k for k, line in enumerate(self.lines) if line.index == index)

    def _printed(self) -> list[str]:
        """Headlines that a browser's print header repeats (``date  Headline | Site``); the
        site it names is the site's name after a headline."""
        out = []
        for line in self.lines:
            title = print_header_title(line.text) if line.text[:1].isdigit() else None
            if title:
                head, _, site = title.rpartition(" | ")
                out.append(head or title)
                if head and _SITE_NAME.fullmatch(site):
                    self.header.site = self.header.site or site
        return out

    # ----- before the headline ------------------------------------------------------------

    def _before_title(self, stop: int | None = None, start: int = 0) -> int:
        """Walk the chrome to the headline; the position after it (or where the body starts).

        With ``stop``, the headline is known to be at that position: the lines above it that
        are not chrome are left to the walker (a list of events, a thread, cards). ``start``
        is where to take up the walk.
        """
        h = self.header
        if start == 0 and self._poster():
            start = 2
        for pos in range(start, len(self.lines)):
            line = self.lines[pos]
            s = line.text
            if pos == stop:
                self._is_title(pos)  # for a headline wrapped over two lines
                h.title = line.index
                self._site_suffix(line)
                return pos + (2 if h.title_last is not None else 1)
            if chrome.skip_line(s) or chrome.menu_item(s):
                h.chrome[line.index] = "navigation"
                continue
            furniture = _furniture(s)
            if furniture:
                h.chrome[line.index] = furniture
                continue
            if line.index in h.chrome:
                continue  # an e-mail's header
            if URL.fullmatch(s):
                h.url = h.url or s
                h.chrome[line.index] = "source"
                continue
            if _DOMAIN.fullmatch(s) and pos < _DOMAIN_LINES:
                h.host = h.host or s.removeprefix("www.")
                h.chrome[line.index] = "source"
                continue
            crumbs = chrome.breadcrumb(s)
            if crumbs:
                h.chrome[line.index] = "breadcrumb"
                section = chrome.section_of(crumbs)  # "ECONOMY / ENERGY" files it in "Energy"
                h.section = _section_name(section) if section else h.section
                self._seal()
                continue
            if self.memo.cruft(s):
                continue  # the walker sets it aside
            if pos == 0 and h.masthead is None and chrome.edition_masthead(s):
                self._take_masthead(line)  # "Eldham Herald | English Service": not a byline
                continue
            if chrome.series_line(s):  # "The Eldham Podcast — Episode 41": not the headline
                if h.masthead is None:
                    self._take_masthead(line)
                else:
                    h.chrome[line.index] = "label"
                continue
            meta = self.memo.meta(s, bare_names=stop is not None)
            if meta is not None:
                if stop is not None:
                    self._card(pos, meta, stop)
                elif meta.body_start is not None:
                    return pos  # "date 2025-08-23 Kallas said ...": the body has begun
                continue
            if chrome.nav_line(s) or chrome.ticker_line(s):
                h.chrome[line.index] = "navigation"
                self._seal()
                continue
            if chrome.tagline(s) and self.pending and line.adjacent:
                h.chrome[line.index] = "tagline"
                self._seal()
                continue
            if _LISTED.match(s) and len(s) <= _LISTED_MAX:
                h.chrome[line.index] = "listed headline"  # "2. Fox steals pie" (most read)
                continue
            if h.masthead is None and stop is None and self._outlet_over_date(pos):
                self._take_masthead(line)
                continue
            if chrome.kicker(s) or self._label(pos):
                self.pending.append(line)
                continue
            if self._byline_without_headline(pos):
                continue
            if stop is not None:
                self._other(line)
                continue
            if self._is_title(pos):
                h.title = line.index
                self._site_suffix(line)
                return pos + (2 if h.title_last is not None else 1)
            return pos
        return len(self.lines)

    def _byline_without_headline(self, pos: int) -> bool:
        """A name on its own line between a date line and the story's first paragraph is
        its byline, even where no headline was copied (``Published 5 hours ago`` / ``Ana
        Quell`` or ``Ana Quell | Eldham Courier`` / text)."""
        if pos == 0 or pos + 1 >= len(self.lines):
            return False
        line, above, below = self.lines[pos], self.lines[pos - 1], self.lines[pos + 1]
        if len(below.text) < _STORY_LINE or not below.text.endswith(_TERMINAL):
            return False
        name = _person(bare_byline(line.text))
        outlet = None
        if name is None:
            byline = self.memo.meta(line.text)  # a name and its outlet
            if byline is None or byline.date or not (byline.author and byline.outlet):
                return False
            name, outlet = byline.author, byline.outlet
        meta = self.memo.meta(above.text)
        if meta is None or not (meta.date or meta.relative):
            return False
        self.header.author = self.header.author or name
        self.header.outlet = self.header.outlet or outlet
        self.header.chrome[line.index] = "byline"
        return True

    def _outlet_over_date(self, pos: int) -> bool:
        """An outlet's name over a date line and then more header: the masthead below a
        breadcrumb (``Community › Notices`` / ``The Eldham Gazette`` / ``May 2, 2026`` /
        headline), not a headline."""
        s = self.lines[pos].text
        if pos + 2 >= len(self.lines) or not (organisation(s) and chrome.site_name_shape(s)):
            return False
        meta = self.memo.meta(self.lines[pos + 1].text)
        return meta is not None and meta.date is not None and meta.body_start is None

    def _card(self, pos: int, meta: MetaLine, stop: int) -> None:
        """A byline-like line above the headline: an aggregator's card (``Outlet · 3 hours
        ago``) or a post's author, not the story's byline. Under an earlier printing of the
        headline, the card names the story's outlet."""
        if not meta.author:
            return
        line = self.lines[pos]
        self.header.chrome[line.index] = "card"
        if pos and self.lines[pos - 1].text == self.lines[stop].text:
            self.header.card = self.header.card or meta.author

    def _other(self, line: _Line) -> None:
        """A line above the known headline that is neither chrome nor a label: a motto right
        under the site's name, the site's name itself atop the page, or a listed link; what
        was pending is settled."""
        h = self.header
        if self.pending and line.adjacent and self.pending[-1].index == line.index - 1:
            h.chrome[line.index] = "tagline"  # "Saltmere Gazette" / "News for the coast"
            self._seal()
            return
        self._flush_labels()
        s = line.text
        if h.masthead is None and line is self.lines[0] and _masthead_shape(line):
            self._take_masthead(line)
            return
        below = self.lines[1] if len(self.lines) > 1 else None
        if (
            h.masthead is None
            and line is self.lines[0]
            and below is not None
            and below.adjacent
            and chrome.site_with_motto(line.text, below.text)
        ):
            self._take_masthead(line)  # a blog's name; its motto follows
            h.chrome[below.index] = "tagline"
            return
        if looks_like_title(s) and len(s.split()) <= 20 and not s.endswith(_TERMINAL):
            self.header.chrome[line.index] = "listed headline"
            if " | " in s and h.site is None:
                h.site = self._tab_site(line)  # "Site | Section | Headline" over the headline

    def _label(self, pos: int, depth: int = 0) -> bool:
        """Whether the line at ``pos`` is a label above the headline, not the headline.

        Capitals are a label; so is a short line followed by page chrome (a motto, a menu),
        by another label, or by a longer headline.
        """
        s = self.lines[pos].text
        pieces = chrome.menu_pieces(s)
        if chrome.caps_line(s) or (pieces and any(chrome.caps_line(p) for p in pieces)):
            return True
        if pieces and any(chrome.section_words(p) for p in pieces):
            return True  # "Eldham Wire | World": the site and its section
        words = s.split()
        if not chrome.label_line(s) or len(words) > _SHORT_TITLE_WORDS + _named(words):
            return False  # "Ministry of Coastal Affairs" over a headline: a name, a label
        if self._names_below(pos):
            return False  # "Ana Quell obituary": a short headline naming the story's subject
        k = self._next_text(pos)
        if k is None:
            return False
        nxt = self.lines[k].text
        if chrome.nav_line(nxt) or chrome.breadcrumb(nxt) or chrome.skip_line(nxt):
            return True
        if chrome.tagline(nxt) and self.lines[k].adjacent:
            return True
        if looks_like_title(nxt) and (
            len(nxt.split()) > max(_SHORT_TITLE_WORDS, 2 * len(words) - 3) or self._names_below(k)
        ):
            return "|" not in nxt and not names_only(nxt)
        return depth < 2 and self._label(k, depth + 1)

    def _names_below(self, pos: int) -> bool:
        """Whether a short line in sentence case names the one the story opens with: ``Ana
        Quell obituary`` over ``Ana Quell, who has died aged 88, ...`` is the headline, where
        ``Hong Kong protests`` over ``Thousands marched in Hong Kong ...`` is a label."""
        s = self.lines[pos].text
        if not any(w.islower() for w in s.split()):
            return False  # "The Saltmere Gazette", "World News": a name or a label
        m = _NAME_PAIR.search(s)
        if m is None:
            return False
        story = next((line.text for line in self.lines[pos + 1 :] if _story_line(line.text)), "")
        return story.startswith(m.group())

    def _next_text(self, pos: int) -> int | None:
        """The position of the next line that is neither cruft nor metadata, if any."""
        for k in range(pos + 1, len(self.lines)):
            s = self.lines[k].text
            if chrome.breadcrumb(s):
                return k
            if self.memo.cruft(s) or self.memo.meta(s, bare_names=False):
                continue
            return k
        return None

    def _is_title(self, pos: int) -> bool:
        """Whether the line at ``pos`` is the headline."""
        line = self.lines[pos]
        s = line.text
        if self.memo.meta(s, bare_names=False) or not self.text[line.end :].strip():
            return False
        following = self.lines[pos + 1 : pos + 5]
        if not looks_like_title(s):
            return False
        if following and following[0].adjacent:
            # Only metadata, or a standfirst followed by a blank line, may sit right under it.
            under = following[0].text
            if self.memo.cruft(under) or self.memo.meta(under) or bare_byline(under):
                return True
            after = following[1] if len(following) > 1 else None
            alone = after is None or not after.adjacent
            bylined = after is not None and (
                bare_byline(after.text) is not None or self.memo.meta(after.text) is not None
            )
            if (alone or bylined) and self._standfirst_shape(under):
                return True
            if self._wrapped(s, under, after):
                self.header.title_last = following[0].index
                return True
            return False
        return True

    def _site_suffix(self, line: _Line) -> None:
        """``Headline | The Saltmere Gazette`` (a browser's title copied): the site goes. A dash
        sets the site apart only on the text's first line (``Headline - Saltmere Gazette``, a
        tab's title), where a headline's own dash is rarer than a tab's."""
        head, sep, site = line.text.rpartition(" | ")
        if not sep and line is self.lines[0]:
            m = _DASHED_SITE.search(line.text)
            head, sep, site = (
                (line.text[: m.start()], m.group(1), m.group(2)) if m else ("", "", "")
            )
            if sep and chrome.section_words(site):
                return
        site_first = self._tab_site(line) if sep and " | " in head else None
        if site_first:
            headline = line.text.rpartition(" | ")[2].strip()
            start = line.start + line.text.rindex(headline)
            self.header.title_span = (start, start + len(headline))
            self.header.site = site_first
            return
        if not sep or len(head.split()) < 3 or " | " in head or not _SITE_NAME.fullmatch(site):
            return
        self.header.title_span = (line.start, line.start + len(head.rstrip()))
        self.header.site = site

    def _poster(self) -> bool:
        """A social post: the account's name over the post's age (``3h ·``); the name is
        the masthead, and the post has no headline of its own above its text."""
        if len(self.lines) < 2 or not self.lines[1].adjacent:
            return False
        name, age = self.lines[0], self.lines[1]
        if not SOCIAL_AGE.fullmatch(age.text) or not chrome.account_name(name.text):
            return False
        self._take_masthead(name)
        self.header.chrome[age.index] = "relative date"
        return True

    def _tab_site(self, line: _Line) -> str | None:
        """The site of ``Site | Section | Headline``, a tab's title in the other order, when
        the headline is printed again below it."""
        pieces = line.text.split(" | ")
        site, headline = pieces[0].strip(), pieces[-1].strip()
        if len(headline.split()) < 3 or chrome.section_words(site) or not clean_outlet(site):
            return None
        if not any(other.text == headline for other in self.lines if other.index > line.index):
            return None
        return site

    def _wrapped(self, first: str, second: str, after: _Line | None) -> bool:
        """A headline broken over two lines (a PDF, a narrow scrape): the second part goes on
        in lower case, and nothing but metadata or a blank line follows it."""
        if not second[:1].islower() or len(first) + len(second) > 200:
            return False
        if not looks_like_title(f"{first} {second}") or first.endswith((":", "-", "–")):
            return False
        if after is None or not after.adjacent:
            return True
        return bool(self.memo.meta(after.text) or bare_byline(after.text))

    def _fields(self) -> int | None:
        """Labelled fields at the top (see :mod:`.fields`): what they name goes into the
        header, their lines are set aside. The position of a ``title:`` field's line, which
        names the headline, if there is one."""
        found = read_fields(self.lines)
        if found is None:
            return None
        h = self.header
        h.chrome.update(found.chrome)
        h.url, h.section, h.source = found.url, found.section, found.source
        h.sent, h.forwarded = found.sent, found.forwarded
        if found.subject is not None:
            pos, span = found.subject
            self.subject = (self.lines[pos], span)
        if found.title is None:
            return None
        pos, h.title_span = found.title
        h.title = self.lines[pos].index
        return pos

    def _seal(self) -> None:
        """A menu or breadcrumb: the first label above it is the site's masthead."""
        if self.pending and not self.sealed and self.header.masthead is None:
            self._take_masthead(self.pending[0])
            for line in self.pending[1:]:
                self.header.chrome[line.index] = "label"
            self.pending = []
        self.sealed = True

    def _take_masthead(self, line: _Line) -> None:
        if chrome.section_words(line.text):
            self.header.chrome[line.index] = "label"  # "World" atop a column of menu words
            return
        self.header.chrome[line.index] = "masthead"
        if not chrome.kicker(line.text):
            self.header.masthead = line.text

    def _flush_labels(self) -> None:
        """Labels above a line that is not the headline: a masthead at most, never a section."""
        h = self.header
        labels = [line for line in self.pending if not chrome.kicker(line.text)]
        for line in self.pending:
            h.chrome[line.index] = "label"
        if labels and h.masthead is None and not self.sealed and _masthead_shape(labels[0]):
            self._take_masthead(labels[0])
        self.pending = []

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
        several = len(self.pending) > 1 and self.pending[0] is first  # a name, then a label
        if h.masthead is None and not self.sealed and (several or _masthead_shape(first)):
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
        bare: _Line | None = None  # the line a byline without "By" was taken from
        for k in range(pos, len(self.lines)):
            line = self.lines[k]
            s = line.text
            if line.index in h.chrome:
                continue  # a field read already
            if s == title or (s.startswith(title) and cruft_reason(s[len(title) :].strip())):
                continue  # a repeated headline: the walker sets it aside
            if self.memo.cruft(s):
                byline_above = False
                continue
            meta = self.memo.meta(s)
            if meta is not None:
                if meta.body_start is not None:
                    return
                byline_above = _is_byline(meta)
                seen_byline = seen_byline or byline_above
                if bare is not None and meta.author and _BY_WORD.match(s):
                    # "Northline" / "By Ana Quell": the bare name was the agency's
                    h.author = None
                    h.chrome[bare.index] = "source"
                    if chrome.site_name_shape(bare.text):
                        h.outlet = h.outlet or bare.text
                    bare = None
                continue
            special = _SPECIAL_TO.fullmatch(s)
            if byline_above and special:
                h.chrome[line.index] = "byline role"  # "Special to the Eldham Courier"
                named = special.group("outlet")
                named = "The " + named[4:] if named.startswith("the ") else named
                h.outlet = h.outlet or clean_outlet(named)
                continue
            if byline_above and role_line(s):
                h.chrome[line.index] = "byline role"
                h.outlet = h.outlet or _role_outlet(s)
                continue
            if chrome.timed_entry(s) and len(s) <= 80 and not s.endswith(_TERMINAL):
                h.chrome[line.index] = "key event"  # a live blog's "22:40  Bridge closed"
                continue
            if _BYLINE_LABEL.fullmatch(s):
                h.chrome[line.index] = "byline label"  # "WRITTEN BY" over the name
                byline_above = seen_byline = False
                continue
            if (
                byline_above
                and h.author
                and chrome.site_name_shape(s)
                and k + 1 < len(self.lines)
                and (m := self.memo.meta(self.lines[k + 1].text)) is not None
                and m.date is not None
            ):
                h.chrome[line.index] = "source"  # "Ana Quell" / "Eldham Courier" / "Mar 3, 2026"
                h.outlet = h.outlet or s
                continue
            if byline_above and _CONTACT.fullmatch(s):
                h.chrome[line.index] = "byline contact"  # the reporter's e-mail or handle
                continue
            if _DATE_LABEL.fullmatch(s):
                h.chrome[line.index] = "date label"  # "Published" over "3 hours ago"
                continue
            if k and chrome.caption_label(self.lines[k - 1].text):
                h.chrome[line.index] = "photo caption"  # the line under "Image caption,"
                continue
            if chrome.kicker(s):
                h.chrome[line.index] = "label"  # "Final Edition", "Exclusive" under the headline
                continue
            if URL.fullmatch(s):
                h.url = h.url or s  # a tab's title, then the address copied with it
                h.chrome[line.index] = "source"
                continue
            if h.masthead is None and _outlet_line(s):
                h.chrome[line.index] = "masthead"  # an archive's export: "The Harbour Post"
                h.masthead = s
                continue
            name = None if seen_byline else _person(bare_byline(s))
            if name is None and not seen_byline and _caps_name(s) and self._dated_below(k):
                name = s  # "ANA QUELL" over "Published on 03 March 2026"
            if name and not h.outlet:
                h.outlet = _comma_outlet(s, name)  # "Ana Quell, Eldham Courier"
            if name:
                h.author = name
                h.chrome[line.index] = "byline"
                bare = line
                byline_above = seen_byline = True
                continue
            if h.subtitle is None and self._standfirst(k):
                h.subtitle = line.index
                continue
            if h.subtitle_last is not None and line.index <= h.subtitle_last:
                continue
            return

    def _dated_below(self, k: int) -> bool:
        """Whether the line after position ``k`` states a date."""
        if k + 1 >= len(self.lines):
            return False
        meta = self.memo.meta(self.lines[k + 1].text)
        return meta is not None and meta.date is not None

    def _standfirst(self, k: int) -> bool:
        """A sentence-like line under the headline that the byline or date follows; it may
        go on over the next lines in lower case (a narrow column)."""
        s = self.lines[k].text
        if not self._standfirst_shape(s):
            return False
        if self.lines[k].adjacent and self.lines[k - 1].index == self.header.title:
            return True
        last = k
        while last + 1 < len(self.lines) and _goes_on(self.lines[last + 1]):
            last += 1
        if last > k:
            self.header.subtitle_last = self.lines[last].index
        for line in self.lines[last + 1 : last + 3]:
            nxt = line.text
            if chrome.timestamp_line(nxt) or bare_byline(nxt) or _caps_name(nxt):
                return True
            meta = self.memo.meta(nxt)
            if meta is not None and meta.body_start is None:
                return True
            if not self.memo.cruft(nxt):
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


def _person(name: str | None) -> str | None:
    """``name`` unless it is too long to be one person's or a list's: "Deputies Recover
    Stolen Tractor Found In Corn Field" is a headline in Title Case."""
    if name and len(name.split()) > _ONE_NAME_WORDS and not _NAME_LIST.search(name):
        return None
    return name


_NAME_LIST = re.compile(r",|\band\b|&")


def _caps_name(line: str) -> bool:
    """A name in capitals (``ANA QUELL``, ``JON O'HARA-LUND``), not a label or a kicker."""
    words = line.split()
    if not (2 <= len(words) <= 4 and line.isupper()) or chrome.kicker(line):
        return False
    return all(w.replace("-", "").replace("'", "").isalpha() for w in words) and not (
        chrome.section_words(line)
    )


def _comma_outlet(line: str, name: str) -> str | None:
    """The outlet after a bare byline's comma: ``Ana Quell, Eldham Courier``."""
    head, sep, tail = line.partition(",")
    tail = tail.strip()
    if not sep or head.strip() != name or role_line(tail) or not chrome.site_name_shape(tail):
        return None
    return clean_outlet(tail)


_SPECIAL_TO = re.compile(r"special\s+to\s+(?P<outlet>(?:the\s+)?[A-Z].{1,46})", re.IGNORECASE)


def _role_outlet(line: str) -> str | None:
    """The outlet after a job title: ``Education correspondent, Harbour Radio``."""
    role, sep, outlet = line.rpartition(",")
    if not sep or not role_line(role.strip()) or role_line(outlet.strip()):
        return None
    return clean_outlet(outlet.strip())


# A byline's label alone on its line, the name on the next.
_BYLINE_LABEL = re.compile(r"(?:(?:written|words|story|text)\s+)?by|author|words", re.IGNORECASE)
# A date's label alone on its line, the date on the next.
_DATE_LABEL = re.compile(
    r"(?:first\s+|last\s+)?(?:published|posted|updated|modified|date)\s*:?", re.IGNORECASE
)


def _named(words: list[str]) -> int:
    """1 if every word is capitalised or a joiner (an organisation's or a site's name)."""
    return int(all(w[0].isupper() or w in _JOINERS for w in words))


_JOINERS = frozenset(["of", "and", "&", "for", "on", "the"])


def _outlet_line(s: str) -> bool:
    """A paper's name alone on a line: ``The Harbour Post`` (a person's name has no article)."""
    words = s.split()
    return (
        2 <= len(words) <= 6
        and words[0] == "The"
        and not s.endswith(_TERMINAL)
        and all(w[0].isupper() or w in ("of", "and", "&", "on") for w in words)
    )


def _story_line(s: str) -> bool:
    return len(s) >= _STORY_LINE and s.endswith(_TERMINAL)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _goes_on(line: _Line) -> bool:
    """A line that carries on the one above it: directly under it, in lower case."""
    return line.adjacent and line.text[:1].islower() and "://" not in line.text


def _furniture(line: str) -> str | None:
    """What a line of furniture above the story is: a rule, a wire's slug, a bracketed note."""
    if chrome.rule_line(line):
        return "rule"
    if chrome.wire_line(line):
        return "wire furniture"
    if chrome.aside_line(line):
        return "note"
    return None


def _is_byline(meta: MetaLine) -> bool:
    return any(reason == "byline" for _, _, reason in meta.parts)


def _masthead_shape(line: _Line) -> bool:
    """A lone label that names the site: in capitals, two pieces, or opening with "The"."""
    s = line.text
    if chrome.section_words(s):
        return False  # "CITY & DESIGN", "World News": a section
    several = chrome.caps_line(s) and len(s.split()) > 1  # "HEALTH" alone is a section
    named = s.startswith("The ") and _named(s.split()) == 1  # not "The long read"
    edition = chrome.edition_masthead(s)
    return several or bool(chrome.menu_pieces(s)) or named or chrome.named_body(s) or edition


def _section_name(label: str) -> str:
    """A section label as a name: ``WORLD NEWS`` reads ``World News``; of two pieces
    (``Nordvale · Culture``, a country and a section), the last."""
    pieces = chrome.menu_pieces(label)
    if pieces:
        label = pieces[-1]
    if chrome.caps_line(label):
        return " ".join(w.capitalize() if w.isalpha() else w for w in label.split())
    return label
