"""What came before: the speaker of a quote that has no cue of its own.

A quote with no attribution in its own sentence takes it from what precedes it, most sure
first:

- **a quote left open** in the previous paragraph and re-opened here (one quote across
  paragraphs);
- **a lead-in**: the previous sentence ended ``X said:`` (or, with no cue word, ``X
  continued:``), or was a report with nothing reported (``Okafor spoke to reporters on
  Friday.`` is no cue; ``Okafor said in an interview.`` is), or paraphrased X (``Okafor said
  that the port would close.`` before a quote that stands alone);
- **a follow-on**: ``“A,” X said. “B.”``: B continues the last quote's speaker while nobody
  else takes the stage in between (another report's subject, or another person as a
  sentence's subject), in the same paragraph or at the start of the next one (or of a later
  one, when each sentence between has that speaker as its subject: ``Roe went on.``).

:class:`Found` is what the sieves accept; :class:`Context` is what they remember between
sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import QuoteKind, Span
from . import scores
from .cues import CUE_WORDS, LOWER_RE, Report
from .entities import ArticleEntities, Entity
from .marks import Segment, Sentence
from .salience import sentence_subject


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
    candidates: Sequence[Entity] = ()
    role: str | None = None  # the role the attribution gave ("the minister", "a source")
    joint: Sequence[Entity] = ()  # "Roe and Berg said": both
    continues: bool = False  # the quote goes on in the next paragraph
    continued: bool = False  # the quote re-opens one the previous paragraph left open
    labelled: bool = False  # a transcript turn: "PENCE: …"
    own: bool = False  # attributed in its own sentence (a cue, a label, a signature)
    how: str = ""  # which sieve attributed it (its confidence is calibrated by this)
    certain: bool = True  # False: the speaker was chosen among close candidates


@dataclass
class Lead:
    """How a sentence introduced what follows it."""

    sentence: int
    paragraph: int
    report: Report
    colon: bool  # it ended "X said:"
    paraphrase: bool = False  # it was "X said that …", with no quote marks


@dataclass
class ColonLead:
    """A sentence with no cue word that ended ``Berg continued:``: its subject's."""

    sentence: int
    paragraph: int
    entity: Entity
    mention: Span


@dataclass
class Context:
    """What the sieves remember between sentences."""

    last: Found | None = None  # the last quote found
    lead: Lead | None = None  # the previous sentence, when it introduced a quote
    colon_lead: ColonLead | None = None  # … or when it ended "Berg continued:"
    # sentence -> entities (None: unnamed) that were the subject of a report there
    subjects: dict[int, list[Entity | None]] = field(default_factory=dict)

    def remember(self, s: Sentence, reports: list[Report], found: list[Found]) -> None:
        """Note what sentence ``s`` did: its reports' subjects, and a lead-in."""
        self.lead = None
        if not reports:
            return
        named = [r for r in reports if r.subject is not None]
        self.subjects[s.idx] = [r.entity for r in named]
        if not named:
            return
        last = named[-1]
        if found and s.text[s.end - 1] != ":":
            if _paraphrased(s, last, found):
                self.lead = Lead(s.idx, s.paragraph, last, False, paraphrase=True)
            return
        colon = s.text[s.end - 1] == ":"
        if colon or (last.content is None and last.cls == "say" and not s.segs):
            self.lead = Lead(s.idx, s.paragraph, last, colon)


def _paraphrased(s: Sentence, last: Report, found: list[Found]) -> bool:
    """Whether the sentence ends by paraphrasing its last report's named speaker (``Berg
    said that the port would close.``), with no quote marks of its own."""
    f = found[-1]
    return (
        not s.segs
        and f.kind == "indirect"
        and f.entity is not None
        and f.entity is last.entity
        and last.status in ("named", "pronoun")
    )


def from_context(
    s: Sentence, seg: Segment, ctx: Context, entities: ArticleEntities, direct: bool
) -> Found | None:
    """The speaker a quote with no attribution of its own takes from before it (the
    returned find's span and kind are the caller's to set)."""
    last = ctx.last
    if seg.continued and last is not None and last.continues:
        return _like(last, min(last.confidence, scores.CONTINUED), "continued")
    if not direct:
        return None
    opens_paragraph = _opens_paragraph(s, seg)
    lead = ctx.lead
    if lead is not None and lead.paraphrase and not _opens_alone(s, seg):
        lead = None  # a paraphrase leads only into a quote that stands as its own sentence
    if lead is not None and lead.sentence == s.idx - 1 and _near(s, lead.paragraph, seg):
        r = lead.report
        if r.entity is not None and r.status in ("named", "pronoun"):
            conf = scores.COLON_BEFORE if lead.colon else scores.LEAD_BEFORE
            how = "lead:colon" if lead.colon else "lead:report"
            if lead.paraphrase:
                conf, how = scores.LEAD_PARAPHRASE, "lead:paraphrase"
            return Found(
                0, 0, "direct", r.entity, r.mention, r.cue, conf, s.idx, s.paragraph,
                candidates=r.candidates, role=r.role, certain=r.certain, how=how,
            )  # fmt: skip
        if r.status in ("unbound", "generic", "outlet") or r.entity is None:
            return Found(
                0, 0, "direct", None, None, None, scores.INTRODUCED_UNNAMED, s.idx,
                s.paragraph, candidates=r.candidates, role=r.role, how="unknown",
            )  # fmt: skip
    colon = ctx.colon_lead
    if colon is not None and colon.sentence == s.idx - 1 and _near(s, colon.paragraph, seg):
        return Found(
            0, 0, "direct", colon.entity, colon.mention, ":", scores.COLON_BEFORE, s.idx,
            s.paragraph, how="lead:colon",
        )  # fmt: skip
    if last is None or s.idx - last.sentence > scores.FOLLOW_REACH:
        return None
    same_paragraph = s.paragraph == last.paragraph
    next_paragraph = s.paragraph == last.paragraph + 1 or _kept_stage(s, entities, last)
    if not same_paragraph and not (next_paragraph and opens_paragraph):
        return None
    if _someone_else(s, seg, ctx, entities, last):
        return None
    conf = scores.FOLLOW_SAME if same_paragraph else scores.FOLLOW_NEXT
    how = "follow:same" if same_paragraph else "follow:next"
    return _like(last, min(last.confidence, conf), how)


def _kept_stage(s: Sentence, entities: ArticleEntities, last: Found) -> bool:
    """Whether every sentence between the last quote and this one has the last quote's
    speaker as its one subject (``“…,” Roe said. ¶ Roe went on. ¶ “…”``)."""
    between = range(last.sentence + 1, s.idx)
    return bool(between) and all(
        last.entity is not None and sentence_subject(entities, t) is last.entity for t in between
    )


def _like(last: Found, conf: float, how: str) -> Found:
    """A find attributed as ``last`` was."""
    return Found(
        0, 0, "direct", last.entity, last.mention, last.cue, conf, last.sentence,
        last.paragraph, candidates=last.candidates, role=last.role, joint=last.joint,
        certain=last.certain, how=how if last.entity is not None else "unknown",
    )  # fmt: skip


def _opens_alone(s: Sentence, seg: Segment) -> bool:
    """Whether the quote opens its sentence and no reporting verb follows it within a few
    words, even past the sentence's end (``“Can we win?” Berg asked the board.``)."""
    if s.text[s.start : seg.open_at].strip():
        return False
    end = seg.close_end + scores.CUE_AFTER_CHARS
    after = LOWER_RE.findall(s.text, seg.close_end, end)[: scores.CUE_AFTER_WORDS]
    return CUE_WORDS.isdisjoint(after)


def _opens_paragraph(s: Sentence, seg: Segment) -> bool:
    text = s.text
    k = seg.open_at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def _near(s: Sentence, paragraph: int, seg: Segment) -> bool:
    """The same paragraph, or the start of the next one."""
    return s.paragraph == paragraph or (s.paragraph == paragraph + 1 and _opens_paragraph(s, seg))


def _someone_else(
    s: Sentence, seg: Segment, ctx: Context, entities: ArticleEntities, last: Found
) -> bool:
    """Whether anyone other than the last quote's speaker took the stage since it: the
    subject of a report, or a person as the subject of a sentence, in the sentences between
    (the last quote's own sentence, its tag, does not count) or before the quote here."""
    for t in range(last.sentence + 1, s.idx):
        if any(e is None or e is not last.entity for e in ctx.subjects.get(t, ())):
            return True
    for m in entities.mentions:
        if m.weight < scores.SUBJECT_WEIGHT or m.ent is last.entity or m.ent.kind != "person":
            continue
        if last.sentence < m.sent < s.idx or (m.sent == s.idx and m.pos < seg.open_at):
            return True
    return False
