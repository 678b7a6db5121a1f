"""What a saved page states about its story, weighed: the headline, the standfirst, the
publication day, the author, the outlet, the address and the section.

Each is read from the page's own markup first (:mod:`.page_dom`'s facts: JSON-LD, meta tags,
microdata, bylines, ``<time>``), then from the visible lines of the story's container as the
plain-text reader read them (``shown``), and trafilatura's guesses last; the rules that weigh
one against another are each function's docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from lxml.html import HtmlElement

from ..model import Article
from . import chrome
from .cruft import cruft_reason
from .dates import url_date
from .metadata import button_label, byline_name, clean_outlet, joined_names, printed_name
from .page_dom import PageFacts
from .page_lines import page_lines
from .sources import copyright_outlet, masthead_outlet

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|·•»›:]{1,2}|[-–—]{1,2}|::)\s+")
_SITE_TAGLINE = re.compile(r"\s+(?:[-–—|:])\s+")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOMAIN_END = re.compile(r"\.(?:com|net|org|info|co\.uk|[a-z]{2})$")
_BRAND_WORD_END = re.compile(r"\s+(?:online|magazine|mag|news|digital)$")
# "2014-12-19T04:38:49+00:00", "2014-12-18 01:01:00 UTC": the hour of a time given in UTC
_UTC_TIME = re.compile(r"[T ](\d{2}):\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:Z|[+-]00:?00|UTC|GMT)\b")
_UTC_EARLY_HOURS = 8  # before this hour in UTC it is still the day before in the Americas
_COMMENT_COUNT = re.compile(r"\s+\d+\s+(?:comments?|responses?|replies)$", re.IGNORECASE)
_NAME_LIST = re.compile(r"\s*[,;]\s*|\s+and\s+")
_HANDLE = re.compile(r"@\w+|\w+_\w+")
_DASHES = str.maketrans(
    dict.fromkeys("‐‑‒–—―−", "-") | dict.fromkeys("‘’‚‛", "'") | dict.fromkeys("“”„‟", '"')
)  # and quotes: "Let’s" and "Let's" are one headline
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_BYLINE_TAIL = re.compile(r"\s+[·•|]\s+")
_HANDLE_AFTER = re.compile(r"\s+@\w{2,30}$")
_MAILBOX = re.compile(r"\s(?:com|org|net|edu|gov)\s*$", re.IGNORECASE)
# "Published in Eldham Signals" beside the author on a blogging platform's page.
_PUBLISHED_IN = re.compile(
    r"Published\s+in\s+(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:of[ \t]+|&[ \t]+)?[A-Z][\w&'’.-]*)"
    r"{0,4})"
)
_HOSTNAME = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_BY_FIRST = re.compile(r"^by:?\s+", re.IGNORECASE)
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")  # "ByAna Quell": "By" run into the name
_TRAILING_MARKS = " ·•|/-–—"  # what a byline's name may trail: "Ana Quell •", "Ana Quell -"
_LOGO_WORD = re.compile(r"\s+logo$", re.IGNORECASE)
_UNSPACED_SEPARATORS = ":|｜_："  # a title bar's pieces run together: "Headline:Site"
_GLOSS_AFTER = re.compile(r"\s*[（(][^（）()]{1,40}[）)]$")  # "Quay (ku-ay)", a reading


def fold(text: str) -> str:
    """``text`` as compared: spaces, case, dashes and quotes alike, without a leading arrow
    (a blog's "» Title" in its title bar)."""
    return " ".join(text.translate(_DASHES).lstrip("«»‹›←→ ").split()).casefold()


def title_of(
    facts: PageFacts, shown: Article | None, extracted: object | None, root: HtmlElement
) -> str | None:
    """The visible headline: the ``<h1>``, else a stated headline the page prints as a line
    of its own (in a ``<div>`` or an ``<h3>``), else the line a metadata title abbreviates;
    without the site's name run on to it (``港の橋、六月に閉鎖:ハーバー日誌``)."""
    title = _title_of(facts, shown, extracted, root)
    if not title:
        return title
    names = [facts.meta.get("og:site_name"), *_app_names(facts), *facts.site_names]
    for name in filter(None, names):
        if len(name) >= 2 and title.endswith(name) and len(title) > len(name) + 4:
            head = title[: -len(name)]
            if head[-1:] in _UNSPACED_SEPARATORS:
                # "Headline_Section_Site": the pieces before the site's are the headline's
                # and its section's.
                head = head.rstrip(_UNSPACED_SEPARATORS)
                return head.split("_")[0] if head.count("_") == 1 and "_" in title else head
    return title


def _title_of(
    facts: PageFacts, shown: Article | None, extracted: object | None, root: HtmlElement
) -> str | None:
    sites = {fold(s) for s in facts.site_names}
    meta = facts.meta
    stated = [s for s in (facts.ld.headline, meta.get("og:title"), meta.get("twitter:title")) if s]
    bar = _TITLE_SEPARATORS.split(facts.title_tag) if facts.title_tag else []
    # What two sources name: the data's headline and a piece of the title bar.
    pieces = {fold(p) for p in bar} if len(bar) > 1 else set()
    # A one-word h1 only where the data or the title bar opens with it ("Harbourside -
    # City of Eldham"); "News | Eldham Courier" names a section.
    one_word = {fold(s) for s in stated} | {fold(p) for p in bar[:1]}
    h1 = [
        t
        for t, inside in facts.h1
        if fold(t) not in sites and (_words(t) >= 2 or fold(t) in one_word)
    ]
    inside = [t for t, i in facts.h1 if i and t in h1]
    if inside or h1:
        # An h1 outside the story (a welcome overlay's) is no candidate beside one inside it.
        return _h1_title((inside or h1)[0], inside or h1, stated, pieces, facts, root)
    # The data's headline that the title bar bears out: one of its pieces, or what it opens
    # with ("Headline: The Column: Site").
    tab = fold(facts.title_tag or "")
    agreed = [
        s
        for s in stated
        if _words(s) >= 2 and (fold(s) in pieces or (tab.startswith(fold(s)) and tab != fold(s)))
    ]
    # The one piece beside the site's name ("Historic Market › Harbour Society"); with more
    # ("Courier :: Town :: Mill reopens") the middle ones are sections.
    beside = [p for p in bar if fold(p) not in sites] if pieces & sites else []
    beside = beside if len(beside) == 1 else []
    segments = stated + _segments(facts.title_tag) + _after_site(facts.title_tag, sites)
    long_enough = [s for s in segments if _words(s) >= 3 and fold(s) not in sites]
    short = [s for s in stated if _words(s) == 2]  # a two-word headline, printed
    printed = _printed(root, agreed + beside + long_enough + short)
    if printed:
        return printed
    if shown is not None and shown.title:
        whole = bar and any(fold(s) == tab for s in stated)  # then its longest piece
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
    for named in h1[1:]:  # "Business Monday" over the h1 the data names as the headline
        if _words(first) <= 3 and any(_same_headline(named, s) for s in stated):
            return named
    bar_title = facts.title_tag or facts.meta.get("og:title") or ""
    if bar_title and fold(first) not in fold(bar_title):
        parts = [p for p in re.split(r":\s+", bar_title) if _words(p) >= 3]
        named_h1 = [t for t in h1 if any(_words(p) >= 3 and p in fold(t) for p in pieces)]
        # The data's headline, which the title bar bears out, printed on the page, where the
        # h1 shares no word with it: that h1 is some widget's ("Search this site").
        other = [
            s
            for s in stated
            if _words(s) >= 3
            and fold(s) in fold(bar_title)
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
    folded = fold(line)
    for s in stated:
        if _words(s) >= 3 and fold(s) in folded:
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
    a, b = fold(a), fold(b)
    return a == b or (len(a.split()) >= 3 and len(b.split()) >= 3 and (a in b or b in a))


def _content_words(text: str) -> set[str]:
    """The words of four letters or more, folded: what two headlines of one story share."""
    return {w for w in re.findall(r"[^\W\d_]{4,}", fold(text))}


def _printed(root: HtmlElement, candidates: list[str]) -> str | None:
    """The first candidate headline that is a whole visible line of the page."""
    if not candidates:
        return None
    body = root.find("body")
    lines = {fold(line) for line in page_lines(body if body is not None else root)}
    return next((c for c in candidates if fold(c) in lines), None)


def _after_site(title: str | None, sites: set[str]) -> list[str]:
    """A ``<title>`` that opens with the site's name and a colon or dash: what follows
    (``Quay Notes: Swing bridge to close``)."""
    for site in sites if title else ():
        folded = fold(title or "")
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


def subtitle_of(facts: PageFacts, shown: Article | None, title: str | None) -> str | None:
    if facts.standfirsts:
        return facts.standfirsts[0]
    if shown is not None and shown.subtitle and shown.title == title:
        return shown.subtitle
    return None


def date_of(
    facts: PageFacts, shown: Article | None, extracted: object | None, html: str
) -> str | None:
    """The publication day: structured data, then ``<time>``, then the visible text, then
    trafilatura's guess, unless that is a 1 January the page never states (its guess from a
    year alone, a copyright line's: 11 of 264 saved pages).

    Where what the page shows disagrees with the data's first date, the shown day wins when
    more of the page's statements agree on it (a site-wide ``datePublished`` beside the
    story's own ``dc.date`` and "Published December 16"), or when it is the day before a
    time given in UTC (the evening of the 18th in New York is the 19th in UTC).
    """
    meta = facts.meta
    stated = [facts.ld.published, *(meta.get(k) for k in _DATE_KEYS), facts.micro_date]
    stated_days = [(value, day) for value in stated if value and (day := _day(value))]
    times = [t for t in facts.times if not t.updated]
    time_days = [
        day
        for t in sorted(times, key=lambda t: not t.published)
        if (day := _day(t.datetime) or _day(t.text))
    ]
    guessed = _day(getattr(extracted, "date", None))
    if guessed is not None and guessed == url_date(url_of(facts, extracted)):
        guessed = None  # trafilatura's day read from the address: the shown one is it already
    seen = [
        *time_days[:1],
        *([shown.date] if shown is not None and shown.date else []),
        *([guessed] if guessed else []),
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


def author_of(
    facts: PageFacts, shown: Article | None, extracted: object | None, source: str | None
) -> str | None:
    """The byline as printed, else the authors the data names, joined as a byline would;
    never the outlet itself (``HARBOUR.com`` over a story, ``Harbour Wave`` in the data of
    ``HW.COM``)."""
    # Not the data's publisher nor every link home: a personal blog's is its author.
    outlets = _brands([source, facts.meta.get("og:site_name")])
    for name in _bylines(facts, shown, extracted, outlets):
        if name and not _is_outlet(name, outlets):
            return _without_outlet(name, outlets).rstrip(_TRAILING_MARKS)  # "Ana Quell •"
    return None


def _without_outlet(byline: str, outlets: set[str]) -> str:
    """``Ana Quell, Harbour.com`` -> ``Ana Quell``: the outlet a byline names after its
    writer's name is not an author."""
    pieces = [n.strip() for n in byline.split(",") if n.strip()]
    kept = [n for n in pieces if not _is_outlet(n, outlets)]
    return ", ".join(kept) if kept and len(kept) < len(pieces) else byline


def _is_outlet(name: str, outlets: set[str]) -> bool:
    return _brand(name) in outlets or _initials(name) in outlets


def _bylines(
    facts: PageFacts, shown: Article | None, extracted: object | None, outlets: set[str]
) -> Iterator[str | None]:
    """Who wrote the story, by what the page states, most trusted first."""
    names = facts.ld.authors or facts.micro_authors or _listed_authors(facts)
    # The author meta tags' names: a byline element naming one of them is the author as printed
    # ("By Ana quell", which reads as no name).
    meta_named = {fold(v) for k in _AUTHOR_KEYS if (v := facts.meta.get(k))}
    # Marked as the author in the page's semantics first: a teaser's byline above the story
    # is marked only by its class.
    for text, strong in sorted(facts.bylines, key=lambda b: -b[1]):
        text = _BYLINE_TAIL.split(text)[0]  # "Ana Quell · 2h ago", "Ana Quell | 3 Nov 2026"
        text = _HANDLE_AFTER.sub("", text)  # "Ana Quell @anaquell"
        text = _COMMENT_COUNT.sub("", text)  # "By Ana Quell and Tom Berg 24 comments"
        text = _GLUED_BY.sub("By ", text).rstrip(_TRAILING_MARKS)  # "ByAna Quell •", "Ana Quell -"
        name = byline_name(text) or (printed_name(text) if strong else None)
        printed = _BY_FIRST.sub("", text)
        if not name and fold(printed) in meta_named and 0 < len(printed.split()) <= 4:
            name = printed  # no name to the rules, but the data names it too
        if name and not button_label(name):
            # The first of the authors the data names (three): the byline of a teaser
            # shows one; the article's own data names them all.
            yield joined_names(names) if len(names) > 1 and name == names[0] else name
    if names:
        yield joined_names(names)
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
        names = [
            byline_name(n) or n for n in pieces if _reads_as_name(n, alone=len(pieces) == 1)
        ]  # "Author: Ana Quell" read as her name
        yield joined_names(names) if names else None


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
    folded = fold(name).removeprefix("the ")
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


def source_of(
    facts: PageFacts,
    shown: Article | None,
    extracted: object | None,
    root: HtmlElement,
    title: str | None,
) -> str | None:
    """The outlet: the site name it states, its masthead, its ``<title>``, its footer; never
    the headline (``Managing Python Environments | Tech Blog``)."""
    segments = _TITLE_SEPARATORS.split(facts.title_tag) if facts.title_tag else []
    headline = fold(title or "")
    site_segments = [
        s for s in (segments[-1:] + segments[:1]) if len(segments) > 1 and fold(s) != headline
    ]
    page_text = root.text_content()
    publication = _publication(root) if "Published in" in page_text else None
    if publication and publication in segments:
        return publication  # a blogging platform's page: the publication, not the platform
    stated = facts.meta.get("og:site_name") or facts.meta.get("application-name")
    if stated and _HANDLE.fullmatch(stated.strip()):
        stated = None  # "Harbour_Live": the site's social-media handle, not its name
    stated = _site_name_only(stated) if stated else None
    if stated and chrome.section_words(stated):
        stated = None  # "Magazine", "News": a section of the site, not its name
    named = facts.ld.publisher or facts.ld.site
    bar = {fold(s) for s in segments}
    if stated and named and fold(stated) not in bar and fold(named) in bar:
        return named  # "U.K." stated, the title bar ends "- Harbour Wire" as the data names it
    if stated:
        for segment in site_segments:  # "QTN" in og, "QTN News" in the title bar
            rest = segment[len(stated) :]
            if (
                segment.lower().startswith(stated.lower())
                and rest[:1].isspace()  # a word more, not "QTNQTN"
                and len(segment.split()) <= 4
                and not _DOMAIN_END.search(rest.lower())  # "Quay.com": its address
                and not _section_after(rest)  # "QTN Politics": a section, not "QTN News"
                and not _GLOSS_AFTER.fullmatch(rest)  # "QTN（キューティーエヌ）": its reading
            ):
                return segment
        return _in_words(stated, [*segments[1:], *_app_names(facts)], facts.site_names)
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
        # "Harbour Post Logo - Home": a logo's description names the outlet
        outlet = masthead_outlet(_LOGO_WORD.sub("", _SITE_TAGLINE.split(name)[0]), page_text)
        if not outlet or len(outlet.split()) > 6:
            continue
        if _repeated(fold(outlet), [footer]) or _repeated(fold(outlet), bar, ending=True):
            return outlet
        others.append(outlet)
    # The title bar's piece the footer names ("Headline | The Harbour Post - Your Town's Finest
    # Paper" over "© Harbour Post Ltd."), else its last or first piece.
    footer_named = [
        s
        for s in segments[1:]
        if fold(s) != headline
        and len(s.split()) <= 4
        and _repeated(fold(s).removeprefix("the "), [footer])
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
    if shown is not None and shown.source and fold(shown.source) != headline:
        return shown.source
    found = getattr(extracted, "sitename", None)
    if isinstance(found, str) and found.strip() and not _HOSTNAME.match(found.strip()):
        # trafilatura's name of the site: the title bar's first piece, when it cannot tell
        return found.strip() if fold(found) != headline else None
    return None


def _section_after(rest: str) -> bool:
    """Whether the words after a site's name are a section's (`` Politics``), not a brand
    word (`` News``, `` Online``)."""
    return chrome.section_words(rest) and not _BRAND_WORD_END.match(rest.lower())


def _site_name_only(name: str) -> str:
    """A stated site name without the tagline or the reading after it: ``Quay Labs — Design
    and Engineering`` -> ``Quay Labs``, ``ハーバー！（はーばー！）`` -> ``ハーバー！``."""
    name = _GLOSS_AFTER.sub("", name).strip() or name
    first, *rest = _SITE_TAGLINE.split(name, maxsplit=1)
    return first if rest and len(rest[0]) > len(first) else name


def _in_words(stated: str, names: list[str | None], mastheads: list[str]) -> str:
    """``stated`` as the page writes it in words elsewhere, when it is written as an address
    or run together (``quaycourier``, ``QuayCourier.com``; ``Quay Courier`` in the title
    bar); else ``stated``."""
    letters = re.sub(r"[\W_]+", "", _DOMAIN_END.sub("", stated.casefold()))
    if not (_DOMAIN_END.search(stated.casefold()) or stated.islower()):
        return stated  # "Quay Courier", "QuayCourier": as the site writes itself
    for name in [*names, *mastheads]:
        if (
            name
            and name.strip() != stated.strip()
            and " " in name.strip()
            and re.sub(r"[\W_]+", "", fold(name).removeprefix("the ")) == letters
        ):
            return name.strip()
    for name in names:  # "Quay.com" stated, "Quay" in the title bar (not a logo's "Quay")
        if name and fold(name) == letters and name.strip() != stated.strip():
            return name.strip()
    return stated


def _app_names(facts: PageFacts) -> list[str | None]:
    return [facts.meta.get(k) for k in ("application-name", "apple-mobile-web-app-title")]


def _repeated(name: str, texts: list[str] | set[str], *, ending: bool = False) -> bool:
    """Whether ``name`` (folded) is written in one of ``texts`` as words of their own;
    ``ending``: with no word going on after it (a masthead's "Harbour Post" in "The Harbour
    Post (print edition)", not a section link "Harbour" in "The Harbour Times")."""
    if len(name) < 4:
        return False
    after = r"(?!\s+\w)" if ending else ""
    words = re.compile(rf"(?<!\w){re.escape(name)}(?!\w){after}")
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


def url_of(facts: PageFacts, extracted: object | None) -> str | None:
    for value in (
        facts.canonical,
        facts.meta.get("og:url"),
        facts.ld.url,
        getattr(extracted, "url", None),
    ):
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value.strip()
    return None


def section_of(facts: PageFacts, shown: Article | None, title: str | None) -> str | None:
    """The section: the breadcrumb's last step, the stated section, a category or kicker."""
    for items in [*facts.crumbs, facts.ld.crumbs]:
        # not the story's own step: its headline, maybe with its kicker ("Trains: Headline")
        names = [i for i in items if i and (title is None or fold(title) not in fold(i))]
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
