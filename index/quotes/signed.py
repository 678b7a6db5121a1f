"""Quotes signed by their speaker rather than introduced by a cue.

- **Transcript labels**: a quote opening with its speaker's name in capitals and a colon,
  ``"PENCE: Well, look …`` / ``"MODERATOR: …``. The label is the speaker; the quote starts
  after it. A paragraph re-opened with a new label is a new turn, not the previous turn
  going on.
- **Dash signatures**: ``“…” — Ann Roe`` / ``“…” ― Ann Roe, a nurse from Tulsa``: a dash
  and a name after the closing mark, and nothing else before the sentence or the next
  quote (a dash and a verb, ``— cites the Courier``, is a cue, not a signature).
"""

from __future__ import annotations

import re

from ..model import Span
from .marks import Segment, Sentence
from .phrases import NP
from .subjects import subject_in

_LABEL_RE = re.compile(r"([A-Z][A-Z.'’\- ]{1,30}[A-Z.]):\s+(?=\S)")
_DASHES = frozenset(["—", "―", "–", "-", "--"])
_AFTER_SIGNATURE = frozenset([".", ",", ";", "!", "?"])
MAX_SIGNATURE = 12  # tokens


def label(text: str, seg: Segment) -> tuple[str, Span, int] | None:
    """``PENCE: …`` at the start of a quote: (name, the name's span, where the words begin)."""
    m = _LABEL_RE.match(text, seg.start, seg.end)
    if m is None or not any(c.isalpha() for c in m.group(1)):
        return None
    name = " ".join(w.capitalize() for w in m.group(1).split())
    return name, m.span(1), m.end()


def dash_signature(s: Sentence, seg: Segment) -> NP | None:
    """``“…” ― Ann Roe``: the person (or organisation) signing the quote, if one does."""
    tok = s.tok
    words = tok.words
    k = tok.index_at(seg.close_end)
    n = len(words)
    if k >= n or words[k] not in _DASHES or s.inside[k]:
        return None
    end = k + 1
    while end < n and not s.inside[end] and end - k <= MAX_SIGNATURE:
        end += 1
    last = end
    while last > k + 1 and words[last - 1] in _AFTER_SIGNATURE:
        last -= 1
    if last - k > MAX_SIGNATURE or (end < n and not s.inside[end]):
        return None
    np, _roles, _joined = subject_in(tok, k + 1, last)
    if np is None or np.kind not in ("person", "organisation"):
        return None
    return np
