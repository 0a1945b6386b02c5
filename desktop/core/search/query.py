"""The search query language, parsed forgivingly into a small syntax tree.

Grammar (words are ANDed)::

    query   := or_expr
    or_expr := and_expr ("OR" and_expr)*
    and_expr:= near (["AND"] near)*
    near    := unary (("NEAR" | "NEAR/" n) unary)*
    unary   := ("NOT" | "-") unary | "+"? primary
    primary := "(" or_expr ")" | [field ":"] (word | "phrase"["~" n] | "[" lo "TO" hi "]")
    word    := text | text "*" | text "~" [digit]

Whatever a person types parses: an unclosed quote is a phrase to the end (with
a notice), stray brackets are ignored, a word with an unknown ``field:`` (a
URL, ``nói:``) is plain text, an operator with nothing on one side is dropped,
and a hyphenated compound (``gian-thời``) is a phrase that falls back to its
words (``relaxed``). Only the field syntax a power user writes keeps its
errors: a bad ``published:`` date or an impossible range raises
``QuerySyntaxError``.

Fields are table-driven (``FIELD_KINDS``): ``text`` fields take words and
phrases, ``value`` fields a literal normalized by ``VALUE_NORMALIZERS``, and
``date`` fields a date or a range (``collection`` is answered from the library
database, see ``storefilters``): ``2023``, ``2023-05``, ``2023-05-01``,
``[2023-01-01 TO 2023-06-30]`` (``*`` for an open end).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.core.errors import QuerySyntaxError
from desktop.core.search.analysis import exact_syllables, fold_text, prepare, syllables
from desktop.core.tags import tag_key

MAX_QUERY_CHARS = 2000
MAX_DEPTH = 40
MAX_FUZZ = 2
# ``a NEAR b`` without a number: at most this many syllables between them.
DEFAULT_NEAR = 10
MAX_NEAR = 1000

# field name -> how its value is read: "text", "value" or "date".
FIELD_KINDS: dict[str, str] = {
    "title": "text",
    "body": "text",
    "author": "text",
    "note": "text",
    "site": "value",
    "tag": "value",
    "published": "date",
    "collection": "value",
}
def _folded(text: str) -> str:
    return fold_text(text).strip()


# How a ``value`` field's text becomes the indexed term.
VALUE_NORMALIZERS: dict[str, Callable[[str], str]] = {
    "site": _folded,
    "tag": tag_key,
    "collection": lambda text: " ".join(text.split()),  # a name as typed; matched ignoring case
}

NOTICE_OPEN_QUOTE = "A quote was not closed: searched the rest of the query as a phrase."
NOTICE_NO_WORDS = "The query has no words to search for."
NOTICE_TOO_LONG = f"The query is long: searched its first {MAX_QUERY_CHARS} characters."

# -- syntax tree ---------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """One word; several syllables (``"hà nội"``, ``hà-nội``) behave as a phrase."""

    field: str | None
    text: str  # as typed (NFC)
    syllables: tuple[str, ...]  # folded
    exact: tuple[str, ...]  # lower-case with diacritics
    mode: str = "term"  # "term", "prefix" or "fuzzy"
    fuzz: int = 1
    # Written joined (``gian-thời``, a URL) rather than quoted: may fall back to words.
    compound: bool = False

    @property
    def is_phrase(self) -> bool:
        return self.mode == "term" and len(self.syllables) > 1


@dataclass(frozen=True)
class Value:
    """A value for a field without text analysis: ``site:``, ``tag:``, ``published:``."""

    field: str
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class DateRange:
    field: str
    lo: str | None  # inclusive, "" padded for partial dates
    hi: str | None


@dataclass(frozen=True)
class All:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    """Any of the children; with no children, nothing."""

    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class Near:
    """Every word within ``slop`` syllables of the others (besides their own)."""

    children: tuple[Word, ...]
    slop: int


@dataclass(frozen=True)
class MatchAll:
    """The empty query: every article (filters still apply)."""


Node = Word | Value | DateRange | All | Any_ | Not | Near | MatchAll
NOTHING = Any_(())


@dataclass(frozen=True)
class ParsedQuery:
    node: Node
    notices: tuple[str, ...] = ()


# -- lexer ---------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<phrase>"[^"]*"(?:~\d+)?)
  | (?P<openquote>"[^"]*$)
  | (?P<range>\[[^\[\]]*\])
  | (?P<stray>[\[\]])
  | (?P<word>[^\s()"\[\]]+)
    """,
    re.VERBOSE,
)
_FIELD = re.compile(r"^([A-Za-z]+):(.*)$", re.S)
_FUZZY = re.compile(r"^(.*?)~(\d*)$", re.S)
_NEAR = re.compile(r"^NEAR(?:/(\d+))?$")
_SLOP = re.compile(r'~(\d+)$')


@dataclass
class _Tok:
    kind: str  # lparen rparen phrase range word or and not neg near field
    text: str
    slop: int = 0


def _lex(query: str, notices: list[str]) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or ""
        text = m.group()
        if kind in ("ws", "stray"):
            continue
        if kind == "openquote":
            notices.append(NOTICE_OPEN_QUOTE)
            out.append(_Tok("phrase", text[1:]))
            continue
        if kind == "phrase":
            tilde = _SLOP.search(text)
            if tilde:
                slop = min(int(tilde.group(1)), MAX_NEAR)
                out.append(_Tok("phrase", text[1 : tilde.start() - 1], slop))
            else:
                out.append(_Tok("phrase", text[1:-1]))
            continue
        if kind == "range":
            out.append(_Tok("range", text))
            continue
        if kind == "word":
            if text in ("OR", "||"):
                out.append(_Tok("or", text))
                continue
            if text in ("AND", "&&"):
                out.append(_Tok("and", text))
                continue
            if text == "NOT":
                out.append(_Tok("not", text))
                continue
            near = _NEAR.match(text)
            if near:
                distance = min(int(near.group(1)), MAX_NEAR) if near.group(1) else DEFAULT_NEAR
                out.append(_Tok("near", text, distance))
                continue
            while text.startswith(("-", "+")) and len(text) > 1:
                if text[0] == "-":
                    out.append(_Tok("neg", "-"))
                text = text[1:]
            if text in ("-", "+"):
                # "-" glued to a phrase or a group negates it: -"a b", -(a OR b).
                if text == "-" and query[m.end() : m.end() + 1] in ('"', "("):
                    out.append(_Tok("neg", "-"))
                continue
            fm = _FIELD.match(text)
            if fm and fm.group(1).lower() in FIELD_KINDS:
                out.append(_Tok("field", fm.group(1).lower()))
                if fm.group(2):
                    out.append(_Tok("word", fm.group(2)))
                continue
        out.append(_Tok(kind, text))
    return out


# -- parser --------------------------------------------------------------------

_OPERATORS = ("or", "and", "near")


class _Parser:
    def __init__(self, tokens: list[_Tok], notices: list[str]):
        self.toks = tokens
        self.i = 0
        self.depth = 0
        self.notices = notices

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        parts: list[Node] = []
        while True:
            node = self.or_expr()
            if node is not None:
                parts.append(node)
            if self.peek() is None:
                break
            self.take()  # a stray ")": ignored
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def or_expr(self) -> Node | None:
        parts = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.take()
            parts.append(self.and_expr())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Any_(tuple(kept))

    def and_expr(self) -> Node | None:
        parts: list[Node | None] = []
        while (tok := self.peek()) is not None and tok.kind not in ("or", "rparen"):
            if tok.kind in ("and", "near"):
                self.take()  # nothing on its left: dropped
                continue
            parts.append(self.near_expr())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else All(tuple(kept))

    def near_expr(self) -> Node | None:
        node = self.unary()
        while (tok := self.peek()) is not None and tok.kind == "near":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in ("or", "rparen", "and", "near"):
                break  # nothing on its right: dropped
            other = self.unary()
            node = _near(node, other, tok.slop)
        return node

    def unary(self) -> Node | None:
        tok = self.take()
        if tok.kind in ("not", "neg"):
            nxt = self.peek()
            if nxt is None or nxt.kind in ("or", "rparen", "and", "near"):
                return None  # nothing to exclude: dropped
            child = self.unary()
            return Not(child) if child is not None else None
        return self.primary(tok)

    def primary(self, tok: _Tok) -> Node | None:
        if tok.kind == "lparen":
            if self.depth >= MAX_DEPTH:
                return None  # nested too deeply: the bracket is ignored
            self.depth += 1
            node = self.or_expr()
            end = self.peek()
            if end is not None and end.kind == "rparen":
                self.take()
            # An unclosed "(" closes at the end of the query.
            self.depth -= 1
            return node
        if tok.kind == "field":
            return self.fielded(tok)
        if tok.kind == "phrase":
            return _phrase(None, tok.text, tok.slop)
        if tok.kind == "range":
            # A range without a field: its words as plain text.
            return _plain(tok.text[1:-1])
        if tok.kind in ("rparen", "or", "and", "near"):
            return None
        return _word(None, tok.text)

    def fielded(self, tok_field: _Tok) -> Node | None:
        name = tok_field.text
        kind = FIELD_KINDS[name]
        tok = self.peek()
        if tok is None or tok.kind not in ("word", "phrase", "range"):
            # "title:" with nothing after it: the field name is a plain word.
            return _word(None, name)
        self.take()
        if kind == "date":
            return _published(name, tok)
        if tok.kind == "range":
            return _plain(tok.text[1:-1], name if kind == "text" else None)
        text = tok.text
        if kind == "value":
            return _value(name, text, tok.kind == "phrase")
        if tok.kind == "phrase":
            return _phrase(name, text, tok.slop)
        return _word(name, text)


def _near(left: Node | None, right: Node | None, slop: int) -> Node | None:
    if left is None or right is None:
        return left if right is None else right
    words: list[Word] = []
    for side in (left, right):
        if isinstance(side, Near):
            words.extend(side.children)
        elif isinstance(side, Word) and side.mode == "term":
            words.append(side)
        else:
            return All((left, right))  # NEAR between groups: both must match
    if isinstance(left, Near):
        slop = max(slop, left.slop)
    return Near(tuple(words), slop)


def _plain(text: str, field: str | None = None) -> Node | None:
    words = [_word(field, part) for part in text.split() if part not in ("TO", "*")]
    kept = [w for w in words if w is not None]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else All(tuple(kept))


def _phrase(field: str | None, text: str, slop: int = 0) -> Node | None:
    text = prepare(text)
    syls = tuple(syllables(text))
    if not syls:
        return None
    exact = tuple(exact_syllables(text))
    if slop and len(syls) > 1:
        words = tuple(
            Word(field, e, (s,), (e,)) for s, e in zip(syls, _align(exact, syls), strict=True)
        )
        return Near(words, slop)
    return Word(field, text, syls, exact)


def _align(exact: tuple[str, ...], syls: tuple[str, ...]) -> tuple[str, ...]:
    return exact if len(exact) == len(syls) else syls


def _word(field: str | None, text: str) -> Node | None:
    text = prepare(text)
    mode = "term"
    fuzz = 1
    core = text
    fm = _FUZZY.match(text)
    if fm and fm.group(1):
        mode = "fuzzy"
        core = fm.group(1)
        if fm.group(2):
            fuzz = max(1, min(int(fm.group(2)[:3]), MAX_FUZZ))
    elif text.endswith("*") and len(text.rstrip("*")) > 0:
        mode = "prefix"
        core = text.rstrip("*")
    syls = tuple(syllables(core))
    if not syls:
        return None
    if mode != "term" and len(syls) > 1:
        # "hà-nội*": all syllables but the last must match exactly.
        head = [_word(field, s) for s in syls[:-1]]
        last = Word(field, syls[-1], (syls[-1],), (syls[-1],), mode, fuzz)
        return All(tuple(n for n in head if n is not None) + (last,))
    exact = tuple(exact_syllables(core))
    return Word(field, core, syls, exact, mode, fuzz, compound=len(syls) > 1)


def _value(field: str, text: str, quoted: bool) -> Node | None:
    prefix = not quoted and text.endswith("*")
    text = text.rstrip("*") if prefix else text
    normalize = VALUE_NORMALIZERS.get(field, _folded)
    value = normalize(text)
    if not value:
        return _word(None, field)
    return Value(field, value, prefix)


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _date_key(text: str, *, end: bool) -> str:
    """``2023`` / ``2023-05`` / ``2023-05-01`` -> a comparable key; partial ends pad high."""
    m = _DATE.match(text.strip())
    if not m:
        raise QuerySyntaxError(
            f"Bad date {text!r}: use 2023, 2023-05 or 2023-05-01."
        )
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day is not None:
            return date(int(year), int(month), int(day)).isoformat()
        if month is not None:
            if not 1 <= int(month) <= 12:
                raise ValueError("month")
            key = f"{year}-{int(month):02d}"
        else:
            key = year
    except ValueError:
        raise QuerySyntaxError(f"Bad date {text!r}: no such day or month.") from None
    return key + ("\uffff" if end else "")


def _published(field: str, tok: _Tok) -> Node:
    if tok.kind == "range":
        inner = tok.text[1:-1].strip()
        parts = re.split(r"\s+TO\s+", inner, flags=re.I)
        if len(parts) != 2:
            raise QuerySyntaxError(
                f"Bad date range {tok.text!r}: write [2023-01-01 TO 2023-06-30]."
            )
        lo_s, hi_s = parts[0].strip(), parts[1].strip()
        lo = None if lo_s in ("*", "") else _date_key(lo_s, end=False)
        hi = None if hi_s in ("*", "") else _date_key(hi_s, end=True)
        if lo is None and hi is None:
            raise QuerySyntaxError("A date range needs at least one date.")
        if lo is not None and hi is not None and lo > hi:
            raise QuerySyntaxError(f"Bad date range {tok.text!r}: the start is after the end.")
        return DateRange(field, lo, hi)
    key = _date_key(tok.text, end=False)
    return Value(field, key, prefix=len(key) < 10)


def parse(query: str) -> ParsedQuery:
    """Parse what a user typed. Raises only for a bad ``published:`` date or range."""
    notices: list[str] = []
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        notices.append(NOTICE_TOO_LONG)
    query = prepare(query)
    if not query.strip():
        return ParsedQuery(MatchAll(), tuple(notices))
    node = _Parser(_lex(query, notices), notices).parse()
    if node is None:
        notices.append(NOTICE_NO_WORDS)
        node = NOTHING
    return ParsedQuery(node, tuple(dict.fromkeys(notices)))


def parse_query(query: str) -> Node:
    """The syntax tree of ``query`` (see ``parse``). The empty query gives ``MatchAll``."""
    return parse(query).node


# -- helpers over the tree -----------------------------------------------------


def any_word_or_near(node: Node, word_test: Callable[[Word], bool]) -> bool:
    """True when ``node`` holds a NEAR, or a word (NOT included) that ``word_test`` holds for."""
    if isinstance(node, Word):
        return word_test(node)
    if isinstance(node, Near):
        return True
    if isinstance(node, All | Any_):
        return any(any_word_or_near(c, word_test) for c in node.children)
    if isinstance(node, Not):
        return any_word_or_near(node.child, word_test)
    return False


def has_phrase(node: Node) -> bool:
    """True when matching ``node`` needs a check on the stored text (phrases, NEAR)."""
    return any_word_or_near(node, lambda w: w.is_phrase)


def positive_words(node: Node) -> list[Word]:
    """Words that must or may match (not under NOT), in query order."""
    if isinstance(node, Word):
        return [node]
    if isinstance(node, All | Any_ | Near):
        return [w for c in node.children for w in positive_words(c)]
    return []


def top_level_words(node: Node) -> list[Word]:
    """Plain (unfielded) words ANDed at the top level, for adjacency ranking."""
    children = node.children if isinstance(node, All) else (node,)
    return [c for c in children if isinstance(c, Word) and c.field is None]


def split_words(node: Node) -> Node:
    """``node`` with every phrase, compound and NEAR loosened into its words (ANDed)."""
    if isinstance(node, Word):
        if not node.is_phrase:
            return node
        exact = _align(node.exact, node.syllables)
        return All(tuple(Word(node.field, e, (s,), (e,)) for s, e in
                         zip(node.syllables, exact, strict=True)))
    if isinstance(node, Near):
        return All(tuple(split_words(w) for w in node.children))
    if isinstance(node, All):
        return _flat_all(tuple(split_words(c) for c in node.children))
    if isinstance(node, Any_):
        return Any_(tuple(split_words(c) for c in node.children))
    return node


def _flat_all(children: tuple[Node, ...]) -> Node:
    flat: list[Node] = []
    for c in children:
        flat.extend(c.children if isinstance(c, All) else (c,))
    return flat[0] if len(flat) == 1 else All(tuple(flat))


@dataclass(frozen=True)
class Relaxation:
    node: Node
    notice: str


FALLBACK_WORDS = "No article has the phrase as written; showing articles with all of its words."
FALLBACK_ANY = "No article contains all of the words; showing the best partial matches."


def relaxed(node: Node) -> list[Relaxation]:
    """Looser versions of ``node`` to try, in order, when it matches nothing.

    First phrases, compounds and NEAR become their words; then an AND becomes
    "any of its parts" (exclusions kept).
    """
    steps: list[Relaxation] = []
    words = split_words(node)
    if words != node:
        steps.append(Relaxation(words, FALLBACK_WORDS))
    either = _any_of(words)
    if either is not None:
        steps.append(Relaxation(either, FALLBACK_ANY))
    return steps


def _any_of(node: Node) -> Node | None:
    if not isinstance(node, All):
        return None
    positive = [c for c in node.children if not isinstance(c, Not)]
    negative = [c for c in node.children if isinstance(c, Not)]
    if len(positive) < 2:
        return None
    either: Node = Any_(tuple(positive))
    return All((either, *negative)) if negative else either

