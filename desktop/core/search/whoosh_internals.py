"""The one home of the Whoosh internals this package relies on.

Whoosh's public API is too slow or too narrow in a few places: the bulk
writer's hooks into ``SegmentWriter`` (its pool, ``_flush_segment`` and the
codec's posting blocks), the posting and field-length readers of ``postings``,
the list of files a committed index is made of (for the checksums), and the
repair of inlined posting lists (short lists kept in the term dictionary).
Everything that reaches past Whoosh's public API is named here, and this module
refuses to load with another Whoosh version than the pinned one, so an upgrade
fails loudly instead of corrupting indexes.
"""

from __future__ import annotations

from array import array
from typing import Any

import numpy as np
import numpy.typing as npt
import whoosh
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, W3TermInfo, _lenfield
from whoosh.index import TOC

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
_EMPTY_IDS: IntArray = np.zeros(0, dtype=np.int64)
_EMPTY_TF: FloatArray = np.zeros(0, dtype=np.float64)

PINNED_VERSION = (2, 7, 5)

if tuple(whoosh.__version__[:3]) != PINNED_VERSION:
    raise ImportError(
        f"Archive Browser needs whoosh-reloaded {'.'.join(map(str, PINNED_VERSION))}, "
        f"found {whoosh.versionstring()}."
    )


# Whoosh 2.7.5's postings writer calls ``W3TermInfo.set_inline`` for a short posting
# list kept in the term dictionary (``W3Codec(inlinelimit=...)``), but the method is
# named ``set_inlined``; the reader side (``is_inlined``, ``inlined_postings``) works.
if not hasattr(W3TermInfo, "set_inline"):
    W3TermInfo.set_inline = W3TermInfo.set_inlined


def index_files(ix: Any) -> list[str]:
    """Names of the files the latest commit of ``ix`` consists of (TOC and segments)."""
    toc = ix._read_toc()
    names = {TOC._filename(ix.indexname, toc.generation)}
    for segment in toc.segments:
        names.update(segment.list_files(ix.storage))
    return sorted(names)


def segment_writer(ix: Any, **kwargs: Any) -> Any:
    """Whoosh's ``SegmentWriter`` without Whoosh's own write lock.

    ``locking.index_write_lock`` already admits one writer per index folder.
    Whoosh's lock is an ``flock`` that a writer failing in its constructor (a
    full disk while creating its files) keeps until garbage collection, which
    would block every later writer of the process.
    """
    return ix.writer(_lk=False, **kwargs)


def abandon_writer(writer: Any) -> None:
    """Cancel a writer that failed (cancelling flushes files, so it can fail again)."""
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - nothing of the failed write is kept anyway
        inner = getattr(writer, "writer", writer)  # a BulkWriter wraps the SegmentWriter
        inner.is_closed = True


# -- the bulk writer's hooks into SegmentWriter ------------------------------------


def install_pool(writer: Any, pool: Any, flush: Any) -> None:
    """Give a ``SegmentWriter`` our posting pool and segment flush."""
    writer.pool = pool
    writer._flush_segment = flush


def begin_document(writer: Any, names: list[str]) -> tuple[int, Any]:
    """Start a document in ``writer``: its number and the per-document writer."""
    writer._check_state()
    writer._check_fields(writer.schema, names)
    docnum = int(writer.docnum)
    perdoc = writer.perdocwriter
    perdoc.start_doc(docnum)
    return docnum, perdoc


def finish_document(writer: Any, perdoc: Any) -> None:
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


def posting_adder(fieldwriter: Any) -> Any:
    """The codec's ``add_posting(docnum, weight, value_bytes, length)`` for the open term."""
    return fieldwriter._postwriter.add_posting


def fill_blocks(fieldwriter: Any, docs: Any, freqs: Any, length_of: list[int]) -> None:
    """Write one term's postings a block at a time: what ``add_posting`` would write for
    a format without per-posting values (``schema.Counts``), but with integer weights."""
    pw = fieldwriter._postwriter
    limit = pw._blocklimit
    n = len(docs)
    for start in range(0, n, limit):
        end = min(n, start + limit)
        block_docs = docs[start:end]
        block_freqs = freqs[start:end]
        lens = [length_of[d] for d in block_docs]
        nonzero = [x for x in lens if x]
        pw._ids = array("I", block_docs)
        # Integer weights: pickled in 2 bytes each instead of a float's 9. The first is a
        # float, so a block of equal weights is stored as the one float Whoosh expects.
        weights: list[float] = list(block_freqs)
        weights[0] = float(weights[0])
        pw._weights = weights
        pw._values = []
        pw._maxweight = float(max(block_freqs))
        pw._minlength = min(nonzero) if nonzero else None
        pw._maxlength = max(lens)
        if end < n:
            pw._write_block()


# -- reading postings and lengths fast ------------------------------------------------


def leaf_terms(leaf: Any) -> Any:
    """A segment reader's terms reader (None for other readers)."""
    return getattr(leaf, "_terms", None)


def leaf_arrays(matcher: Any) -> tuple[IntArray, FloatArray]:
    """Document numbers and weights of a posting matcher, a block at a time."""
    if isinstance(matcher, W3LeafMatcher):
        id_parts: list[IntArray] = []
        tf_parts: list[FloatArray] = []
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            deltas, weights = matcher._data[0], matcher._data[1]
            count = matcher._blocklength
            id_parts.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
            if weights is None:
                tf_parts.append(np.ones(count, dtype=np.float64))
            elif isinstance(weights, float):
                tf_parts.append(np.full(count, weights, dtype=np.float64))
            else:
                tf_parts.append(np.asarray(weights, dtype=np.float64))
            matcher._next_block()
        if not id_parts:
            return _EMPTY_IDS, _EMPTY_TF
        return np.concatenate(id_parts), np.concatenate(tf_parts)
    ids: list[int] = []
    tfs: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        tfs.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(tfs, dtype=np.float64)



def raw_lengths(leaf: Any, field: str, count: int) -> npt.NDArray[np.uint8] | None:
    """The length bytes of a segment's field, read in one go (None if not available)."""
    try:
        column = leaf._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count, dtype=np.uint8)
        stored = min(column._count, count)
        data = column._dbfile.get(column._basepos, stored)
    except (AttributeError, OSError, TypeError):
        return None
    out = np.zeros(count, dtype=np.uint8)
    out[:stored] = np.frombuffer(data, dtype=np.uint8, count=stored)
    return out


