"""Export a library (or part of it) as a bundle and merge it into another library."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import zipfile
from pathlib import Path

import pytest

from desktop.core.bundles import export_bundle, import_bundle, verify_bundle
from desktop.core.bundles import records as records_module
from desktop.core.errors import LibraryError, NotFoundError, UserError
from desktop.core.models import Article
from desktop.core.store import Library
from tests.helpers.bundles import drafts, make_draft

STORED_FIELDS = (
    "id", "content_hash", "title", "body", "published", "site", "url", "author",
    "language", "source_path", "source_member", "kind",
)


def same_fields(a: Article, b: Article) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in STORED_FIELDS)


def test_round_trip_keeps_articles_metadata_and_originals(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    out = tmp_path / "all.zip"
    report = export_bundle(filled, out, with_originals=True)
    assert report.scope == "library"
    assert (report.articles, report.originals) == (5, 5)
    assert out.stat().st_size == report.bytes

    result = import_bundle(empty, out)
    assert (result.articles, result.imported, result.duplicates) == (5, 5, 0)
    assert sorted(result.ids) == sorted(filled.articles.all_ids())
    for source in filled.articles.iter_articles():
        copy = empty.articles.get(source.id)
        assert same_fields(source, copy)
        assert empty.articles.original(source.id) == filled.articles.original(source.id)


def test_jsonl_holds_every_field_in_nfc(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "nfd")
    nfd = unicodedata.normalize("NFD", "Khoa học Việt Nam")
    lib.articles.add(make_draft(nfd, 1))
    out = tmp_path / "b.zip"
    export_bundle(lib, out)
    lib.close()
    with zipfile.ZipFile(out) as zf:
        line = zf.read("articles.jsonl").decode("utf-8").splitlines()[0]
    record = json.loads(line)
    assert record["body"] == unicodedata.normalize("NFC", nfd) != nfd
    for key in (*STORED_FIELDS, "imported_at"):
        assert key in record
    assert record["original"] is None


def test_without_originals_the_body_becomes_the_original(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    out = tmp_path / "text-only.zip"
    export_bundle(filled, out)
    with zipfile.ZipFile(out) as zf:
        assert not [n for n in zf.namelist() if n.startswith("originals/")]
    import_bundle(empty, out)
    some = next(filled.articles.iter_articles())
    original = empty.articles.original(some.id)
    assert original.data.decode("utf-8") == some.body
    assert original.hints == {"bundle": "text-only.zip"}


def test_merge_counts_duplicates_by_id_and_by_content(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    all_drafts = drafts()
    # The target already has two of the articles, and a third one's body under another id.
    empty.articles.add_many(all_drafts[:2])
    renamed = all_drafts[2].model_copy(update={"id": "ffffffffffffffffffff"})
    empty.articles.add(renamed)
    out = tmp_path / "b.zip"
    export_bundle(filled, out, with_originals=True)

    result = import_bundle(empty, out)
    assert (result.imported, result.duplicates) == (2, 3)
    assert empty.articles.count() == 5
    bodies = [a.body for a in empty.articles.iter_articles()]
    assert len(bodies) == len(set(bodies))
    again = import_bundle(empty, out)
    assert (again.imported, again.duplicates) == (0, 5)
    assert empty.articles.count() == 5


def test_selection_export_takes_ids_and_prefixes(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    ids = filled.articles.all_ids()
    out = tmp_path / "sel.zip"
    report = export_bundle(filled, out, ids=[ids[3], ids[1][:8], ids[3]])
    assert report.scope == "selection"
    assert report.articles == 2
    import_bundle(empty, out)
    assert sorted(empty.articles.all_ids()) == sorted([ids[1], ids[3]])
    with pytest.raises(NotFoundError):
        export_bundle(filled, tmp_path / "bad.zip", ids=["0000nothing"])
    assert not (tmp_path / "bad.zip").exists()


def test_query_export_uses_the_search_index(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    pytest.importorskip("desktop.core.search.index")
    out = tmp_path / "query.zip"
    report = export_bundle(filled, out, query="doi tuyen")
    assert report.scope == "query"
    assert report.articles == 1
    import_bundle(empty, out)
    [only] = list(empty.articles.iter_articles())
    assert "Đội tuyển" in only.body
    assert verify_bundle(out).scope == "query"


def test_failed_export_leaves_the_old_bundle_and_no_temp_file(
    filled: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    before = out.read_bytes()
    calls = 0
    real = records_module.dump_line

    def failing(record: records_module.ArticleRecord) -> bytes:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError("disk full")
        return real(record)

    monkeypatch.setattr("desktop.core.bundles.export.dump_line", failing)
    with pytest.raises(UserError, match="Cannot write the bundle .*b.zip: disk full"):
        export_bundle(filled, out, with_originals=True)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "source"]


def test_export_refuses_bad_combinations(filled: Library, tmp_path: Path) -> None:
    ids = filled.articles.all_ids()
    with pytest.raises(UserError, match="not both"):
        export_bundle(filled, tmp_path / "x.zip", ids=ids[:1], query="x")
    with pytest.raises(UserError, match="folder"):
        export_bundle(filled, tmp_path, ids=ids[:1])
    with pytest.raises(UserError, match="does not exist"):
        export_bundle(filled, tmp_path / "nope" / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_unwritable_folder_is_a_clear_error(
    filled: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("desktop.core.bundles.export.temp_beside", refuse)
    with pytest.raises(UserError, match="Cannot write a bundle in .*: Permission denied"):
        export_bundle(filled, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_import_into_a_read_only_library_is_refused(filled: Library, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    target = Library.open(tmp_path / "ro")
    target.close()
    ro = Library.open(tmp_path / "ro", read_only=True)
    try:
        with pytest.raises(LibraryError, match="read-only"):
            import_bundle(ro, out)
    finally:
        ro.close()


def test_progress_is_reported(filled: Library, empty: Library, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int | None]] = []
    out = tmp_path / "b.zip"
    export_bundle(filled, out, progress=lambda p: seen.append((p.stage, p.done, p.total)))
    assert ("articles", 5, 5) in seen
    seen.clear()
    import_bundle(empty, out, progress=lambda p: seen.append((p.stage, p.done, p.total)))
    assert any(s == "verify" and d == t for s, d, t in seen)
    assert ("articles", 5, 5) in seen


def test_bundle_is_a_plain_database_free_zip(filled: Library, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    export_bundle(filled, out, with_originals=True)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "archive-browser-bundle"
    assert manifest["counts"]["articles"] == 5
    assert sorted(m["name"] for m in manifest["members"]) == sorted(
        n for n in names if n != "manifest.json"
    )
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(out).execute("SELECT 1 FROM articles")


def test_query_export_pages_through_every_hit(
    filled: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("desktop.core.search.index")
    from desktop.core.bundles import links

    monkeypatch.setattr(links, "PAGE", 2)
    report = export_bundle(filled, tmp_path / "q.zip", query="bai")
    assert report.articles == 5


def test_further_sources_travel_with_their_article(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    from desktop.core.models import Original, article_id_for

    article = filled.articles.get(filled.articles.all_ids()[0])
    raw = b"another file with the same text"
    second = make_draft(article.body, 99).model_copy(
        update={"id": article_id_for(raw), "source_path": "copy.txt",
                "original": Original(data=raw, media_type="text/plain")}
    )
    filled.articles.add_many([second])
    assert [s.id for s in filled.sources.sources_of(article.id)] == [second.id]

    out = tmp_path / "sources.zip"
    export_bundle(filled, out, with_originals=True)
    verify_bundle(out)
    result = import_bundle(empty, out)
    assert result.imported == 5
    [source] = empty.sources.sources_of(article.id)
    assert (source.id, source.source_path) == (second.id, "copy.txt")
    assert empty.sources.original(source.id).data == raw
