"""The extractor's driver: ``extract_quotes(text, paragraphs)``, one article at a time.

Quoted segments and sentences (:mod:`.marks`), then everyone the article names
(:mod:`.entities`), then for each sentence its reports (:mod:`.reports`) and the sieves
(:mod:`.sieves`); finally one statement found twice counts once and the finds become
:class:`~newsbrowse.index.model.Quote` records. Bump ``EXTRACTOR_VERSION`` (in this
package's ``__init__``) whenever what it finds changes: existing indexes then extract again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import ArticleSpeaker, Extraction, Mention, Quote, Span
from . import scores
from .context import Context, Found
from .entities import ArticleEntities, Entity
from .language import reads_as_english
from .lexicon import ROLE_WORDS, TITLES, words
from .marks import Segment, Sentence, find_segments, split_sentences
from .names import scan_names
from .phrases import head_noun
from .repeats import MANY, Repeats, rarest_first
from .reports import find_reports
from .sieves import sieve
from .turns import interview_turns

_WORD_RE = re.compile(r"\w+")
_EMAIL_PREFIX_RE = re.compile(r"(?:>[ \t]?)*")


def extract_quotes(text: str, paragraphs: Sequence[Span]) -> Extraction:
    """Quotes and speakers of one article, looking only inside the body ``paragraphs``;
    none in an article not written in English."""
    paras = _clean_paragraphs(text, paragraphs)
    if paras and not reads_as_english(text, paras[0][0]):
        return Extraction()  # its rules would take another language's nouns for people
    paras = [p for p in paras if not _subheading(text, *p)]
    by_paragraph: dict[int, list[Segment]] = {}
    for seg in find_segments(text, paras):
        by_paragraph.setdefault(seg.paragraph, []).append(seg)
    sentences: list[Sentence] = []
    for p, (lo, hi) in enumerate(paras):
        mine = by_paragraph.get(p, [])
        for span in split_sentences(text, lo, hi, mine):
            sentences.append(Sentence(text, len(sentences), span, p, mine))
    entities = ArticleEntities()
    scan_names(sentences, entities)
    ctx = Context()
    found: list[Found] = []
    for s in sentences:
        found.extend(sieve(s, find_reports(s, entities), entities, ctx))
    found.extend(interview_turns(text, paras, sentences, entities))
    return _assemble(text, _dedupe(text, _join_paragraphs(found)))


def _clean_paragraphs(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """Valid, ordered, non-overlapping paragraph spans inside the text, each without the
    ``> `` that marks a paragraph quoted in an e-mail (it would hide where a quote opens)."""
    out: list[Span] = []
    last = 0
    for start, end in sorted(paragraphs):
        start, end = max(start, last, 0), min(end, len(text))
        prefix = _EMAIL_PREFIX_RE.match(text, start, end) if text.startswith(">", start) else None
        start = prefix.end() if prefix is not None else start
        if start < end:
            out.append((start, end))
            last = end
    return out


def _names_them(alias: str, name: str) -> bool:
    """Whether a phrase bound to a speaker names them: a part of their name ("Matie"), or a
    job ("prime minister", "Air Asia chief"); not "the guy", "seven" or a stray clause."""
    if set(alias.split()) & set(name.split()):
        return True
    head = head_noun(alias)
    return head is not None and (head in ROLE_WORDS or head in TITLES)


_HEADING_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL_WORDS = words("a an the of in on at to for and or but by with from as vs")


def _subheading(text: str, start: int, end: int) -> bool:
    """A subheading in title case ("Outage Sparks Surge in Reports"): no sentence, so no
    speaker and no report; its capitalised words would read as a person's name."""
    line = text[start:end].strip()
    if "\n" in line or line[-1:] in '.!?…:;,"”’»)' or any(ch in line for ch in '“"«‘'):
        return False
    words = _HEADING_WORD_RE.findall(line)
    if not 4 <= len(words) <= 12 or "by" in words:  # "Hosted by Nadia Brill": a credit
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 4 and all(w[0].isupper() for w in big)


def _join_paragraphs(found: list[Found]) -> list[Found]:
    """A quote left open at a paragraph's end and re-opened in the next is one quote; its
    speaker is the one its parts' own cues give (``‘…`` ¶ ``‘…,’ she said.``)."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: f.start):
        prev = out[-1] if out else None
        if (
            prev is None
            or not (f.continued and prev.continues)
            or f.labelled
            or f.paragraph != prev.paragraph + 1
            or f.kind == "indirect"
        ):
            out.append(f)
            continue
        if (f.own and not prev.own) or (f.own == prev.own and f.confidence > prev.confidence):
            prev.entity, prev.mention, prev.cue = f.entity, f.mention, f.cue
            prev.confidence, prev.candidates, prev.role = f.confidence, f.candidates, f.role
            prev.joint, prev.own, prev.how, prev.certain = f.joint, f.own, f.how, f.certain
        if f.kind == "direct":
            prev.kind = "direct"
        prev.end, prev.paragraph, prev.continues = f.end, f.paragraph, f.continues
    return out


def _dedupe(text: str, found: list[Found]) -> list[Found]:
    """One statement repeated by one speaker in another paragraph (a standfirst repeated in
    the body) counts once, as its fuller telling; overlapping finds keep the first. Within
    a paragraph a speaker goes on (“We don’t want to be the story,” she said. “We want to
    cover it.”). Only a named speaker's statements of four words or more are compared, each
    with the speaker's earlier ones (:mod:`.repeats`)."""
    ordered = sorted(found, key=lambda f: (f.start, -f.confidence))
    compared = [_compared_words(text, f) for f in ordered]
    statements = Counter(
        id(f.entity) for f, s in zip(ordered, compared, strict=True) if s is not None
    )
    order = (
        rarest_first(statement for statement in compared if statement is not None)
        if statements and max(statements.values()) >= MANY
        else None  # few statements a speaker: each compared with each
    )
    kept: list[Found | None] = []
    said: dict[int, Repeats] = {}
    reach = 0  # the furthest end of what is kept (finds come in order of start)
    for f, statement in zip(ordered, compared, strict=True):
        if f.start < reach:
            continue
        if statement is not None:
            speaker = said.get(id(f.entity))
            if speaker is None:
                speaker = said[id(f.entity)] = Repeats(order)
            same = speaker.first_repeated(statement, f.paragraph)
            if same is not None:
                earlier, n = same
                if len(statement) <= len(earlier):
                    continue
                kept[n] = None  # the body's fuller telling replaces the standfirst's
            speaker.add(statement, len(kept), f.paragraph)
        kept.append(f)
        reach = f.end
    return [f for f in kept if f is not None]


def _compared_words(text: str, f: Found) -> set[str] | None:
    """The words of a named speaker's statement, if four or more (else it is not compared)."""
    if f.entity is None:
        return None
    statement = set(_WORD_RE.findall(text[f.start : f.end].lower()))
    return statement if len(statement) >= 4 else None


def _assemble(text: str, found: list[Found]) -> Extraction:
    """Turn finds into :class:`Quote` records and the speakers they name."""
    speakers: dict[int, Entity] = {}
    quotes = []
    for f in found:
        people = f.joint if len(f.joint) > 1 else ([f.entity] if f.entity is not None else [])
        for ent in people:
            speakers.setdefault(id(ent), ent)
        mention = None
        if f.mention is not None and f.mention[0] < f.mention[1]:
            a, b = f.mention
            mention = Mention(a, b, text[a:b])
        names = tuple(e.name for e in people)
        candidates = tuple(e.name for e in f.candidates if e not in people)
        quotes.append(
            Quote(
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                kind=f.kind,
                speaker=" and ".join(names) if names else None,
                speaker_kind=people[0].kind if people else None,
                mention=mention,
                cue=f.cue,
                confidence=calibrated(f),
                speakers=names,
                role=f.role or None,
                candidates=candidates[:3],
            )
        )
    out_speakers = tuple(
        ArticleSpeaker(
            name=e.name,
            kind=e.kind,
            aliases=tuple(a for a in e.aliases if a != e.name and _names_them(a, e.name)),
            roles=tuple(e.roles),
            gender=e.gender,
        )
        for e in speakers.values()
    )
    return Extraction(quotes=tuple(quotes), speakers=out_speakers)


def calibrated(f: Found) -> float:
    """The confidence a quote shows: the measured share of quotes attributed as this one
    was whose speaker is right (:data:`.scores.CALIBRATED`), capped when its speaker was
    chosen among close candidates."""
    conf = scores.CALIBRATED.get(f.how, min(f.confidence, scores.UNCERTAIN_CAP))
    if f.entity is None and not f.joint:
        conf = scores.CALIBRATED["unknown"]
    elif not f.certain:
        conf = min(conf, scores.UNCERTAIN_CAP)
    return round(min(1.0, max(0.0, conf)), 2)
