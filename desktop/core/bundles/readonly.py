"""Opening a bundle read-only in the app (``archive-browser --bundle IN.zip``).

The bundle is verified, loaded into a new library in a temporary folder (which
is removed when the program exits, or by ``close_bundle``), and that library is
reopened read-only. The search index is built here from the bundle's articles,
or copied from the one built at an earlier open of the same bundle
(``index_cache``); index files inside a bundle are never read.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from desktop.core.bundles import index_cache, links
from desktop.core.bundles.lists import LISTS_NAME, merge_lists
from desktop.core.bundles.loader import load_bundle
from desktop.core.bundles.manifest import ANNOTATIONS_NAME
from desktop.core.bundles.progress import ProgressFn
from desktop.core.bundles.verify import MAX_MANIFEST_BYTES, read_annotations, read_lists
from desktop.core.safezip import DEFAULT_LIMITS, SafeZip, ZipLimits
from desktop.core.store import Library

TEMP_PREFIX = "archive-browser-bundle-"
LIBRARY_DIR = "library"


def open_bundle_readonly(
    zip_path: Path, *, limits: ZipLimits = DEFAULT_LIMITS, progress: ProgressFn | None = None
) -> Library:
    """A read-only library holding the bundle's articles and annotations, and a search index."""
    root = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    try:
        _load(Path(zip_path), root / LIBRARY_DIR, limits, progress)
        return Library.open(root / LIBRARY_DIR, read_only=True)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


def close_bundle(library: Library) -> None:
    """Close a library from ``open_bundle_readonly`` and remove its temporary folder."""
    library.close()
    root = library.root.parent
    if root.name.startswith(TEMP_PREFIX):
        shutil.rmtree(root, ignore_errors=True)


def _load(zip_path: Path, target: Path, limits: ZipLimits, progress: ProgressFn | None) -> None:
    with SafeZip(zip_path, limits) as zf:
        library = Library.open(target)
        try:
            library.make_scratch()
            load_bundle(library, zf, progress, keep_content_hashes=True)
            if zf.has(ANNOTATIONS_NAME):
                links.merge_annotations(library, read_annotations(zf))
            if zf.has(LISTS_NAME):
                merge_lists(library, read_lists(zf))
            key = index_cache.bundle_key(zf, MAX_MANIFEST_BYTES)
            cached = index_cache.restore(key, library.index_dir) and links.adopt_index(library)
            before = index_cache.fingerprint(library.index_dir)
            links.prepare_index(library, progress)
            if not cached or index_cache.fingerprint(library.index_dir) != before:
                index_cache.store(key, library.index_dir)
        finally:
            library.close()
