"""Verifying a bundle and loading its articles in one streaming pass.

Each member is read once: every record of ``articles.jsonl`` and its original
are checked (``verify.verify_manifest``) and then written to the library in
batches (``ArticleStore.add_batch``: one duplicate lookup per chunk, rows by
``executemany``). Originals keep the compressed bytes they have in the zip.
Writing a batch overlaps with reading the next. Everything is written in one
transaction that commits only once the whole bundle has verified, so a damaged
or hostile bundle adds nothing.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from desktop.core.bundles.manifest import BundleManifest
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.bundles.records import ArticleRecord, draft_for
from desktop.core.bundles.verify import read_manifest, verify_manifest
from desktop.core.models import ArticleDraft
from desktop.core.safezip import SafeZip
from desktop.core.store import AddOutcome

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

BATCH = 1000


class LoadCounts:
    """What a load did: records seen, articles added (with their ids), duplicates."""

    def __init__(self) -> None:
        self.articles = 0
        self.imported = 0
        self.duplicates = 0
        self.ids: list[str] = []


def load_bundle(
    library: AnyLibrary,
    zf: SafeZip,
    progress: ProgressFn | None = None,
    *,
    keep_content_hashes: bool = False,
) -> tuple[BundleManifest, LoadCounts]:
    """Verify the bundle in ``zf`` and add its articles to ``library`` in one transaction.

    ``keep_content_hashes`` stores the records' content hashes as they are instead
    of hashing every body again: only for a new library of the bundle's own (the
    read-only open), where a wrong hash can hide no more than the bundle's own
    article; a merge always hashes, so duplicates are judged by the bodies.

    Batches are written on one helper thread while the next batch is read and
    checked (SQLite, zlib and hashing release the GIL); the library's
    connection is used by one thread at a time.
    """
    manifest = read_manifest(zf)
    with library.bulk_loading(), library.transaction():
        gen = library.bump_generation()
        # Leaving the pool waits for a batch still being written, so the transaction
        # never commits or rolls back under it.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-writer") as pool:
            loader = _Loader(
                library, gen, pool, manifest.counts.articles, zf.path.name, progress,
                keep_content_hashes,
            )
            verify_manifest(zf, manifest, progress, loader.add)
            loader.finish()
    return manifest, loader.counts


class _Loader:
    def __init__(
        self,
        library: AnyLibrary,
        gen: int,
        pool: ThreadPoolExecutor,
        total: int,
        bundle_name: str,
        progress: ProgressFn | None,
        keep_content_hashes: bool,
    ):
        self.library = library
        self.gen = gen
        self.pool = pool
        self.total = total
        self.bundle_name = bundle_name
        self.progress = progress
        self.batch: list[ArticleDraft] = []
        self.pending: tuple[list[ArticleDraft], Future[list[AddOutcome]]] | None = None
        self.counts = LoadCounts()
        self.keep_content_hashes = keep_content_hashes

    def add(self, record: ArticleRecord, content: tuple[bytes, bytes | None] | None) -> None:
        self.batch.append(
            draft_for(
                record, content, self.bundle_name, keep_content_hash=self.keep_content_hashes
            )
        )
        if len(self.batch) >= BATCH:
            self._send()

    def finish(self) -> None:
        if self.batch:
            self._send()
        self._settle()
        if self.progress is not None:
            self.progress(BundleProgress("articles", self.counts.articles, self.total))

    def _send(self) -> None:
        """Hand the batch to the writer once the one before it is written."""
        self._settle()
        batch, self.batch = self.batch, []
        future = self.pool.submit(self.library.articles.add_batch, batch, self.gen)
        self.pending = (batch, future)

    def _settle(self) -> None:
        if self.pending is None:
            return
        batch, future = self.pending
        self.pending = None
        for draft, outcome in zip(batch, future.result(), strict=True):
            if outcome is AddOutcome.ADDED:
                self.counts.imported += 1
                self.counts.ids.append(draft.id)
            else:
                self.counts.duplicates += 1
        self.counts.articles += len(batch)
        if self.progress is not None:
            self.progress(BundleProgress("articles", self.counts.articles, self.total))

