"""Concurrent edits: the last writer wins per annotation, and no version is lost.

Two ``Library`` objects on one folder stand for two people (two app windows, or
the app and the command line) working on the same annotation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.annotations.store import AnnotationStore
from desktop.core.annotations.w3c import collection_of, merge_collection
from desktop.core.errors import NotFoundError
from desktop.core.store import Library
from tests.helpers.annotations import make_draft


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Library, Library]]:
    first = Library.open(tmp_path / "lib")
    first.user = "an"
    second = Library.open(tmp_path / "lib")
    second.user = "bình"
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def _annotated(lib: Library) -> str:
    draft = make_draft()
    lib.articles.add(draft)
    return lib.annotations.create(draft.id, 0, 7, note="gốc", color="blue").id


def test_the_last_writer_wins_and_the_overwritten_version_is_kept(
    two: tuple[Library, Library],
) -> None:
    a, b = two
    ann_id = _annotated(a)
    a.annotations.update(ann_id, note="của An")
    b.annotations.update(ann_id, note="của Bình")

    final = AnnotationStore(a.conn).get(ann_id)
    assert (final.note, final.author, final.editor) == ("của Bình", "an", "bình")
    history = AnnotationStore(a.conn).history(ann_id)
    assert [(h.action, h.replaced_by, h.annotation.note, h.annotation.editor) for h in history] == [
        ("edit", "bình", "của An", "an"),
        ("edit", "an", "gốc", "an"),
    ]


def test_an_edit_made_from_a_stale_copy_keeps_the_other_field(
    two: tuple[Library, Library],
) -> None:
    a, b = two
    ann_id = _annotated(a)
    stale = AnnotationStore(b.conn).get(ann_id)  # b read it before a's edit
    a.annotations.update(ann_id, note="An viết")
    b.annotations.update(stale.id, color="green")
    final = AnnotationStore(b.conn).get(ann_id)
    assert (final.note, final.color) == ("An viết", "green")
    assert [h.annotation.note for h in AnnotationStore(b.conn).history(ann_id)] == [
        "An viết", "gốc"
    ]


def test_a_delete_keeps_the_deleted_version_and_an_edit_after_it_is_refused(
    two: tuple[Library, Library],
) -> None:
    a, b = two
    ann_id = _annotated(a)
    a.annotations.update(ann_id, tags=["chính-sách"])
    b.annotations.delete(ann_id)
    with pytest.raises(NotFoundError):
        a.annotations.update(ann_id, note="quá muộn")
    history = AnnotationStore(a.conn).history(ann_id)
    assert history[0].action == "delete" and history[0].replaced_by == "bình"
    assert history[0].annotation.tags == ("chính-sách",)
    assert AnnotationStore(a.conn).resolve_id(ann_id[:8], deleted=True) == ann_id
    with pytest.raises(NotFoundError):
        AnnotationStore(a.conn).resolve_id(ann_id[:8])


def test_undo_and_an_unchanged_edit(two: tuple[Library, Library]) -> None:
    a, _ = two
    store = a.annotations
    ann_id = _annotated(a)
    before = store.get(ann_id)
    generation = a.articles.generation()
    assert store.update(ann_id, note="gốc") == before  # nothing changed: no history
    assert store.history(ann_id) == []
    assert a.articles.generation() == generation  # and nothing for other windows to re-read
    after = store.update(ann_id, note="mới")
    store.restore(before)  # undo puts the old version back; the undone one is kept
    assert store.get(ann_id) == before
    assert [h.annotation for h in store.history(ann_id)] == [after, before]


def test_a_merge_that_replaces_a_local_copy_keeps_it(two: tuple[Library, Library]) -> None:
    a, _ = two
    ann_id = _annotated(a)
    local = AnnotationStore(a.conn).get(ann_id)
    stamp = local.modified.replace(year=local.modified.year + 1)
    incoming = local.model_copy(update={"note": "từ gói", "modified": stamp, "editor": "chi"})
    report = merge_collection(a, collection_of([incoming]))
    assert report.updated == 1
    assert AnnotationStore(a.conn).get(ann_id).note == "từ gói"
    kept = AnnotationStore(a.conn).history(ann_id)
    assert [(h.annotation, h.replaced_by) for h in kept] == [(local, "an")]
