"""Web cruft in a line of text: language switchers, share buttons, captions, counters, ...

A scrape keeps the page's widgets as lines; each has a recognisable shape. :func:`cruft_reason`
says why a stripped line is cruft (or ``None``); :func:`plain` is the cheap test that most body
lines pass before any regex runs.
"""

from __future__ import annotations

import re

from .chrome import menu_item, rule_line, wire_line
from .dates import MONTH_NAMES, WEEKDAY_NAMES
from .metadata import META_FIRST_WORDS, first_word

_LANG_CODES = (
    r"ua|uk|ukr|en|eng|ru|rus|de|deu|ger|fr|fra|es|esp|it|ita|pl|pol|pt|ro|tr|ar|zh|cn|ja|jp"
    r"|ko|kr|nl|cs|cz|sk|hu|bg|ka|ge|az|kk|kz|lt|lv|et|est|fi|sv|da|el|gr|hr|sr|sl|sq|hy|uz"
    r"|fa|укр|рус|eng|english|українська|русский|русская|deutsch|français|español|polski"
    # the languages' own names as switchers print them ("Українською English")
    r"|українською|по-українськи|по-русски|italiano|português|nederlands|türkçe|română"
    r"|čeština|slovenčina|slovenščina|magyar|svenska|norsk|dansk|suomi|eesti|latviešu"
    r"|lietuvių|hrvatski|srpski|српски|български|беларуская|қазақша|ελληνικά|ქართული"
    r"|հայերեն|azərbaycanca|oʻzbekcha|o‘zbekcha|中文|简体中文|繁體中文|日本語|한국어|العربية"
    r"|فارسی|עברית"
)
_FONT_TOKEN = (
    r"(?:[+\-−–]|A[+\-−]?|[↺↻⟲⟳]|\d{1,2}\s*px|\d{2,3}\s*%"
    r"|(?:font|text)(?:\s*size)?\s*:?|reset|aa)"
)
_SHARE_WORD = (
    r"(?:share(?:\s+this\s+(?:article|story|page|post|live\s+blog)|\s+(?:this|on|via|article|story))?|tweet|facebook|twitter|x|whatsapp|telegram"
    r"|viber|linkedin|reddit|pinterest|messenger|flipboard|e-?mail|print|copy(?:\s+link)?"
    r"|link\s+copied|printer-friendly(?:\s+version)?|print\s+this(?:\s+(?:page|article|story))?"
    r"|close\s+(?:this\s+)?window"
    r"|e-?mail\s+this(?:\s+(?:page|article|story))?(?:\s+to\s+a\s+friend)?|bookmark|save"
    r"|поділитися|поделиться|копіювати(?:\s+посилання)?)"
)
_LINE_CRUFT = re.compile(
    "|".join(
        (
            rf"(?P<lang>(?:{_LANG_CODES})(?:(?:\s*[|/·•,]\s*|\s+)(?:{_LANG_CODES}))+)",
            rf"(?P<font>{_FONT_TOKEN}(?:\s+{_FONT_TOKEN})+)",
            r"(?P<tag>#[^\W_][\w-]*(?:[\s,]+#[^\W_][\w-]*)*|(?:tags|теги|мітки)\s*:.*)",
            rf"(?P<share>{_SHARE_WORD}(?:(?:\s*[:|/·•,]\s*|\s+){_SHARE_WORD})*)",
            r"(?P<ad>(?:skip\s+)?advertisement|advertising|supported\s+by|\(?ad\)?|ads|sponsored(?:\s+content)?|реклама"
            r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?(?:\s+with\s+content)?)",
            r"(?P<related>(?:read\s+(?:more|also)|see\s+also|also\s+read|more\s+on\s+this"
            r"|читайте\s+(?:також|также)|також\s+читайте|дивіться\s+також|смотрите\s+также)"
            r"(?:\s*[:：»>—–-].*)?|related(?:\s+(?:news|articles?|stories|story|posts?|topics"
            r"|coverage|content|links|reading))?(?:\s*:.*)?"
            r"|most\s+(?:read|viewed|popular|shared|commented)(?:\s+(?:stories|articles))?"
            r"|more\s+(?:on\s+this(?:\s+story)?|from\s+.{1,40}|stories|news|like\s+this)"
            r"|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like|read\s+next"
            r"|trending(?:\s+now)?|top\s+stories|latest\s+(?:news|stories))",
            r"(?P<comments>(?:(?:no|\d+)\s+)?(?:reader\s+|user\s+|your\s+)?comments?"
            r"(?:\s*\(\d+\))?|(?:show|view|read)\s+(?:all\s+)?(?:\d+\s+)?comments"
            r"|leave\s+a\s+(?:comment|reply)|have\s+your\s+say\b.{0,80}"
            r"|коментар(?:і|ів)?(?:\s*\(?\d+\)?)?)",
            r"(?P<contact>(?:media\s+|press\s+|news\s+)?(?:contacts?|enquiries|inquiries)\s*:.*)",
            r"(?P<copyright>(?:©|ⓒ|\(c\)|copyright\b).*)",
            r"(?P<prompt>(?:subscribe|sign\s+up|follow\s+us|join\s+(?:us|the\s+(?:debate"
            r"|conversation|discussion))|newsletters?|get\s+(?:our|the)\s+.{0,40}newsletter"
            r"|get\s+(?:\w+\s+){0,4}by\s+e-?mail"
            r"|підписуйтесь|подписывайтесь)\b.{0,80}"
            r"|(?:open|continue|read)\s+in\s+(?:the\s+)?app|(?:get|download)\s+the\s+.{1,40}\bapp\b.{0,60}"
            r"|download\s+on\s+the\s+app\s+store.{0,60}|get\s+it\s+on\s+google\s+play.{0,60})",
            r"(?P<email>view\s+(?:this\s+(?:e-?mail|newsletter)\s+)?(?:in|on)\s+(?:your|a|the)\s+"
            r"(?:web\s+)?browser|view\s+(?:it\s+)?online|unsubscribe.{0,80}|manage\s+(?:your\s+)?"
            r"(?:preferences|subscription|e-?mail\s+settings).{0,60}|update\s+your\s+preferences"
            r".{0,60}|forward(?:ed)?\s+(?:this\s+(?:e-?mail\s+)?)?to\s+a\s+friend.{0,40}"
            r"|begin\s+forwarded\s+message:?|-*\s*original\s+message\s*-*"
            r"|(?:hi|hello|dear|hey)(?:\s+[\w’'-]+){1,3},"
            r"|you\s+(?:are\s+)?(?:received?|receiving|got)\s+this\s+(?:because|e-?mail|newsletter"
            r"|message)"
            r".{0,200}|having\s+trouble\s+(?:viewing|reading)\s+this.{0,80}"
            r"|forwarded\s+this\s+(?:e-?mail|newsletter)\?.{0,80}"
            r"|you(?:'|’|\s+a)re\s+(?:currently\s+)?(?:a\s+)?(?:free|paid)\s+subscriber.{0,200}"
            r"|get\s+unlimited\s+access\b.{0,160}|already\s+a\s+(?:subscriber|member)\?.{0,60})",
            r"(?P<page>(?:(?:page|issue|volume|vol\.|season|series|episode|item|part)\s+)?\d{1,4}"
            r"(?:\s*(?:of|/)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–])",
            r"(?P<nav>skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|menu|sections|close"
            r"|sign\s+(?:in|out)|log\s*(?:in|out)|register|my\s+account"
            r"|listen(?:\s+now)?(?:\s*[·|:-]\s*|\s+)\d{1,2}:\d{2}(?:\s*min)?"
            r"|listen\s+to\s+this\s+(?:article|story).{0,40}|heard\s+on\s+.{1,40}"
            r"|(?:share|gift)\s+(?:full|this)\s+article"
            r"|key\s+(?:events|moments|updates)|show\s+key\s+events(?:\s+only)?|pinned(?:\s+post)?"
            r"|accessibility(?:\s+(?:help|links|statement|options|settings))?|home(?:\s*[›»>/].*)?"
            r"|loading(?:\.{3}|…)?|search|refresh(?:\s+for\s+updates)?(?:\s*\|.*)?)",
        )
    ),
    re.IGNORECASE,
)
_COOKIES = re.compile(
    r"\buses?\s+(?:(?:some|essential|necessary|optional|additional|analytics)\s+){0,2}cookies\b"
    r"|\bcookie\s+(?:settings|preferences|policy|consent|choices)"
    r"|\b(?:accept|reject|manage)\s+(?:all\s+|additional\s+|optional\s+)?cookies\b"
    r"|^cookies\s+on\s+(?:this|our)\s+(?:site|website)$",
    re.IGNORECASE,
)
# "Oct 14", "May 7th", "Tue, Mar 3", "14 October": a date line without its year.
_YEARLESS_DATE = re.compile(
    rf"(?:(?:{WEEKDAY_NAMES})\.?,?\s+)?(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\.?)",
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
    "contact": "press contact",
    "copyright": "copyright notice",
    "prompt": "subscription prompt",
    "nav": "navigation",
    "email": "e-mail furniture",
    "page": "page number",
}
_FONT_SIGNAL = re.compile(r"px|[↺↻⟲⟳]|A[+\-−]|%|font|text", re.IGNORECASE)
CAPTION = re.compile(
    r"(?:^|\s)(?:photos?|photograph|image|picture|illustration|caption|фото|світлина"
    r"|ілюстрація|иллюстрация)(?:\s+(?:credit|by|illustration|caption))?\s*[:：]\s*\S"
    r"|(?:^|\s)photo\s+by\s+\w"
    r"|\((?:[^()]*[/,;]\s*)?(?:AP|AFP|EPA|Getty|Reuters/|Shutterstock|Unsplash|Depositphotos|Pexels"
    r"|Wikimedia|Wikipedia|Anadolu|TASS|Sputnik|UNIAN|Ukrinform|Pool|Bloomberg via)\b[^()]*\)"
    r"\.?\s*$"
    r"|\(photo\b[^()]*\)\.?\s*$"
    r"|^(?:image|photo|picture|video|media)\s+(?:source|caption|credit|description)s?\s*[,:]",
    re.IGNORECASE,
)
_CAPTION_HINTS = (
    *("aption", "APTION"),
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
        "messenger flipboard email e-mail print printer-friendly bookmark save copy link",
        "поділитися поделиться копіювати",
        "advertisement advertising ad (ad) ads sponsored реклама scroll",
        "read see also more related most recommended you trending top latest",
        "forwarded you're you’re already sign log login logout register close my hi hello dear hey",
        "читайте також дивіться смотрите newsletter newsletters get refresh",
        "no comment comments leave reader user your show view have коментар коментарі коментарів",
        "© (c) copyright subscribe sign follow join підписуйтесь подписывайтесь",
        "contact contacts enquiries inquiries media press",
        "sections skip back menu home accessibility key pinned listen heard gift supported",
        "loading loading... loading… search",
        "view unsubscribe manage update forward forwarded having page open continue download",
        "begin original -----original",
        "issue volume vol. season series episode item part",
    )
    for word in group.split()
)
_CRUFT_FIRST_CHARS = frozenset("#+-−–↺↻⟲⟳©ⓒ0123456789=_*~•─━")  # digits also start dates
# A browser's print header and footer: "3/20/26, 10:02 AM      Headline | Site" at the top of
# each printed page, "https://...      1/2" at its foot.
_PRINT_HEADER = re.compile(
    r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s{2,}|\t)\s*(?P<title>\S.*)",
    re.IGNORECASE,
)
_PRINT_FOOTER = re.compile(r"(?P<url>https?://\S+|about:blank)(?:\s{2,}|\t)\s*\d{1,3}/\d{1,3}")
# Lines starting with none of these words (or characters) cannot be cruft or metadata.
_SPECIAL_FIRST_WORDS = _CRUFT_FIRST_WORDS | META_FIRST_WORDS
_CAPTION_MAX = 400  # longer lines are body text even if they mention a photo


def cruft_reason(line: str, word: str | None = None) -> str | None:
    """Why a stripped line is web cruft, or ``None`` if it is not.

    ``word`` is the line's :func:`~.metadata.first_word`, if already known.
    """
    if not line:
        return None
    first = line[0]
    if first in "-=_*~•─━" and (rule_line(line) or menu_item(line)):
        return "rule" if rule_line(line) else "navigation"
    if first.isdigit() and _PRINT_HEADER.fullmatch(line):
        return "print header"
    if first == "h" and line.startswith("http") and _PRINT_FOOTER.fullmatch(line):
        return "print footer"
    if line[:4] in ("ZCZC", "NNNN") and wire_line(line):
        return "wire furniture"
    if len(line) <= 120 and (
        first in _CRUFT_FIRST_CHARS
        or (first_word(line) if word is None else word) in _CRUFT_FIRST_WORDS
    ):
        m = _LINE_CRUFT.fullmatch(line)
        if m and m.lastgroup:
            kind = m.lastgroup
            if kind != "font" or _FONT_SIGNAL.search(line):
                return _CRUFT_REASONS[kind]
    if len(line) <= 24 and _YEARLESS_DATE.fullmatch(line):
        return "date without a year"  # a newsletter's "Oct 14" under the author
    if len(line) <= 300 and "ookie" in line and _COOKIES.search(line):
        return "cookie banner"
    if len(line) <= _CAPTION_MAX and caption_hint(line) and CAPTION.search(line):
        return "photo caption"
    if len(line) <= 200 and ("ights reserved" in line or "IGHTS RESERVED" in line):
        return "copyright notice"
    return None


def print_header_title(line: str) -> str | None:
    """The title a browser's print header repeats (``3/20/26, 10:02 AM   Headline | Site``)."""
    m = _PRINT_HEADER.fullmatch(line)
    return m.group("title") if m else None


def plain(line: str, word: str) -> bool:
    """A cheap test that a line is neither cruft nor metadata (most body lines are).

    Each search for a separator starts with a search for one of its characters that few
    lines hold (``"•" in line`` before ``" • " in line``): a single character is found at
    C speed, a short string only a character or two at a time.
    """
    return (
        word not in _SPECIAL_FIRST_WORDS
        and line[0] not in _CRUFT_FIRST_CHARS
        and not line.startswith(("http", "ZCZC", "NNNN"))
        and "|" not in line
        and "   " not in line
        and not ("•" in line and " • " in line)
        and not ("·" in line and " · " in line)
        and "ights reserved" not in line
        and not ("H" in line and "IGHTS RESERVED" in line)
        and "ookie" not in line
        and not caption_hint(line)
        and not (len(line) <= 60 and "," in line and line[-1].isdigit())  # "Ana Quell, 09.03.2026"
        and not (line[:1] in "—–" and line[1:5].lower() == " by ")  # "— by Ana Quell, date"
    )


def caption_hint(line: str) -> bool:
    """A cheap test before the caption regex: a credit word, or a closing parenthesis.

    Each credit word is looked for only when the line holds the rarest of its characters.
    """
    if line.endswith((")", ").")) or line[:6].lower() in ("image ", "photo "):
        return True
    if ":" not in line and "：" not in line and not ("b" in line and "by" in line):
        return False
    return any(char in line and hint in line for char, hint in _CAPTION_HINT_CHARS)


# Each credit word, after a character of it that few lines hold (none for the lower-case Latin
# ones: every such letter is in most lines).
_RARE_CHAR = {"APTION": "O", "HOTO": "H", "MAGE": "G", "ICTURE": "U", "LLUSTR": "L"}
_RARE_CHAR |= {"ото": "о", "ОТО": "О", "вітлин": "л", "ВІТЛИН": "Л", "люстр": "л", "ЛЮСТР": "Л"}
_CAPTION_HINT_CHARS = tuple((_RARE_CHAR.get(hint, ""), hint) for hint in _CAPTION_HINTS)
