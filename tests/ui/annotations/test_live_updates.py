"""Other people's annotations appear in the window within seconds, and say who made them.

Two ``Library`` objects on one folder stand for two app instances: the window
shows the first; the second adds, changes and deletes annotations.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtGui import QTextCursor

from desktop.core.annotations.models import PALETTE
from desktop.core.annotations.store import AnnotationStore
from desktop.core.store import Library
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.annotations.models import Column
from desktop.ui.live_updates import GenerationWatcher
from desktop.ui.roles import Role
from tests.helpers.ui_library import seed


def _rows(controller: AnnotationController) -> list[tuple[str, str, bool]]:
    model = controller.view.model
    return [
        (
            model.index(r, 0).data(Role.ID),
            model.index(r, Column.AUTHOR).data(),
            model.index(r, 0).data(Role.MINE),
        )
        for r in range(model.rowCount())
    ]


def test_another_instance_s_annotation_appears_within_two_seconds(
    qtbot, make_window, tmp_path: Path
) -> None:
    mine = Library.open(tmp_path / "shared")
    mine.user = "an"
    ids = seed(mine, 3)
    other = Library.open(tmp_path / "shared")
    other.user = "bình"
    try:
        window = make_window(mine, use_index=False)
        controller = window.extensions["annotations"]
        assert isinstance(controller, AnnotationController)
        window.open_article(ids[0])
        own = controller.create(ids[0], 0, 4, note="của tôi")
        assert own is not None
        qtbot.waitUntil(lambda: len(_rows(controller)) == 1, timeout=2000)

        began = time.monotonic()
        theirs = other.annotations.create(ids[0], 5, 9, note="của Bình", color="green")
        qtbot.waitUntil(lambda: len(_rows(controller)) == 2, timeout=2000)
        latency = time.monotonic() - began
        assert sorted(_rows(controller)) == sorted(
            [(own.id, "an (you)", True), (theirs.id, "bình", False)]
        )
        # The reader's panel lists it, signed, and the mark is painted.
        listed = controller.article_model
        qtbot.waitUntil(lambda: listed.rowCount() == 2, timeout=2000)
        texts = [listed.index(r, 0).data() for r in range(2)]
        assert any(t.endswith("— bình") for t in texts)
        assert not any(t.endswith("— an") for t in texts)
        assert _mark_at(window, theirs.start + 2) == PALETTE["green"]

        other.annotations.update(theirs.id, note="đã sửa")
        qtbot.waitUntil(lambda: _note(controller, theirs.id) == "đã sửa", timeout=2000)
        other.annotations.delete(theirs.id)
        qtbot.waitUntil(lambda: len(_rows(controller)) == 1, timeout=2000)
        qtbot.waitUntil(lambda: listed.rowCount() == 1, timeout=2000)
        print(f"\nanother instance's annotation shown after {latency * 1000:.0f} ms")
    finally:
        other.close()


def _mark_at(window, offset: int) -> str:
    """The highlight colour painted just before code-point ``offset`` of the reader's text."""
    cursor = QTextCursor(window.reader.body_edit.document())
    cursor.setPosition(window.reader.offset_map.to_utf16(offset))
    return cursor.charFormat().background().color().name()


def _note(controller: AnnotationController, annotation_id: str) -> str | None:
    for a in controller.view.model._rows:
        if a.id == annotation_id:
            return a.note
    return None


def test_the_watcher_reads_once_per_change_and_never_twice_at_once(
    qtbot, library: Library
) -> None:
    ids = seed(library, 1)
    watcher = GenerationWatcher(interval_ms=20)
    moves: list[int] = []
    watcher.moved.connect(lambda generation, _read: moves.append(generation))
    watcher.watch(library.reopen, library.articles.generation())
    qtbot.waitUntil(lambda: watcher.reads >= 5, timeout=5000)
    assert moves == []  # nothing changed: no refresh
    store = AnnotationStore(library.conn)
    for n in range(3):
        store.create(ids[0], n, n + 1)  # three changes between two reads count once
    qtbot.waitUntil(lambda: len(moves) == 1, timeout=2000)
    assert moves == [library.articles.generation()]
    watcher.poll()
    watcher.poll()  # a read already running is not doubled
    qtbot.waitUntil(lambda: not watcher._busy, timeout=2000)
    watcher.stop()
    assert not watcher.is_active()


def test_a_failing_read_is_reported_and_retried(qtbot, library: Library) -> None:
    attempts: list[int] = []

    def flaky() -> Library:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("the server went away")
        return library.reopen()

    watcher = GenerationWatcher(interval_ms=20)
    failures: list[object] = []
    recovered: list[bool] = []
    watcher.failed.connect(failures.append)
    watcher.recovered.connect(lambda: recovered.append(True))
    watcher.watch(flaky, library.articles.generation())
    qtbot.waitUntil(lambda: recovered == [True], timeout=3000)
    assert len(failures) == 1 and isinstance(failures[0], OSError)
    watcher.stop()
