"""Turning a parsed query into Whoosh query objects.

``body`` and ``note`` have no positions, so a phrase compiles to "all of its
syllables in one field": a superset of the true matches that
``desktop.core.search.verify`` narrows on the stored text. A phrase under NOT
compiles to no constraint at all, for the same reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from whoosh import query as wq

from desktop.core.search.documents import normalize_tag
from desktop.core.search.query import (
    All,
    Any_,
    DateRange,
    MatchAll,
    Node,
    Not,
    Value,
    Word,
    has_phrase,
)
from desktop.core.search.schema import DEFAULT_FIELDS

_TEXT_FIELDS = ("title", "body", "note", "author")
# Fields stored with positions: phrases there are exact.
_POSITIONAL = frozenset({"title"})
FUZZY_PREFIX = 1


def _fields_for(word: Word) -> dict[str, float]:
    if word.field is None:
        return DEFAULT_FIELDS
    return {word.field: 1.0}


def _word_in_field(word: Word, field: str, boost: float) -> wq.Query:
    syls = word.syllables
    if word.mode == "prefix":
        return wq.Prefix(field, syls[0], boost=boost)
    if word.mode == "fuzzy":
        return wq.FuzzyTerm(
            field, syls[0], boost=boost, maxdist=word.fuzz, prefixlength=FUZZY_PREFIX
        )
    if len(syls) == 1:
        return wq.Term(field, syls[0], boost=boost)
    if field in _POSITIONAL:
        return wq.Phrase(field, list(syls), boost=boost)
    return wq.And([wq.Term(field, s, boost=boost) for s in syls])


def compile_word(word: Word) -> wq.Query:
    parts = [_word_in_field(word, f, b) for f, b in _fields_for(word).items()]
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def _compile_value(node: Value) -> wq.Query:
    if node.prefix:
        return wq.Prefix(node.field, node.text)
    return wq.Term(node.field, node.text)


def compile_node(node: Node) -> wq.Query:
    """A Whoosh query matching a superset of what ``node`` matches."""
    if isinstance(node, MatchAll):
        return wq.Every()
    if isinstance(node, Word):
        return compile_word(node)
    if isinstance(node, Value):
        return _compile_value(node)
    if isinstance(node, DateRange):
        return wq.TermRange(
            node.field, node.lo, node.hi, startexcl=False, endexcl=False, constantscore=True
        )
    if isinstance(node, Any_):
        return wq.Or([compile_node(c) for c in node.children])
    if isinstance(node, Not):
        if has_phrase(node.child):
            return wq.Every()
        return wq.AndNot(wq.Every(), compile_node(node.child))
    if isinstance(node, All):
        positive = [c for c in node.children if not isinstance(c, Not)]
        negative = [
            c.child for c in node.children if isinstance(c, Not) and not has_phrase(c.child)
        ]
        pos_q: wq.Query = (
            wq.And([compile_node(c) for c in positive]) if positive else wq.Every()
        )
        if len(positive) == 1:
            pos_q = compile_node(positive[0])
        if not negative:
            return pos_q
        neg_q = compile_node(negative[0]) if len(negative) == 1 else wq.Or(
            [compile_node(c) for c in negative]
        )
        return wq.AndNot(pos_q, neg_q)
    raise TypeError(f"unknown query node {node!r}")


def filter_query(filters: Mapping[str, Sequence[str]]) -> wq.Query | None:
    """The UI's facet filters ({"site": [...], "year": [...], "tag": [...]}), ANDed."""
    from desktop.core.search.analysis import fold_text

    parts: list[wq.Query] = []
    for key, values in filters.items():
        values = [v for v in values if v is not None]
        if not values:
            continue
        if key == "site":
            terms = [wq.Term("site", fold_text(v).strip()) for v in values]
        elif key == "year":
            terms = [wq.Term("year", str(v).strip()) for v in values]
        elif key == "tag":
            terms = [wq.Term("tag", normalize_tag(v)) for v in values]
        else:
            from desktop.core.errors import QuerySyntaxError

            raise QuerySyntaxError(f"Unknown filter {key!r}; use site, year or tag.")
        parts.append(terms[0] if len(terms) == 1 else wq.Or(terms))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
