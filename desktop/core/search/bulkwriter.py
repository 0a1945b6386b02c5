"""Fast bulk indexing: Whoosh's segment writer with an in-memory posting pool.

Whoosh's stock writer turns every posting into a tuple, sorts them through
temporary run files and, while writing, reads each document's field length back
from disk. For bulk loads (a rebuild, a large import) that dominates the time.
``BulkWriter`` keeps every occurrence of a folded text field's terms
(``FoldedText.tokens``) in flat arrays instead, adds them up per term and
document once per segment in NumPy, and writes the segment's posting blocks
itself (``whoosh_internals.write_counted_terms``), so the files are ordinary
Whoosh files.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from itertools import count
from typing import Any

import numpy as np

from desktop.core.search.analysis import (
    BUCKET_HASHES,
    BUCKET_MARK,
    MIN_PAIR_DOCS,
    PAIR_BUCKETS,
    bucket_name,
    pair_bucket_array,
    plain_bucket_array,
)
from desktop.core.search.numbering import ResolvedSyllables, SegmentSyllables
from desktop.core.search.schema import FoldedText
from desktop.core.search.whoosh_internals import (
    begin_document,
    finish_document,
    install_pool,
    posting_adder,
    write_counted_terms,
)


class CountedPostings:
    """Every posting of one counted field, as flat arrays in the order added.

    Documents written now add the syllable numbers of their text
    (``numbering.SegmentSyllables``): per document its number and how many
    syllables it has, and, for the pairs field, which syllables end a part (no pair
    crosses one). The terms (folded syllables, or pairs of adjacent syllables) are
    made from the numbers in NumPy once per segment. Postings of merged older
    segments come as terms (``add_one``), numbered in ``terms`` by a counter that
    every posting advances. A few bytes per posting, against a Python object per
    term and per posting list."""

    __slots__ = ("doc_numbers", "doc_sizes", "ends", "merged_buckets", "numbers",
                 "one_docs", "one_freqs", "one_tids", "pairs", "syllables", "terms")

    def __init__(self, pairs: bool = False) -> None:
        self.pairs = pairs
        self.syllables = array("i")
        self.doc_numbers = array("i")
        self.doc_sizes = array("i")
        # For pairs: 1 where a syllable is the last of its part.
        self.ends = bytearray()
        self.terms: dict[str, int] = {}
        self.numbers = count()
        # Bucket terms of merged older segments, by term number (kept as they are).
        self.merged_buckets: list[int] = []
        self.one_tids = array("i")
        self.one_docs = array("i")
        self.one_freqs = array("i")

    def add_syllables(self, docnum: int, numbers: array[int], ends: list[int]) -> int:
        """A document's syllable numbers; returns its field length (syllables or pairs)."""
        start = len(self.syllables)
        self.syllables.extend(numbers)
        self.doc_numbers.append(docnum)
        self.doc_sizes.append(len(numbers))
        if not self.pairs:
            return len(numbers)
        flags = self.ends
        flags.extend(bytes(len(numbers)))
        length = 0
        begin = 0
        for end in ends:
            if end > begin:
                flags[start + end - 1] = 1
                length += end - begin - 1
            begin = end
        return length

    def add_one(self, term: str, docnum: int, freq: int) -> None:
        terms = self.terms
        tid = terms.get(term)
        if tid is None:
            tid = terms[term] = next(self.numbers)
            if term.startswith(BUCKET_MARK):
                self.merged_buckets.append(tid)
        self.one_tids.append(tid)
        self.one_docs.append(docnum)
        self.one_freqs.append(freq)

    def _summed(self, table: SegmentSyllables) -> tuple[list[str], Any, Any, Any, list[int]]:
        """(names; one posting per term and document: dense term numbers, documents,
        frequencies added up; the merged buckets' term numbers)."""
        parts = []
        if len(self.syllables):
            parts.append(self._summed_syllables(table.resolved()))
        if len(self.one_tids):
            parts.append(self._summed_terms())
        if len(parts) == 1:
            names, tids, docs, freqs = parts[0]
            merged = [] if len(self.syllables) else self._merged_numbers()
            return names, tids, docs, freqs, merged
        # Both: one numbering of the names (the documents are distinct).
        (names, tids, docs, freqs), (more, more_tids, more_docs, more_freqs) = parts
        numbering = {name: n for n, name in enumerate(names)}
        remap = np.fromiter(
            (numbering.setdefault(name, len(numbering)) for name in more), dtype=np.int64,
            count=len(more),
        )
        merged = remap[self._merged_numbers()].tolist()
        return (
            list(numbering),
            np.concatenate([tids, remap[more_tids]]),
            np.concatenate([docs, more_docs]),
            np.concatenate([freqs, more_freqs]),
            merged,
        )

    def _merged_numbers(self) -> list[int]:
        """Dense numbers (those of ``_summed_terms``) of the merged bucket terms."""
        order = {tid: n for n, tid in enumerate(self.terms.values())}
        return [order[tid] for tid in self.merged_buckets]

    def _doc_of(self) -> Any:
        """The document of each syllable added."""
        return np.repeat(
            np.frombuffer(self.doc_numbers, dtype=np.int32),
            np.frombuffer(self.doc_sizes, dtype=np.int32),
        )

    def _summed_syllables(self, table: ResolvedSyllables) -> tuple[list[str], Any, Any, Any]:
        if self.pairs:
            tids, docs, freqs, firsts, seconds = self._pair_postings(table)
            return table.pair_names(firsts.tolist(), seconds.tolist()), tids, docs, freqs
        doc_of = self._doc_of()
        width = int(doc_of.max()) + 1
        keys = table.syllable_terms(np.frombuffer(self.syllables, dtype=np.int32))
        keys *= width
        keys += doc_of
        tids, docs, freqs = _run_lengths(keys, width)
        return table.plain_names, tids, docs, freqs

    def _pair_postings(self, table: ResolvedSyllables) -> tuple[Any, Any, Any, Any, Any]:
        """(pair numbers, documents, frequencies: one per pair and document; the first
        and second dense syllable of each pair number)."""
        numbers = np.frombuffer(self.syllables, dtype=np.int32)
        doc_of = self._doc_of()
        width = int(doc_of.max()) + 1
        keep = np.frombuffer(self.ends, dtype=np.uint8)[:-1] == 0
        dense = table.dense
        size = max(table.size, 1)
        terms = dense[numbers[:-1][keep]]
        terms *= size
        terms += dense[numbers[1:][keep]]
        doc_of = doc_of[:-1][keep]
        if not len(terms):
            return terms, doc_of, np.zeros(0, dtype=np.int32), terms, terms
        if size * size * width < 2**62:
            sparse, docs, freqs = _run_lengths(terms * width + doc_of, width)
            firsts = np.concatenate(([True], sparse[1:] != sparse[:-1]))
            tids = np.cumsum(firsts) - 1
            unique = sparse[firsts]
        else:  # an enormous vocabulary: number the pairs first
            unique, inverse = np.unique(terms, return_inverse=True)
            tids, docs, freqs = _run_lengths(inverse.astype(np.int64) * width + doc_of, width)
        return tids, docs, freqs, unique // size, unique % size

    def _pruned_pairs(self, table: ResolvedSyllables) -> tuple[list[str], Any, Any, Any]:
        """The pair postings with rare pairs in their buckets, when no merged postings
        come with them: only the pairs kept are spelled out, and the rare ones are
        hashed from their folded spelling alone."""
        tids, docs, freqs, firsts, seconds = self._pair_postings(table)
        names = [""] * len(firsts)
        if not len(tids):
            return names, tids, docs, freqs
        rare = np.bincount(tids, minlength=len(firsts)) < MIN_PAIR_DOCS
        kept = np.flatnonzero(~rare)
        for tid, name in zip(
            kept.tolist(),
            table.pair_names(firsts[kept].tolist(), seconds[kept].tolist()),
            strict=True,
        ):
            names[tid] = name
        if rare.any():
            moved = np.flatnonzero(rare)
            numbers = plain_bucket_array(
                table.plain_pairs(firsts[moved].tolist(), seconds[moved].tolist())
            )
            tids, docs, freqs, names = _with_buckets(
                names, {}, rare, tids, docs, freqs, numbers
            )
        return names, tids, docs, freqs

    def _summed_terms(self) -> tuple[list[str], Any, Any, Any]:
        """The merged postings: one per term and document already."""
        names = list(self.terms)
        sparse = np.fromiter(self.terms.values(), dtype=np.int64, count=len(names))
        dense = np.zeros(int(sparse.max()) + 1, dtype=np.int64)
        dense[sparse] = np.arange(len(names), dtype=np.int64)
        tids = dense[np.frombuffer(self.one_tids, dtype=np.int32)]
        docs = np.frombuffer(self.one_docs, dtype=np.int32).astype(np.int64)
        freqs = np.frombuffer(self.one_freqs, dtype=np.int32).copy()
        return names, tids, docs, freqs

    def grouped(
        self, table: SegmentSyllables, prune_rare: bool
    ) -> tuple[list[str], list[int], Any, Any]:
        """(term names in term order, cuts, documents, frequencies): term ``n`` has the
        postings ``cuts[n]:cuts[n + 1]``, documents ascending. With ``prune_rare``,
        terms of fewer than ``MIN_PAIR_DOCS`` documents are replaced by their hashed
        buckets (``analysis.pair_buckets``; frequency 1)."""
        if not len(self.syllables) and not len(self.one_tids):
            return [], [0], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        if prune_rare and self.pairs and not len(self.one_tids):
            names, tids, docs, freqs = self._pruned_pairs(table.resolved())
            merged: list[int] = []
            prune_rare = False
        else:
            names, tids, docs, freqs, merged = self._summed(table)
        if not len(tids):  # syllables, but no two in a row
            return [], [0], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        if prune_rare:
            df = np.bincount(tids, minlength=len(names))
            rare = df < MIN_PAIR_DOCS
            rare[merged] = False
            if rare.any():
                known = {names[tid]: tid for tid in merged}
                tids, docs, freqs, names = _with_buckets(names, known, rare, tids, docs, freqs)
        # Only the terms left with postings are sorted (not the rare pairs just bucketed).
        used = np.zeros(len(names), dtype=bool)
        used[tids] = True
        alive = sorted(np.flatnonzero(used).tolist(), key=names.__getitem__)
        rank = np.zeros(len(names), dtype=np.int64)
        rank[alive] = np.arange(len(alive))
        width = int(docs.max()) + 1
        order = np.argsort(rank[tids] * width + docs, kind="stable")
        tids, docs, freqs = tids[order], docs[order], freqs[order]
        cuts = [0, *(np.flatnonzero(np.diff(tids)) + 1).tolist(), len(tids)]
        firsts = tids[cuts[:-1]].tolist()
        return [names[t] for t in firsts], cuts, docs, freqs


def _with_buckets(
    names: list[str], known: dict[str, int], rare: Any, tids: Any, docs: Any, freqs: Any,
    numbers: Any = None,
) -> tuple[Any, Any, Any, list[str]]:
    """The postings with those of rare terms moved into their buckets (one per
    bucket and document; a bucket already among the terms, merged, is extended).
    ``numbers``: the rare terms' bucket numbers, when already known."""
    rare_tids = np.flatnonzero(rare)
    slots = np.full((BUCKET_HASHES, len(names)), -1, dtype=np.int64)
    if numbers is None:
        numbers = pair_bucket_array([names[tid] for tid in rare_tids.tolist()])
    for n in range(BUCKET_HASHES):
        slots[n, rare_tids] = n * PAIR_BUCKETS + numbers[:, n]
    moved = rare[tids]
    keep = ~moved
    width = int(docs.max()) + 1
    rare_docs = docs[moved]
    keys = _sorted_unique(
        np.concatenate([slots[n, tids[moved]] * width + rare_docs for n in range(BUCKET_HASHES)])
    )
    bucket_slot, bucket_docs = keys // width, keys % width
    used = _sorted_unique(bucket_slot)
    new_names = list(names)
    slot_tids: list[int] = []
    for slot in used.tolist():
        name = bucket_name(slot // PAIR_BUCKETS, slot % PAIR_BUCKETS)
        found = known.get(name)
        if found is None:
            found = len(new_names)
            new_names.append(name)
        slot_tids.append(found)
    bucket_tids = np.asarray(slot_tids, dtype=np.int64)[np.searchsorted(used, bucket_slot)]
    return (
        np.concatenate([tids[keep], bucket_tids]),
        np.concatenate([docs[keep], bucket_docs]),
        np.concatenate([freqs[keep], np.ones(len(bucket_docs), dtype=freqs.dtype)]),
        new_names,
    )


def _run_lengths(keys: Any, width: int) -> tuple[Any, Any, Any]:
    """(terms, documents, occurrences) of keys ``term * width + document``, one per
    distinct key, ascending (``keys`` is sorted in place)."""
    if not len(keys):
        return keys, keys, np.zeros(0, dtype=np.int32)
    keys.sort()
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    freqs = np.diff(np.append(starts, len(keys))).astype(np.int32)
    keys = keys[starts]
    return keys // width, keys % width, freqs


def _sorted_unique(values: Any) -> Any:
    """``np.unique`` by sorting (NumPy's hash-based unique is several times slower here)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


class MemoryPool:
    """Holds postings until the segment is written; also takes Whoosh's generic tuples."""

    def __init__(self) -> None:
        self.counted: dict[str, CountedPostings] = {}
        self.syllables = SegmentSyllables()
        self.generic: dict[str, dict[bytes, list[tuple[int, float, bytes]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.lengths: dict[str, dict[int, int]] = defaultdict(dict)
        self.fieldnames: set[str] = set()

    # Whoosh's pool interface: the fields that are not counted, and every posting of
    # the older segments merged in on commit (a counted field's value is empty).
    def add(self, item: tuple[str, bytes, int, float, bytes | str | None]) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        self.fieldnames.add(fieldname)
        value = vbytes if isinstance(vbytes, bytes) else b""
        self.generic[fieldname][tbytes].append((docnum, weight, value))

    def postings(self, fieldname: str, pairs: bool = False) -> CountedPostings:
        """The counted postings of a field (created on first use)."""
        found = self.counted.get(fieldname)
        if found is None:
            found = self.counted[fieldname] = CountedPostings(pairs)
        return found

    def add_text(self, fieldname: str, docnum: int, text: str, pairs: bool) -> int:
        """Index ``text`` in a counted field (its syllables, or its pairs)."""
        self.fieldnames.add(fieldname)
        numbers, ends = self.syllables.split(text)
        length = self.postings(fieldname, pairs).add_syllables(docnum, numbers, ends)
        self.lengths[fieldname][docnum] = length
        return length

    def iter_postings(self) -> Any:
        raise NotImplementedError("MemoryPool is written by BulkWriter directly")

    def cleanup(self) -> None:
        self.counted.clear()
        self.syllables = SegmentSyllables()
        self.generic.clear()
        self.lengths.clear()


class BulkWriter:
    """Wraps a Whoosh ``SegmentWriter`` (from ``ix.writer()``) for fast ``add_document``."""

    def __init__(self, writer: Any):
        self.writer = writer
        self.schema = writer.schema
        self.pool = MemoryPool()
        install_pool(writer, self.pool, self._write_segment)
        self.counted_fields = {
            name
            for name, field in self.schema.items()
            if isinstance(field, FoldedText) and not field.positional
        }

    # -- adding ------------------------------------------------------------

    def add_document(self, **fields: Any) -> None:
        w = self.writer
        schema = self.schema
        pool = self.pool
        names = sorted(n for n in fields if not n.startswith("_"))
        docnum, perdoc = begin_document(w, names)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if name in self.counted_fields and isinstance(value, str):
                    length = pool.add_text(name, docnum, value, field.pairs)
                elif field.indexed:
                    scorable = field.scorable
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if scorable:
                            length += freq
                        pool.add((name, tbytes, docnum, weight, vbytes))
                    if scorable:
                        pool.lengths[name][docnum] = length
                custom = fields.get(f"_stored_{name}", value)
                perdoc.add_field(name, field, custom if field.stored else None, length)
                if field.column_type and custom is not None:
                    perdoc.add_column_value(
                        name, field.column_type, field.to_column_value(custom)
                    )
        except Exception:
            perdoc.cancel_doc()
            raise
        finish_document(w, perdoc)

    def update_document(self, **fields: Any) -> None:
        self.writer.delete_by_term("id", fields["id"])
        self.add_document(**fields)

    def delete_by_term(self, fieldname: str, text: str) -> int:
        return int(self.writer.delete_by_term(fieldname, text))

    def commit(self, **kwargs: Any) -> None:
        self.writer.commit(**kwargs)

    def cancel(self) -> None:
        self.pool.cleanup()
        self.writer.cancel()

    # -- writing the segment -------------------------------------------------

    def _write_segment(self) -> None:
        w = self.writer
        w.perdocwriter.close()
        fw = w.fieldwriter
        pool = self.pool
        for fieldname in sorted(pool.fieldnames):
            field = self.schema[fieldname]
            lengths = pool.lengths.get(fieldname, {})
            fw.start_field(fieldname, field)
            if fieldname in self.counted_fields and fieldname in pool.generic:
                # Postings of older segments merged in: into the same compact arrays.
                counted = pool.postings(fieldname, field.pairs)
                for tbytes, postings in pool.generic.pop(fieldname).items():
                    term = tbytes.decode("utf-8")
                    for docnum, weight, _ in postings:
                        counted.add_one(term, docnum, max(1, round(weight)))
            if fieldname in pool.counted:
                prune = bool(getattr(field, "prune_rare", False))
                grouped = pool.counted.pop(fieldname).grouped(pool.syllables, prune)
                self._write_counted(fw, grouped, lengths)
            if fieldname in pool.generic:
                self._write_generic(fw, pool.generic[fieldname], lengths)
            fw.finish_field()
        fw.close()
        pool.cleanup()

    @staticmethod
    def _write_counted(
        fw: Any, grouped: tuple[list[str], list[int], Any, Any], lengths: dict[int, int]
    ) -> None:
        """Write the terms through ``write_counted_terms`` (the codec's blocks)."""
        names, cuts, docs, freqs = grouped
        size = max(max(lengths, default=-1), int(docs.max()) if len(docs) else -1) + 1
        # Merged documents have no length here (0: only block statistics use it).
        length_of = np.zeros(size, dtype=np.int64)
        if lengths:
            length_of[np.fromiter(lengths, dtype=np.int64, count=len(lengths))] = np.fromiter(
                lengths.values(), dtype=np.int64, count=len(lengths)
            )
        write_counted_terms(fw, names, cuts, docs, freqs, length_of)

    @staticmethod
    def _write_generic(
        fw: Any, table: dict[bytes, list[tuple[int, float, bytes]]], lengths: dict[int, int]
    ) -> None:
        for tbytes in sorted(table):
            postings = table[tbytes]
            postings.sort(key=lambda p: p[0])
            fw.start_term(tbytes)
            add = posting_adder(fw)
            for docnum, weight, vbytes in postings:
                add(docnum, weight, vbytes, lengths.get(docnum, 0))
            fw.finish_term()
