"""Annotations travel in bundles as W3C JSON-LD and merge by id without duplicates."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from desktop.core.annotations import AnnotationStore
from desktop.core.bundles import export_bundle, import_bundle, verify_bundle
from desktop.core.store import Library


def annotate(lib: Library) -> tuple[str, str]:
    store = AnnotationStore(lib.conn)
    ids = lib.articles.all_ids()
    first = store.create_from_quote(
        ids[0], "lá vàng", note="Mùa **thu**", tags=["mua/thu", "pho"], color="green"
    ).annotation
    second = store.create(ids[2], 0, 7, note="đồng bằng")
    return first.id, second.id


def test_annotations_round_trip_and_merge_once(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    first_id, second_id = annotate(filled)
    out = tmp_path / "b.zip"
    report = export_bundle(filled, out)
    assert report.annotations == 2
    with zipfile.ZipFile(out) as zf:
        collection = json.loads(zf.read("annotations.jsonld"))
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == 2
    assert verify_bundle(out).counts.annotations == 2

    result = import_bundle(empty, out)
    assert result.annotations == 2
    assert result.annotation_merge is not None
    assert result.annotation_merge["added"] == 2
    source, target = AnnotationStore(filled.conn), AnnotationStore(empty.conn)
    for ann_id in (first_id, second_id):
        a, b = source.get(ann_id), target.get(ann_id)
        assert (b.article_id, b.start, b.end, b.quote, b.note, b.tags, b.color, b.status) == (
            a.article_id, a.start, a.end, a.quote, a.note, a.tags, a.color, "anchored"
        )
    again = import_bundle(empty, out)
    assert again.annotation_merge is not None
    assert again.annotation_merge["unchanged"] == 2
    assert target.count() == 2


def test_selection_carries_only_its_annotations(
    filled: Library, empty: Library, tmp_path: Path
) -> None:
    first_id, _ = annotate(filled)
    ids = filled.articles.all_ids()
    out = tmp_path / "sel.zip"
    report = export_bundle(filled, out, ids=[ids[0], ids[1]])
    assert report.annotations == 1
    import_bundle(empty, out)
    assert [a.id for a in AnnotationStore(empty.conn).list_all()] == [first_id]
