"""The sieves: which quoted segments are quotes, who said each, and which reports with no
quote marks are indirect quotes.

For each quoted segment, most precise first: a cue right after or before it, a colon lead
(``Anna Berg: «…»``), a report whose content covers it, then what came before (a quote left
open, ``X said:`` ending the previous sentence, the last speaker), and for a partial quote
with none of these the person the sentence is about. Scare quotes and titles
(``the so-called “green corridor”``) are not quotes. How sure each answer is comes from the
table in :mod:`.scores`.
"""

from __future__ import annotations

from ..model import QuoteKind, Span
from . import scores
from .bounds import np_after
from .context import ColonLead, Context, Found, from_context
from .cues import CUE_WORDS, LOWER_RE, Report, verb_follows
from .entities import ArticleEntities, Entity, Mentioned, name_words
from .indirect import indirect
from .lexicon import DETERMINERS, FIRST_NAMES, words
from .marks import Segment, Sentence
from .phrases import classify
from .roles import bind_role
from .salience import last_person, last_speaker, pronoun
from .signed import dash_signature, label

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


def _speaker(r: Report, entities: ArticleEntities, s: Sentence) -> Entity | None:
    if r.status in ("named", "pronoun"):
        return r.entity
    if r.status == "outlet":
        if r.lemma in ("cite", "according to") or "—" in s.text[r.attr_start - 3 : r.cue_start]:
            # "«…», — cites the Daily Courier": the outlet relays the person before
            return last_speaker(entities, s.idx, 2) or last_person(entities, s.idx)
        return r.entity  # "“…,” the Courier wrote": the outlet's own words
    return None


def _is_scare(text: str, seg: Segment, before: str, attributed: bool) -> bool:
    """Scare quotes and titles: ``the so-called “green corridor”``, ``the film “Dune”``.

    In a sentence with a report, a short lower-case phrase after a determiner is the
    speaker's word (``Vorrin warned of a “ferocious” fight``); capitalised, it is a name
    (``Vorrin signed the “Harbour Pact”``). With no report, one word or a possessive's is a
    term (``the “pivot”``), two or three lower-case words may be someone's phrase."""
    low = before.rstrip(" ,").lower()
    if low.endswith(_SCARE_BEFORE) and not _calls_it(before):
        return True
    prev = low.rsplit(None, 1)[-1] if low.split() else ""
    if prev in _WORKS:
        return True
    words = text[seg.start : seg.end].split()
    if attributed:
        named = (
            (len(words) <= 2 and prev in DETERMINERS)
            or low.endswith(("’s", "'s"))
            or prev in _TITLE_BEFORE  # said on “Harbour Talk,”, the author of “Low Tide”
        )
        return named and _titled(text, seg, words)  # the “Harbour Pact”, ABC’s “Good Day”
    if len(words) <= 3 and not _plain_phrase(text, seg, words, low):
        return True
    return _titled(text, seg, words)


_SUBJECT_PRONOUNS = words("he she they we i it")

_TITLE_BEFORE = words("on of")


def _calls_it(before: str) -> bool:
    """``which Vorrin called “a costly gamble”``, ``what she called “…”``: a subject before
    "called" says the words, unlike ``a ferry called “…”``."""
    found = before.rstrip(" ,").split()
    if len(found) < 3 or found[-1].lower() != "called":
        return False
    prev = found[-2]
    return prev.lower() in _SUBJECT_PRONOUNS or (prev[:1].isupper() and prev.isalpha())


def _plain_phrase(text: str, seg: Segment, words: list[str], low: str) -> bool:
    """Two or three lower-case words no possessive owns: someone's phrase
    (``boats that “rot for years”``), unlike a term (``the “pivot”``, ``Roe’s “plan”``)."""
    return len(words) > 1 and text[seg.start].islower() and not low.endswith(("’s", "'s"))


def _titled(text: str, seg: Segment, words: list[str]) -> bool:
    """A title: a few words, each capitalised but the small ones, with no closing stop but
    the comma or full stop American style puts inside the marks (CBS’s “Harbour Talk,”)."""
    content = [w for w in words if w.lower() not in _SMALL]
    titled = content and all(w[:1].isupper() or not w[:1].isalpha() for w in content)
    stop = text[seg.end - 1] in "!?" or (text[seg.end - 1] in ".," and len(words) < 2)
    return bool(titled and len(words) <= 8 and not stop)


def sieve(
    s: Sentence, reports: list[Report], entities: ArticleEntities, ctx: Context
) -> list[Found]:
    """Quotes of one sentence: its quoted segments, then its indirect reports."""
    if not s.segs and not reports:  # most sentences: nothing to find, only to remember
        ctx.lead = None  # what ctx.remember does for a sentence with no report
        ctx.colon_lead = _colon_lead(s, entities) if s.text[s.end - 1] == ":" else None
        return []
    text = s.text
    out: list[Found] = []
    bound = s.start
    for seg in s.segs:
        f = _segment(s, seg, reports, entities, ctx, text[bound : seg.open_at])
        if f is not None:
            out.append(f)
            ctx.last = f
        bound = seg.close_end
    out.extend(indirect(s, reports))
    for f in out:
        if f.entity is not None:
            entities.spoke.append(Mentioned(s.idx, f.start, f.entity))
            if len(f.joint) > 1:
                entities.joint_said.append((s.idx, f.entity, f.joint))
        if f.kind == "indirect":
            entities.reported.append((f.start, f.end))
    ctx.remember(s, reports, out)
    ctx.colon_lead = None
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
    colon_np = _colon_name(s, seg, before, entities)
    covering = _covering(seg, reports)
    bt = before.strip()
    says = before_r is None and after_r is None and not covering and _says_comma(bt)
    if says and colon_np is None:  # "…, saying, “…”" with nobody named: as before
        near = _nearest(seg, reports)
        says = near is not None and near.entity is not None
    direct = (
        not bt
        or bt.endswith(":")
        or says
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
    if r is None and (says or not direct):
        r = _nearest(seg, reports)  # "Vorrin left, saying, “…”": the cue before it
    if r is not None and r.entity is None and colon_np is not None and (r is before_r or says):
        r = None  # "Varga … put it bluntly when I asked her: “…”": the sentence's subject
    turn = label(text, seg)
    signed = dash_signature(s, seg) if r is None and turn is None else None
    if turn is not None:
        name, span, _begins = turn
        person = entities.person(name, span[0])
        f = Found(0, 0, kind, person, span, ":", scores.LABEL, s.idx, s.paragraph, own=True)
        f.how = "label"
    elif r is not None:
        if r.status in ("generic", "unbound") and not direct:
            return None
        f = _from_report(s, seg, r, entities)
    elif signed is not None:
        ent = entities.entity(signed, signed.start)
        span = signed.name_span or (signed.start, signed.end)
        f = Found(0, 0, kind, ent, span, "—", scores.SIGNED, s.idx, s.paragraph, own=True)
        f.how = "signed"
        f.role = signed.role
    elif colon_np is not None:
        ent, span = colon_np
        f = Found(0, 0, kind, ent, span, ":", scores.COLON_LEAD, s.idx, s.paragraph, own=True)
        f.how = "colon"
    elif bt.endswith(":") or _cue_right_after(s, seg):
        f = Found(0, 0, kind, None, None, None, scores.INTRODUCED_UNNAMED, s.idx, s.paragraph)
        f.how = "unknown"
    else:
        found = from_context(s, seg, ctx, entities, direct)
        if found is None and not direct:
            found = _first_person(s, seg, entities) or _subject_says(s, seg, entities)
        if found is None:
            if not direct:
                return None
            found = Found(0, 0, kind, None, None, None, scores.UNATTRIBUTED, s.idx, s.paragraph)
            found.how = "unknown"
        f = found
    if f.entity is None and not direct:
        return None
    f.start, f.end, f.kind = seg.start, seg.end, kind
    if turn is not None:
        f.start, f.labelled = turn[2], True
    f.sentence, f.paragraph = s.idx, s.paragraph
    f.continues, f.continued = seg.continues, seg.continued
    return f


def _from_report(s: Sentence, seg: Segment, r: Report, entities: ArticleEntities) -> Found:
    """A quote attributed by a report of its own sentence."""
    text = s.text
    ent = _speaker(r, entities, s)
    mention = r.mention if r.status != "none" else None
    cue = "—" if r.status == "outlet" and "—" in text[seg.close_end : r.cue_start] else r.cue
    conf = scores.CUE_SUBJECT.get(r.status, scores.CUE_OTHER)
    how = "cue:" + r.status if ent is not None else "unknown"
    if r.subject is not None and r.subject.kind == "role" and r.status == "named":
        conf, how = scores.CUE_ROLE, "cue:role"
    if not r.certain:
        conf -= scores.UNCERTAIN
    return Found(
        0, 0, "direct", ent, mention, cue, conf, s.idx, s.paragraph,
        candidates=r.candidates, role=r.role, own=True, joint=r.joint, how=how,
        certain=r.certain,
    )  # fmt: skip


def _first_person(s: Sentence, seg: Segment, entities: ArticleEntities) -> Found | None:
    """A partial quote in the first person with no cue: the last speaker's words."""
    words = s.text[seg.start : seg.end].lower().split()
    if len(words) >= 4 and _FIRST_PERSON & set(words):
        ent = last_speaker(entities, s.idx, 1)
        if ent is not None:
            f = Found(0, 0, "partial", ent, None, None, scores.FIRST_PERSON, s.idx, 0)
            f.how = "first-person"
            return f
    return None


def _subject_says(s: Sentence, seg: Segment, entities: ArticleEntities) -> Found | None:
    """A partial quote with no cue in a sentence whose subject is a person: theirs
    (``Vorrin bemoaned a harbour where boats “rot in the mud”``)."""
    found = _clause_subject(s, s.tok.index_at(seg.open_at), entities)
    if found is None or found[0].kind != "person" or " " not in found[0].name:
        return None  # "Specifically, …", "Audiences …": a capitalised word, nobody named
    ent, span = found
    if not 0 <= ent.first_pos < s.start and name_words(ent.name)[0] not in FIRST_NAMES:
        return None  # "Guns are …": two capitalised words the article names nowhere else
    f = Found(0, 0, "partial", ent, span, None, scores.SUBJECT_SAYS, s.idx, s.paragraph)
    f.how = "subject"
    return f


def _cue_right_after(s: Sentence, seg: Segment) -> bool:
    """A reporting verb within a few words after the quote (``“…,” a protester shouted``)."""
    end = min(s.end, seg.close_end + scores.CUE_AFTER_CHARS)
    after = LOWER_RE.findall(s.text, seg.close_end, end)[: scores.CUE_AFTER_WORDS]
    return not CUE_WORDS.isdisjoint(after)


def _adjacent_after(s: Sentence, seg: Segment, reports: list[Report]) -> Report | None:
    """``“…,” Berg said`` / ``“…,” said Berg`` / ``«…», — cites the Courier``."""
    text = s.tok.text
    for r in reports:
        if r.attr_start >= seg.close_end:
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


_LEADING = words("as when while after before then and but so yet still")


def _colon_lead(s: Sentence, entities: ArticleEntities) -> ColonLead | None:
    """A short sentence with no cue word ending ``Berg continued:``: its subject introduces
    the quote that follows."""
    if s.end - s.start > scores.COLON_LEAD_CHARS:
        return None
    words = s.tok.words
    if not words or words[-1] != ":":
        return None
    found = _clause_subject(s, len(words) - 1, entities)
    if found is None or (found[0].kind == "person" and " " not in found[0].name):
        return None  # "Wait, it gets better:": a lone word no full name explains
    return ColonLead(s.idx, s.paragraph, *found)


def _colon_name(
    s: Sentence, seg: Segment, before: str, entities: ArticleEntities
) -> tuple[Entity, Span] | None:
    """``Anna Berg: «…»`` / ``The minister was clear: “…”`` / ``When asked, Rubio fired
    back: “…”`` / ``As Professor Foner put it: “…”`` / ``Foner stood up, saying, “…”``: the
    subject of the clause before the colon (or the reporting word's comma)."""
    bt = before.rstrip()
    if not (bt.endswith(":") or _says_comma(bt)) or len(bt) > scores.COLON_LEAD_CHARS:
        return None
    return _clause_subject(s, s.tok.index_at(seg.open_at) - 1, entities)


def _says_comma(bt: str) -> bool:
    """``Vorrin toured the docks, saying, “…”`` / ``As Vorrin said, “…”``: a reporting
    word and a comma introduce the quote, as a colon does."""
    if not bt.endswith(","):
        return False
    last = bt[:-1].rsplit(None, 1)[-1:]
    return bool(last) and last[0] in CUE_WORDS


def _clause_subject(
    s: Sentence, colon: int, entities: ArticleEntities
) -> tuple[Entity, Span] | None:
    """The person or organisation that is the subject of the clause ending at the colon
    (token ``colon``): the sentence's, or the one after its last comma."""
    tok = s.tok
    words = tok.words
    starts = [tok.index_at(s.start)]
    for k in range(colon - 1, starts[0], -1):
        if words[k] == "," and not s.inside[k]:
            starts.insert(0, k + 1)  # the clause after the last comma first
            break
    for i in starts:
        if i < len(words) and words[i].lower() in _LEADING:
            i += 1
        e = np_after(tok, i)
        if (
            e is None
            or e > colon
            or not (
                words[e] == ":"
                or verb_follows(words[e])
                or (words[e].isalpha() and words[e].islower())
            )
        ):
            continue
        np = classify(tok, i, e)
        ent: Entity | None = None
        if np.kind in ("person", "organisation"):
            ent = entities.entity(np, np.start)
        elif np.kind == "role":
            ent = bind_role(entities, np, s.idx, np.start).entity
        elif np.kind == "pronoun" and np.gender:
            ent = pronoun(entities, np.gender, s.idx, np.start).entity
        if ent is not None:
            return ent, np.name_span or (np.start, np.end)
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
