"""Which of the first lines is the headline: a scored choice by shape, position and repetition.

The header scan (:mod:`.header`) walks the chrome at the top and proposes the first
headline-shaped line after it. That is right for most pages, but an app's share sheet, an
aggregator's cards, a newsletter's listings, a thread or a tagline can put a headline-shaped
line above the story's own headline. So every headline-shaped line among the first lines is
scored on what a headline carries, whatever the site:

- what follows it: a byline, a date, a standfirst then a byline or date, or the story itself;
- repetition: a headline is often printed twice (a share sheet, a print header, a card);
- the article's URL: its slug spells the headline's words;
- position: the scan's own proposal gets a small bonus; a site's name at the top of the
  page, or a line sitting on a menu, gets a penalty.

The best score wins; ties go to the earlier line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from . import chrome
from .memo import LineMemo
from .metadata import (
    URL,
    MetaLine,
    bare_byline,
    field_line,
    looks_like_title,
    names_only,
    role_line,
)

_LONG = 160  # a line this long is body text; the window ends after a few of them
_WINDOW_LONG_LINES = 4
_BELOW = 7  # lines looked at under a candidate
_SENTENCE_LOOK = 12
_LISTED = re.compile(r"\d{1,2}[.)]\s")  # a headline with a full stop is among the first lines
_BODY_LINE = 80  # a sentence line at least this long, ending a sentence, is the story's text
_SLUG_WORD = re.compile(r"[a-z]{3,}")
_WORD = re.compile(r"[^\W\d_]{3,}")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'")
# Chrome that may sit between a headline and its byline.
_PASSABLE = frozenset(["byline role", "byline", "note", "rule"])
# A byline that says it is one: "By ...", "Author: ...", "Reporter: ...".
_BY_WORD = re.compile(
    r"(?:(?:written|posted|published|reported|interview|words|story|text)\s+)?by\b|authors?\s*:"
    r"|(?:staff\s+)?(?:reporter|correspondent|writer)\s*:",
    re.IGNORECASE,
)

# Date lines that head a release or a newsletter above its headline, not under it.
_RELEASE_LABEL = re.compile(
    r"for\s+(?:immediate\s+)?release\b|issue\s+(?:no\.?\s*)?#?\d", re.IGNORECASE
)
# Evidence under a candidate, and the other features, as points.
BYLINE_OR_DATE = 3  # a byline or a date (after a standfirst, perhaps): the headline cluster
BARE_BYLINE = 2  # a name on its own line under it
STORY = 2  # the story's first paragraph right under it (labels and times aside)
WEAK = 1  # a relative date or a counter under it: an aggregator's card looks like this
REPEATED = 2  # printed twice among the first lines, or in a print header
SLUG = 2  # the URL's slug spells it
FIRST = 1  # the header scan's own proposal
MASTHEAD = -2  # the page's first line in the shape of a site's name
ON_A_MENU = -3  # a menu directly under it: it is the site's name


class HeaderLine(Protocol):
    index: int
    text: str
    adjacent: bool
    quoted: bool


@dataclass(slots=True)
class _Facts:
    """The lines, and what each is (memoised)."""

    lines: Sequence[HeaderLine]
    memo: LineMemo

    def meta_of(self, pos: int) -> MetaLine | None:
        return self.memo.meta(self.lines[pos].text)

    def cruft_of(self, pos: int) -> str | None:
        return self.memo.cruft(self.lines[pos].text)


def choose_headline(
    lines: Sequence[HeaderLine],
    proposed: int | None,
    taken: dict[int, str],
    memo: LineMemo,
    printed: Sequence[str] = (),
) -> int | None:
    """The position (in ``lines``) of the headline, or ``proposed`` if nothing beats it.

    ``proposed`` is the header scan's choice (a position, or ``None``); ``taken`` maps line
    numbers already known to be chrome to their reason; ``printed`` are headlines a print
    header repeats.
    """
    facts = _Facts(lines, memo)
    end = _window(lines)
    slug = _slug_words(lines, end)
    texts: dict[str, int] = {}
    for line in lines[:end]:
        texts[line.text] = texts.get(line.text, 0) + 1
    first_body = next(
        (k for k in range(end) if _body_line(lines[k].text) and not facts.cruft_of(k)), end
    )
    seen = (texts, slug, printed)
    # A message that quotes an article: the headline is in the quoted text.
    quoted = any(line.quoted for line in lines[:end])
    if quoted and proposed is not None and not lines[proposed].quoted:
        proposed = None
    if proposed is not None and chrome.timestamp(lines[proposed].text):
        proposed = None  # "Mar 2, 4:03 PM EST" over the headline
    best: tuple[int, int] | None = None
    if proposed is not None:
        best = (_score(facts, proposed, proposed, taken, first_body, seen), proposed)
    for pos in range(end):
        if pos == proposed or lines[pos].index in taken or (quoted and not lines[pos].quoted):
            continue
        s = lines[pos].text
        if not looks_like_title(s) or len(s.split()) < 3:
            continue
        if best is not None:  # what it could score at most cannot beat the best: skip
            most = BYLINE_OR_DATE + _bonus(s, seen)
            if most < best[0] or (most == best[0] and pos > best[1]):
                continue
        if not _candidate(facts, pos):
            continue
        score = _score(facts, pos, proposed, taken, first_body, seen)
        if score > 0 and (best is None or score > best[0] or (score == best[0] and pos < best[1])):
            best = (score, pos)
    if best is None:
        return _sentence_headline(facts, end, taken)
    return best[1]


def _sentence_headline(facts: _Facts, end: int, taken: dict[int, str]) -> int | None:
    """A headline printed as a sentence with its full stop (``The harbour deserves better.``):
    only when a byline sits right under it, above the story."""
    lines = facts.lines
    for pos in range(min(end, _SENTENCE_LOOK)):
        s = lines[pos].text
        if lines[pos].index in taken or facts.cruft_of(pos) or facts.meta_of(pos):
            continue
        if chrome.label_line(s) or chrome.kicker(s) or chrome.nav_line(s):
            continue  # "Opinion" over it
        if not (s.endswith(".") and s[0].isupper() and 4 <= len(s.split()) <= 16):
            return None  # the first line of text that is no headline: the story begins
        under = next((q for q in range(pos + 1, end) if not facts.cruft_of(q)), None)
        if under is None:
            return None
        meta = facts.meta_of(under)
        if names_only(lines[under].text) or (meta is not None and meta.author):
            return pos
        return None
    return None


def _window(lines: Sequence[HeaderLine]) -> int:
    """How many of the first lines can hold the headline: up to a few paragraphs of text."""
    long_lines = 0
    for pos, line in enumerate(lines):
        if len(line.text) > _LONG:
            long_lines += 1
            if long_lines == _WINDOW_LONG_LINES:
                return pos
    return len(lines)


def _body_line(s: str) -> bool:
    """A line of the story's text: long, or a sentence of some length."""
    return len(s) > _LONG or (len(s) >= _BODY_LINE and s.endswith(_TERMINAL))


def _candidate(facts: _Facts, pos: int) -> bool:
    """Whether a line has a headline's shape (three words at least, not chrome, metadata or
    a labelled field such as ``Presenter: Ana Quell``)."""
    s = facts.lines[pos].text
    if not looks_like_title(s) or len(s.split()) < 3 or s[0] in "@#" or chrome.caps_line(s):
        return False
    if facts.cruft_of(pos) or facts.meta_of(pos) or field_line(s) or chrome.kicker(s):
        return False
    if chrome.nav_line(s) or chrome.breadcrumb(s) or chrome.ticker_line(s):
        return False
    if _LISTED.match(s):
        return False  # "3. Fox steals pie": an item of a numbered list (most read)
    if chrome.timestamp(s) or chrome.timed_entry(s):
        return False  # a time of day alone; a live blog's key event
    if pos and chrome.caption_label(facts.lines[pos - 1].text):
        return False  # a photo's caption
    if pos and role_line(s) and _BY_WORD.match(facts.lines[pos - 1].text):
        return False  # "Education correspondent, Harbour Radio" under "By Ana Quell"
    return not (chrome.menu_pieces(s) or names_only(s))


def _score(
    facts: _Facts,
    pos: int,
    proposed: int | None,
    taken: dict[int, str],
    first_body: int,
    seen: tuple[dict[str, int], set[str], Sequence[str]],
) -> int:
    lines = facts.lines
    score = _evidence(facts, pos, taken, pos < first_body) + _bonus(lines[pos].text, seen)
    if pos == proposed:
        score += FIRST
    if _masthead_place(lines, pos):
        score += MASTHEAD
    nxt = lines[pos + 1].text if pos + 1 < len(lines) else ""
    if nxt and (chrome.nav_line(nxt) or chrome.ticker_line(nxt)):
        score += ON_A_MENU
    elif pos == 0 and nxt and lines[1].adjacent and chrome.site_with_motto(lines[0].text, nxt):
        score += ON_A_MENU  # a blog's name over its motto
    return score


def _bonus(s: str, seen: tuple[dict[str, int], set[str], Sequence[str]]) -> int:
    """Points for being printed twice and for being spelled by the URL's slug."""
    texts, slug, printed = seen
    bonus = 0
    if len(s.split()) >= 4 and (texts.get(s, 0) > 1 or s in printed):
        bonus += REPEATED
    if slug and _spells(s, slug):
        bonus += SLUG
    return bonus


def _evidence(facts: _Facts, pos: int, taken: dict[int, str], story: bool) -> int:
    """What the lines under a candidate say about it (see the module's points).

    Under a headline may come its second line, one standfirst (perhaps wrapped), labels,
    times and captions, then a byline or a date, or the story itself; anything else ends
    the look. ``story`` says whether the story's first paragraph counts (only above the
    first paragraph of text does it).
    """
    lines = facts.lines
    title = lines[pos].text
    found = 0
    standfirst = label = named = False
    for q in range(pos + 1, min(pos + 1 + _BELOW, len(lines))):
        line = lines[q]
        t = line.text
        if line.index in taken and taken[line.index] not in _PASSABLE:
            break  # an e-mail's header, a menu: not a headline's company
        if facts.cruft_of(q) or chrome.aside_line(t) or chrome.timestamp_line(t):
            continue
        if chrome.caption_label(lines[q - 1].text):
            continue  # a photo's caption
        if t == title and not (standfirst or label or named):
            continue  # printed twice
        if line.adjacent and t[:1].islower() and "://" not in t:
            continue  # the headline or the standfirst goes on over another line
        meta = facts.meta_of(q)
        if meta is not None:
            if meta.relative and meta.relative[0] == "updated" and not meta.author:
                continue  # "Updated 12 minutes ago" under a live blog's headline
            if meta.date is not None and meta.date.kind != "updated":
                if _RELEASE_LABEL.match(t):
                    continue  # "FOR RELEASE: Nov. 3" heads a release, above its headline
                return BYLINE_OR_DATE
            if meta.author and _BY_WORD.match(t):
                return BYLINE_OR_DATE
            if meta.author and not any(r == "comments counter" for _, _, r in meta.parts):
                named = True  # "Ana Quell | Saltmere Gazette"
                found = max(found, BARE_BYLINE)
                continue
            found = max(found, WEAK)  # "Saltmere Gazette · 3 hours ago": a card's source line
            continue
        if found == WEAK and not named:
            break  # "3 hours ago" closed a card: what follows is the next card
        if named and role_line(t):
            continue
        if not named and not label and bare_byline(t):
            named = True
            found = max(found, BARE_BYLINE)
            continue
        if named:
            break
        if len(t.split()) <= 3 and not t.endswith(_TERMINAL):
            label = True  # "Second Reading" between the headline and the story
            continue
        if len(t) >= _BODY_LINE and t.endswith(_TERMINAL):
            return max(found, STORY) if story else found
        if not standfirst and not label and _standfirst_like(t):
            standfirst = True
            continue
        break
    return found


def _standfirst_like(s: str) -> bool:
    words = s.split()
    return 3 <= len(words) <= 60 and len(s) <= 360 and any(w.islower() for w in words)


def _masthead_place(lines: Sequence[HeaderLine], pos: int) -> bool:
    """The page's first line in a site name's shape: a few capitalised words opening with
    "The", in capitals, or an organisation's letterhead (``The Saltmere Gazette``,
    ``SALTMERE GAZETTE``, ``Eldham Sheriff's Office``)."""
    if pos == 1 and lines[1].adjacent and _masthead_place(lines, 0):
        return chrome.letterhead(lines[1].text)  # "SUPERIOR COURT" / "Office of the Clerk"
    if pos:
        return False
    s = lines[0].text
    if chrome.edition_masthead(s):
        return True  # "Eldham Posten – English"
    words = s.split()
    if len(words) > 5 or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    return s.startswith("The ") or s.isupper() or chrome.letterhead(s)


def _slug_words(lines: Sequence[HeaderLine], end: int) -> set[str]:
    """The words of the slug of the first article URL among the first lines."""
    for line in lines[:end]:
        if "://" not in line.text or len(line.text) > 300:
            continue
        m = URL.search(line.text)
        if m is None:
            continue
        path = m.group().split("://", 1)[1].partition("/")[2]
        segments = [seg for seg in path.split("/") if seg.count("-") + seg.count("_") >= 2]
        if segments:
            return {w[:5] for w in _SLUG_WORD.findall(segments[-1].lower())}
    return set()


def _spells(line: str, slug: set[str]) -> bool:
    """Whether most of a URL slug's words are the line's."""
    words = {w[:5] for w in _WORD.findall(line.lower())}
    common = len(slug & words)
    return common >= 3 and common * 2 >= len(slug)
