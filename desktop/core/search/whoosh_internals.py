"""The one home of the Whoosh internals this package relies on.

Whoosh's public API is too slow or too narrow in a few places (see ``postings``
and ``bulkwriter``), and the index's consistency checks need the list of files
a committed index is made of. Everything that reaches past Whoosh's public API
is named here, and this module refuses to load with another Whoosh version
than the pinned one, so an upgrade fails loudly instead of corrupting indexes.
"""

from __future__ import annotations

from typing import Any

import whoosh
from whoosh.index import TOC

PINNED_VERSION = (2, 7, 5)

if tuple(whoosh.__version__[:3]) != PINNED_VERSION:  # pragma: no cover - packaging guard
    raise ImportError(
        f"Archive Browser needs whoosh-reloaded {'.'.join(map(str, PINNED_VERSION))}, "
        f"found {whoosh.versionstring()}."
    )


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
