"""Posting lists as NumPy arrays, and BM25 over them.

Whoosh's matchers walk postings one document at a time in Python, which is
too slow to count, facet and rank thousands of matches per query. Here a
posting list is read a block at a time straight from Whoosh's files into two
arrays (sorted document numbers and term frequencies), so set algebra and
scoring run in NumPy.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
import numpy.typing as npt
from whoosh.util.numeric import byte_to_length

from desktop.core.search.whoosh_internals import leaf_arrays, leaf_terms, raw_lengths

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

EMPTY_IDS: IntArray = np.zeros(0, dtype=np.int64)
EMPTY_TF: FloatArray = np.zeros(0, dtype=np.float64)

# BM25 parameters: Whoosh's length normalization, and half its term-frequency
# saturation (1.2): with several query words, an article that has each of them
# beats one that repeats a few (tuned on the known-item set of bench_relevance).
K1 = 0.6
B = 0.75


class PostingCache:
    """Recently read posting arrays of one reader, bounded by their total length."""

    def __init__(self, budget: int):
        self.budget = budget
        self.size = 0
        self.items: OrderedDict[tuple[str, str], tuple[IntArray, FloatArray]] = OrderedDict()

    def get(self, key: tuple[str, str]) -> tuple[IntArray, FloatArray] | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: tuple[str, str], value: tuple[IntArray, FloatArray]) -> None:
        n = len(value[0])
        if n > self.budget // 4:
            return
        value[0].flags.writeable = False
        value[1].flags.writeable = False
        replaced = self.items.pop(key, None)
        if replaced is not None:
            self.size -= len(replaced[0])
        self.items[key] = value
        self.size += n
        while self.size > self.budget and self.items:
            _, (ids, _) = self.items.popitem(last=False)
            self.size -= len(ids)


# About 12 bytes per cached posting: 4M postings is ~50 MB per open reader.
CACHE_POSTINGS = 4_000_000
_caches: WeakKeyDictionary[Any, PostingCache] = WeakKeyDictionary()


def posting_cache(reader: Any) -> PostingCache:
    """The LRU cache of posting arrays of one reader."""
    cache = _caches.get(reader)
    if cache is None:
        cache = _caches[reader] = PostingCache(CACHE_POSTINGS)
    return cache


def cached_postings(reader: Any, field: str, text: str) -> tuple[IntArray, FloatArray]:
    """``read_postings`` through a per-reader LRU cache (a warm searcher stays fast)."""
    cache = posting_cache(reader)
    key = (field, text)
    found = cache.get(key)
    if found is None:
        found = read_postings(reader, field, text)
        cache.put(key, found)
    return found


def read_postings(reader: Any, field: str, text: str) -> tuple[IntArray, FloatArray]:
    """Document numbers (sorted) and weights of one term, over every segment."""
    term = text.encode("utf-8")
    id_parts: list[IntArray] = []
    tf_parts: list[FloatArray] = []
    for leaf, base in reader.leaf_readers():
        if (field, term) not in leaf:
            continue
        terms = leaf_terms(leaf)
        if terms is not None:
            ids, tfs = leaf_arrays(terms.matcher(field, term, leaf.schema[field].format))
            deleted = leaf.deleted_docs_set
            if deleted:
                keep = ~np.isin(ids, np.fromiter(deleted, dtype=np.int64))
                ids, tfs = ids[keep], tfs[keep]
        else:
            ids, tfs = leaf_arrays(leaf.postings(field, term))
        id_parts.append(ids + base if base else ids)
        tf_parts.append(tfs)
    if not id_parts:
        return EMPTY_IDS, EMPTY_TF
    if len(id_parts) == 1:
        return id_parts[0], tf_parts[0]
    return np.concatenate(id_parts), np.concatenate(tf_parts)


def contains(ids: IntArray, docs: IntArray) -> BoolArray:
    """Which of ``docs`` are in the sorted ``ids`` (a binary search each: for a few
    documents against a long posting list, much faster than ``np.isin``)."""
    if not len(ids):
        return np.zeros(len(docs), dtype=bool)
    pos = np.minimum(np.searchsorted(ids, docs), len(ids) - 1)
    return np.asarray(ids[pos] == docs)


class FieldStats:
    """Per-document lengths of one field and its average, for BM25."""

    def __init__(self, reader: Any, field: str):
        n = reader.doc_count_all()
        lengths = np.zeros(n, dtype=np.float64)
        for leaf, base in reader.leaf_readers():
            count = leaf.doc_count_all()
            raw = raw_lengths(leaf, field, count)
            if raw is not None:
                lengths[base : base + len(raw)] = _LENGTH_OF_BYTE[raw]
                continue
            dfl = leaf.doc_field_length
            for docnum in range(count):
                lengths[base + docnum] = dfl(docnum, field, 0) or 0
        self.lengths = lengths
        live = max(reader.doc_count(), 1)
        self.avg = float(lengths.sum()) / live or 1.0
        self.doc_count = live


# Whoosh stores each field length as one byte; this maps the byte to the length.
_LENGTH_OF_BYTE = np.asarray([byte_to_length(b) for b in range(256)], dtype=np.float64)


_stats: WeakKeyDictionary[Any, dict[str, FieldStats]] = WeakKeyDictionary()


def field_stats(reader: Any, field: str) -> FieldStats:
    per_reader = _stats.get(reader)
    if per_reader is None:
        per_reader = _stats[reader] = {}
    stats = per_reader.get(field)
    if stats is None:
        stats = per_reader[field] = FieldStats(reader, field)
    return stats


def bm25(
    candidates: IntArray,
    terms: list[tuple[IntArray, FloatArray, float]],
    stats: FieldStats,
    k1: float = K1,
    b: float = B,
) -> FloatArray:
    """BM25 of each candidate for ``terms`` = [(ids, tfs, boost)] in one field."""
    scores = np.zeros(len(candidates), dtype=np.float64)
    if not len(candidates):
        return scores
    norm = k1 * (1.0 - b + b * stats.lengths[candidates] / stats.avg)
    n = stats.doc_count
    for ids, tfs, boost in terms:
        if not len(ids):
            continue
        pos = np.searchsorted(ids, candidates)
        pos[pos >= len(ids)] = 0
        present = ids[pos] == candidates
        tf = np.where(present, tfs[pos], 0.0)
        df = len(ids)
        idf = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
        scores += boost * idf * tf * (k1 + 1.0) / (tf + norm)
    return scores
