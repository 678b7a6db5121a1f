"""The extractor's numbers in one table: how sure each way of attributing a quote is, how
far the stages look, and how a pronoun weighs the people before it.

The sieves' own confidences (the first block) only choose between answers (a quote's parts
across paragraphs keep the surest part's speaker). What a quote finally shows,
``Quote.confidence``, is ``CALIBRATED[how]``: the share of quotes attributed that way whose
speaker was right, measured on PolNeAR's train split and the project's dev set, shaded
down (``python tests/quality/polnear.py`` and ``score.py`` print speaker accuracy by
confidence: of quotes at 0.8 or more, at least 95% must be right). Windows and weights do
change what is found: measure with the scorers and bump ``EXTRACTOR_VERSION`` when one
moves.
"""

from __future__ import annotations

from typing import Final

# ── confidence of a quoted segment's speaker ─────────────────────────────────────────────

# A cue next to the quote ("“…,” Berg said"), by how its subject resolved.
CUE_SUBJECT: Final[dict[str, float]] = {"named": 0.9, "pronoun": 0.75, "outlet": 0.6}
CUE_OTHER: Final = 0.3  # its subject is a group, unbound, or missing
CUE_ROLE: Final = 0.75  # a role phrase bound to a name ("the spokesman said")
COLON_LEAD: Final = 0.8  # "Anna Berg: «…»"
LABEL: Final = 0.85  # a transcript turn: "PENCE: …"
SIGNED: Final = 0.85  # a dash signature: "“…” — Ann Roe"
NAMED_TURN: Final = 0.85  # an interview turn: "Ibarra: Many times. …"
ANSWER_TURN: Final = 0.7  # an interview answer, "A: …": the person the article names most
INTRODUCED_UNNAMED: Final = 0.3  # "… said:" or a cue right after, but nobody to name
CONTINUED: Final = 0.6  # a paragraph re-opening a quote the previous one left open
FIRST_PERSON: Final = 0.4  # a partial quote in the first person: the last speaker's
SUBJECT_SAYS: Final = 0.4  # a partial quote with no cue: the sentence subject's
COLON_BEFORE: Final = 0.7  # the previous sentence ended "X said:"
LEAD_BEFORE: Final = 0.6  # the previous sentence was a report with nothing reported
LEAD_PARAPHRASE: Final = 0.6  # … or paraphrased its speaker ("Berg said that …")
FOLLOW_SAME: Final = 0.8  # the last quote's speaker, same paragraph, nobody else between
FOLLOW_NEXT: Final = 0.6  # … the quote opens the next paragraph
FOLLOW_REACH: Final = 2  # sentences back a follow-on looks for the last quote
UNCERTAIN: Final = 0.15  # less when the subject was chosen among several candidates
UNATTRIBUTED: Final = 0.3  # a direct quote with no speaker found
FALLBACK: Final = 0.5  # when a sieve gave no number

# ── confidence of an indirect quote ("X said that …") ─────────────────────────────────────

INDIRECT_THAT: Final = 0.75  # "X said that …", or "…, X said." (content before the cue)
INDIRECT_BARE: Final = 0.65  # "X said …" with no "that"
INDIRECT_INFERRED: Final = 0.1  # less when the speaker is a pronoun's or a role's

# ── how far the stages look ───────────────────────────────────────────────────────────────

INTRO_GAP_CHARS: Final = 40  # cue to opening mark: "Berg told reporters on Monday: “…”"
CUE_AFTER_CHARS: Final = 60  # a reporting verb this close after a quote introduces it …
CUE_AFTER_WORDS: Final = 5  # … among the first this many lower-case words there
COLON_LEAD_CHARS: Final = 160  # "The minister was clear: “…”": the lead before the colon
THAT_LOOKAHEAD: Final = 10  # tokens from a cue to its "that"
FAR_THAT: Final = 40  # … or this many when only adjuncts come between
CLAUSE_VERB_WINDOW: Final = 12  # tokens in which a clause after a cue shows its verb
MAX_CONTENT: Final = 150  # tokens: no reported clause runs longer

# ── a pronoun's antecedent: the most salient earlier person of its gender ────────────────

MENTION_WEIGHT: Final = 1.0  # being named …
SUBJECT_WEIGHT: Final = 3.0  # … as the sentence's first name (its subject, most often)
OBJECT_WEIGHT: Final = 0.7  # … after a preposition ("a letter to Berg")
POSSESSIVE_WEIGHT: Final = 0.4  # … as a possessive ("Berg’s plan")
PRONOUN_WEIGHT: Final = 1.0  # a "he" or "she" only they can be
REPORTED_SHARE: Final = 0.3  # a mention inside an indirect quote counts this much
MENTION_REACH: Final = 3  # … counts for this many sentences
SPOKE_WEIGHT: Final = 3.0  # being quoted …
SPOKE_REACH: Final = 4  # … counts for this many sentences
DECAY: Final = 0.4  # per sentence back
UNKNOWN_GENDER: Final = 0.5  # a person of unknown gender counts this much
OTHER_GENDER: Final = 0.25  # … one whose first name usually has the other gender
RIVAL_SHARE: Final = 0.6  # a second person this close to the first: nobody is chosen
CLOSE_RIVAL: Final = 0.3  # a second person this close: chosen, but less surely

# ── the confidence a quote shows, by the way it was attributed ──────────────────────────
# Measured speaker accuracy (PolNeAR train / own dev set) in the comments; "uncertain": the
# speaker was chosen among close candidates (a rival pronoun antecedent, several roles).

CALIBRATED: Final[dict[str, float]] = {
    "cue:named": 0.9,  # "“…,” Berg said": 0.97 / 0.95
    "cue:pronoun": 0.85,  # "“…,” she said": 0.985 (PolNeAR checks the pronoun) / 0.97
    "cue:role": 0.75,  # "“…,” the minister said": 0.85 / 0.93
    "cue:outlet": 0.75,  # "“…,” the Courier wrote": 0.91
    "signed": 0.85,  # "“…” ― Ann Roe": 1.0 (18, PolNeAR dev)
    "label": 0.85,  # "PENCE: …": 1.0 (8, PolNeAR dev)
    "turn:named": 0.75,  # "Ibarra: …": 6 of 7
    "turn:answer": 0.7,  # "A: …", the person named most: 5 of 5
    "colon": 0.7,  # "Rubio fired back: “…”": 0.92 / 0.6 (PolNeAR dev, 5)
    "lead:colon": 0.75,  # the sentence before ended "Berg said:": 10 of 10
    "lead:report": 0.65,  # the sentence before was "Berg said in an interview.": 0.89
    "lead:paraphrase": 0.65,  # … "Berg said that the port would close.": 16 of 18 (train)
    "follow:same": 0.85,  # the last quote's speaker, same paragraph: 0.99 / 1.0
    "follow:next": 0.6,  # … the next paragraph: 0.81 / 1.0
    "continued": 0.85,  # a quote re-opened in the next paragraph
    "first-person": 0.35,  # a first-person partial quote, the last speaker's: 0.38
    "subject": 0.7,  # a partial quote with no cue, the sentence subject's: 0.84 (78 of 93)
    "indirect:named": 0.85,  # "Berg said that …": 0.96 (own dev)
    "indirect:pronoun": 0.75,  # "She said that …": 0.94
    "indirect:outlet": 0.6,
    "unknown": 0.2,  # no speaker given: 0.04 of these had a speaker the gold names
}
UNCERTAIN_CAP: Final = 0.7  # chosen among close candidates: never surer than this
JOINT_REACH: Final = 2  # sentences a "they" may reach back to joint speakers
