"""Opening a bundle read-only: a temporary library that cannot be changed and is removed."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import pytest

from desktop.core.annotations import AnnotationStore
from desktop.core.bundles import close_bundle, export_bundle, open_bundle_readonly
from desktop.core.errors import UnsafeArchiveError
from desktop.core.store import Library
from tests.core.bundles.conftest import make_draft


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_open_read_only_and_remove(filled: Library, tmp_path: Path, temp_root: Path) -> None:
    store = AnnotationStore(filled.conn)
    ann = store.create(filled.articles.all_ids()[1], 0, 4, note="ghi chú")
    out = tmp_path / "b.zip"
    export_bundle(filled, out, with_originals=True)

    lib = open_bundle_readonly(out)
    try:
        assert lib.read_only
        assert lib.root.is_relative_to(temp_root)
        assert sorted(lib.articles.all_ids()) == sorted(filled.articles.all_ids())
        some = filled.articles.all_ids()[3]
        assert lib.articles.original(some) == filled.articles.original(some)
        assert AnnotationStore(lib.conn).get(ann.id).note == "ghi chú"
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            lib.articles.add(make_draft("Bài mới", 99))
        other = lib.connect()
        assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5
        other.close()
    finally:
        close_bundle(lib)
    assert list(temp_root.iterdir()) == []
    assert filled.articles.count() == 5


def test_damaged_bundle_leaves_no_temporary_folder(
    filled: Library, tmp_path: Path, temp_root: Path
) -> None:
    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnsafeArchiveError, match="zip"):
        open_bundle_readonly(out)
    assert list(temp_root.iterdir()) == []
