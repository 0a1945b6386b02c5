"""Merging a bundle into a library.

The bundle is verified completely first, so a damaged or hostile bundle adds
nothing. Articles go through the store's ``add_many``: an article whose id or
content hash is already stored counts as a duplicate and the stored one is
kept. Annotations are merged (by id, re-anchored) by the annotations store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from desktop.core.bundles import links
from desktop.core.bundles.manifest import ANNOTATIONS_NAME, BundleManifest
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.bundles.records import ArticleRecord, draft_for
from desktop.core.bundles.safezip import DEFAULT_LIMITS, SafeZip, ZipLimits
from desktop.core.bundles.verify import iter_records, read_annotations, verify_open
from desktop.core.errors import LibraryError, UnsafeArchiveError
from desktop.core.models import ArticleDraft, Original
from desktop.core.store import AddOutcome, Library

BATCH = 500


class BundleImportReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    articles: int = 0
    imported: int = 0
    duplicates: int = 0
    ids: list[str] = Field(default_factory=list)
    annotations: int = 0
    # The annotations store's merge report (added, updated, unchanged, orphaned, failed).
    annotation_merge: dict[str, Any] | None = None

    def public_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def import_bundle(
    library: Library,
    path: Path,
    *,
    limits: ZipLimits = DEFAULT_LIMITS,
    progress: ProgressFn | None = None,
) -> BundleImportReport:
    """Verify the bundle at ``path``, then merge its articles and annotations."""
    if library.read_only:
        raise LibraryError("This library is open read-only; a bundle cannot be imported into it.")
    path = Path(path)
    with SafeZip(path, limits) as zf:
        manifest = verify_open(zf, progress)
        report = BundleImportReport(path=str(path))
        load_articles(library, zf, manifest, report, progress)
        if zf.has(ANNOTATIONS_NAME):
            collection = read_annotations(zf)
            report.annotations = links.count_annotations(collection)
            merged = links.merge_annotations(library, collection)
            report.annotation_merge = merged.model_dump(mode="json")
    return report


def load_articles(
    library: Library,
    zf: SafeZip,
    manifest: BundleManifest,
    report: BundleImportReport,
    progress: ProgressFn | None = None,
) -> None:
    """Add the bundle's articles to ``library`` in batches, counting the outcome."""
    total = manifest.counts.articles
    batch: list[ArticleDraft] = []

    def flush() -> None:
        outcomes = library.articles.add_many(batch)
        for draft, outcome in zip(batch, outcomes, strict=True):
            if outcome is AddOutcome.ADDED:
                report.imported += 1
                report.ids.append(draft.id)
            else:
                report.duplicates += 1
        batch.clear()
        if progress is not None:
            progress(BundleProgress("articles", report.articles, total))

    for record in iter_records(zf):
        batch.append(draft_for(record, _original(zf, record), zf.path.name))
        report.articles += 1
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()


def _original(zf: SafeZip, record: ArticleRecord) -> Original | None:
    info = record.original
    if info is None:
        return None
    data = zf.read(info.member)
    if len(data) != info.size:
        raise UnsafeArchiveError(f"Bundle member {info.member!r} changed while it was read.")
    return Original(
        data=data, media_type=info.media_type, encoding=info.encoding, hints=dict(info.hints)
    )
