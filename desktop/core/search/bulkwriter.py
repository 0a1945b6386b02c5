"""Fast bulk indexing: Whoosh's segment writer with an in-memory posting pool.

Whoosh's stock writer turns every posting into a tuple, sorts them through
temporary run files and, while writing, reads each document's field length back
from disk. For bulk loads (a rebuild, a large import) that dominates the time.
``BulkWriter`` keeps postings per field and term in compact arrays instead,
counts the folded text fields (``FoldedText.counts``), and writes the
segment through the codec's own field writer, so the files are ordinary
Whoosh files.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from typing import Any

from desktop.core.search.analysis import MIN_PAIR_DOCS, pair_buckets
from desktop.core.search.schema import FoldedText
from desktop.core.search.whoosh_internals import (
    begin_document,
    fill_blocks,
    finish_document,
    install_pool,
    posting_adder,
)


class _Counted:
    """Postings of one term in a counted field: document numbers and frequencies."""

    __slots__ = ("docs", "freqs")

    def __init__(self) -> None:
        self.docs = array("i")
        self.freqs = array("i")


def _bucket_rare(table: dict[str, _Counted]) -> dict[str, _Counted]:
    """Terms of fewer than ``MIN_PAIR_DOCS`` documents moved into their hashed buckets
    (``analysis.pair_buckets``); a bucket lists documents only (frequency 1)."""
    kept: dict[str, _Counted] = {}
    buckets: dict[str, set[int]] = defaultdict(set)
    for term, postings in table.items():
        if len(postings.docs) >= MIN_PAIR_DOCS:
            kept[term] = postings
            continue
        for name in pair_buckets(term):
            buckets[name].update(postings.docs)
    for name, docs in buckets.items():
        merged = _Counted()
        merged.docs = array("i", sorted(docs))
        merged.freqs = array("i", [1]) * len(docs)
        kept[name] = merged
    return kept


def _merge_into(
    table: dict[str, _Counted], generic: dict[bytes, list[tuple[int, float, bytes]]]
) -> None:
    """Add Whoosh's generic postings (of merged segments) to a counted table, in order."""
    for tbytes, postings in generic.items():
        term = tbytes.decode("utf-8")
        counted = table.get(term)
        if counted is None:
            counted = table[term] = _Counted()
        for docnum, weight, _ in postings:
            counted.docs.append(docnum)
            counted.freqs.append(max(1, round(weight)))
        docs = counted.docs
        if any(docs[n] >= docs[n + 1] for n in range(len(docs) - 1)):
            ordered = sorted(zip(docs, counted.freqs, strict=True))
            counted.docs = array("i", (d for d, _ in ordered))
            counted.freqs = array("i", (f for _, f in ordered))


class MemoryPool:
    """Holds postings until the segment is written; also takes Whoosh's generic tuples."""

    def __init__(self) -> None:
        self.counted: dict[str, dict[str, _Counted]] = defaultdict(dict)
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

    def add_counts(self, fieldname: str, docnum: int, counts: Counter[str]) -> int:
        self.fieldnames.add(fieldname)
        table = self.counted[fieldname]
        length = 0
        for term, freq in counts.items():
            postings = table.get(term)
            if postings is None:
                postings = table[term] = _Counted()
            postings.docs.append(docnum)
            postings.freqs.append(freq)
            length += freq
        self.lengths[fieldname][docnum] = length
        return length

    def iter_postings(self) -> Any:
        raise NotImplementedError("MemoryPool is written by BulkWriter directly")

    def cleanup(self) -> None:
        self.counted.clear()
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
                    length = pool.add_counts(name, docnum, field.counts(value))
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
            if fieldname in pool.counted and getattr(field, "prune_rare", False):
                pool.counted[fieldname] = _bucket_rare(pool.counted[fieldname])
            if fieldname in self.counted_fields and fieldname in pool.generic:
                # Postings of older segments merged in: into the same compact table.
                _merge_into(pool.counted.setdefault(fieldname, {}), pool.generic.pop(fieldname))
            if fieldname in pool.counted:
                self._write_counted(fw, pool.counted[fieldname], lengths)
            if fieldname in pool.generic:
                self._write_generic(fw, pool.generic[fieldname], lengths)
            fw.finish_field()
        fw.close()
        pool.cleanup()

    @staticmethod
    def _write_counted(fw: Any, table: dict[str, _Counted], lengths: dict[int, int]) -> None:
        """Fill the codec's posting blocks a block at a time (see ``fill_blocks``)."""
        # Merged documents have no length here (0: only block statistics use it).
        last = [t.docs[-1] for t in table.values() if t.docs]
        size = max([*lengths, *last], default=-1) + 1
        length_of = [0] * size
        for docnum, length in lengths.items():
            length_of[docnum] = length
        for term in sorted(table):
            postings = table[term]
            fw.start_term(term.encode("utf-8"))
            fill_blocks(fw, postings.docs, postings.freqs, length_of)
            fw.finish_term()

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
