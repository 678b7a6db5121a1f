"""The sieves: which quoted segments are quotes, who said each, and which reports with no
quote marks are indirect quotes.

For each quoted segment, most precise first: a cue right after or before it, a colon lead
(``Anna Berg: «…»``), a report whose content covers it, then what came before (a quote left
open, ``X said:`` ending the previous sentence, the last speaker). Scare quotes and titles
(``the so-called “green corridor”``) are not quotes. How sure each answer is comes from the
table in :mod:`.scores`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import QuoteKind, Span
from . import scores
from .cues import CUE_WORDS, LOWER_RE, Report, verb_follows
from .entities import ArticleEntities, Entity
from .lexicon import DETERMINERS, PRONOUNS, words
from .marks import Segment, Sentence
from .phrases import classify, np_after

_SCARE_BEFORE = (
    "so-called",
    "so called",
    "dubbed",
    "called",
    "known as",
    "termed",
    "nicknamed",
    "labelled",
    "labeled",
    "titled",
    "entitled",
    "named",
    "codenamed",
    "the word",
    "the term",
    "the phrase",
    "the slogan",
    "the hashtag",
    "the motto",
    "the label",
    "the words",
)

_WORKS = words(
    "film movie book novel song album series show report documentary play opera article "
    "poem painting exhibition game app podcast episode programme program operation project "
    "initiative campaign plan strategy doctrine bill act slogan motto headline column essay "
    "study paper magazine newspaper track single record musical sitcom drama memoir "
    "biography festival brand hashtag"
)

_FIRST_PERSON = frozenset(["i", "we", "our", "us", "my", "me", "ours", "myself", "ourselves"])

_SMALL = words("a an the of and or in on at to for with by from de la le")


@dataclass(eq=False)
class Found:
    """A quote the sieves accepted, before names are settled."""

    start: int
    end: int
    kind: QuoteKind
    entity: Entity | None
    mention: Span | None
    cue: str | None
    confidence: float
    sentence: int
    paragraph: int


@dataclass
class Context:
    """What the sieves remember between sentences."""

    last: Found | None = None  # the last quote found
    colon: Entity | None = None  # "X said:" ended the previous sentence
    colon_sentence: int = -1


def _speaker(r: Report, entities: ArticleEntities, s: Sentence) -> Entity | None:
    if r.status in ("named", "pronoun"):
        return r.entity
    if r.status == "outlet":  # "«…», — cites the Daily Courier": the person before is the speaker
        return entities.last_speaker(s.idx, 2) or _last_person(entities, s)
    return None


def _last_person(entities: ArticleEntities, s: Sentence) -> Entity | None:
    for sent, _p, ent in reversed(entities.mentions):
        if sent >= s.idx:
            continue
        if s.idx - sent > 2:
            return None
        if ent.kind == "person":
            return ent
    return None


def _is_scare(text: str, seg: Segment, before: str, attributed: bool) -> bool:
    """Scare quotes and titles: ``the so-called “green corridor”``, ``the film “Dune”``."""
    low = before.rstrip(" ,").lower()
    if low.endswith(_SCARE_BEFORE):
        return True
    prev = low.rsplit(None, 1)[-1] if low.split() else ""
    if prev in _WORKS:
        return True
    words = text[seg.start : seg.end].split()
    if attributed:
        return len(words) <= 2 and prev in DETERMINERS
    if len(words) <= 3:
        return True
    content = [w for w in words if w.lower() not in _SMALL]
    titled = content and all(w[:1].isupper() or not w[:1].isalpha() for w in content)
    return bool(titled and len(words) <= 8 and text[seg.end - 1] not in ".!?,")


def sieve(
    s: Sentence, reports: list[Report], entities: ArticleEntities, ctx: Context
) -> list[Found]:
    """Quotes of one sentence: its quoted segments, then its indirect reports."""
    text = s.text
    out: list[Found] = []
    bound = s.start
    for seg in s.segs:
        f = _segment(s, seg, reports, entities, ctx, text[bound : seg.open_at])
        if f is not None:
            out.append(f)
            ctx.last = f
        bound = seg.close_end
    out.extend(_indirect(s, reports))
    for f in out:
        if f.entity is not None:
            entities.spoke.append((s.idx, f.start, f.entity))
    colon = text[s.end - 1] == ":"
    named = [r for r in reports if r.status in ("named", "pronoun") and r.entity]
    ctx.colon = named[-1].entity if colon and named else None
    ctx.colon_sentence = s.idx
    return out


def _segment(
    s: Sentence,
    seg: Segment,
    reports: list[Report],
    entities: ArticleEntities,
    ctx: Context,
    before: str,
) -> Found | None:
    text = s.tok.text
    after_r = _adjacent_after(s, seg, reports)
    before_r = _adjacent_before(s, seg, reports)
    colon_np = _colon_name(s, before, entities)
    covering = _covering(seg, reports)
    bt = before.strip()
    direct = (
        not bt
        or bt.endswith(":")
        or before_r is not None
        or (bt.endswith((",", "—", "–")) and after_r is not None and not covering)
    ) and not bt.endswith(" that")
    attributed = bool(after_r or before_r or colon_np or covering or reports)
    opens = not bt and (
        text[seg.end - 1] in ".,!?…" or text[seg.close_end : seg.close_end + 1] in ",—"
    )
    if not opens and not seg.continued and _is_scare(text, seg, before, attributed):
        return None
    kind: QuoteKind = "direct" if direct else "partial"
    r = after_r or before_r or (None if direct else covering)
    if r is None and not direct:
        r = _nearest(seg, reports)
    ent: Entity | None = None
    mention: Span | None = None
    cue: str | None = None
    conf = 0.0
    if r is not None:
        ent = _speaker(r, entities, s)
        mention = r.mention if r.status in ("named", "pronoun") else None
        cue = "—" if r.status == "outlet" and "—" in text[seg.close_end : r.cue_start] else r.cue
        conf = scores.CUE_SUBJECT.get(r.status, scores.CUE_OTHER)
        if r.subject is not None and r.subject.kind == "role" and r.status == "named":
            conf = scores.CUE_ROLE
    elif colon_np is not None:
        ent, mention, cue, conf = colon_np, None, ":", scores.COLON_LEAD
    elif bt.endswith(":") or _cue_right_after(s, seg):
        ent, conf = None, scores.INTRODUCED_UNNAMED
    else:
        ent, conf = _from_context(s, seg, ctx, entities, direct)
    if ent is None and not direct:
        return None
    if r is not None and r.status in ("generic", "unbound") and not direct:
        return None
    return Found(
        seg.start, seg.end, kind, ent, mention, cue, conf or scores.FALLBACK, s.idx, s.paragraph
    )


def _cue_right_after(s: Sentence, seg: Segment) -> bool:
    """A reporting verb within a few words after the quote (``“…,” a protester shouted``)."""
    end = min(s.end, seg.close_end + scores.CUE_AFTER_CHARS)
    after = LOWER_RE.findall(s.text, seg.close_end, end)[: scores.CUE_AFTER_WORDS]
    return not CUE_WORDS.isdisjoint(after)


def _from_context(
    s: Sentence, seg: Segment, ctx: Context, entities: ArticleEntities, direct: bool
) -> tuple[Entity | None, float]:
    """A quote with no attribution of its own continues the quote or speaker before it."""
    last = ctx.last
    if seg.continued and last is not None:
        return last.entity, scores.CONTINUED
    if not direct:
        words = s.tok.text[seg.start : seg.end].lower().split()
        if len(words) >= 4 and _FIRST_PERSON & set(words):
            return entities.last_speaker(s.idx, 1), scores.FIRST_PERSON
        return None, 0.0
    if ctx.colon is not None and ctx.colon_sentence == s.idx - 1:
        return ctx.colon, scores.COLON_BEFORE
    if (
        last is not None
        and s.idx - last.sentence <= 2
        and last.entity is not None
        and s.paragraph - last.paragraph in (0, 1)
    ):
        others = (
            e is not last.entity and e.kind == "person" and last.end <= p < seg.open_at
            for _s, p, e in entities.mentions
        )
        if not any(others):  # nobody else came on stage in between
            return last.entity, scores.SAME_SPEAKER
    return None, scores.UNATTRIBUTED


def _adjacent_after(s: Sentence, seg: Segment, reports: list[Report]) -> Report | None:
    """``“…,” Berg said`` / ``“…,” said Berg`` / ``«…», — cites the Courier``."""
    text = s.tok.text
    for r in reports:
        if r.attr_start >= seg.close_end and r.cls != "according":
            gap = text[seg.close_end : min(r.attr_start, r.cue_start)]
            if all(c.isspace() or c in ",;:—–-" for c in gap) and r.subject is not None:
                return r
    return None


def _adjacent_before(s: Sentence, seg: Segment, reports: list[Report]) -> Report | None:
    """``Berg said: “…”`` / ``Berg told reporters, “…”``."""
    text = s.tok.text
    for r in reversed(reports):
        end = max(r.attr_end, r.cue_end)
        if end <= seg.open_at and r.subject is not None and not r.before:
            gap = text[end : seg.open_at]
            intro = (
                len(gap) < scores.INTRO_GAP_CHARS
                and " that" not in gap
                and gap.rstrip().endswith((":", ","))
            )
            if intro and (r.content is None or r.content[0] >= seg.open_at):
                return r
            return None
    return None


def _colon_name(s: Sentence, before: str, entities: ArticleEntities) -> Entity | None:
    """``Anna Berg: «…»`` / ``The minister was clear: “…”``: the sentence's subject."""
    bt = before.rstrip()
    if not bt.endswith(":") or len(bt) > scores.COLON_LEAD_CHARS:
        return None
    tok = s.tok
    i = tok.index_at(s.start)
    e = np_after(tok, i)
    if e is None or e >= len(tok) or not (tok.words[e] == ":" or verb_follows(tok.words[e])):
        return None
    np = classify(tok, i, e)
    if np.kind in ("person", "organisation"):
        return entities.entity(np, np.start)
    if np.kind == "role":
        return entities.bind_role(np)
    if np.kind == "pronoun" and np.gender:
        return entities.pronoun(np.gender, s.idx, np.start)
    return None


def _covering(seg: Segment, reports: list[Report]) -> Report | None:
    for r in reports:
        if (
            r.content is not None
            and r.content[0] <= seg.open_at + 1
            and seg.end <= r.content[1] + 1
        ):
            return r
    return None


def _nearest(seg: Segment, reports: list[Report]) -> Report | None:
    best = None
    for r in reports:
        if r.cue_start < seg.open_at and r.subject is not None:
            best = r
    return best


def _indirect(s: Sentence, reports: list[Report]) -> list[Found]:
    """Reports whose content is a clause with no quote marks in it: indirect quotes."""
    out: list[Found] = []
    for r in reports:
        if not r.emits or r.content is None or r.cls == "partial":
            continue
        if r.cls == "belief" and not r.that:
            continue
        a, b = r.content
        if any(seg.open_at < b and seg.close_end > a for seg in s.segs):
            continue
        if r.status not in ("named", "pronoun") or r.entity is None:
            continue
        if any(f.start < b and a < f.end for f in out):
            continue
        _learn_gender(s, r)
        conf = scores.INDIRECT_THAT if r.that or r.before else scores.INDIRECT_BARE
        if r.status == "pronoun" or (r.subject is not None and r.subject.kind == "role"):
            conf -= scores.INDIRECT_INFERRED
        out.append(Found(a, b, "indirect", r.entity, r.mention, r.cue, conf, s.idx, s.paragraph))
    return out


def _learn_gender(s: Sentence, r: Report) -> None:
    """``Berg said she …`` tells that Berg is a woman."""
    if r.entity is None or r.entity.gender or r.entity.kind != "person" or r.content_k is None:
        return
    if r.status != "named" or r.before:
        return
    first = s.tok.words[r.content_k[0]].lower()
    if first in ("he", "she"):
        r.entity.gender = PRONOUNS[first]
