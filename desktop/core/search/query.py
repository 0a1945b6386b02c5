"""The search query language, parsed into a small syntax tree.

Grammar (words are ANDed)::

    query   := or_expr
    or_expr := and_expr ("OR" and_expr)*
    and_expr:= unary (["AND"] unary)*
    unary   := ("NOT" | "-") unary | "+"? primary
    primary := "(" or_expr ")" | [field ":"] (word | "phrase" | "[" lo "TO" hi "]")
    word    := text | text "*" | text "~" [digit]

Fields: ``title body site author tag note published collection``. ``published`` takes
``2023``, ``2023-05``, ``2023-05-01`` or a range ``[2023-01-01 TO 2023-06-30]``
(``*`` for an open end). Anything malformed raises ``QuerySyntaxError`` with a
message for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.core.errors import QuerySyntaxError
from desktop.core.search.analysis import exact_syllables, fold_text, prepare, syllables
from desktop.core.search.documents import normalize_tag
from desktop.core.search.schema import QUERY_FIELDS

MAX_QUERY_CHARS = 2000
MAX_DEPTH = 40
MAX_FUZZ = 2

# -- syntax tree ---------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """One word; several syllables (``hà-nội``) behave as a phrase."""

    field: str | None
    text: str  # as typed (NFC)
    syllables: tuple[str, ...]  # folded
    exact: tuple[str, ...]  # lower-case with diacritics
    mode: str = "term"  # "term", "prefix" or "fuzzy"
    fuzz: int = 1

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
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class MatchAll:
    """The empty query: every article (filters still apply)."""


Node = Word | Value | DateRange | All | Any_ | Not | MatchAll


# -- lexer ---------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<phrase>"[^"]*")
  | (?P<badquote>")
  | (?P<range>\[[^\[\]]*\])
  | (?P<badrange>[\[\]])
  | (?P<word>[^\s()"\[\]]+)
    """,
    re.VERBOSE,
)
_FIELD = re.compile(r"^([A-Za-z]+):(.*)$", re.S)
_FUZZY = re.compile(r"^(.*?)~(\d*)$", re.S)


@dataclass
class _Tok:
    kind: str  # lparen rparen phrase range word or and not neg field
    text: str


def _lex(query: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or ""
        text = m.group()
        if kind == "ws":
            continue
        if kind == "badquote":
            raise QuerySyntaxError("Unbalanced quote: a phrase needs a closing \".")
        if kind == "badrange":
            raise QuerySyntaxError(
                "Unbalanced bracket: write ranges as [2023-01-01 TO 2023-06-30]."
            )
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
            if fm:
                out.append(_Tok("field", fm.group(1).lower()))
                if fm.group(2):
                    out.append(_Tok("word", fm.group(2)))
                continue
        out.append(_Tok(kind, text))
    return out


# -- parser --------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Tok]):
        self.toks = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            if tok.kind == "rparen":
                raise QuerySyntaxError("Unbalanced parenthesis: a ')' has no matching '('.")
            raise QuerySyntaxError(f"Unexpected {tok.text!r} in the query.")
        return node

    def or_expr(self) -> Node | None:
        parts = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            if parts[-1] is None:
                raise QuerySyntaxError("OR needs a word on both sides.")
            self.take()
            if self.peek() is None or self.peek().kind in ("rparen", "or"):  # type: ignore[union-attr]
                raise QuerySyntaxError("OR needs a word on both sides.")
            parts.append(self.and_expr())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Any_(tuple(kept))

    def and_expr(self) -> Node | None:
        parts: list[Node | None] = []
        while (tok := self.peek()) is not None and tok.kind not in ("or", "rparen"):
            if tok.kind == "and":
                self.take()
                if self.peek() is None or self.peek().kind in ("or", "rparen", "and"):  # type: ignore[union-attr]
                    raise QuerySyntaxError("AND needs a word on both sides.")
                continue
            parts.append(self.unary())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else All(tuple(kept))

    def unary(self) -> Node | None:
        tok = self.take()
        if tok.kind in ("not", "neg"):
            if self.peek() is None or self.peek().kind in ("or", "rparen", "and"):  # type: ignore[union-attr]
                raise QuerySyntaxError(f"{tok.text} needs a word after it.")
            child = self.unary()
            return Not(child) if child is not None else None
        return self.primary(tok)

    def primary(self, tok: _Tok) -> Node | None:
        if tok.kind == "lparen":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QuerySyntaxError("The query is nested too deeply.")
            node = self.or_expr()
            end = self.peek()
            if end is None or end.kind != "rparen":
                raise QuerySyntaxError("Unbalanced parenthesis: a '(' is never closed.")
            self.take()
            self.depth -= 1
            return node
        if tok.kind == "rparen":
            raise QuerySyntaxError("Unbalanced parenthesis: a ')' has no matching '('.")
        if tok.kind == "field":
            return self.fielded(tok.text)
        if tok.kind == "phrase":
            return _word(None, tok.text[1:-1], phrase=True)
        if tok.kind == "range":
            raise QuerySyntaxError(
                "A date range needs a field: published:[2023-01-01 TO 2023-06-30]."
            )
        return _word(None, tok.text)

    def fielded(self, field: str) -> Node | None:
        if field not in QUERY_FIELDS:
            names = ", ".join(f"{f}:" for f in QUERY_FIELDS)
            raise QuerySyntaxError(f"Unknown field {field + ':'!r}; use one of {names}.")
        tok = self.peek()
        if tok is None or tok.kind not in ("word", "phrase", "range"):
            raise QuerySyntaxError(f"{field}: needs a value after it.")
        self.take()
        if field == "published":
            return _published(tok)
        if tok.kind == "range":
            raise QuerySyntaxError(f"Ranges work only with published:, not {field}:.")
        text = tok.text[1:-1] if tok.kind == "phrase" else tok.text
        if field in ("site", "tag", "collection"):
            return _value(field, text, tok.kind == "phrase")
        return _word(field, text, phrase=tok.kind == "phrase")


def _word(field: str | None, text: str, *, phrase: bool = False) -> Word | All | None:
    text = prepare(text)
    mode = "term"
    fuzz = 1
    core = text
    if not phrase:
        fm = _FUZZY.match(text)
        if fm and fm.group(1):
            mode = "fuzzy"
            core = fm.group(1)
            if fm.group(2):
                fuzz = int(fm.group(2)[:3])
                if not 0 < fuzz <= MAX_FUZZ:
                    raise QuerySyntaxError(f"Fuzzy distance must be 1 or {MAX_FUZZ}: {text!r}.")
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
    return Word(field, core, syls, tuple(exact_syllables(core)), mode, fuzz)


def _value(field: str, text: str, quoted: bool) -> Value | None:
    prefix = not quoted and text.endswith("*")
    text = text.rstrip("*") if prefix else text
    if field == "tag":
        value = normalize_tag(text)
    elif field == "collection":
        value = " ".join(text.split())  # a name as typed; matched ignoring case
    else:
        value = fold_text(text).strip()
    if not value:
        raise QuerySyntaxError(f"{field}: needs a value after it.")
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


def _published(tok: _Tok) -> Node:
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
        return DateRange("published", lo, hi)
    text = tok.text[1:-1] if tok.kind == "phrase" else tok.text
    key = _date_key(text, end=False)
    return Value("published", key, prefix=len(key) < 10)


def parse_query(query: str) -> Node:
    """Parse a user query. The empty query gives ``MatchAll``."""
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"The query is too long (over {MAX_QUERY_CHARS} characters).")
    query = prepare(query)
    if not query.strip():
        return MatchAll()
    node = _Parser(_lex(query)).parse()
    if node is None:
        raise QuerySyntaxError("The query has no words to search for.")
    return node


# -- helpers over the tree -----------------------------------------------------


def has_phrase(node: Node) -> bool:
    if isinstance(node, Word):
        return node.is_phrase
    if isinstance(node, All | Any_):
        return any(has_phrase(c) for c in node.children)
    if isinstance(node, Not):
        return has_phrase(node.child)
    return False


def positive_words(node: Node) -> list[Word]:
    """Words that must or may match (not under NOT), in query order."""
    if isinstance(node, Word):
        return [node]
    if isinstance(node, All | Any_):
        return [w for c in node.children for w in positive_words(c)]
    return []


def top_level_words(node: Node) -> list[Word]:
    """Plain (unfielded) words ANDed at the top level, for adjacency ranking."""
    children = node.children if isinstance(node, All) else (node,)
    return [c for c in children if isinstance(c, Word) and c.field is None]
