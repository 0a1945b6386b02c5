"""The documents a query matches, as sorted NumPy arrays of document numbers.

Counting and faceting need every match, not just the best ones; set algebra
over posting arrays (``postings``) is much faster than driving Whoosh's
matchers document by document.

A two-syllable phrase in the default fields is exact: one pair term (all its
spelling variants, see ``analysis.pair_terms``). Longer phrases give the
intersection of their pairs, fielded phrases and NEAR the documents with all
their syllables: supersets that ``results`` checks on the stored text
(``needs_check``). NOT over such a node gives no constraint here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from whoosh.searching import Searcher

from desktop.core.errors import QuerySyntaxError
from desktop.core.search.analysis import VARIANT_SEP, fold_text, pair_buckets, pair_key
from desktop.core.search.postings import (
    EMPTY_IDS,
    FloatArray,
    IntArray,
    cached_postings,
    posting_cache,
)
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
    any_word_or_near,
)
from desktop.core.search.schema import DEFAULT_FIELDS
from desktop.core.search.storefilters import STORE_FIELDS, STORE_FILTERS, IdSet, StoreFilters
from desktop.core.tags import tag_key

MAX_EXPANSION = 200
PAIRS = "pairs"
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


# Expansions kept per reader, dropped all at once past this many (each is a short list).
MAX_KEPT_EXPANSIONS = 20_000
_expansions: WeakKeyDictionary[Any, dict[tuple[str, str], list[str]]] = WeakKeyDictionary()


def expansions_of(reader: Any) -> dict[tuple[str, str], list[str]]:
    """The expansions cache of one reader: (field, pattern) -> the terms it matches."""
    found = _expansions.get(reader)
    if found is None or len(found) > MAX_KEPT_EXPANSIONS:
        found = _expansions[reader] = {}
    return found


def needs_check(node: Node) -> bool:
    """True when ``DocSets.matching(node)`` is only a superset (checked on the text): NEAR,
    and phrases longer than one pair or in a field (the server search checks its lossy rows
    by the same rule)."""
    return any_word_or_near(
        node, lambda w: w.is_phrase and (w.field is not None or len(w.syllables) > 2)
    )


def _intersect(a: IntArray, b: IntArray) -> IntArray:
    return np.intersect1d(a, b, assume_unique=True)


def _union(parts: Sequence[IntArray]) -> IntArray:
    parts = [p for p in parts if len(p)]
    if not parts:
        return EMPTY_IDS
    if len(parts) == 1:
        return parts[0]
    # Marking a flag per document beats sorting the lists together.
    seen = np.zeros(max(int(p[-1]) for p in parts) + 1, dtype=bool)
    for p in parts:
        seen[p] = True
    return np.flatnonzero(seen).astype(np.int64, copy=False)


PhraseChecker = Callable[[list[int], tuple[str, ...]], set[int]]


class DocSets:
    """Evaluates query trees against one searcher's reader; caches postings per query."""

    def __init__(
        self,
        searcher: Searcher,
        checker: PhraseChecker | None = None,
        store: StoreFilters | None = None,
    ):
        self.searcher = searcher
        # Checks a phrase on the stored text of some documents (for bucketed pairs).
        self.checker = checker
        self.store = store
        self.reader: Any = searcher.reader()
        # A multi-segment reader merges its segments' field names on every call.
        self.indexed = frozenset(self.reader.indexed_field_names())
        self._live: IntArray | None = None
        self._postings: dict[tuple[str, str], tuple[IntArray, FloatArray]] = {}
        # The indexed terms a prefix, fuzzy word or pair expands to (a reader's terms
        # never change, so they are kept with the reader).
        self.expansions = expansions_of(self.reader)

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
            if field in self.indexed:
                found = cached_postings(self.reader, field, text)
            else:
                found = (EMPTY_IDS, np.zeros(0))
            self._postings[key] = found
        return found

    def ids(self, field: str, text: str) -> IntArray:
        return self.postings(field, text)[0]

    def pair_variants(self, first: str, second: str) -> list[str]:
        """The indexed pair terms of two folded syllables: every spelling seen."""
        plain = first + " " + second
        key = (PAIRS, plain + VARIANT_SEP + "*")
        found = self.expansions.get(key)
        if found is None:
            found = [plain] if len(self.ids(PAIRS, plain)) else []
            if PAIRS in self.indexed:
                for term in self.reader.expand_prefix(PAIRS, plain + VARIANT_SEP):
                    found.append(term.decode("utf-8") if isinstance(term, bytes) else term)
            self.expansions[key] = found
        return found

    def pair_postings(self, first: str, second: str) -> tuple[IntArray, FloatArray]:
        """Documents with the folded pair (any spelling) and its summed frequencies."""
        key = (PAIRS, first + " " + second + VARIANT_SEP)
        found = self._postings.get(key)
        if found is None:
            parts = [self.postings(PAIRS, t) for t in self.pair_variants(first, second)]
            parts = [p for p in parts if len(p[0])]
            if not parts:
                found = (EMPTY_IDS, np.zeros(0))
            elif len(parts) == 1:
                found = parts[0]
            else:
                ids = np.concatenate([p[0] for p in parts])
                tfs = np.concatenate([p[1] for p in parts])
                uniq, inverse = np.unique(ids, return_inverse=True)
                found = (uniq, np.bincount(inverse, weights=tfs).astype(np.float64))
            self._postings[key] = found
        return found

    def pair_docs(self, first: str, second: str) -> IntArray:
        """Exactly the documents with the two folded syllables adjacent."""
        return self.pair_scoring(first, second)[0]

    def pair_scoring(self, first: str, second: str) -> tuple[IntArray, FloatArray]:
        """``pair_postings`` plus the documents of the pair's bucket that really have it
        (checked on the text; counted once each)."""
        key = (PAIRS, first + " " + second + VARIANT_SEP + "exact")
        found = self._postings.get(key)
        if found is not None:
            return found
        shared = posting_cache(self.reader) if self.checker is not None else None
        if shared is not None:
            # Resolved once per reader: the pair's bucket documents checked on the text.
            found = shared.get(key)
            if found is not None:
                self._postings[key] = found
                return found
        ids, tfs = self.pair_postings(first, second)
        if self.checker is not None:
            # Documents in every bucket of the pair and with both syllables.
            sets = [self.ids(PAIRS, name) for name in pair_buckets(first + " " + second)]
            sets += [self.ids("body", first), self.ids("body", second)]
            sets.sort(key=len)
            candidates = sets[0]
            for other in sets[1:]:
                if len(candidates):
                    candidates = _intersect(candidates, other)
            if len(candidates) and len(ids):
                candidates = np.setdiff1d(candidates, ids, assume_unique=True)
            passed = (
                self.checker(candidates.tolist(), (first, second)) if len(candidates) else set()
            )
            if passed:
                all_ids = np.concatenate([ids, np.asarray(sorted(passed), dtype=np.int64)])
                all_tfs = np.concatenate([tfs, np.ones(len(passed), dtype=np.float64)])
                order = np.argsort(all_ids, kind="stable")
                ids, tfs = all_ids[order], all_tfs[order]
        found = self._postings[key] = (ids, tfs)
        if shared is not None:
            shared.put(key, found)
        return found

    def certain_phrase(self, syls: tuple[str, ...]) -> IntArray:
        """Documents that have the folded syllables adjacent for certain, by counting
        alone (no text read): those whose pair frequencies exceed the frequencies of
        the phrase's inner syllables. Each occurrence of an inner syllable can break
        at most one chain of pairs, so more pair occurrences than that leave at least
        one unbroken run. (A bucketed pair counts once per document: an undercount,
        which keeps the test sound.) The count is over the default fields, which are
        the ones a phrase without a field is checked in."""
        pairs = [self.pair_scoring(a, b) for a, b in zip(syls, syls[1:], strict=False)]
        docs = min((ids for ids, _ in pairs), key=len)
        for ids, _ in pairs:
            if len(docs):
                docs = _intersect(docs, ids)
        if not len(docs):
            return docs
        surplus = np.zeros(len(docs), dtype=np.float64)
        for ids, tfs in pairs:
            surplus += tfs[np.searchsorted(ids, docs)]
        for syl in syls[1:-1]:
            ids, tfs = self.postings("body", syl)
            pos = np.minimum(np.searchsorted(ids, docs), len(ids) - 1)
            surplus -= np.where(ids[pos] == docs, tfs[pos], np.inf) if len(ids) else np.inf
        return docs[surplus > 0]

    def exact_pair_postings(
        self, folded: tuple[str, str], exact: tuple[str, str]
    ) -> tuple[IntArray, FloatArray]:
        """Documents with the pair spelled exactly as ``exact`` (lower-case)."""
        return self.postings(PAIRS, pair_key(folded, exact))

    def expand_prefix(self, field: str, prefix: str) -> list[str]:
        key = (field, prefix + "*")
        found = self.expansions.get(key)
        if found is None:
            found = []
            if field in self.indexed:
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
            if field in self.indexed:
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
            syls = word.syllables
            if field == "body" and word.mode == "term" and len(syls) > 1:
                sets = [self.pair_docs(a, b) for a, b in zip(syls, syls[1:], strict=False)]
            else:
                sets = [self.ids(field, s) for s in syls]
            sets.sort(key=len)
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
        if node.field in self.indexed:
            # The terms are sorted: from the first at or after ``lo`` up to ``hi``.
            for field, term in self.reader.terms_from(node.field, node.lo or ""):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                if field != node.field or (node.hi is not None and text > node.hi):
                    break
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
            if needs_check(node.child):
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
                if len(found) and not needs_check(child):
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
            terms = filter_terms(key, values)
            if terms is not None:
                docs = _union([self.ids(key, t) for t in terms])
            elif self.store is not None:
                docs = self._stored(self.store.filter_ids(key, values))
            else:
                continue
            result = docs if result is None else _intersect(result, docs)
        return result


def filter_terms(key: str, values: Sequence[str]) -> list[str] | None:
    """The indexed terms of a facet filter (``site``, ``year``, ``tag``: the field is the
    key); None for a filter answered from the store. Unknown keys raise."""
    if key == "site":
        return [fold_text(v).strip() for v in values]
    if key == "year":
        return [str(v).strip() for v in values]
    if key == "tag":
        return [tag_key(v) for v in values]
    if key in STORE_FILTERS:
        return None
    raise QuerySyntaxError(
        f"Unknown filter {key!r}; use site, year, tag, collection, read or since."
    )
