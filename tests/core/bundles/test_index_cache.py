"""The per-bundle cache of locally built search indexes: kept, bounded, crash leftovers removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from desktop.core.bundles import index_cache


def _index(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / f"ix-{text}"
    (folder / "whoosh").mkdir(parents=True)
    (folder / "whoosh" / "seg.seg").write_text(text)
    (folder / "whoosh" / "write.lock").write_text("")
    (folder / "state.json").write_text("{}")
    return folder


def test_store_and_restore_without_lock_files(tmp_path: Path) -> None:
    index_cache.store("k1", _index(tmp_path, "a"))
    target = tmp_path / "restored"
    assert index_cache.restore("k1", target)
    assert (target / "whoosh" / "seg.seg").read_text() == "a"
    assert not (target / "whoosh" / "write.lock").exists()
    assert not index_cache.restore("other", tmp_path / "none")


def test_only_the_most_recent_entries_and_no_stale_parts_are_kept(tmp_path: Path) -> None:
    root = index_cache.cache_root()
    root.mkdir(parents=True)
    stale = root / ".part-crashed"
    stale.mkdir()
    old = time.time() - 2 * index_cache.STALE_PART_SECONDS
    os.utime(stale, (old, old))
    fresh = root / ".part-writing"
    fresh.mkdir()
    for n in range(index_cache.KEEP + 2):
        index_cache.store(f"k{n}", _index(tmp_path, str(n)))
        entry = root / f"k{n}"
        os.utime(entry, (time.time() - 100 + n, time.time() - 100 + n))
    index_cache.store("last", _index(tmp_path, "last"))
    kept = sorted(p.name for p in root.iterdir() if not p.name.startswith("."))
    assert len(kept) == index_cache.KEEP and "last" in kept and "k0" not in kept
    assert not stale.exists() and fresh.exists()
