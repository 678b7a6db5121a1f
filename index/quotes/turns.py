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

_TURN_RE = re.compile(r"(Q|A|[A-Z][\w.'’\-]*(?: [A-Z&][\w.'’\-]*){0,3}):[ \t]+(?=[^\s\"“‘'«])")
_ASKS = frozenset(["q", "question", "interviewer"])
_ANSWERS = frozenset(["a", "answer"])


def interview_turns(
    text: str, paragraphs: Sequence[Span], sentences: Sequence[Sentence], entities: ArticleEntities
) -> list[Found]:
    """The answers of an interview laid out as labelled paragraphs."""
    labelled = []
    for p, (lo, hi) in enumerate(paragraphs):
        m = _TURN_RE.match(text, lo, hi)
        if m is not None:
            labelled.append((p, m.group(1), m.end(), hi))
    if len(labelled) < 2:
        return []
    first_sentence: dict[int, int] = {}
    for s in sentences:
        first_sentence.setdefault(s.paragraph, s.idx)
    out = []
    interviewee = _most_named(entities)
    for p, label, start, end in labelled:
        low = label.lower()
        if low in _ASKS:
            continue
        if low in _ANSWERS:
            ent, conf = interviewee, scores.ANSWER_TURN
        else:
            ent, conf = _known_person(entities, label), scores.NAMED_TURN
        if ent is None:
            continue
        while end > start and text[end - 1].isspace():
            end -= 1
        f = Found(start, end, "direct", ent, None, ":", conf, first_sentence.get(p, 0), p)
        f.own = True
        f.how = "turn:answer" if low in _ANSWERS else "turn:named"
        out.append(f)
    return out


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
