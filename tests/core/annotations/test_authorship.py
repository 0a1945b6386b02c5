"""Every annotation records who made it and who changed it last; files and bundles carry it."""

from __future__ import annotations

import csv
import getpass
import io
import sqlite3
from pathlib import Path

import pytest

from desktop.core.annotations.csv_export import csv_text
from desktop.core.annotations.markdown_export import markdown_text
from desktop.core.annotations.store import AnnotationStore
from desktop.core.annotations.w3c import annotation_to_w3c, collection_of, merge_collection
from desktop.core.store import Library, schema
from tests.helpers.annotations import AddArticle, make_draft


def test_the_library_user_is_the_login_name_unless_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "hoa")
    with Library.open(tmp_path / "lib") as lib:
        assert lib.user == "hoa"
        lib.user = " Trần\nMinh "
        assert lib.user == "Trần Minh"
        with lib.reopen() as other:
            assert other.user == "Trần Minh"


def test_create_records_the_author_and_edit_the_editor(
    library: Library, add_article: AddArticle
) -> None:
    aid = add_article()
    library.user = "an"
    made = library.annotations.create(aid, 0, 7, note="ghi chú")
    assert (made.author, made.editor) == ("an", "an")
    library.user = "bình"
    edited = library.annotations.update(made.id, note="sửa")
    assert (edited.author, edited.editor) == ("an", "bình")
    assert AnnotationStore(library.conn).get(made.id) == edited


def test_annotations_made_before_authorship_read_as_unknown(tmp_path: Path) -> None:
    db = tmp_path / "lib" / "library.sqlite3"
    db.parent.mkdir()
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, target=4)
    conn.execute(
        "INSERT INTO annotations (id, article_id, start, end, exact, content_hash, created, "
        "modified) VALUES ('a1', 'x', 0, 3, 'abc', 'h', '2024-01-02T03:04:05.000+00:00', "
        "'2024-01-02T03:04:05.000+00:00')"
    )
    conn.close()
    with Library.open(db.parent) as lib:
        old = AnnotationStore(lib.conn).get("a1")
        assert (old.author, old.editor, old.exact) == ("", "", "abc")
        assert AnnotationStore(lib.conn).history("a1") == []


def test_w3c_carries_the_creator_and_files_without_one_still_load(
    library: Library, add_article: AddArticle
) -> None:
    aid = add_article()
    library.user = "Lê Thu"
    made = library.annotations.create(aid, 0, 7)
    item = annotation_to_w3c(made)
    assert item["creator"] == {"type": "Person", "name": "Lê Thu"}
    assert item["archiveBrowser:editor"] == "Lê Thu"

    anonymous = dict(item, id="urn:uuid:00000000-0000-4000-8000-000000000001")
    del anonymous["creator"], anonymous["archiveBrowser:editor"]
    as_string = dict(item, id="urn:uuid:00000000-0000-4000-8000-000000000002",
                     creator="mailto:hung@example.vn")
    hostile = dict(item, id="urn:uuid:00000000-0000-4000-8000-000000000003",
                   creator=[{"name": 7}, {"nickname": "kẻ\x07 lạ"}])
    report = merge_collection(library, collection_of([]) | {"first": {"items": [
        anonymous, as_string, hostile]}})
    assert report.added == 3 and not report.failed
    store = AnnotationStore(library.conn)
    assert store.get("00000000-0000-4000-8000-000000000001").author == ""
    assert store.get("00000000-0000-4000-8000-000000000002").author == "mailto:hung@example.vn"
    assert store.get("00000000-0000-4000-8000-000000000003").author == "kẻ lạ"


def test_csv_and_markdown_name_the_author(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    library.user = "=Mai_*"
    made = library.annotations.create(aid, 0, 7, note="n")
    rows = list(csv.DictReader(io.StringIO(csv_text(library.articles, [made]))))
    assert rows[0]["author"] == "'=Mai_*"  # a formula-looking name stays text
    text = markdown_text(library.articles, [made])
    assert "*— =Mai\\_\\**" in text


def test_bundles_carry_the_author(library: Library, tmp_path: Path) -> None:
    from desktop.core.bundles import export_bundle, import_bundle

    draft = make_draft()
    library.articles.add(draft)
    library.user = "ngọc"
    made = library.annotations.create(draft.id, 0, 7)
    export_bundle(library, tmp_path / "b.zip")
    with Library.open(tmp_path / "other") as other:
        other.user = "someone else"
        import_bundle(other, tmp_path / "b.zip")
        copied = AnnotationStore(other.conn).get(made.id)
        assert (copied.author, copied.editor) == ("ngọc", "ngọc")


def test_qdpx_names_who_made_and_who_changed_each_selection(
    library: Library, add_article: AddArticle, tmp_path: Path
) -> None:
    import xml.etree.ElementTree as ET
    import zipfile

    from desktop.core.annotations.exports import export_annotations
    from desktop.core.annotations.qdpx import NS

    aid = add_article()
    made = AnnotationStore(library.conn, "Hà").create(aid, 0, 7, note="n", tags=["t"])
    AnnotationStore(library.conn, "Minh").update(made.id, note="n2")
    anonymous = AnnotationStore(library.conn).create(aid, 10, 14)
    out = tmp_path / "p.qdpx"
    export_annotations(library.articles, AnnotationStore(library.conn).list_all(), "qdpx", out)
    with zipfile.ZipFile(out) as zf:
        root = ET.fromstring(zf.read("project.qde"))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{{{NS}}}User")}
    selections = {s.get("guid"): s for s in root.iter(f"{{{NS}}}PlainTextSelection")}
    mine = selections[made.id]
    assert users[mine.get("creatingUser")] == "Hà"
    assert users[mine.get("modifyingUser")] == "Minh"
    assert users[selections[anonymous.id].get("creatingUser")] == "Archive Browser"
