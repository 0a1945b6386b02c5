"""Opening a bundle read-only: a temporary library that cannot be changed and is removed."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from desktop.core.annotations import AnnotationStore
from desktop.core.bundles import close_bundle, export_bundle, index_cache, open_bundle_readonly
from desktop.core.errors import UnsafeArchiveError
from desktop.core.store import Library
from tests.helpers.bundles import make_draft


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


def _rebuild_spy(monkeypatch: pytest.MonkeyPatch) -> tuple[type, list[Path]]:
    index_mod = pytest.importorskip("desktop.core.search.index")
    cls = index_mod.SearchIndex
    rebuilds: list[Path] = []
    real = cls._rebuild_locked

    def spy(self: object, progress: object) -> int:
        rebuilds.append(self.index_dir)  # type: ignore[attr-defined]
        return int(real(self, progress))

    monkeypatch.setattr(cls, "_rebuild_locked", spy)
    return cls, rebuilds


def _search_ids(cls: type, lib: Library, query: str) -> list[str]:
    from desktop.core.search.models import SearchRequest

    with cls.open(lib) as index:  # type: ignore[attr-defined]
        return [h.id for h in index.search(SearchRequest(query=query)).hits]


def test_second_open_reuses_the_index_built_at_the_first(
    filled: Library, tmp_path: Path, temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls, rebuilds = _rebuild_spy(monkeypatch)
    AnnotationStore(filled.conn).create(filled.articles.all_ids()[0], 0, 6, tags=["mua-thu"])
    expected = _search_ids(cls, filled, "doi tuyen")
    assert len(expected) == 1
    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    with zipfile.ZipFile(out) as zf:
        assert not [n for n in zf.namelist() if n.startswith("index/")]
    rebuilds.clear()

    first = open_bundle_readonly(out)
    try:
        assert len(rebuilds) == 1
        assert _search_ids(cls, first, "doi tuyen") == expected
    finally:
        close_bundle(first)
    assert [p.name for p in index_cache.cache_root().iterdir()] == [
        hashlib.sha256(zipfile.ZipFile(out).read("manifest.json")).hexdigest()
    ]
    rebuilds.clear()
    second = open_bundle_readonly(out)
    try:
        assert _search_ids(cls, second, "doi tuyen") == expected
        assert _search_ids(cls, second, "tag:mua-thu") == [filled.articles.all_ids()[0]]
        assert rebuilds == []
    finally:
        close_bundle(second)
    assert list(temp_root.iterdir()) == [] or all(
        p.name.startswith("archive-browser-index-") for p in temp_root.iterdir()
    )


def test_bundle_without_index_gets_one_built(
    filled: Library, tmp_path: Path, temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls, rebuilds = _rebuild_spy(monkeypatch)
    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    lib = open_bundle_readonly(out)
    try:
        assert len(rebuilds) == 1
        assert len(_search_ids(cls, lib, "ha noi")) == 1
        assert len(rebuilds) == 1
    finally:
        close_bundle(lib)


def test_damaged_cached_index_is_rebuilt_and_replaced(
    filled: Library, tmp_path: Path, temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls, rebuilds = _rebuild_spy(monkeypatch)
    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    close_bundle(open_bundle_readonly(out))
    segments = [p for p in index_cache.cache_root().rglob("*.seg")]
    assert segments
    for seg in segments:
        seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 2])
    rebuilds.clear()
    lib = open_bundle_readonly(out)
    try:
        assert len(rebuilds) == 1
        assert len(_search_ids(cls, lib, "da nang")) == 1
    finally:
        close_bundle(lib)
    rebuilds.clear()
    lib = open_bundle_readonly(out)  # the cache now holds the rebuilt index
    try:
        assert len(_search_ids(cls, lib, "da nang")) == 1
        assert rebuilds == []
    finally:
        close_bundle(lib)
