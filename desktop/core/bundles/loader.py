"""Verifying a bundle and loading its articles in one streaming pass.

Each member is read once: every record of ``articles.jsonl`` and its original
are checked (``verify.verify_manifest``) and then written to the library in
batches (``ArticleStore.add_batch``: one duplicate lookup per chunk, rows by
``executemany``). Originals keep the compressed bytes they have in the zip.
Everything is written in one transaction that commits only once the whole
bundle has verified, so a damaged or hostile bundle adds nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.core.bundles.manifest import BundleManifest
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.bundles.records import ArticleRecord, draft_for
from desktop.core.bundles.safezip import SafeZip
from desktop.core.bundles.verify import read_manifest, verify_manifest
from desktop.core.models import ArticleDraft
from desktop.core.store import AddOutcome, Library
from desktop.core.store.connection import bump_generation, transaction

BATCH = 1000
# SQLite page cache while loading (KiB, as a negative cache_size): the id and
# content-hash indexes take random inserts.
LOAD_CACHE_KIB = 64 * 1024


class LoadCounts:
    """What a load did: records seen, articles added (with their ids), duplicates."""

    def __init__(self) -> None:
        self.articles = 0
        self.imported = 0
        self.duplicates = 0
        self.ids: list[str] = []


def load_bundle(
    library: Library, zf: SafeZip, progress: ProgressFn | None = None
) -> tuple[BundleManifest, LoadCounts]:
    """Verify the bundle in ``zf`` and add its articles to ``library`` in one transaction."""
    manifest = read_manifest(zf)
    loader = _Loader(library, manifest.counts.articles, zf.path.name, progress)
    with _large_cache(library.conn), transaction(library.conn):
        loader.gen = bump_generation(library.conn)
        verify_manifest(zf, manifest, progress, loader.add)
        loader.flush()
    return manifest, loader.counts


class _Loader:
    def __init__(
        self, library: Library, total: int, bundle_name: str, progress: ProgressFn | None
    ):
        self.library = library
        self.total = total
        self.bundle_name = bundle_name
        self.progress = progress
        self.gen = 0
        self.batch: list[ArticleDraft] = []
        self.counts = LoadCounts()

    def add(self, record: ArticleRecord, content: tuple[bytes, bytes | None] | None) -> None:
        self.batch.append(draft_for(record, content, self.bundle_name))
        self.counts.articles += 1
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            outcomes = self.library.articles.add_batch(self.batch, self.gen)
            for draft, outcome in zip(self.batch, outcomes, strict=True):
                if outcome is AddOutcome.ADDED:
                    self.counts.imported += 1
                    self.counts.ids.append(draft.id)
                else:
                    self.counts.duplicates += 1
            self.batch = []
        if self.progress is not None:
            self.progress(BundleProgress("articles", self.counts.articles, self.total))


@contextmanager
def _large_cache(conn: sqlite3.Connection) -> Iterator[None]:
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")
