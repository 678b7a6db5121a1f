"""Names of the entity a PolNeAR source refers to, from CoreNLP's automatic coreference.

PolNeAR's attribution annotation has no coreference links: a source ``he`` or ``the
spokesman`` is just that span. The corpus ships CoreNLP output beside it
(``data/<split>/corenlp/<name>.txt.xml``, annotators including ``dcoref``), whose chains link
mentions across the article. When a source span lies in a chain, the chain's proper-name
mentions (those with a capitalised word that is not its first word, or a single capitalised
word) are taken as further names of the source. This is automatic, not gold: the scorer says
how many speaker matches rest on it. A few CoreNLP files are missing from some copies of the
corpus; those articles simply get no chain names.

The XML is read with two regular expressions (tokens' character offsets, then the
``<coreference>`` section), about ten times faster than a full XML parse.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

Span = tuple[int, int]

_TOKEN_RE = re.compile(
    r'<sentence id="\d+"[^>]*>|<CharacterOffsetBegin>(\d+)</CharacterOffsetBegin>\s*'
    r"<CharacterOffsetEnd>(\d+)</CharacterOffsetEnd>"
)
_CHAIN_RE = re.compile(r"<coreference>\s*(<mention.*?)</coreference>", re.S)
_MENTION_RE = re.compile(
    r"<mention[^>]*>\s*<sentence>(\d+)</sentence>\s*<start>(\d+)</start>\s*<end>(\d+)</end>"
    r"\s*<head>(\d+)</head>.*?<text>(.*?)</text>",
    re.S,
)
_CAP_RE = re.compile(r"[A-Z][a-z]")


Mention = tuple[Span, Span, str]  # (character span, its head word's span, text)


def read_chains(xml: str) -> list[list[Mention]]:
    """Coreference chains as lists of mentions."""
    cut = xml.find("<coreference>")
    if cut < 0:
        return []
    sentences: list[list[Span]] = []
    for m in _TOKEN_RE.finditer(xml, 0, cut):
        if m.group(1) is None:
            sentences.append([])
        elif sentences:
            sentences[-1].append((int(m.group(1)), int(m.group(2))))
    chains = []
    for chain in _CHAIN_RE.finditer(xml, cut):
        mentions = []
        for m in _MENTION_RE.finditer(chain.group(1)):
            s, a, b = int(m.group(1)) - 1, int(m.group(2)) - 1, int(m.group(3)) - 2
            h = int(m.group(4)) - 1
            if 0 <= s < len(sentences) and 0 <= a <= b < len(sentences[s]) and a <= h <= b:
                toks = sentences[s]
                mentions.append(((toks[a][0], toks[b][1]), toks[h], html.unescape(m.group(5))))
        if len(mentions) > 1:
            chains.append(mentions)
    return chains


def is_name(mention: str) -> bool:
    """A mention that names someone: a capitalised word after its first, or a lone one."""
    words = mention.split()
    if len(words) == 1:
        return bool(_CAP_RE.match(words[0]))
    return any(_CAP_RE.match(w) for w in words[1:])


def _is_source(mention: Mention, source: Sequence[Span]) -> bool:
    """The mention's head lies in the source and the mention covers half the source or more
    (so ``Trump's`` inside ``Trump's campaign manager Ann Roe`` does not stand for it)."""
    (a, b), (ha, hb), _ = mention
    size = sum(e - s for s, e in source)
    shared = sum(max(0, min(b, e) - max(a, s)) for s, e in source)
    return any(s <= ha and hb <= e for s, e in source) and 2 * shared >= size


def source_names(chains: Sequence[list[Mention]], source: Sequence[Span]) -> list[str]:
    """Proper-name mentions of every chain in which a mention stands for the source."""
    names: list[str] = []
    for chain in chains:
        if any(_is_source(m, source) for m in chain):
            names.extend(t for _, _, t in chain if is_name(t) and t not in names)
    return names


def load_chains(text_path: Path) -> list[list[Mention]]:
    """The chains of the article whose text file is ``text_path`` ([] without CoreNLP file)."""
    xml_path = text_path.parent.parent / "corenlp" / (text_path.name + ".xml")
    try:
        xml = xml_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return read_chains(xml)
