"""The documents a query matches, as sorted NumPy arrays of document numbers.

Counting and faceting need every match, not just the best ones; set algebra
over posting arrays (``postings``) is much faster than driving Whoosh's
matchers document by document. Phrases give the superset "all syllables
present" (NEAR likewise); NOT over a phrase gives no constraint here, and
``results`` checks phrases on the stored text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from whoosh.searching import Searcher

from desktop.core.errors import QuerySyntaxError
from desktop.core.search.analysis import fold_text
from desktop.core.search.postings import EMPTY_IDS, FloatArray, IntArray, cached_postings
from desktop.core.search.query import (
    All,
    Any_,
    DateRange,
    MatchAll,
    Near,
    Node,
    Not,
    Value,
    Word,
    has_phrase,
)
from desktop.core.search.schema import DEFAULT_FIELDS
from desktop.core.search.storefilters import STORE_FIELDS, STORE_FILTERS, IdSet, StoreFilters
from desktop.core.tags import tag_key

MAX_EXPANSION = 200
# Fuzzy words keep their first letter (``tuyen~`` never matches ``uyen``).
FUZZY_PREFIX = 1

# Article id -> document number, per reader (a reader never changes): built once, in one
# pass over the stored ids, the first time a store-backed field or filter is used.
_id_maps: WeakKeyDictionary[Any, dict[str, int]] = WeakKeyDictionary()


def id_map(reader: Any) -> dict[str, int]:
    found = _id_maps.get(reader)
    if found is None:
        found = {str(fields["id"]): docnum for docnum, fields in reader.iter_docs()}
        _id_maps[reader] = found
    return found


def _intersect(a: IntArray, b: IntArray) -> IntArray:
    return np.intersect1d(a, b, assume_unique=True)


def _union(parts: Sequence[IntArray]) -> IntArray:
    parts = [p for p in parts if len(p)]
    if not parts:
        return EMPTY_IDS
    if len(parts) == 1:
        return parts[0]
    return np.unique(np.concatenate(parts))


class DocSets:
    """Evaluates query trees against one searcher's reader; caches postings per query."""

    def __init__(self, searcher: Searcher, store: StoreFilters | None = None):
        self.searcher = searcher
        self.store = store
        self.reader: Any = searcher.reader()
        self._live: IntArray | None = None
        self._postings: dict[tuple[str, str], tuple[IntArray, FloatArray]] = {}
        # Terms that matched positive words: (field, term) for scoring.
        self.expansions: dict[tuple[str, str], list[str]] = {}

    def live(self) -> IntArray:
        if self._live is None:
            if self.reader.has_deletions():
                ids = np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)
                self._live = np.sort(ids)
            else:
                self._live = np.arange(self.reader.doc_count_all(), dtype=np.int64)
        return self._live

    def postings(self, field: str, text: str) -> tuple[IntArray, FloatArray]:
        key = (field, text)
        found = self._postings.get(key)
        if found is None:
            if field in self.reader.indexed_field_names():
                found = cached_postings(self.reader, field, text)
            else:
                found = (EMPTY_IDS, np.zeros(0))
            self._postings[key] = found
        return found

    def ids(self, field: str, text: str) -> IntArray:
        return self.postings(field, text)[0]

    def expand_prefix(self, field: str, prefix: str) -> list[str]:
        key = (field, prefix + "*")
        found = self.expansions.get(key)
        if found is None:
            found = []
            if field in self.reader.indexed_field_names():
                for n, term in enumerate(self.reader.expand_prefix(field, prefix)):
                    if n >= MAX_EXPANSION:
                        break
                    found.append(term.decode("utf-8") if isinstance(term, bytes) else term)
            self.expansions[key] = found
        return found

    def expand_fuzzy(self, field: str, text: str, distance: int) -> list[str]:
        """Indexed terms within ``distance`` edits of ``text`` (first letter kept)."""
        key = (field, f"{text}~{distance}")
        found = self.expansions.get(key)
        if found is None:
            found = []
            if field in self.reader.indexed_field_names():
                for n, term in enumerate(
                    self.reader.terms_within(field, text, distance, prefix=FUZZY_PREFIX)
                ):
                    if n >= MAX_EXPANSION:
                        break
                    found.append(term.decode("utf-8") if isinstance(term, bytes) else term)
            self.expansions[key] = found
        return found

    # -- evaluation ----------------------------------------------------------

    def matching(self, node: Node) -> IntArray:
        return self._eval(node)

    def _word(self, word: Word) -> IntArray:
        fields = list(DEFAULT_FIELDS) if word.field is None else [word.field]
        parts: list[IntArray] = []
        for field in fields:
            if word.mode == "fuzzy":
                terms = self.expand_fuzzy(field, word.syllables[0], word.fuzz)
                parts.append(_union([self.ids(field, t) for t in terms]))
                continue
            if word.mode == "prefix":
                terms = self.expand_prefix(field, word.syllables[0])
                parts.append(_union([self.ids(field, t) for t in terms]))
                continue
            sets = sorted((self.ids(field, s) for s in word.syllables), key=len)
            found = sets[0]
            for other in sets[1:]:
                found = _intersect(found, other)
            parts.append(found)
        return _union(parts)

    def _stored(self, found: IdSet) -> IntArray:
        """Document numbers of a set of article ids from the store."""
        known = id_map(self.reader)
        docs = np.unique(
            np.fromiter((known[i] for i in found.ids if i in known), dtype=np.int64)
        )
        if found.negate:
            return np.setdiff1d(self.live(), docs, assume_unique=True)
        return docs

    def _value(self, node: Value) -> IntArray:
        if node.field in STORE_FIELDS:
            if self.store is None:
                return EMPTY_IDS
            return self._stored(self.store.field_ids(node.field, node.text, node.prefix))
        if node.field == "published" and node.prefix and len(node.text) == 4:
            return self.ids("year", node.text)  # a whole year: one term, not 365
        if node.prefix:
            terms = self.expand_prefix(node.field, node.text)
            return _union([self.ids(node.field, t) for t in terms])
        return self.ids(node.field, node.text)

    def _range(self, node: DateRange) -> IntArray:
        parts = []
        if node.field in self.reader.indexed_field_names():
            for term in self.reader.lexicon(node.field):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                if (node.lo is None or text >= node.lo) and (node.hi is None or text <= node.hi):
                    parts.append(self.ids(node.field, text))
        return _union(parts)

    def _eval(self, node: Node) -> IntArray:
        if isinstance(node, MatchAll):
            return self.live()
        if isinstance(node, Word):
            return self._word(node)
        if isinstance(node, Value):
            return self._value(node)
        if isinstance(node, DateRange):
            return self._range(node)
        if isinstance(node, Any_):
            return _union([self._eval(c) for c in node.children])
        if isinstance(node, Near):
            # Every word present; ``results`` checks the distance on the stored text.
            sets = sorted((self._word(w) for w in node.children), key=len)
            found = sets[0]
            for other in sets[1:]:
                found = _intersect(found, other)
            return found
        if isinstance(node, Not):
            if has_phrase(node.child):
                return self.live()
            return np.setdiff1d(self.live(), self._eval(node.child), assume_unique=True)
        if isinstance(node, All):
            positive = [c for c in node.children if not isinstance(c, Not)]
            negative = [c.child for c in node.children if isinstance(c, Not)]
            sets = sorted((self._eval(c) for c in positive), key=len)
            found = sets[0] if sets else self.live()
            for other in sets[1:]:
                found = _intersect(found, other)
            for child in negative:
                if len(found) and not has_phrase(child):
                    found = np.setdiff1d(found, self._eval(child), assume_unique=True)
            return found
        raise TypeError(f"unknown query node {node!r}")

    def filtered(self, filters: Mapping[str, Sequence[str]]) -> IntArray | None:
        """Documents passing the UI's facet filters (values ORed, keys ANDed); None if none."""
        result: IntArray | None = None
        for key, values in filters.items():
            values = [v for v in values if v is not None and str(v).strip()]
            if not values:
                continue
            if key == "site":
                terms = [("site", fold_text(v).strip()) for v in values]
            elif key == "year":
                terms = [("year", str(v).strip()) for v in values]
            elif key == "tag":
                terms = [("tag", tag_key(v)) for v in values]
            elif key in STORE_FILTERS and self.store is not None:
                docs = self._stored(self.store.filter_ids(key, values))
                result = docs if result is None else _intersect(result, docs)
                continue
            else:
                raise QuerySyntaxError(
                    f"Unknown filter {key!r}; use site, year, tag, collection, read or since."
                )
            docs = _union([self.ids(f, t) for f, t in terms])
            result = docs if result is None else _intersect(result, docs)
        return result
