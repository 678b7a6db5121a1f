"""How far a reported clause runs: the content of a cue, after it or before it.

``X said (that) CONTENT``, ``CONTENT, X said.``: the content starts after ``that`` or at
a finite clause, and ends before a trailing elaboration (``, citing …``, ``, he added``,
``and has …``) or an inserted attribution.
"""

from __future__ import annotations

from . import scores
from .bounds import np_after
from .cues import OBJECTS, PREPOSITIONS, PUNCT, TIME_WORDS, Report, cue_class
from .lexicon import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    GENERIC,
    IRREGULAR_PAST,
    PARTIAL_VERBS,
    PRONOUNS,
    ROLE_WORDS,
    TELL_LEMMAS,
    words,
)
from .marks import Sentence
from .tokens import WordTable, base, is_cap

_CLAUSE_START = words(
    "he she it they we i you there this these those any all some no every each many most "
    "much several both few none neither either such another other more less if one"
)

_TAIL_WORDS = words(
    "while whereas citing emphasising emphasizing arguing highlighting stressing noting "
    "adding saying underlining underscoring insisting pointing warning despite although "
    "though according calling describing explaining reiterating"
)

_NOT_TAILS = words("including excluding regarding concerning following notwithstanding during")

_ADJUNCT_WORDS = (
    PREPOSITIONS
    | TIME_WORDS
    | DETERMINERS
    | ADVERBS
    | OBJECTS
    | GENERIC
    | ROLE_WORDS
    | words(
        "statement interview press conference briefing post speech letter television radio "
        "address meeting call news social media platform message video broadcast remarks "
        "comments week month year morning evening night weekend session summit hearing "
        "parliament congress forum telephone phone x email e-mail memo tweet op-ed note "
        "blog podcast documentary tv channel newspaper paper magazine website appearance "
        "testimony filing court document programme program show staff employees members "
        "audience crowd supporters lawmakers parliamentarians delegates visit trip rally "
        "event ceremony address radio station"
    )
) - AUXILIARIES


def content_after(r: Report, s: Sentence, m: int) -> None:
    """The content clause after a cue: after ``that``, or a clause with no ``that``."""
    tok = s.tok
    words = tok.words
    n = len(words)
    r.attr_end = max(r.attr_end, tok.ends[m - 1])
    if r.lemma in TELL_LEMMAS and m < n and words[m].lower() != "that":
        e = np_after(tok, m)
        if e is None and words[m].lower() in OBJECTS:
            e = m + 1
        if e is not None and e <= n:
            r.attr_end = tok.ends[e - 1]
            m = e
    inside = s.inside
    look = m
    stop = min(n, m + scores.THAT_LOOKAHEAD)
    while look < stop:
        w = words[look]
        lw = w.lower()
        if lw == "that":
            r.that = True
            set_content(r, s, look + 1, n)
            return
        if w in PUNCT or inside[look] or not (is_cap(w) or lw in _ADJUNCT_WORDS):
            break
        look += 1
    far = _far_that(r, s, m)
    if far is not None:
        r.that = True
        set_content(r, s, far + 1, n)
        return
    m = _skip_time(words, m, n)
    if m < n and words[m] == ":" and r.cls == "say":
        m += 1
    if r.cls == "say" and m < n and not inside[m] and _is_clause(words, m, n):
        set_content(r, s, m, n)


_GAP_OPENERS = PREPOSITIONS | TIME_WORDS | OBJECTS | ADVERBS | frozenset([",", "—", "–"])
_GAP_STOPS = frozenset([";", ":", ".", "!", "?", "who", "which", "whose", "whom", "if", "whether"])


def _far_that(r: Report, s: Sentence, m: int) -> int | None:
    """``Ortega said on Thursday, after a meeting with union leaders at the palace, that
    …`` / ``Lamas warned, however, that …`` / ``told deputies that``: the ``that`` of a
    cue after adjuncts of any length (its index), if nothing else intervenes: no verb, no
    other cue, no clause punctuation. The adjuncts must open like adjuncts (a preposition,
    a time, a comma; an object after ``told``), so ``said the report that …`` is no gap."""
    words = s.tok.words
    n = min(len(words), m + scores.FAR_THAT)
    if m >= n:
        return None
    first = words[m].lower()
    if first not in _GAP_OPENERS and not (r.lemma in TELL_LEMMAS and first.isalpha()):
        return None
    for k in range(m, n):
        w = words[k]
        lw = w.lower()
        if lw == "that" and k > m:
            return k if k + 1 < len(words) and not s.inside[k + 1] else None
        if s.inside[k] or lw in _GAP_STOPS or lw in AUXILIARIES:
            return None
        if cue_class(lw) is not None and not _after_determiner(words, k, m):
            return None  # a cue, not a noun ("in a joint post that")
    return None


def _after_determiner(words: list[str], k: int, m: int) -> bool:
    """Whether one of the two words before ``k`` (after ``m``) is a determiner."""
    return k > m and bool(DETERMINERS.intersection((words[k - 1].lower(), words[k - 2].lower())))


_WHEN = TIME_WORDS | words("week month year morning afternoon evening night weekend")


def _skip_time(words: list[str], m: int, n: int) -> int:
    """Skip ``Friday``, ``on Monday``, ``last week`` after a cue."""
    while m < n:
        lw = words[m].lower()
        if lw in TIME_WORDS:
            m += 1
        elif lw in ("on", "last", "this", "late", "early", "earlier") and m + 1 < n:
            if words[m + 1].lower() not in _WHEN:
                break
            m += 2
        else:
            break
    return m


def opens_clause(w: str) -> bool:
    """Whether a clause may open with ``w``: a pronoun, a determiner, a name, a number."""
    lw = w.lower()
    return lw in _CLAUSE_START or lw in DETERMINERS or is_cap(w) or w[:1].isdigit() or w != base(w)


def bare_subject_clause(words: list[str], i: int, n: int) -> bool:
    """``crews would be sent``, ``junior doctors regularly work``: a bare noun subject whose
    verb comes before any preposition or subordinator (not ``fuel costs for trips when
    she was``, ``why the city has``)."""
    for p in range(i + 1, min(n, i + _BARE_WINDOW)):
        if _bare_verb(words, p, i):
            return True
        lw = words[p].lower()
        if lw in PREPOSITIONS or not lw.isalpha() or lw in _SUBORDINATORS:
            return False
    return False


_SUBORDINATORS = words("when where why how whether if because while who which what that as")


def _is_clause(words: list[str], i: int, n: int) -> bool:
    """Whether ``words[i:]`` opens with a finite clause (a subject, then a verb soon)."""
    w0 = words[i]
    lw0 = w0.lower()
    if not opens_clause(w0):
        # a bare noun subject ("cases had doubled", "junior doctors regularly work", "at
        # least 23 people would …") needs a verb soon after it
        quantity = lw0 == "at" and i + 1 < n and words[i + 1].lower() in ("least", "most")
        if not w0.isalpha() or cue_class(lw0) is not None:
            return False
        if lw0 in PREPOSITIONS and not quantity:
            return False
        return any(_bare_verb(words, p, i) for p in range(i + 1, min(n, i + _BARE_WINDOW)))
    for p in range(i, min(n, i + scores.CLAUSE_VERB_WINDOW)):
        bits = _BITS[words[p]]
        if bits & _AUX:
            return True
        if p == i:
            continue
        if _finite_at(words, p, i) or _after_adverb(words, p, i):
            return True
        if p == i + 1 and lw0 in ("they", "we", "i", "you") and not bits & _PREPOSITION:
            return True
    return False


_BARE_WINDOW = 8  # tokens in which a bare noun subject shows its verb


def _bare_verb(words: list[str], p: int, i: int) -> bool:
    """An auxiliary, a past tense, or a word after an -ly adverb (``regularly work``)."""
    if _BITS[words[p]] & _AUX or _finite_at(words, p, i):
        return True
    return _after_adverb(words, p, i)


_VERB_ADVERBS = words("now still often always also already never usually rarely even just")


def _after_adverb(words: list[str], p: int, i: int) -> bool:
    """A lower-case word after an adverb a verb follows (``regularly work``, ``tenants
    now pay``), the subject's noun before the adverb."""
    if p - 1 <= i or _BITS[words[p]] & (_LOWER_WORD | _PREPOSITION) != _LOWER_WORD:
        return False
    return bool(_BITS[words[p - 1]] & _VERB_ADVERB)


def _has_verb(words: list[str], i: int, end: int) -> bool:
    """Whether ``words[i:end]`` holds a finite verb somewhere (loosely)."""
    for p in range(i, end):
        lw = words[p].lower()
        if lw in AUXILIARIES:
            return True
        if p > i and _finite_at(words, p, i):
            return True
    return False


def _finite_at(words: list[str], p: int, i: int) -> bool:
    """A past-tense or third-person verb at ``p`` (``i`` is where the clause starts)."""
    bits = _BITS[words[p]]
    before = _BITS[words[p - 1]]
    if bits & _PAST and not before & (_DETERMINER | _PREPOSITION):
        return True  # "the decision broke", "the crews waited"
    return bool(bits & _THIRD_PERSON) and bool(
        before & _HE_SHE_IT or (p - 1 == i and before & _CAPITAL)
    )


# What the verb tests above ask of a word, as bits of one number per word (computed once
# for each word): where they lower-cased the word and looked it up again at every step.
_AUX = 1 << 0
_PREPOSITION = 1 << 1
_DETERMINER = 1 << 2
_PAST = 1 << 3  # an irregular past, or -ed and more than four letters
_THIRD_PERSON = 1 << 4  # -s, not -ss
_HE_SHE_IT = 1 << 5
_CAPITAL = 1 << 6
_LOWER_WORD = 1 << 7  # letters, lower-case
_VERB_ADVERB = 1 << 8  # an -ly adverb of more than four letters, or "now", "still" …


def _bits(w: str) -> int:
    """The bits above that ``w`` has."""
    lw = w.lower()
    bits = (
        (lw in AUXILIARIES, _AUX),
        (lw in PREPOSITIONS, _PREPOSITION),
        (lw in DETERMINERS, _DETERMINER),
        (lw in IRREGULAR_PAST or (lw.endswith("ed") and len(lw) > 4), _PAST),
        (lw.endswith("s") and not lw.endswith("ss"), _THIRD_PERSON),
        (lw in ("he", "she", "it"), _HE_SHE_IT),
        (is_cap(w), _CAPITAL),
        (lw.isalpha() and w.islower(), _LOWER_WORD),
        ((lw.endswith("ly") and len(lw) > 4) or lw in _VERB_ADVERBS, _VERB_ADVERB),
    )
    return sum(bit for has, bit in bits if has)


_BITS = WordTable(_bits)


def set_content(r: Report, s: Sentence, i: int, n: int) -> None:
    """Content from token ``i`` to the sentence end, less trailing elaborations."""
    words = s.tok.words
    end = _tail(s, i, n)
    while end > i and words[end - 1] in PUNCT and not s.inside[end - 1]:
        end -= 1
    if end - i < 3 and not any(s.inside[i:end]):
        return
    r.content_k = (i, end)
    r.content = (s.tok.starts[i], s.tok.ends[end - 1])


def _tail(s: Sentence, i: int, n: int) -> int:
    """Where the content ends: before ``, citing …``, ``, he added``, ``and has …``."""
    words = s.tok.words
    inside = s.inside
    n = min(n, i + scores.MAX_CONTENT)
    for p in range(i + 1, n):
        if inside[p]:
            continue
        w = words[p]
        if w == ",":
            nxt = words[p + 1].lower() if p + 1 < n else ""
            if nxt in _TAIL_WORDS or (nxt.endswith("ing") and nxt not in _NOT_TAILS):
                return p
            if nxt in ("but", "and") and p + 2 < n and _verbish(words[p + 2]):
                return p
            if nxt in ("but", "and") and p + 3 < n and cue_class(words[p + 3]):
                return p  # ", but he warned …": a new report
            if nxt in PRONOUNS and p + 2 < n and cue_class(words[p + 2]):
                return p
            if nxt[:1] and is_cap(words[p + 1]) and _attribution_follows(words, p + 1, n):
                return p
        elif w == ";" or (
            w.lower() in ("and", "but")
            and p + 1 < n
            and cue_class(words[p + 1].lower()) is not None
            and not inside[p + 1]
        ):
            return p  # "… and added …" is a new report ("and had …" goes on)
    return n


def _verbish(w: str) -> bool:
    lw = w.lower()
    return lw in ("has", "had", "have", "also", "then") or cue_class(lw) is not None


def _attribution_follows(words: list[str], i: int, n: int) -> bool:
    """``Name said`` / ``Name, …`` at ``i``: an inserted attribution ends the content."""
    p = i
    while p < n and p < i + 5 and is_cap(words[p]):
        p += 1
    return p < n and cue_class(words[p]) is not None and words[p] not in PARTIAL_VERBS


def content_before(r: Report, s: Sentence, comma: int) -> None:
    """``CONTENT, Berg said.``: the content is the sentence up to the comma."""
    tok = s.tok
    words = tok.words
    i = 0
    # a leading connective: "At the same time, …", "However, …"
    for p in range(1, min(comma, 6)):
        if words[p] == ",":
            if not any(is_cap(w) or cue_class(w) for w in words[1:p]):
                i = p + 1
            break
    if i == 0 and words[0].endswith(("ed", "ing")) and is_cap(words[0]):
        return  # "Asked whether …, he said": a participle, not what was said
    end = comma
    while end > i and words[end - 1] in PUNCT and not s.inside[end - 1]:
        end -= 1
    if end - i < 3:
        return
    if not any(s.inside[i:end]) and not _has_verb(words, i, end):
        return
    r.before = True
    r.content_k = (i, end)
    r.content = (tok.starts[i], tok.ends[end - 1])
