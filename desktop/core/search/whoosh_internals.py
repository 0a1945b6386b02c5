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

import zlib
from typing import Any

import numpy as np
import numpy.typing as npt
import whoosh
from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3LeafMatcher,
    W3TermInfo,
    _lenfield,
)
from whoosh.compat import dumps
from whoosh.index import TOC
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

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


_LIST_CHUNK = 1 << 16


def write_counted_terms(
    fieldwriter: Any,
    names: list[str],
    cuts: list[int],
    docs: IntArray,
    freqs: Any,
    length_of: IntArray,
) -> None:
    """Write the terms of a counted field (``schema.Counts``: no per-posting values), in
    order: term ``n`` is ``names[n]`` with the postings ``cuts[n]:cuts[n + 1]`` of
    ``docs`` (ascending within a term) and ``freqs``; ``length_of`` gives each
    document's field length. The bytes are those of ``add_posting`` and
    ``finish_term`` for integer weights (pickled in 2 bytes each instead of a float's
    9; the first is a float, so a block of equal weights is stored as the one float
    Whoosh expects), but the deltas and every block's and term's statistics come from
    NumPy in one pass."""
    total = len(docs)
    if not total:
        return
    pw = fieldwriter._postwriter
    limit = int(pw._blocklimit)
    inline_limit = int(pw._inlinelimit)
    comp = pw._compression
    postfile = pw._postfile
    tindex = fieldwriter._tindex
    prefix = pack_ushort(fieldwriter._fieldid)
    pack_info = W3TermInfo._struct.pack

    starts = np.asarray(cuts[:-1], dtype=np.int64)
    block_pos = np.arange(total, dtype=np.int64) - np.repeat(starts, np.diff(cuts))
    firsts = block_pos % limit == 0
    block_starts = np.flatnonzero(firsts)
    # Whoosh delta-encodes each block from 0: the first id of a block is kept whole.
    deltas = np.empty(total, dtype=np.int64)
    deltas[0] = docs[0]
    np.subtract(docs[1:], docs[:-1], out=deltas[1:])
    deltas[firsts] = docs[firsts]
    wide_freqs = freqs.astype(np.int64)
    lens = length_of[docs]
    # Blocks: weight sum, maximum weight, maximum and minimum non-zero length.
    none = np.int64(2**62)
    b_sum = np.add.reduceat(wide_freqs, block_starts)
    b_maxw = np.maximum.reduceat(wide_freqs, block_starts)
    b_maxlen = np.maximum.reduceat(lens, block_starts)
    b_minlen = np.minimum.reduceat(np.where(lens == 0, none, lens), block_starts)
    # Terms: the same over their blocks.
    term_blocks = np.searchsorted(block_starts, starts)
    t_sum = np.add.reduceat(b_sum, term_blocks).tolist()
    t_maxw = np.maximum.reduceat(b_maxw, term_blocks).tolist()
    t_maxlen = np.maximum.reduceat(b_maxlen, term_blocks).tolist()
    t_minlen = np.minimum.reduceat(b_minlen, term_blocks).tolist()
    b_maxw_l = b_maxw.tolist()
    b_maxlen_l = b_maxlen.tolist()
    b_minlen_l = b_minlen.tolist()
    big = int(none)
    del block_pos, firsts, wide_freqs, lens
    block = 0
    # Postings as Python lists a chunk of terms at a time (a list costs ~10x an array).
    base = high = 0
    docs_all: list[int] = []
    deltas_all: list[int] = []
    freqs_all: list[Any] = []
    for n, name in enumerate(names):
        if cuts[n + 1] > high:
            base, high = cuts[n], max(cuts[n + 1], cuts[n] + _LIST_CHUNK)
            docs_all = docs[base:high].tolist()
            deltas_all = deltas[base:high].tolist()
            freqs_all = freqs[base:high].tolist()
        start, end = cuts[n] - base, cuts[n + 1] - base
        minlength = t_minlen[n]
        head = pack_info(
            end - start < inline_limit,
            float(t_sum[n]),
            end - start,
            0 if minlength == big else length_to_byte(minlength),
            length_to_byte(t_maxlen[n]),
            float(t_maxw[n]),
            docs_all[start],
            docs_all[end - 1],
        )
        if end - start < inline_limit:
            weights: list[float] = freqs_all[start:end]
            weights[0] = float(weights[0])
            tail = dumps((tuple(docs_all[start:end]), tuple(weights), ()), 2)
            block += 1
        else:
            offset = postfile.tell()
            postfile.write(WHOOSH3_HEADER_MAGIC)
            for first in range(start, end, limit):
                stop = min(end, first + limit)
                weights = freqs_all[first:stop]
                one = weights[0]
                if one == 1 and weights.count(1) == len(weights):
                    mini: Any = None
                elif weights.count(one) == len(weights):
                    mini = float(one)
                else:
                    weights[0] = float(one)
                    mini = tuple(weights)
                data = dumps((tuple(deltas_all[first:stop]), mini, None), 2)
                if comp:
                    data = zlib.compress(data, comp)
                low = b_minlen_l[block]
                info = dumps(
                    (
                        stop - first,
                        docs_all[stop - 1],
                        float(b_maxw_l[block]),
                        comp,
                        length_to_byte(None if low == big else low),
                        length_to_byte(b_maxlen_l[block]),
                    ),
                    2,
                )
                block += 1
                size = len(info) + len(data)
                postfile.write_int(-size if stop == end else size)
                postfile.write(info)
                postfile.write(data)
            tail = pack_long(offset) + pack_int(postfile.tell() - offset)
        tindex.add(prefix + name.encode("utf-8"), head + tail)


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


