"""Saved searches and collections travel in bundles (``lists.json``); one collection exports."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.core.bundles import (
    close_bundle,
    export_bundle,
    import_bundle,
    open_bundle_readonly,
    verify_bundle,
)
from desktop.core.errors import NotFoundError, UnsafeArchiveError
from desktop.core.store import Library
from desktop.core.store.collections import CollectionStore
from desktop.core.store.saved_searches import SavedSearchStore
from tests.core.bundles.tampering import rewrite


def _lists(filled: Library) -> list[str]:
    ids = filled.articles.all_ids()
    collections = CollectionStore(filled.conn)
    collections.add("Thể thao", ids[:2])
    collections.add("Kinh tế", ids[2:3])
    SavedSearchStore(filled.conn).add("Hà Nội", "ha noi", {"year": ["2017"]}, "newest")
    return ids


def test_whole_library_bundle_carries_saved_searches_and_collections(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    ids = _lists(filled)
    out = export_bundle(filled, tmp_path / "b.zip")
    assert verify_bundle(Path(out.path)).ok
    report = import_bundle(empty, Path(out.path))
    assert report.lists_merge == {"saved_searches": 1, "collection_entries": 3}
    saved = SavedSearchStore(empty.conn).get("hà nội")
    assert (saved.query, saved.filters, saved.sort) == ("ha noi", {"year": ("2017",)}, "newest")
    assert saved.last_opened is None  # never opened here: every match is new
    got = CollectionStore(empty.conn)
    assert got.names() == ["Kinh tế", "Thể thao"]
    assert sorted(got.article_ids("thể thao")) == sorted(ids[:2])
    # Importing again adds nothing and replaces nothing.
    SavedSearchStore(empty.conn).add("Hà Nội", "changed here", replace=True)
    again = import_bundle(empty, Path(out.path))
    assert again.lists_merge == {"saved_searches": 0, "collection_entries": 0}
    assert SavedSearchStore(empty.conn).get("Hà Nội").query == "changed here"


def test_one_collection_exports_with_only_its_memberships(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    ids = _lists(filled)
    CollectionStore(filled.conn).add("Kinh tế", ids[:1])
    out = export_bundle(filled, tmp_path / "c.zip", collection="thể THAO")
    assert (out.scope, out.articles) == ("collection", 2)
    with zipfile.ZipFile(out.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        lists = json.loads(zf.read("lists.json"))
    assert manifest["scope"] == "collection" and manifest["query"] == "Thể thao"
    assert {c["name"]: sorted(c["articles"]) for c in lists["collections"]} == {
        "Thể thao": sorted(ids[:2]),
        "Kinh tế": [ids[0]],
    }
    import_bundle(empty, Path(out.path))
    assert sorted(empty.articles.all_ids()) == sorted(ids[:2])
    with pytest.raises(NotFoundError, match="No collection"):
        export_bundle(filled, tmp_path / "d.zip", collection="nope")


def test_read_only_bundle_shows_its_collections(filled: Library, tmp_path: Path) -> None:
    ids = _lists(filled)
    out = export_bundle(filled, tmp_path / "b.zip")
    lib = open_bundle_readonly(Path(out.path))
    try:
        assert sorted(CollectionStore(lib.conn).article_ids("Thể thao")) == sorted(ids[:2])
    finally:
        close_bundle(lib)


def test_hostile_lists_are_rejected_before_anything_is_added(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    _lists(filled)
    out = Path(export_bundle(filled, tmp_path / "b.zip").path)
    bad = {
        "unknown key": {"saved_searches": [], "collections": [], "script": "x"},
        "bad id": {"collections": [{"name": "x", "articles": ["../../etc/passwd"]}]},
        "long name": {"collections": [{"name": "x" * 500, "articles": []}]},
    }
    for label, data in bad.items():
        forged = rewrite(
            out, tmp_path / f"{label}.zip",
            lambda name, content, d=data: json.dumps(d).encode() if name == "lists.json"
            else content,
            rehash=True,
        )
        with pytest.raises(UnsafeArchiveError, match="lists.json"):
            verify_bundle(forged)
        with pytest.raises(UnsafeArchiveError, match="lists.json"):
            import_bundle(empty, forged)
        assert empty.articles.count() == 0
        assert CollectionStore(empty.conn).names() == []
