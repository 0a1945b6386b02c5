"""W3C Web Annotation JSON-LD: export, read back, merge (newer wins, re-anchor, orphans)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.annotations.store import AnnotationStore
from desktop.core.annotations.w3c import (
    ANNO_CONTEXT,
    SOURCE_PREFIX,
    merge_collection,
    read_w3c_file,
    to_collection,
    write_w3c,
)
from desktop.core.errors import UserError
from desktop.core.store import Library
from tests.helpers.annotations import BODY, AddArticle, make_draft


@pytest.fixture
def other(tmp_path: Path) -> Library:
    lib = Library.open(tmp_path / "other")
    yield lib  # type: ignore[misc]
    lib.close()


def test_collection_shape(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(
        aid, "Đội tuyển Việt Nam", note="Ghi chú *đậm*", tags=["sport", "policy/funding"],
        color="pink",
    ).annotation
    data = to_collection(library.annotations)
    assert data["@context"][0] == ANNO_CONTEXT
    assert data["type"] == "AnnotationCollection" and data["total"] == 1
    item = data["first"]["items"][0]
    assert item["type"] == "Annotation" and item["id"] == f"urn:uuid:{ann.id}"
    assert item["target"]["source"] == SOURCE_PREFIX + aid
    quote, pos = item["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": ann.exact,
                     "prefix": ann.quote.prefix, "suffix": ann.quote.suffix}
    assert pos == {"type": "TextPositionSelector", "start": ann.start, "end": ann.end}
    bodies = item["body"]
    assert {"type": "TextualBody", "value": "Ghi chú *đậm*", "format": "text/markdown",
            "purpose": "commenting"} in bodies
    assert sorted(b["value"] for b in bodies if b["purpose"] == "tagging") == [
        "policy/funding", "sport",
    ]
    # Extension properties are declared in the context.
    assert data["@context"][1]["archiveBrowser"].startswith("urn:")
    assert item["archiveBrowser:color"] == "pink"
    assert item["archiveBrowser:contentHash"] == ann.content_hash
    assert item["created"].endswith("Z")


def test_round_trip_through_a_file(
    library: Library, add_article: AddArticle, other: Library, tmp_path: Path
) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    made = [
        store.create_from_quote(aid, "Đội tuyển Việt Nam", note="một", tags=["a/b"]).annotation,
        store.create_from_quote(aid, "cà phê ☕", color="#123abc").annotation,
    ]
    out = tmp_path / "notes.jsonld"
    write_w3c(out, store.list_all())
    other.articles.add(make_draft())
    report = merge_collection(other, read_w3c_file(out))
    assert (report.added, report.updated, report.unchanged, report.orphaned) == (2, 0, 0, 0)
    theirs = AnnotationStore(other.conn)
    for ann in made:
        assert theirs.get(ann.id) == ann
    # Importing again adds nothing.
    again = merge_collection(other, read_w3c_file(out))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert theirs.count() == 2


def test_newer_modified_wins(library: Library, add_article: AddArticle, other: Library) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(aid, "Đội tuyển Việt Nam", note="cũ").annotation
    other.articles.add(make_draft())
    merge_collection(other, to_collection(library.annotations))
    theirs = AnnotationStore(other.conn)
    newer = theirs.update(ann.id, note="mới hơn")
    # Our older copy does not overwrite their newer one ...
    report = merge_collection(other, to_collection(library.annotations))
    assert report.unchanged == 1 and theirs.get(ann.id).note == "mới hơn"
    # ... and their newer copy replaces ours.
    report = merge_collection(library, to_collection(other.annotations))
    assert report.updated == 1
    assert store.get(ann.id).note == "mới hơn" and store.get(ann.id).modified == newer.modified


def test_import_reanchors_and_keeps_orphans(
    library: Library, add_article: AddArticle, other: Library
) -> None:
    aid = add_article()
    lone = add_article(body="Bài chỉ có ở thư viện gốc, không có ở nơi khác.", title="Lẻ")
    store = AnnotationStore(library.conn)
    moved = store.create_from_quote(aid, "Đội tuyển Việt Nam").annotation
    orphan = store.create_from_quote(lone, "thư viện gốc").annotation
    # The same article (same id), re-extracted with a new first paragraph.
    other.articles.add(make_draft(body="Phần mở đầu mới.\n\n" + BODY, id=aid))
    report = merge_collection(other, to_collection(library.annotations))
    assert (report.added, report.orphaned) == (2, 1)
    theirs = AnnotationStore(other.conn)
    placed = theirs.get(moved.id)
    new_body = other.articles.get(placed.article_id).body
    assert new_body[placed.start : placed.end] == "Đội tuyển Việt Nam"
    assert placed.start == moved.start + len("Phần mở đầu mới.\n\n")
    kept = theirs.get(orphan.id)
    assert kept.status == "orphaned" and kept.exact == "thư viện gốc"


def test_bad_items_are_reported_and_the_rest_imported(library: Library, add_article: AddArticle,
                                                      tmp_path: Path) -> None:
    aid = add_article()
    good = {
        "id": "http://example.org/anno/1", "type": "Annotation",
        "body": {"type": "TextualBody", "value": "từ công cụ khác"},
        "target": {"source": SOURCE_PREFIX + aid,
                   "selector": {"type": "TextQuoteSelector", "exact": "Đội tuyển"}},
    }
    data = {
        "@context": ANNO_CONTEXT, "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [
            good,
            {"type": "Annotation", "id": "x2", "target": {"source": "s"}},
            {"type": "Annotation", "target": {"source": "s"}},
            "not even an object",
            {"type": "Annotation", "id": "x5", "created": "yesterday",
             "target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": "a"}}},
        ]},
    }
    report = merge_collection(library, data)
    assert report.added == 1 and len(report.failed) == 4
    assert all(f.startswith("item ") for f in report.failed)
    imported = AnnotationStore(library.conn).list_all()[0]
    assert imported.note == "từ công cụ khác"
    assert BODY[imported.start : imported.end] == "Đội tuyển"
    # Non-annotation documents and broken files are clear errors.
    with pytest.raises(UserError):
        merge_collection(library, {"type": "Something"})
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError):
        read_w3c_file(bad)
    assert json.loads(json.dumps(to_collection(library.annotations)))["total"] == 1
