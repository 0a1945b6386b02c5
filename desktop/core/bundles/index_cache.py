"""Search indexes built for bundles opened read-only, kept per bundle for the next open.

A bundle never supplies its own search index: Whoosh unpickles an index's table
of contents, so index files from a stranger could run code. A bundle opened
read-only gets its index built here, from its articles; a copy is kept in the
user's cache folder under the SHA-256 of the bundle's ``manifest.json``. The
manifest lists the hash of every member and is only trusted after the whole
bundle has verified against it, so the key names the bundle's content. Only
indexes this program built ever go into the cache.

The cache is a convenience: any failure to read or write it is ignored, and the
index is then built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from desktop.core import paths
from desktop.core.bundles.manifest import MANIFEST_NAME
from desktop.core.safezip import SafeZip

CACHE_SUBDIR = "bundle-indexes"
# How many bundles' indexes are kept (the least recently opened go first).
KEEP = 8
# A copy still being written is never this old; older ones were left by a crash.
STALE_PART_SECONDS = 3600
# Files that only matter to a running writer.
_SKIP = ("*.lock", "*_LOCK", "*WRITELOCK", "*.tmp")


def cache_root() -> Path:
    return paths.cache_dir() / CACHE_SUBDIR


def bundle_key(zf: SafeZip, max_bytes: int) -> str:
    """The cache key of a verified bundle: the SHA-256 of its manifest."""
    return hashlib.sha256(zf.read(MANIFEST_NAME, max_bytes)).hexdigest()


def fingerprint(index_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the index's files (to see if it changed)."""
    if not index_dir.is_dir():
        return ()
    found = []
    for file in sorted(index_dir.rglob("*")):
        with contextlib.suppress(OSError):
            st = file.lstat()
            found.append((file.relative_to(index_dir).as_posix(), st.st_size, st.st_mtime_ns))
    return tuple(found)


def restore(key: str, index_dir: Path) -> bool:
    """Copy the cached index of bundle ``key`` into ``index_dir``; False when there is none."""
    entry = cache_root() / key
    if not entry.is_dir():
        return False
    try:
        shutil.copytree(entry, index_dir, symlinks=True, dirs_exist_ok=True)
        os.utime(entry)  # the most recently used entry is kept longest
    except OSError:
        shutil.rmtree(index_dir, ignore_errors=True)
        return False
    return True


def store(key: str, index_dir: Path) -> None:
    """Keep a copy of the index built in ``index_dir`` as the cache entry of bundle ``key``."""
    root = cache_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".part-", dir=root))
    except OSError:
        return
    try:
        shutil.copytree(
            index_dir, tmp, symlinks=True, dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(*_SKIP),
        )
        entry = root / key
        shutil.rmtree(entry, ignore_errors=True)
        os.replace(tmp, entry)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return
    _prune(root)


def _prune(root: Path) -> None:
    """Keep the ``KEEP`` most recently used entries; drop copies left by a crash."""
    try:
        entries = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
        entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        stale = [
            p for p in root.glob(".part-*")
            if time.time() - p.stat().st_mtime > STALE_PART_SECONDS
        ]
    except OSError:
        return
    for old in entries[KEEP:] + stale:
        shutil.rmtree(old, ignore_errors=True)
