"""A full disk while the search index is written (the store is already committed)."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.structfile import StructFile

from desktop.core.search.index import IndexDiskFullError, SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.search.state import read_state
from desktop.core.store import Library
from tests.hostile._index_support import cli, fill


def _full_disk_write(self: Any, data: Any) -> None:
    """Stands in for every write to an index file: ENOSPC, as on a full disk."""
    raise OSError(errno.ENOSPC, "No space left on device")


def _index_folders(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "index").iterdir() if p.is_dir())


def test_import_on_a_full_disk_keeps_the_store_and_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    fill(root, 3).close()
    code, _, _ = cli(capsys, "--library", str(root), "search", "mua")
    assert code == 0
    before = read_state(root / "index")
    assert before is not None
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        (folder / f"{n}.txt").write_text(f"Bão số {n}\n\nCơn bão số {n} đổ bộ vào Huế.\n")

    with monkeypatch.context() as m:
        m.setattr(StructFile, "write", _full_disk_write)
        code, out, err = cli(capsys, "--library", str(root), "import", str(folder), "--json")
        assert "Traceback" not in err
        report = json.loads(out)
        assert report["imported"] == 4
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines == [
            "archive-browser: The disk is full: 4 articles were stored; "
            "the search index will catch up when space is freed"
        ]
        # The index is stale, not damaged: it still reflects the earlier generation.
        after = read_state(root / "index")
        assert after == before
        # Search answers from the last good index and says it is behind.
        code, out, err = cli(capsys, "--library", str(root), "search", "mua", "--json")
        assert code == 0 and "Traceback" not in err, err
        data = json.loads(out)
        assert data["total"] == 3 and "disk is full" in data["notice"]
        code, out, _ = cli(capsys, "--library", str(root), "search", "bao", "--json")
        assert code == 0 and json.loads(out)["total"] == 0
    lib = Library.open(root)
    try:
        assert lib.articles.count() == 7
    finally:
        lib.close()
    # Space freed: the next search catches up.
    code, out, _ = cli(capsys, "--library", str(root), "search", "bao", "--json")
    data = json.loads(out)
    assert code == 0 and data["total"] == 4 and data["notice"] is None


def test_rebuild_on_a_full_disk_leaves_the_old_index_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 5)
    try:
        SearchIndex.open(lib).close()
        before = read_state(root / "index")
        folders = _index_folders(root)

        ix = SearchIndex(lib, lib.index_dir)
        try:
            with monkeypatch.context() as m:
                m.setattr(StructFile, "write", _full_disk_write)
                with pytest.raises(IndexDiskFullError, match="The disk is full"):
                    ix.rebuild()
        finally:
            ix.close()
        assert read_state(root / "index") == before
        assert _index_folders(root) == folders
        ix = SearchIndex.open(lib)
        try:
            assert ix.search(SearchRequest(query="mua")).total == 5
        finally:
            ix.close()
    finally:
        lib.close()
