"""A saved web page to an article: its text (headline, standfirst, body) and what it states.

The body comes from trafilatura, the reference library for finding the article in a page,
run on a copy of the tree whose layout tables and tag soup are repaired first (old sites lay
pages out with ``<table>`` and wrap paragraphs in ``<font>``, which hides their paragraphs).
The metadata comes from the page's own markup (:mod:`.page_dom`) where it states it, and
from the plain-text rules (:mod:`.header`, :mod:`.sources`) read over the visible lines of
the article's container where it does not; trafilatura's own metadata is the last resort.

The article's text is what a reader should see and nothing else: the headline, the
standfirst and the body paragraphs, blank lines between them, entities decoded, no markup.
Every span the engine hands out points into it.
"""

from __future__ import annotations

import copy
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from ..errors import UnreadableFile
from ..model import Article
from . import chrome
from .cruft import cruft_reason
from .decode import strip_controls
from .hints import Hints
from .metadata import button_label, byline_name, clean_outlet, printed_name
from .page_decode import decode_page
from .page_dom import PageFacts, page_facts
from .page_lines import page_lines
from .sources import copyright_outlet, masthead_outlet

_BLOCK = re.compile(r"p|div|table|ul|ol|dl|h[1-6]|blockquote|pre|section|article")
_INLINE = ("p", "font", "span", "b", "i", "em", "strong", "a", "center", "small", "big", "u")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|·•»›:]{1,2}|[-–—]{1,2}|::)\s+")
_SITE_TAGLINE = re.compile(r"\s+(?:[-–—|:])\s+")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# A tag, an entity, or what is left of a broken tag: a "<" not set apart by spaces ("0<",
# "<0" from "<h1><0"); "costs < forecasts" is text.
_MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z!][^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});|<(?=\S)|(?<=\S)<|^<|<$", re.I
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOMAIN_END = re.compile(r"\.(?:com|net|org|info|co\.uk|[a-z]{2})$")
_BRAND_WORD_END = re.compile(r"\s+(?:online|magazine|mag|news|digital)$")
# "2014-12-19T04:38:49+00:00", "2014-12-18 01:01:00 UTC": the hour of a time given in UTC
_UTC_TIME = re.compile(r"[T ](\d{2}):\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:Z|[+-]00:?00|UTC|GMT)\b")
_UTC_EARLY_HOURS = 8  # before this hour in UTC it is still the day before in the Americas
_COMMENT_COUNT = re.compile(r"\s+\d+\s+(?:comments?|responses?|replies)$", re.IGNORECASE)
_NAME_LIST = re.compile(r"\s*[,;]\s*|\s+and\s+")
_HANDLE = re.compile(r"@\w+|\w+_\w+")
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
# A heading's span that is not the headline: its kicker, its standfirst, screen readers' words.
_HEADING_EXTRA = re.compile(
    r"kicker|overline|eyebrow|category|rubric|caption|standfirst|subtitle|subhead|\bdek\b"
    r"|visually-hidden|sr-only|screen-reader|aural",
    re.IGNORECASE,
)
_ACTION_LINK = re.compile(r"\s*(?:#|javascript:)", re.IGNORECASE)
_MIN_BODY_SHARE = 0.4  # trafilatura's body shorter than this share of the container's: use that
_CONTAINER_LINES = 3  # the article's container shows at least this many lines above the body
_BYLINE_TAIL = re.compile(r"\s+[·•|]\s+")
_HANDLE_AFTER = re.compile(r"\s+@\w{2,30}$")
_MAILBOX = re.compile(r"\s(?:com|org|net|edu|gov)\s*$", re.IGNORECASE)
# "Published in Eldham Signals" beside the author on a blogging platform's page.
_PUBLISHED_IN = re.compile(
    r"Published\s+in\s+(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:of[ \t]+|&[ \t]+)?[A-Z][\w&'’.-]*)"
    r"{0,4})"
)
_HOSTNAME = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")

TextParser = Callable[[str, str, str], Article]  # parse_article(text, article_id, path)


@dataclass(frozen=True, slots=True)
class Page:
    """A page read: the article's text and the metadata hints that go with it."""

    text: str
    hints: Hints


def read_page(data: bytes, parse_text: TextParser) -> Page:
    """Read a saved page's bytes. ``parse_text`` lays out plain text (:func:`parse_article`)."""
    html = decode_page(data)
    root = _parse(html)
    facts = page_facts(root)
    extracted = _trafilatura(_repaired(root))
    paragraphs = _body(extracted.body) if extracted is not None else []
    shown = _container_article(root, paragraphs, parse_text)
    if shown is not None and _weak(paragraphs, shown):
        paragraphs = [shown.text[s:e] for s, e in shown.paragraphs if (s, e) != _span(shown)]
    paragraphs = _without_dateline_lines(paragraphs)
    title = _plain(_title(facts, shown, extracted, root))
    subtitle = _plain(_subtitle(facts, shown, title))
    pieces = [p for p in (title, subtitle) if p]
    seen = {_fold(p) for p in pieces}
    pieces += [p for p in paragraphs if _fold(p) not in seen]
    pieces = [strip_controls(p) for p in pieces]
    text = "\n\n".join(pieces)
    source = _plain(_source(facts, shown, extracted, root, title))
    hints = Hints(
        title_span=(0, len(title)) if title else None,
        date=_date(facts, shown, extracted, html),
        author=_plain(_author(facts, shown, extracted, source)),
        source=source,
        url=_url(facts, extracted),
        section=_plain(_section(facts, shown, title)),
        subtitle=subtitle,
    )
    return Page(text, hints)


def _plain(value: str | None) -> str | None:
    """A metadata value as one line of text; ``None`` if it holds markup (a script's
    strings can reach a library's guesses) or nothing but punctuation (``<`` from a broken tag)."""
    if value is None:
        return None
    value = " ".join(strip_controls(value).split())
    if not any(ch.isalnum() for ch in value):
        return None
    return None if _MARKUP.search(value) else value


# ── parsing and repair ───────────────────────────────────────────────────────────────────


def _parse(html: str) -> HtmlElement:
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str with a declaration
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(f"cannot read as a web page ({exc})") from None
    if root is None:
        raise UnreadableFile("cannot read as a web page (empty document)")
    _drop_heading_controls(root)
    return root


def _drop_heading_controls(root: HtmlElement) -> None:
    """Take out of each headline what sites put in it beside its words: controls (``<a
    href="#">Add to ...</a>``, a button: a link that goes nowhere is an action), a kicker,
    a standfirst or words for screen readers in spans of their own (``<span
    class="kicker">``, ``"caption"``, ``"visually-hidden"``). A heading that is nothing but
    those keeps them (themes wrap a headline in a link)."""
    for heading in root.iter("h1", "h2"):
        controls = [
            el
            for el in heading.iter("a", "button", "span", "small", "div", "p")
            if el.tag == "button"
            or (el.tag == "a" and _ACTION_LINK.match(el.get("href") or ""))
            or (el.tag != "a" and _HEADING_EXTRA.search(el.get("class") or ""))
        ]
        if not controls:
            continue
        left = heading.text_content()
        for el in controls:
            left = left.replace(el.text_content(), " ", 1)
        if left.strip():
            for el in controls:
                el.drop_tree()  # its tail, text after it in the heading, stays


def _repaired(root: HtmlElement) -> HtmlElement:
    """A copy whose layout tables are blocks and whose inline wrappers of blocks are blocks.

    ``<td><font><p>..<p>..</font></td>``: trafilatura would read the table as data and the
    ``<font>`` as one paragraph; as ``<div>`` they are the containers they are. Without
    its scripts, but for their data (JSON-LD, a framework's JSON): trafilatura read an ad
    script's code in an element named "author" as the author's name ("Googletag Cmd ...").
    """
    tree = copy.deepcopy(root)
    for script in list(tree.iter("script")):
        if "json" not in (script.get("type") or ""):
            script.drop_tree()
    layout_tables = [
        t
        for t in tree.iter("table")
        if t.find(".//p") is not None or t.find(".//table") is not None
    ]
    for table in layout_tables:
        for el in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
            el.tag = "div"
    for el in reversed(list(tree.iter(*_INLINE))):  # innermost first: a wrapper's wrapper too
        if any(isinstance(c.tag, str) and _BLOCK.fullmatch(c.tag) for c in el.iterchildren()):
            el.tag = "div"
    return tree


def _trafilatura(tree: HtmlElement) -> Any:
    """trafilatura's extraction (a ``Document``), or ``None`` when it finds nothing."""
    import trafilatura  # loaded on first use: importing it costs ~0.3 s

    try:
        # Its libraries warn about what they find in a page ("tzname EST identified but not
        # understood", from dateutil): a page is data, and that must not reach the terminal.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return trafilatura.bare_extraction(
                tree,
                fast=True,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
            )
    except Exception:  # a library failing on one page must not stop indexing
        return None


def _body(body: HtmlElement | None) -> list[str]:
    """trafilatura's body as paragraphs: one per block, list items bulleted, rows joined."""
    if body is None:
        return []
    out: list[str] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            out.extend(f"• {t}" for item in el.iter("item") if (t := _flat(item)))
        elif tag == "table":
            for row in el.iter("row"):
                cells = [c for cell in row.iter("cell") if (c := _flat(cell))]
                if cells:
                    out.append("  ".join(cells))
        else:
            text = _flat(el)
            if text:
                out.append(text)
    return out


def _flat(el: HtmlElement) -> str:
    """An extracted element's text, line breaks (``<lb/>``) kept, spaces collapsed."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _fold(text: str) -> str:
    """``text`` as compared: spaces, case and dashes alike, without a leading arrow (a blog's
    "» Title" in its title bar)."""
    return " ".join(text.translate(_DASHES).lstrip("«»‹›←→ ").split()).casefold()


# ── the article's container, read as plain text ──────────────────────────────────────────


def _container_article(
    root: HtmlElement, paragraphs: list[str], parse_text: TextParser
) -> Article | None:
    """The visible lines of the element holding the story, laid out as a plain-text article.

    It is the nearest ancestor of the first body paragraph that shows a few lines above it
    (the headline, the byline, the date). Without a body to start from, the whole page.
    """
    start = _find_paragraph(root, paragraphs)
    node = start
    while node is not None and start is not None:
        lines = page_lines(node)
        anchor = _fold(" ".join(start.text_content().split())[:40])
        above = 0
        for line in lines:
            if _fold(line).startswith(anchor[:30]):
                break
            above += bool(line)
        if above >= _CONTAINER_LINES or node.tag == "body":
            return parse_text("\n".join(lines), "", "")
        node = node.getparent()
    body = root.find("body")
    return parse_text("\n".join(page_lines(body if body is not None else root)), "", "")


def _find_paragraph(root: HtmlElement, paragraphs: list[str]) -> HtmlElement | None:
    """The element holding the first long body paragraph."""
    for paragraph in paragraphs[:4]:
        words = paragraph.split()
        if len(words) < 8:
            continue
        probe = " ".join(words[:5])
        found = root.xpath("//text()[contains(normalize-space(.), $p)]", p=probe)
        for node in found:
            parent = node.getparent()
            if parent is not None and parent.tag not in ("script", "style", "title", "head"):
                return parent
    return None


def _weak(paragraphs: list[str], shown: Article) -> bool:
    """Whether trafilatura's body is missing or much shorter than the container's story:
    its text up to the first related links after the story has begun (a page that runs
    the next stories in full under "Related Topics" holds several times one story)."""
    ours = sum(len(p) for p in paragraphs)
    begun = next((s for s, e in shown.paragraphs if len(shown.text[s:e].split()) >= 12), None)
    related = [s for (s, _), reason in shown.cruft if reason == "related link"]
    end = min((s for s in related if begun is not None and s > begun), default=len(shown.text))
    theirs = sum(min(e, end) - s for s, e in shown.paragraphs if s < end)
    return ours == 0 or ours < _MIN_BODY_SHARE * theirs


def _without_dateline_lines(paragraphs: list[str]) -> list[str]:
    """Without a dateline the page prints on a line of its own before the paragraph that
    opens with it again ("LONDON", share buttons, then "LONDON (Reuters) - A healthcare …")."""
    kept = []
    for i, line in enumerate(paragraphs):
        words = line.split()
        if 0 < len(words) <= 5 and words[0].isupper():
            after = next((p for p in paragraphs[i + 1 : i + 8] if len(p.split()) >= 8), "")
            if after.startswith((line + " (", line + " -", line + " –", line + " —")):
                continue
        kept.append(line)
    return kept


def _span(article: Article) -> tuple[int, int] | None:
    if article.subtitle is None:
        return None
    start = article.text.find(article.subtitle)
    return (start, start + len(article.subtitle)) if start >= 0 else None


# ── the metadata, weighed ────────────────────────────────────────────────────────────────


def _title(
    facts: PageFacts, shown: Article | None, extracted: object | None, root: HtmlElement
) -> str | None:
    """The visible headline: the ``<h1>``, else a stated headline the page prints as a line
    of its own (in a ``<div>`` or an ``<h3>``), else the line a metadata title abbreviates."""
    sites = {_fold(s) for s in facts.site_names}
    meta = facts.meta
    stated = [s for s in (facts.ld.headline, meta.get("og:title"), meta.get("twitter:title")) if s]
    bar = _TITLE_SEPARATORS.split(facts.title_tag) if facts.title_tag else []
    # What two sources name: the data's headline and a piece of the title bar.
    pieces = {_fold(p) for p in bar} if len(bar) > 1 else set()
    # A one-word h1 only where the data or the title bar opens with it ("Harbourside -
    # City of Eldham"); "News | Eldham Courier" names a section.
    one_word = {_fold(s) for s in stated} | {_fold(p) for p in bar[:1]}
    h1 = [
        t
        for t, inside in facts.h1
        if _fold(t) not in sites and (_words(t) >= 2 or _fold(t) in one_word)
    ]
    inside = [t for t, i in facts.h1 if i and t in h1]
    if inside or h1:
        return _h1_title((inside or h1)[0], h1, stated, pieces, facts, root)
    # The data's headline that the title bar bears out: one of its pieces, or what it opens
    # with ("Headline: The Column: Site").
    tab = _fold(facts.title_tag or "")
    agreed = [
        s
        for s in stated
        if _words(s) >= 2 and (_fold(s) in pieces or (tab.startswith(_fold(s)) and tab != _fold(s)))
    ]
    # The one piece beside the site's name ("Historic Market › Harbour Society"); with more
    # ("Courier :: Town :: Mill reopens") the middle ones are sections.
    beside = [p for p in bar if _fold(p) not in sites] if pieces & sites else []
    beside = beside if len(beside) == 1 else []
    segments = stated + _segments(facts.title_tag) + _after_site(facts.title_tag, sites)
    long_enough = [s for s in segments if _words(s) >= 3 and _fold(s) not in sites]
    short = [s for s in stated if _words(s) == 2]  # a two-word headline, printed
    printed = _printed(root, agreed + beside + long_enough + short)
    if printed:
        return printed
    if shown is not None and shown.title:
        whole = bar and any(_fold(s) == tab for s in stated)  # then its longest piece
        named = agreed or ([max(bar, key=len)] if whole else [])
        return _over_found_line(shown.title, stated, named)
    for candidate in segments:
        if _words(candidate) >= 3:
            return candidate
    title = getattr(extracted, "title", None)
    return title if isinstance(title, str) and title.strip() else None


def _h1_title(
    first: str,
    h1: list[str],
    stated: list[str],
    pieces: set[str],
    facts: PageFacts,
    root: HtmlElement,
) -> str:
    """The headline of a page with an h1: the first, unless the title bar names something
    else and the h1 is a newsletter's or a site's name."""
    if any(_same_headline(first, s) for s in stated):
        return first
    bar_title = facts.title_tag or facts.meta.get("og:title") or ""
    if bar_title and _fold(first) not in _fold(bar_title):
        parts = [p for p in re.split(r":\s+", bar_title) if _words(p) >= 3]
        named_h1 = [t for t in h1 if any(_words(p) >= 3 and p in _fold(t) for p in pieces)]
        # The data's headline, which the title bar bears out, printed on the page, where the
        # h1 shares no word with it: that h1 is some widget's ("Search this site").
        other = [
            s
            for s in stated
            if _words(s) >= 3
            and _fold(s) in _fold(bar_title)
            and not _content_words(s) & _content_words(first)
        ]
        return (
            _printed(root, parts) or _printed(root, other) or (named_h1 or [first])[0]
        )  # "Issue 42: Headline"
    return first


def _over_found_line(line: str, stated: list[str], named: list[str]) -> str:
    """The headline when the page prints none of its stated ones: ``line``, the one the
    container's reading found, unless it is a stated headline with a date run into it
    ("Jun 17 Headline"), or it shares no word with what the data and the title bar agree
    on (``named``): then it is some other heading ("More Ways to Connect", a date)."""
    folded = _fold(line)
    for s in stated:
        if _words(s) >= 3 and _fold(s) in folded:
            return s if 3 * len(s) >= 2 * len(line) else line
    if named and not _content_words(named[0]) & _content_words(line):
        return named[0]
    return line


def _words(text: str) -> int:
    """About how many words ``text`` has: scripts written without spaces (Chinese,
    Japanese, Thai) count a word for each two of their letters."""
    unspaced = _UNSPACED.findall(text)
    return len(_UNSPACED.sub(" ", text).split()) + sum(max(1, len(run) // 2) for run in unspaced)


def _same_headline(a: str, b: str) -> bool:
    """Whether two statements of a headline agree (one may cut the other short)."""
    a, b = _fold(a), _fold(b)
    return a == b or (len(a.split()) >= 3 and len(b.split()) >= 3 and (a in b or b in a))


def _content_words(text: str) -> set[str]:
    """The words of four letters or more, folded: what two headlines of one story share."""
    return {w for w in re.findall(r"[^\W\d_]{4,}", _fold(text))}


def _printed(root: HtmlElement, candidates: list[str]) -> str | None:
    """The first candidate headline that is a whole visible line of the page."""
    if not candidates:
        return None
    body = root.find("body")
    lines = {_fold(line) for line in page_lines(body if body is not None else root)}
    return next((c for c in candidates if _fold(c) in lines), None)


def _after_site(title: str | None, sites: set[str]) -> list[str]:
    """A ``<title>`` that opens with the site's name and a colon or dash: what follows
    (``Quay Notes: Swing bridge to close``)."""
    for site in sites if title else ():
        folded = _fold(title or "")
        if folded.startswith(site) and len(folded) > len(site) + 3:
            rest = (title or "")[len(site) :].lstrip()
            if rest[:1] in ":-–—|·»":
                return [rest[1:].strip()]
    return []


def _segments(title: str | None) -> list[str]:
    """A ``<title>``'s pieces, longest first (the headline is the longest, as a rule)."""
    if not title:
        return []
    return sorted(_TITLE_SEPARATORS.split(title), key=len, reverse=True)


def _subtitle(facts: PageFacts, shown: Article | None, title: str | None) -> str | None:
    if facts.standfirsts:
        return facts.standfirsts[0]
    if shown is not None and shown.subtitle and shown.title == title:
        return shown.subtitle
    return None


def _date(
    facts: PageFacts, shown: Article | None, extracted: object | None, html: str
) -> str | None:
    """The publication day: structured data, then ``<time>``, then the visible text, then
    trafilatura's guess, unless that is a 1 January the page never states (its guess from a
    year alone, a copyright line's: 12 of 264 saved pages).

    Where what the page shows disagrees with the data's first date, the shown day wins when
    more of the page's statements agree on it (a site-wide ``datePublished`` beside the
    story's own ``dc.date`` and "Published December 16"), or when it is the day before a
    time given in UTC (the evening of the 18th in New York is the 19th in UTC).
    """
    meta = facts.meta
    stated = [facts.ld.published, *(meta.get(k) for k in _DATE_KEYS), facts.micro_date]
    stated_days = [(value, day) for value in stated if (day := _day(value))]
    times = [t for t in facts.times if not t.updated]
    time_days = [
        day
        for t in sorted(times, key=lambda t: not t.published)
        if (day := _day(t.datetime) or _day(t.text))
    ]
    seen = [
        *time_days[:1],
        *([shown.date] if shown is not None and shown.date else []),
        *([d] if (d := _day(getattr(extracted, "date", None))) else []),
    ]
    if stated_days:
        value, first = stated_days[0]
        if seen and seen[0] != first:
            votes = [d for _, d in stated_days] + seen
            if votes.count(seen[0]) > votes.count(first) or _utc_day_after(value, seen[0]):
                return seen[0]
        return first
    if time_days:
        return time_days[0]
    if shown is not None and shown.date:
        return shown.date
    guess = _day(getattr(extracted, "date", None))
    if guess is not None and guess.endswith("-01-01") and not _states_new_year(html, guess[:4]):
        return None
    return guess


def _utc_day_after(value: str, shown: str) -> bool:
    """Whether ``value`` is a time in UTC early on the day after ``shown``."""
    m = _UTC_TIME.search(value)
    if not m or int(m.group(1)) >= _UTC_EARLY_HOURS:
        return False
    stated = _day(value)
    return stated is not None and _next_day(shown) == stated


def _next_day(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def _states_new_year(html: str, year: str) -> bool:
    """Whether the page writes 1 January of ``year`` as a date, in figures or words."""
    from .dates import MONTHS

    january = "|".join(sorted((name for name, n in MONTHS.items() if n == 1), key=len)[::-1])
    return bool(
        re.search(
            rf"{year}[-/.]0?1[-/.]0?1(?!\d)|(?<!\d)0?1[-/.]0?1[-/.]{year}"
            rf"|(?<!\d)0?1(?:st)?\.?\s+(?:of\s+)?(?:{january})\.?,?\s+{year}"
            rf"|(?:{january})\.?\s+0?1(?:st)?,?\s+{year}",
            html,
            re.IGNORECASE,
        )
    )


_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "article:published",
    "article.published",
    "og:article:published_time",
    "publishdate",
    "publication_date",
    "date.available",
    "date",
)


_AUTHOR_KEYS = (
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
)
_SECTION_KEYS = ("article:section", "og:article:section", "section", "parsely-section")


def _day(value: object) -> str | None:
    """An ISO day from a stated date (``2026-01-27T14:32:00Z``, ``27 January 2026``)."""
    if not isinstance(value, str) or not value.strip():
        return None
    from .dates import parse_date

    m = _ISO_DAY.match(value.strip())
    if m:
        return parse_date(m.group())
    return parse_date(value)


def _author(
    facts: PageFacts, shown: Article | None, extracted: object | None, source: str | None
) -> str | None:
    """The byline as printed, else the authors the data names, joined as a byline would;
    never the outlet itself (``HARBOUR.com`` over a story, ``Harbour Wave`` in the data of
    ``HW.COM``)."""
    # Not the data's publisher nor every link home: a personal blog's is its author.
    outlets = _brands([source, facts.meta.get("og:site_name")])
    for name in _bylines(facts, shown, extracted, outlets):
        if name and not _is_outlet(name, outlets):
            return name
    return None


def _is_outlet(name: str, outlets: set[str]) -> bool:
    return _brand(name) in outlets or _initials(name) in outlets


def _bylines(
    facts: PageFacts, shown: Article | None, extracted: object | None, outlets: set[str]
) -> Iterator[str | None]:
    """Who wrote the story, by what the page states, most trusted first."""
    names = facts.ld.authors or facts.micro_authors or _listed_authors(facts)
    # Marked as the author in the page's semantics first: a teaser's byline above the story
    # is marked only by its class.
    for text, strong in sorted(facts.bylines, key=lambda b: -b[1]):
        text = _BYLINE_TAIL.split(text)[0]  # "Ana Quell · 2h ago", "Ana Quell | 3 Nov 2026"
        text = _HANDLE_AFTER.sub("", text)  # "Ana Quell @anaquell"
        text = _COMMENT_COUNT.sub("", text)  # "By Ana Quell and Tom Berg 24 comments"
        name = byline_name(text) or (printed_name(text) if strong else None)
        if name and not button_label(name):
            # The first of the authors the data names (three): the byline of a teaser
            # shows one; the article's own data names them all.
            yield _joined(names) if len(names) > 1 and name == names[0] else name
    if names:
        yield _joined(names)
    for key in _AUTHOR_KEYS:
        value = facts.meta.get(key)
        if value and "://" not in value:
            yield byline_name(value)
    if shown is not None and shown.author and not button_label(shown.author):
        yield shown.author
    found = getattr(extracted, "author", None)
    if isinstance(found, str) and found.strip():
        # trafilatura's pieces that read as names: not one it made of an e-mail address
        # ("Lberry Com"), of a script ("Googletag Cmd Push ...") or a credit ("Photo by ...")
        pieces = [n.strip() for n in found.split(";") if not _is_outlet(n, outlets)]
        names = [n for n in pieces if _reads_as_name(n, alone=len(pieces) == 1)]
        yield _joined(names) if names else None


def _listed_authors(facts: PageFacts) -> list[str]:
    """The names an author meta tag lists (``Ana Quell, Tom Berg``), when it lists several."""
    for key in _AUTHOR_KEYS:
        value = facts.meta.get(key) or ""
        parts = [p.strip() for p in _NAME_LIST.split(value) if p.strip()]
        if len(parts) > 1 and all(byline_name(p) == p for p in parts):
            return parts
    return []


def _brand(name: str) -> str:
    """A name as an outlet's brand: ``The Eldham Post`` and ``eldhampost.com`` alike."""
    folded = _fold(name).removeprefix("the ")
    folded = _DOMAIN_END.sub("", folded)
    folded = _BRAND_WORD_END.sub("", folded)
    return re.sub(r"[\W_]+", "", folded)


def _initials(name: str) -> str:
    """``hw`` for ``Harbour Wave``: the brand a two- to four-word name abbreviates to."""
    words = name.split()
    return "".join(w[0] for w in words).casefold() if 2 <= len(words) <= 4 else ""


def _brands(names: list[str | None]) -> set[str]:
    return {b for n in names if n and (b := _brand(n))}


def _reads_as_name(text: str, alone: bool) -> bool:
    """A name, or one word given ``alone`` (a blog's user name: "Sandra", "MoritzMeyer";
    not "Hamburg" after an outlet)."""
    text = text.strip()
    if not text or _MAILBOX.search(text) or button_label(text):
        return False
    if len(text.split()) == 1:
        return alone
    return bool(byline_name(text) or printed_name(text))


def _joined(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _source(
    facts: PageFacts,
    shown: Article | None,
    extracted: object | None,
    root: HtmlElement,
    title: str | None,
) -> str | None:
    """The outlet: the site name it states, its masthead, its ``<title>``, its footer; never
    the headline (``Managing Python Environments | Tech Blog``)."""
    segments = _TITLE_SEPARATORS.split(facts.title_tag) if facts.title_tag else []
    headline = _fold(title or "")
    site_segments = [
        s for s in (segments[-1:] + segments[:1]) if len(segments) > 1 and _fold(s) != headline
    ]
    page_text = root.text_content()
    publication = _publication(root) if "Published in" in page_text else None
    if publication and publication in segments:
        return publication  # a blogging platform's page: the publication, not the platform
    stated = facts.meta.get("og:site_name") or facts.meta.get("application-name")
    if stated and _HANDLE.fullmatch(stated.strip()):
        stated = None  # "Harbour_Live": the site's social-media handle, not its name
    named = facts.ld.publisher or facts.ld.site
    bar = {_fold(s) for s in segments}
    if stated and named and _fold(stated) not in bar and _fold(named) in bar:
        return named  # "U.K." stated, the title bar ends "- Harbour Wire" as the data names it
    if stated:
        for segment in site_segments:  # "QTN" in og, "QTN News" in the title bar
            if segment.lower().startswith(stated.lower()) and len(segment.split()) <= 4:
                return segment
        return stated
    if named:
        return named
    # A masthead's name the title bar or the footer repeats, then the title bar's, then any
    # other masthead's (a link home reading "Startseite", "Logo" or "Deutsch (DE)" names no
    # outlet), then the footer's.
    others = []
    footer = " ".join(facts.copyright).casefold()
    for name in facts.site_names:
        if cruft_reason(name) or _HOME_LINK.fullmatch(name.strip()):
            continue  # "Home": the first link of a menu, not the site's name
        outlet = masthead_outlet(_SITE_TAGLINE.split(name)[0], page_text)
        if not outlet or len(outlet.split()) > 6:
            continue
        if _repeated(_fold(outlet), [*bar, footer]):
            return outlet
        others.append(outlet)
    # The title bar's piece the footer names ("Headline | The Harbour Post - Your Town's Finest
    # Paper" over "© Harbour Post Ltd."), else its last or first piece.
    footer_named = [
        s
        for s in segments[1:]
        if _fold(s) != headline
        and len(s.split()) <= 4
        and _repeated(_fold(s).removeprefix("the "), [footer])
    ]
    for segment in footer_named[-1:] + site_segments:
        if chrome.section_words(segment):
            continue  # "Eldham Advertiser - Local News": the section
        outlet = clean_outlet(segment)
        if outlet and len(outlet.split()) <= 5:
            return outlet
    if others:
        return others[0]
    for line in facts.copyright:
        outlet = copyright_outlet(line)
        if outlet:
            return outlet
    if shown is not None and shown.source and _fold(shown.source) != headline:
        return shown.source
    found = getattr(extracted, "sitename", None)
    if isinstance(found, str) and found.strip() and not _HOSTNAME.match(found.strip()):
        # trafilatura's name of the site: the title bar's first piece, when it cannot tell
        return found.strip() if _fold(found) != headline else None
    return None


def _repeated(name: str, texts: list[str]) -> bool:
    """Whether ``name`` (folded) is written in one of ``texts`` as words of their own."""
    if len(name) < 4:
        return False
    words = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return any(words.search(text) for text in texts)


# A link to the front page named for what it is, in the languages of saved news.
_HOME_LINK = re.compile(
    r"(?:(?:zur(?:ück\s+zur)?|zurück\s+zur)\s+)?(?:[\w.-]+[-\s])?startseite|start|hauptseite"
    r"|accueil|retour\s+à\s+l'accueil|inicio|portada|página\s+(?:inicial|principal)|homepagina"
    r"|forside|etusivu|strona\s+główna|главная|головна|logo|blog|\w+\s+\([a-z]{2}\)"
    r"|english|deutsch|français|español|italiano|nederlands|polski|русский|українська"
    r"|german|french|spanish|italian|dutch|polish|russian|ukrainian|portuguese|chinese|arabic",
    re.IGNORECASE,
)


def _publication(root: HtmlElement) -> str | None:
    """The publication a page prints beside its author: ``Published in Eldham Signals``."""
    body = root.find("body")
    for line in page_lines(body if body is not None else root):
        printed = _PUBLISHED_IN.fullmatch(line.strip())
        if printed:
            return clean_outlet(printed.group("name"))
    return None


def _url(facts: PageFacts, extracted: object | None) -> str | None:
    for value in (
        facts.canonical,
        facts.meta.get("og:url"),
        facts.ld.url,
        getattr(extracted, "url", None),
    ):
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value.strip()
    return None


def _section(facts: PageFacts, shown: Article | None, title: str | None) -> str | None:
    """The section: the breadcrumb's last step, the stated section, a category or kicker."""
    for items in [*facts.crumbs, facts.ld.crumbs]:
        # not the story's own step: its headline, maybe with its kicker ("Trains: Headline")
        names = [i for i in items if i and (title is None or _fold(title) not in _fold(i))]
        section = chrome.section_of(names) if names else None
        if section:
            return section
    stated = next((facts.meta[k] for k in _SECTION_KEYS if facts.meta.get(k)), None)
    stated = stated or facts.ld.section
    if stated:
        return stated
    if facts.categories:
        return facts.categories[0]
    for kicker in facts.kickers:
        if not chrome.kicker(kicker):
            return kicker
    return shown.section if shown is not None else None
