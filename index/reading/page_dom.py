"""What a web page's markup states about its article, gathered in one walk of the tree.

Structured data first (``<meta>``, ``og:``/``article:`` properties, JSON-LD, microdata,
``<link rel="canonical">``), then the visible elements whose role the markup names: the
``<h1>``, byline elements (``class="byline"``, ``rel="author"``, ``itemprop="author"``),
``<time datetime>``, breadcrumbs, kickers and category links, the standfirst, the site's
name in its masthead (a site title, a logo's alt text), and the copyright footer.

Elements inside comments, related lists, menus and footers are not the article's: the walk
carries that context down the tree. Nothing here decides; :mod:`.page` weighs the facts.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from .page_lines import BLOCKS, SKIPPED, hidden, visible_text

_SPACE = re.compile(r"\s+")
# The attributes whose words say what an element is (site builders use test and hook ids).
_MARK_ATTRIBUTES = ("class", "id", "role", "data-testid", "data-hook")
# A container's layout that has a sidebar beside it ("withSidebar", "no-sidebars") is no aside.
_LAYOUT = re.compile(r"(?:with|has|no)[-_]?sidebars?", re.IGNORECASE)
_COMMENTS = re.compile(r"comment|respond|reply|disqus|discussion", re.IGNORECASE)
# "widget" only as a class of its own ("widget widget_text", a sidebar's box): page builders
# name every block of an article "elementor-widget-…".
_ASIDE = re.compile(
    r"related|recommend|most-?(?:read|viewed|popular)|more-|trending|promo|newsletter|subscribe"
    r"|sidebar|(?:^|\s)widgets?(?=[\s_]|$)|widget-?area|share|social|cookie|consent|banner|advert"
    r"|ad-slot|\bads?\b|outbrain|taboola"
    r"|also-?read|read-?next|navigation|\bnav\b|menu",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?:^|[\s_-])(?:byline|by-line|by_line|bylines|author|authors|authorname|article-author|post-author"
    r"|writer|contributor|contributors|submitted|user-?name|profile-?name)(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOT_BYLINE = re.compile(r"bio|avatar|image|img|photo|social|follow|box|about|more|card", re.I)
_ROLE = re.compile(r"role|job|position|title|desc|bio|location|affiliation", re.IGNORECASE)
_KICKER = re.compile(
    r"kicker|eyebrow|overline|section-?(?:label|name|title)|article-?section|rubric|category"
    r"|flag|label|topic",
    re.IGNORECASE,
)
_STANDFIRST = re.compile(
    r"standfirst|\bdek\b|deck|subtitle|sub-?head|strapline|summary|teaser|intro|lede|excerpt"
    r"|description|synopsis",
    re.IGNORECASE,
)
_SITE_NAME = re.compile(r"site-?(?:title|name)|masthead|brand|logo", re.IGNORECASE)
_HOME = ("/", "./", "index.html", "/index.html", "/home", "/en/", "/index.php")
# A link to a site's front page written in full: ``https://host.example/``.
_ROOT_URL = re.compile(r"https?://[^/?#\s]+/?")
_HOME_WORDS = re.compile(r"\s*[-–|:]?\s*(?:home\s*page|homepage|home|front\s+page)$", re.I)
# A page's header block marked by class rather than by ``<header>``: ``Header``, ``site-header``.
_HEADER_BLOCK = re.compile(r"(?:^|\s)(?:site-?|page-?|global-?)?header(?:\s|$)", re.IGNORECASE)
_CRUMBS = re.compile(r"breadcrumb|crumbs", re.IGNORECASE)
_UPDATED = re.compile(r"updat|modif|revis", re.IGNORECASE)
_PUBLISHED = re.compile(r"publish|pubdate|posted|entry-date|created|issued", re.IGNORECASE)
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|Posting|Release", re.IGNORECASE)


@dataclass(slots=True)
class Ld:
    """The article a page's JSON-LD describes."""

    headline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    site: str | None = None
    section: str | None = None
    url: str | None = None
    description: str | None = None
    crumbs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Time:
    """A ``<time>`` element: its ``datetime``, its text, and what its markup calls it."""

    datetime: str
    text: str
    updated: bool
    published: bool


@dataclass(slots=True)
class PageFacts:
    """Everything the markup states, in document order where order matters."""

    title_tag: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # name/property (lower case) -> content
    canonical: str | None = None
    ld: Ld = field(default_factory=Ld)
    h1: list[tuple[str, bool]] = field(default_factory=list)  # (text, inside article/main)
    # (text, how outright the markup marks an author: see _author_marked)
    bylines: list[tuple[str, int]] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    crumbs: list[list[str]] = field(default_factory=list)
    kickers: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # rel="category" links
    standfirsts: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # site title, logo alt, home link
    copyright: list[str] = field(default_factory=list)
    micro_date: str | None = None
    micro_authors: list[str] = field(default_factory=list)
    meta_in_value: bool = False  # see meta_value


def page_facts(root: HtmlElement) -> PageFacts:
    """Walk the page once and gather what its markup says."""
    facts = PageFacts(meta_in_value=_meta_in_value(root))
    head = root.find("head")
    if head is not None:
        _head(head, facts)
    body = root.find("body")
    _walk(body if body is not None else root, facts, _Context())
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" in kind and script.text:
            _json_ld(script.text, facts.ld)
    return facts


def text_of(el: HtmlElement) -> str:
    """An element's visible text on one line."""
    return _SPACE.sub(" ", visible_text(el)).strip()


def _head(head: HtmlElement, facts: PageFacts) -> None:
    for el in head:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "title" and facts.title_tag is None:
            facts.title_tag = _SPACE.sub(" ", el.text_content()).strip() or None
        elif tag == "meta":
            _meta(el, facts)
        elif tag == "link" and "canonical" in (el.get("rel") or "").lower().split():
            facts.canonical = facts.canonical or (el.get("href") or "").strip() or None


def meta_value(el: HtmlElement, facts: PageFacts) -> str | None:
    """A ``<meta>``'s ``content``; its ``value`` on a page whose saver wrote every meta tag's
    value there (``<meta name="author" value="Ada Lyle">``). Elsewhere a ``value`` is no
    value of the page's: a blog template's ``<meta name="author" value="Its Designer">``."""
    return el.get("content") or (el.get("value") if facts.meta_in_value else None)


def _meta_in_value(root: HtmlElement) -> bool:
    """Whether the page's named meta tags hold their values in ``value``, none in
    ``content``."""
    named = [m for m in root.iter("meta") if m.get("name") or m.get("property")]
    return any(m.get("value") for m in named) and not any(m.get("content") for m in named)


def _meta(el: HtmlElement, facts: PageFacts) -> None:
    key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
    content = meta_value(el, facts)
    if key and content and content.strip() and key not in facts.meta:
        facts.meta[key] = _SPACE.sub(" ", content).strip()


@dataclass(slots=True)
class _Context:
    """What the walk is inside of."""

    article: bool = False  # inside <article> or <main>
    aside: bool = False  # a menu, a related list, a sidebar, a share bar, a banner
    comments: bool = False
    footer: bool = False
    header: bool = False  # the site's header (<header> outside the article)
    byline: bool = False  # inside a byline element already taken
    crumbs: bool = False


def _walk(el: HtmlElement, facts: PageFacts, ctx: _Context) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag in SKIPPED or hidden(el):
        if tag == "svg" and ctx.header:
            _svg_logo(el, facts)
        return
    # <body class="standard-navigation comments-open">: the page's settings, not a block's.
    marks = "" if tag in ("body", "html") else _marks(el)
    label = el.get("aria-label") or ""
    ctx = _enter(tag, marks, label, ctx)
    if tag == "meta":
        _meta(el, facts)
        return
    if _read(el, tag, marks, facts, ctx):
        return
    for child in el:
        _walk(child, facts, ctx)


def _marks(el: HtmlElement) -> str:
    """An element's class, id, role and test hooks, as one string."""
    return " ".join(filter(None, (el.get(name) for name in _MARK_ATTRIBUTES)))


def _enter(tag: str, marks: str, label: str, ctx: _Context) -> _Context:
    """The context for an element's children."""
    article = ctx.article or tag in ("article", "main")
    aside = (
        ctx.aside
        or tag in ("nav", "aside")
        or bool(marks and _ASIDE.search(_LAYOUT.sub("", marks)))
    )
    comments = ctx.comments or bool(marks and _COMMENTS.search(marks))
    footer = ctx.footer or (tag == "footer" and not ctx.article)
    header = ctx.header or (
        not ctx.article and (tag == "header" or bool(marks and _HEADER_BLOCK.search(marks)))
    )
    crumbs = bool(_CRUMBS.search(marks) or _CRUMBS.search(label))
    if (article, aside, comments, footer, header, crumbs) == (
        ctx.article,
        ctx.aside,
        ctx.comments,
        ctx.footer,
        ctx.header,
        ctx.crumbs,
    ):
        return ctx
    return _Context(article, aside, comments, footer, header, ctx.byline, crumbs)


def _read(el: HtmlElement, tag: str, marks: str, facts: PageFacts, ctx: _Context) -> bool:
    """Take what this element states; ``True`` when its children need no further walk."""
    if ctx.crumbs and not ctx.comments:
        items = _crumb_items(el)
        if items:
            facts.crumbs.append(items)
        return True
    if tag == "time" and not ctx.comments and not ctx.aside:
        _time(el, marks, facts)
        return True
    prop = el.get("itemprop") or ""
    if prop == "datePublished" and facts.micro_date is None:
        facts.micro_date = el.get("datetime") or meta_value(el, facts) or text_of(el)
    if ctx.comments:
        return False
    if (
        (ctx.footer or not ctx.article)
        and tag in ("p", "div", "small", "span", "li", "td", "font")
        and "©" in (el.text or "")
    ):
        facts.copyright.append(text_of(el))
    if tag == "h1" and not ctx.aside and not ctx.footer:
        text = text_of(el)
        if text and _links_home(el, text, facts):
            facts.site_names.append(text)  # a blog theme's site title: an h1 linking home
        elif text:
            facts.h1.append((text, ctx.article))
        return True
    if tag == "a" and "category" in (el.get("rel") or "").split():
        text = text_of(el)
        if text:
            facts.categories.append(text)
        return True
    if not ctx.aside and not ctx.footer:
        if _byline_element(el, tag, marks, prop):
            text = _byline_text(el)
            if text:
                strong = _author_marked(el)
                facts.bylines.append((text, strong))
            return True
        if prop == "author":
            name = _micro_name(el, facts)
            if name:
                facts.micro_authors.append(name)
        if marks and not ctx.header and tag not in ("figure", "figcaption", "img", "a", "li"):
            # Not a "lede" block that wraps the headline itself: the standfirst is under it.
            if (
                _STANDFIRST.search(marks)
                and not _SITE_NAME.search(marks)
                and next(el.iter("h1", "h2"), None) is None
            ):
                text = text_of(el)
                if len(text.split()) >= 4:
                    facts.standfirsts.append(text)
                    return True
            elif _KICKER.search(marks) and not _BYLINE.search(marks):
                text = text_of(el)
                if 0 < len(text) <= 40:
                    facts.kickers.append(text)
                    return True
    if ctx.header or not ctx.article:
        _site_name(el, tag, marks, facts)
    return False


def _byline_element(el: HtmlElement, tag: str, marks: str, prop: str) -> bool:
    if tag in ("img", "figure", "meta", "link"):
        return False
    if prop == "author" or "author" in (el.get("rel") or "").split():
        return True
    return bool(marks) and bool(_BYLINE.search(marks)) and not _NOT_BYLINE.search(marks)


def _byline_text(el: HtmlElement) -> str:
    """A byline element's text without its role parts (``byline__role``, ``author-title``)."""
    parts: list[str] = []

    def collect(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag in SKIPPED or hidden(node) or tag in ("img", "time"):
            return
        marks = " ".join(filter(None, (node.get("class"), node.get("id"))))
        if node is not el and marks and _ROLE.search(marks) and not _BYLINE_NAME.search(marks):
            return
        block = node is not el and tag in BLOCKS
        if tag == "br" or block:
            parts.append("\n")  # a label's block ("Author") is a line apart from the name's
        elif node is not el and node.get("class") and parts and not parts[-1][-1:].isspace():
            parts.append(" ")  # styled spans side by side: "Name" "·" "2h ago"
        # A line break in the source ("Will\n  Leitch") is a space; <br> and blocks part lines.
        if node.text:
            parts.append(_SPACE.sub(" ", node.text))
        for child in node:
            collect(child)
            if child.tail:
                parts.append(_SPACE.sub(" ", child.tail))
        if block:
            parts.append("\n")

    collect(el)
    lines = [_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > 1 and _BYLINE_LABEL.fullmatch(lines[0]):
        lines.pop(0)  # "Author" over "Ana Quell"
    return lines[0] if lines else ""


_BYLINE_LABEL = re.compile(r"(?:authors?|written\s+by|by|words|reporter|byline)\s*:?", re.I)


def _author_marked(el: HtmlElement) -> int:
    """How outright the markup says that this holds an author's name: 2 in the page's
    semantics (``itemprop="author"``, ``rel="author"``), 1 by a class (``author``, ``fn``),
    else 0."""
    level = 0
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.get("itemprop") == "author" or "author" in (node.get("rel") or "").split():
            return 2
        if {"fn", "author"} & set((node.get("class") or "").split()):
            level = 1
    return level


_BYLINE_NAME = re.compile(r"name|\bfn\b|author", re.IGNORECASE)


def _micro_name(el: HtmlElement, facts: PageFacts) -> str | None:
    for child in el.iter():
        if child.get("itemprop") == "name":
            return meta_value(child, facts) or text_of(child) or None
    return text_of(el) or None


def _time(el: HtmlElement, marks: str, facts: PageFacts) -> None:
    before = (el.getprevious().tail if el.getprevious() is not None else None) or ""
    parent = el.getparent()
    lead = (parent.text or "") if parent is not None and el.getprevious() is None else before
    prop = el.get("itemprop") or ""
    label = f"{marks} {prop} {lead[-24:]}"
    facts.times.append(
        Time(
            datetime=(el.get("datetime") or "").strip(),
            text=text_of(el),
            updated=bool(_UPDATED.search(label)),
            published=bool(_PUBLISHED.search(label)) or el.get("pubdate") is not None,
        )
    )


def _crumb_items(el: HtmlElement) -> list[str]:
    """A breadcrumb's items: its list items, or its text split at the separators."""
    items = [text_of(li) for li in el.iter("li")]
    if not items:
        items = re.split(r"\s*[›»>/|→]\s*", text_of(el))
    return [item for item in items if item]


def _home(a: HtmlElement, facts: PageFacts) -> bool:
    """Whether a link goes to the site's front page (``/``, ``index.html``, or a bare
    ``https://host/`` that is not an outside link such as a "Powered by" credit, nor
    another site's when the page states its own address)."""
    href = (a.get("href") or "").strip()
    if href in _HOME or "home" in (a.get("rel") or ""):
        return True
    outside = a.get("target") == "_blank" or {"noopener", "external", "nofollow"} & set(
        (a.get("rel") or "").split()
    )
    if outside or not _ROOT_URL.fullmatch(href):
        return False
    own = _host(facts.canonical or facts.meta.get("og:url") or "")
    host = _host(href)
    return not own or own == host or own.endswith("." + host) or host.endswith("." + own)


def _host(url: str) -> str:
    """``example.org`` of ``https://www.Example.org/a``; empty if ``url`` names none."""
    m = re.match(r"https?://([^/?#:\s]+)", url.strip(), re.IGNORECASE)
    return m.group(1).lower().removeprefix("www.") if m else ""


def _links_home(h1: HtmlElement, text: str, facts: PageFacts) -> bool:
    """Whether a heading's whole text is one link to the front page: the site's title."""
    links = list(h1.iter("a"))
    return len(links) == 1 and _home(links[0], facts) and text_of(links[0]) == text


def _site_name(el: HtmlElement, tag: str, marks: str, facts: PageFacts) -> None:
    """The site's name from its masthead: a site title, a logo's alt text, a home link."""
    home = tag == "a" and _home(el, facts)
    if not (home or (marks and _SITE_NAME.search(marks))):
        return
    for img in el.iter("img"):
        alt = (img.get("alt") or "").strip()
        if alt:
            facts.site_names.append(alt)
            return
    label = el.get("aria-label") or el.get("title")
    if label:
        facts.site_names.append(_HOME_WORDS.sub("", label.strip()))
        return
    if any(_SITE_NAME.search(c.get("class") or "") for c in el.iterdescendants()):
        return  # a more specific child names the site
    text = text_of(el)
    if text and len(text) <= 60:
        facts.site_names.append(text)


def _svg_logo(el: HtmlElement, facts: PageFacts) -> None:
    title = el.find("title")
    if title is not None and title.text and title.text.strip():
        facts.site_names.append(title.text.strip())


# ── JSON-LD ──────────────────────────────────────────────────────────────────────────────


def _json_ld(raw: str, ld: Ld) -> None:
    try:
        data = json.loads(raw.strip().removeprefix("<!--").removesuffix("-->"), strict=False)
    except ValueError:
        return
    nodes = list(_nodes(data))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    for node in nodes:
        types = " ".join(_as_list(node.get("@type")))
        if _ARTICLE_TYPES.search(types):
            _ld_article(node, ld, by_id)
        elif "BreadcrumbList" in types and not ld.crumbs:
            ld.crumbs = [
                _name(item.get("item")) or _name(item) or ""
                for item in _as_list(node.get("itemListElement"))
                if isinstance(item, dict)
            ]
        elif "WebSite" in types and ld.site is None:
            ld.site = _name(node)


def _ld_article(node: dict[str, Any], ld: Ld, by_id: dict[str, dict[str, Any]]) -> None:
    ld.headline = ld.headline or _text(node.get("headline")) or _text(node.get("name"))
    ld.published = ld.published or _text(node.get("datePublished"))
    if not ld.authors:
        ld.authors = [
            name
            for a in _as_list(node.get("author"))
            if (name := _name(by_id.get(str(a.get("@id")), a) if isinstance(a, dict) else a))
        ]
    publisher = node.get("publisher")
    if isinstance(publisher, dict) and "name" not in publisher:
        publisher = by_id.get(publisher.get("@id", ""), publisher)
    ld.publisher = ld.publisher or _name(publisher)
    ld.section = ld.section or next(iter(_as_list(node.get("articleSection"))), None)
    page = node.get("mainEntityOfPage")
    ld.url = ld.url or _text(node.get("url")) or (_name_id(page) if page else None)
    ld.description = ld.description or _text(node.get("description"))


def _nodes(data: Any) -> Any:
    """Every object in a JSON-LD document (lists and ``@graph`` flattened)."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"])


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    """A JSON-LD string as text: some sites write entities into it (``Salt &amp; Stone``)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = html.unescape(value)
    return _SPACE.sub(" ", value).strip() or None


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _name_id(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("@id")) or _text(value.get("url"))
    return _text(value)
