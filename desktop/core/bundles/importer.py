"""Merging a bundle into a library.

The bundle is verified and its articles loaded in one pass and one transaction
(see ``loader``), so a damaged or hostile bundle adds nothing. An article whose
id or content hash is already stored counts as a duplicate and the stored one
is kept. Annotations are merged (by id, re-anchored) by the annotations store
once the articles are in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from desktop.core.bundles import links
from desktop.core.bundles.lists import LISTS_NAME, merge_lists
from desktop.core.bundles.loader import load_bundle
from desktop.core.bundles.manifest import ANNOTATIONS_NAME
from desktop.core.bundles.progress import ProgressFn
from desktop.core.bundles.verify import read_annotations, read_lists
from desktop.core.errors import LibraryError
from desktop.core.safezip import DEFAULT_LIMITS, SafeZip, ZipLimits

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary


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
    # Saved searches and collection entries added from ``lists.json``.
    lists_merge: dict[str, Any] | None = None

    def public_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def import_bundle(
    library: AnyLibrary,
    path: Path,
    *,
    limits: ZipLimits = DEFAULT_LIMITS,
    progress: ProgressFn | None = None,
) -> BundleImportReport:
    """Verify the bundle at ``path`` while merging its articles, then its annotations."""
    if library.read_only:
        raise LibraryError("This library is open read-only; a bundle cannot be imported into it.")
    path = Path(path)
    with SafeZip(path, limits) as zf:
        _, counts = load_bundle(library, zf, progress)
        report = BundleImportReport(
            path=str(path),
            articles=counts.articles,
            imported=counts.imported,
            duplicates=counts.duplicates,
            ids=counts.ids,
        )
        if zf.has(ANNOTATIONS_NAME):
            collection = read_annotations(zf)
            report.annotations = links.count_annotations(collection)
            merged = links.merge_annotations(library, collection)
            report.annotation_merge = merged.model_dump(mode="json")
        if zf.has(LISTS_NAME):
            report.lists_merge = merge_lists(library, read_lists(zf)).model_dump(mode="json")
    return report
