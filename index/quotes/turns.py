"""Interview turns: paragraphs that open with their speaker and a colon, no quote marks.

``Lena Morrow: Many times. …`` / ``Morrow: He is right …`` / ``A: Life happened. …``.
An article is an interview when at least two paragraphs open that way. A named turn is its
speaker's (someone the article names elsewhere; an outlet or a ``Q:`` is the interviewer
and is skipped); an ``A:`` turn is the interviewee's, the person the article names most.
The whole paragraph after the label is one direct quote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import Span
from . import scores
from .context import Found
from .entities import ArticleEntities, Entity, name_words
from .marks import Sentence

_TURN_RE = re.compile(
    r"(?:\[\d{1,2}(?::\d{2}){1,2}\][ \t]*)?"  # a transcript's time stamp: "[00:01:25] "
    r"(Q|A|[A-Z][\w.'’\-]*(?: (?:[A-Z&][\w.'’\-]*|of|for|and|the)){0,7})"
    r"((?:[ \t]*\([^()\n]{1,60}\))*)"  # a record's asides: "(Westby North) (Lab)"
    r":[ \t]+(?=[^\s\"“‘'«])"
)
_ASKS = frozenset(["q", "question", "interviewer"])
_ANSWERS = frozenset(["a", "answer"])
# A transcript's credit lines ("Presenter: Ann Roe") name its journalists: not quotes.
_MAX_LABEL = 4  # words in a label without an aside ("Ann Roe", "Ms Roe")
_ASIDE_RE = re.compile(r"\(([^()]*)\)")
_CREDIT_RE = re.compile(
    r"^[ \t]*(?:Presenter|Reporter|Host|Interviewer|Anchor|Moderator)s?:[ \t]*(\S[^\n]{0,60})$",
    re.MULTILINE | re.IGNORECASE,
)


def interview_turns(
    text: str, paragraphs: Sequence[Span], sentences: Sequence[Sentence], entities: ArticleEntities
) -> list[Found]:
    """The answers of an interview laid out as labelled paragraphs."""
    labelled = []
    for p, (lo, hi) in enumerate(paragraphs):
        m = _TURN_RE.match(text, lo, hi) if text.find(":", lo, hi) >= 0 else None  # no label
        if m is None or (len(m.group(1).split()) > _MAX_LABEL and not m.group(2)):
            continue  # a long label without an aside is a heading ("Veto Power Stalls Talks:")
        labelled.append((p, m.group(1), _ASIDE_RE.findall(m.group(2)), m.end(), hi))
    if len(labelled) < 2:
        return []
    credited = {" ".join(name_words(m.group(1))) for m in _CREDIT_RE.finditer(text)}
    first_sentence: dict[int, int] = {}
    for s in sentences:
        first_sentence.setdefault(s.paragraph, s.idx)
    out = []
    interviewee = _most_named(entities)
    for p, label, asides, start, end in labelled:
        low = label.lower()
        if low in _ASKS:
            continue
        if low in _ANSWERS:
            ent, conf = interviewee, scores.ANSWER_TURN
        else:  # "The Minister for Ports (Ms Ann Roe):": the aside names the speaker
            ent = None if low.startswith("the ") else _known_person(entities, label)
            for aside in asides if ent is None else ():
                ent = ent or _known_person(entities, aside)
            conf = scores.NAMED_TURN
        if ent is None or " ".join(name_words(ent.name)) in credited:
            continue
        end = _turn_end(text, paragraphs, p, start, {q for q, *_ in labelled})
        if not any(c.isalpha() for c in text[start:end]):
            continue  # "Ann Roe: 1,769.": a tally, not a speech
        f = Found(start, end, "direct", ent, None, ":", conf, first_sentence.get(p, 0), p)
        f.own = True
        f.how = "turn:answer" if low in _ANSWERS else "turn:named"
        out.append(f)
    return out


_MARKS = frozenset('"“”«»„')
_MIN_WORDS = 6
_LABEL_LIKE_RE = re.compile(r"[A-Z][\w.'’\- ]{0,40}(?:\([^()]*\))*:")
_FIRST_PERSON_RE = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|us|me|[Yy]ou|[Yy]our)\b")


def _turn_end(text: str, paragraphs: Sequence[Span], p: int, start: int, labelled: set[int]) -> int:
    """Where the turn opened by paragraph ``p`` ends: a turn goes on through the unlabelled
    paragraphs after it that speak in the first or second person (no quote marks, no
    ``[stage direction]``, no ``12.31 pm``)."""
    end = paragraphs[p][1]
    if len(text[start:end].split()) < _MIN_WORDS:
        return _strip_end(text, end)  # "Trump: Move on." is a heading, not a speech
    for q in range(p + 1, len(paragraphs)):
        lo, hi = paragraphs[q]
        body = text[lo:hi].strip()
        if q in labelled or body[:1] in "[(" or len(body.split()) < _MIN_WORDS:
            break
        if _LABEL_LIKE_RE.match(body) or not _MARKS.isdisjoint(body) or "''" in body:
            break
        if _FIRST_PERSON_RE.search(body) is None:
            break  # a reporter's own prose, in the third person, ends the turn
        end = hi
    return _strip_end(text, end)


def _strip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _known_person(entities: ArticleEntities, label: str) -> Entity | None:
    """The person a turn's label names, if the article names them elsewhere too."""
    folded = name_words(label)
    if not folded:
        return None
    if len(folded) >= 2 and folded[0] + " " + folded[-1] in entities.persons:
        return entities.persons[folded[0] + " " + folded[-1]]
    fulls = entities.by_last.get(folded[-1], [])  # "Al-Hadi:" for Omar Al-Hadi
    return fulls[0] if len(fulls) == 1 else entities.persons.get(folded[-1])


def _most_named(entities: ArticleEntities) -> Entity | None:
    """The person the article mentions most (an interview's subject), if one stands out."""
    counts = Counter(id(m.ent) for m in entities.mentions if m.ent.kind == "person")
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    top = ranked[0][0]
    return next(m.ent for m in entities.mentions if id(m.ent) == top)
