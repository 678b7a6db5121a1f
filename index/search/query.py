"""The query language: parse a user's query string into a small syntax tree.

Grammar (AND binds tighter than OR; juxtaposition means AND)::

    query  := and ("OR" and)*
    and    := unary (["AND"] unary)*
    unary  := ("NOT" | "-") unary | atom
    atom   := "(" query ")" | FIELD ":" value | value
    value  := '"' words '"' | word | prefix* | word~[1|2] | "(" query ")"

``date:`` takes ``2025``, ``2025-08``, ``2025-08-01`` or a range ``A..B`` (either end open);
a day or month the calendar lacks is an error, a reversed range is read in order (a note).
A word ending in ``name:`` whose name is not a field is an error, not a silent search for
the word: quoted, it is searched as words. Parsing never raises: repairs are recorded in
``Parsed.notes`` and shown to the user as "interpreted as …"; what cannot be searched at
all is reported in ``Parsed.error``.

``FIELDS`` and ``SYNTAX`` are the one description of the language for people: the lexer
reads its field names from ``FIELDS``; ``search --help``, the app's help screen and the
README's table are made from ``SYNTAX`` (tests/unit/test_query_syntax.py checks the README).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from ..errors import QueryError

FIELDS = ("title", "body", "author", "source", "section", "speaker", "quote", "date")
MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 64
MIN_PREFIX = 3
MAX_FUZZY = 2

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_WORDISH = re.compile(r"\w", re.UNICODE)

# (what to type, what it finds): every form of the language, with an example.
SYNTAX: tuple[tuple[str, str], ...] = (
    ("kallas peace", "both words (AND is the default)"),
    ('"peace talks"', "a phrase"),
    ("kallas OR lavrov", "either word"),
    ("NOT kremlin, -kremlin", "without the word"),
    ("(a OR b) c", "grouping"),
    ("title:ceasefire", f"a field: {', '.join(FIELDS)}"),
    ("speaker:peskov", "articles quoting a speaker (any spelling of the name)"),
    ('quote:"peace talks"', "words inside quotes"),
    ("date:2025-08", "a year, month or day; date:2025-08-01..2025-08-31 a range"),
    ("negotiat*", f"a prefix (at least {MIN_PREFIX} characters; no leading wildcards)"),
    ("kalas~", "fuzzy: one edit away (kalas~2: two)"),
    ("date:2025-09..2025-08", "a reversed range is read in order; date:2025-02-30 is an error"),
    ('"http://x.eu"', "quote words with a colon: an unknown field (x:) is an error"),
)


def syntax_lines(indent: int = 2, width: int = 26) -> str:
    """``SYNTAX`` as aligned plain-text lines (``search --help``)."""
    return "".join(
        f"{' ' * indent}{example.ljust(width)}{meaning}\n" for example, meaning in SYNTAX
    )


def syntax_table() -> str:
    """``SYNTAX`` as a Markdown table (the README's "Query syntax")."""
    rows = ["| query | finds |", "| --- | --- |"]
    rows += [f"| `{example}` | {meaning} |" for example, meaning in SYNTAX]
    return "\n".join(rows) + "\n"


@dataclass(frozen=True)
class Word:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Fuzzy:
    text: str
    distance: int = 1
    field: str | None = None


@dataclass(frozen=True)
class DateRange:
    start: str | None  # inclusive, "2025", "2025-08" or "2025-08-01"
    end: str | None  # inclusive, same forms


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Word | Phrase | Prefix | Fuzzy | DateRange | Not | And | Or


@dataclass
class Parsed:
    """A parsed query: the tree (None when nothing is searchable) and what was repaired."""

    tree: Node | None
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def interpreted(self) -> str | None:
        """The canonical query when repairs were made, else None."""
        if self.notes and self.tree is not None:
            return render(self.tree)
        return None


# ── lexer ──────────────────────────────────────────────────────────────────────────────

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<quote>"[^"]*"?)
  | (?P<field>(?:{fields}):)
  | (?P<badfield>[^\W\d_][\w-]*:)(?=[^\s)])
  | (?P<word>[^\s()"]+)
    """.format(fields="|".join(FIELDS)),
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    glued: bool  # directly follows the previous token, no space between


def _lex(query: str, notes: list[str]) -> list[_Tok]:
    tokens: list[_Tok] = []
    glued = False
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or "word"
        text = m.group()
        if kind == "ws":
            glued = False
            continue
        if kind == "quote":
            if len(text) == 1 or not text.endswith('"'):
                notes.append("closed an unbalanced quote")
                text = text[1:]
            else:
                text = text[1:-1]
        elif kind == "field":
            text = text[:-1].lower()
        tokens.append(_Tok(kind, text, glued))
        glued = True
    return tokens


# ── parser ─────────────────────────────────────────────────────────────────────────────


class _Parser:
    def __init__(self, tokens: list[_Tok], notes: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.notes = notes
        self.depth = 0
        self.clauses = 0

    def peek(self) -> _Tok | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Tok:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def is_op(self, tok: _Tok | None, op: str) -> bool:
        return tok is not None and tok.kind == "word" and tok.text == op

    def parse(self) -> Node | None:
        node = self.parse_or()
        while self.peek() is not None:  # a stray ")" stops parse_or early
            self.take()
            self.notes.append("ignored an unmatched ')'")
            more = self.parse_or()
            node = _join(And, [node, more])
        return node

    def parse_or(self) -> Node | None:
        parts = [self.parse_and()]
        while self.is_op(self.peek(), "OR"):
            self.take()
            parts.append(self.parse_and())
        return _join(Or, parts, self.notes, "OR")

    def parse_and(self) -> Node | None:
        parts: list[Node | None] = []
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "rparen" or self.is_op(tok, "OR"):
                break
            if self.is_op(tok, "AND"):
                self.take()
                after = self.peek()
                if not parts or after is None or after.kind == "rparen":
                    self.notes.append("ignored a lone AND")
                continue
            parts.append(self.parse_unary())
        return _join(And, parts)

    def parse_unary(self) -> Node | None:
        tok = self.peek()
        if tok is None or tok.kind == "rparen":
            return None
        if self.is_op(tok, "NOT"):
            self.take()
            child = self.parse_unary()
            if child is None:
                self.notes.append("ignored a lone NOT")
                return None
            return Not(child)
        nxt = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
        if tok.kind == "word" and tok.text == "-" and nxt is not None and nxt.glued:
            self.take()
            child = self.parse_unary()
            return Not(child) if child is not None else None
        if tok.kind == "word" and tok.text.startswith("-") and len(tok.text) > 1:
            self.take()
            self.tokens[self.pos : self.pos] = _lex(tok.text[1:], self.notes)
            child = self.parse_unary()
            return Not(child) if child is not None else None
        return self.parse_atom(None)

    def parse_atom(self, fieldname: str | None) -> Node | None:
        tok = self.take()
        if tok.kind == "lparen":
            self.depth += 1
            inner = self.parse_or() if self.depth < 20 else None
            closing = self.peek()
            if closing is not None and closing.kind == "rparen":
                self.take()
            else:
                self.notes.append("closed an unbalanced '('")
            self.depth -= 1
            if fieldname is not None and inner is not None:
                inner = _with_field(inner, fieldname)
            return inner
        if tok.kind == "rparen":  # only reached when glued to a field: "title:)"
            self.notes.append(f"ignored an empty {fieldname}: search")
            return None
        if tok.kind == "field":
            nxt = self.peek()
            if nxt is None or not nxt.glued or nxt.kind == "field":
                self.notes.append(f"ignored an empty {tok.text}: search")
                return None
            if tok.text == "date":
                return self.parse_date(self.take())
            return self.parse_atom(tok.text)
        if tok.kind == "badfield":
            raise QueryError(
                f"unknown field {tok.text!r} (fields: {', '.join(FIELDS)}); "
                "quote words with a colon"
            )
        if tok.kind == "quote":
            return self.count(_phrase(tok.text, fieldname, self.notes))
        if tok.text in ("AND", "OR", "NOT") and fieldname is None:
            self.notes.append(f"ignored a lone {tok.text}")
            return None
        return self.count(_term(tok.text, fieldname, self.notes))

    def parse_date(self, tok: _Tok) -> Node | None:
        text = tok.text
        start, sep, end = text.partition("..")
        lo = start or None
        hi = (end or None) if sep else lo
        for value in (lo, hi):
            if value is not None and not _DATE.fullmatch(value):
                raise QueryError(
                    f"date:{text} is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or A..B"
                )
            if value is not None and (impossible := _impossible(value)):
                raise QueryError(f"date:{text}: {impossible}")
        if lo is None and hi is None:
            self.notes.append("ignored an empty date range")
            return None
        if lo is not None and hi is not None and _first_day(lo) > _last_day(hi):
            self.notes.append("read a reversed date range in order")
            lo, hi = hi, lo
        return self.count(DateRange(lo, hi))

    def count(self, node: Node | None) -> Node | None:
        if node is None:
            return None
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            if self.clauses == MAX_CLAUSES + 1:
                self.notes.append(f"used only the first {MAX_CLAUSES} terms")
            return None
        return node


def _impossible(value: str) -> str | None:
    """Why a well-formed ``YYYY[-MM[-DD]]`` names no day of the calendar (None: it does)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return f"there is no month {value.split('-')[1]}"
    if len(parts) > 2:
        year, month, day = parts
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return f"{value[:7]} has {days} days"
    return None


def _first_day(value: str) -> str:
    """The first day a date value covers, as ``YYYYMMDD`` (``2025-08`` → ``20250800``)."""
    return value.replace("-", "").ljust(8, "0")


def _last_day(value: str) -> str:
    """The last day a date value covers, as ``YYYYMMDD`` (``2025-08`` → ``20250899``)."""
    return value.replace("-", "").ljust(8, "9")


def _term(text: str, fieldname: str | None, notes: list[str]) -> Node | None:
    if text.startswith(("*", "?")):
        raise QueryError(f"leading wildcards are not supported: {text!r}")
    if text.endswith("*"):
        stem = text.rstrip("*")
        if "*" in stem or "?" in stem:
            raise QueryError(f"only a trailing * is supported: {text!r}")
        if len(stem) < MIN_PREFIX:
            raise QueryError(f"a prefix needs at least {MIN_PREFIX} characters: {text!r}")
        return Prefix(stem, fieldname)
    fuzzy = re.fullmatch(r"(.+?)~(\d*)", text)
    if fuzzy and _WORDISH.search(fuzzy.group(1)):
        distance = int(fuzzy.group(2) or 1)
        if distance > MAX_FUZZY:
            notes.append(f"limited fuzziness to ~{MAX_FUZZY}")
            distance = MAX_FUZZY
        return Fuzzy(fuzzy.group(1), max(distance, 1), fieldname)
    if not _WORDISH.search(text):
        notes.append(f"ignored {text!r} (no letters or digits)")
        return None
    return Word(text, fieldname)


def _phrase(text: str, fieldname: str | None, notes: list[str]) -> Node | None:
    words = text.split()
    if not any(_WORDISH.search(w) for w in words):
        notes.append("ignored an empty phrase")
        return None
    if len(words) == 1:
        return Word(words[0], fieldname)
    return Phrase(" ".join(words), fieldname)


def _join(kind: type[And] | type[Or], parts: list, notes: list[str] | None = None, op: str = ""):
    kept = [p for p in parts if p is not None]
    if notes is not None and len(kept) < len(parts) and len(parts) > 1:
        notes.append(f"ignored an empty side of {op}")
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    return kind(tuple(kept))


def _with_field(node: Node, fieldname: str) -> Node:
    """Apply ``field:( … )`` to every leaf that has no field of its own."""
    if isinstance(node, Word | Phrase | Prefix | Fuzzy):
        return node if node.field else type(node)(**{**node.__dict__, "field": fieldname})
    if isinstance(node, Not):
        return Not(_with_field(node.child, fieldname))
    if isinstance(node, And | Or):
        return type(node)(tuple(_with_field(c, fieldname) for c in node.children))
    return node


def parse(query: str) -> Parsed:
    """Parse a query string. Never raises."""
    notes: list[str] = []
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        notes.append(f"used only the first {MAX_QUERY_CHARS} characters")
    try:
        tokens = _lex(query, notes)
        tree = _Parser(tokens, notes).parse()
    except QueryError as exc:
        return Parsed(None, notes, str(exc))
    except RecursionError:
        return Parsed(None, notes, "the query is nested too deeply")
    notes = list(dict.fromkeys(notes))
    if tree is None and query.strip():
        return Parsed(None, notes, "nothing to search for in that query")
    if isinstance(tree, Not):
        notes.append("a query of only NOT searches every article except those")
    return Parsed(tree, notes)


def render(node: Node) -> str:
    """The canonical text of a tree (what "interpreted as" shows)."""

    def prefix(f: str | None) -> str:
        return f"{f}:" if f else ""

    if isinstance(node, Word):
        return prefix(node.field) + node.text
    if isinstance(node, Phrase):
        return f'{prefix(node.field)}"{node.text}"'
    if isinstance(node, Prefix):
        return f"{prefix(node.field)}{node.text}*"
    if isinstance(node, Fuzzy):
        return f"{prefix(node.field)}{node.text}~{node.distance}"
    if isinstance(node, DateRange):
        if node.start == node.end:
            return f"date:{node.start}"
        return f"date:{node.start or ''}..{node.end or ''}"
    if isinstance(node, Not):
        child = render(node.child)
        return f"NOT ({child})" if isinstance(node.child, And | Or) else f"NOT {child}"
    joiner = " OR " if isinstance(node, Or) else " AND "
    inner = joiner.join(
        f"({render(c)})" if isinstance(c, And | Or) else render(c) for c in node.children
    )
    return inner
