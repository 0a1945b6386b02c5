"""``install_compare`` in the real main window: reader action, panels, compare window."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QDockWidget

from desktop.core.store import Library
from desktop.ui.compare.install import CompareController, CompareWithDialog
from tests.helpers.compare import add, make_body, variant
from tests.helpers.window import wait_ready


def fill(library: Library) -> tuple[list[str], list[str]]:
    rng = random.Random(21)
    base = [make_body(rng) for _ in range(8)]
    ids = add(library, base)
    copies = add(library, [variant(base[2], rng), variant(base[2], rng, 9)], "Bản sao")
    return ids, copies


def test_install_into_main_window(qtbot, make_window, library: Library) -> None:
    ids, copies = fill(library)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    controller = window.extensions["compare"]
    assert isinstance(controller, CompareController)
    docks = {d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert {"Similar articles", "Reused text"} <= docks
    assert controller.compare_action in window.reader.body_edit.extra_actions

    # Showing an article fills the Similar articles panel (after a short pause).
    with qtbot.waitSignal(
        controller.similar.loaded, timeout=20000, check_params_cb=lambda i: i == ids[2]
    ):
        window.open_article(ids[2])
    assert {s.id for s in controller.similar.items()} == set(copies)

    # Its Compare button opens the compare window on the current and the chosen article.
    controller.similar.compare_button.click()
    view = controller.view
    assert view is not None and view.isVisible()
    assert view.article_a.id == ids[2] and view.article_b.id == controller.similar.selected_id()
    assert view.result() is not None and view.result().similarity.a_in_b > 0.5


def test_compare_with_dialog_preselects_the_most_similar(
    qtbot, make_window, library: Library
) -> None:
    ids, copies = fill(library)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    controller = window.extensions["compare"]
    window.open_article(ids[2])
    dialog = controller.compare_with_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.similar.article_id == ids[2])
    assert isinstance(dialog, CompareWithDialog)
    qtbot.waitUntil(lambda: bool(dialog.similar.items()), timeout=20000)
    best = dialog.similar.items()[0]
    assert dialog.similar.selected_id() == best.id
    dialog.id_edit.setText("zzzz")
    dialog.accept()
    assert "No article" in dialog.error.text() and dialog.isVisible()
    dialog.id_edit.setText(ids[5][:10])
    dialog.accept()
    view = controller.view
    assert view is not None and view.article_b.id == ids[5] and view.article_a.id == ids[2]


def test_reused_text_panel_compares_a_pair(qtbot, make_window, library: Library) -> None:
    ids, copies = fill(library)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    controller = window.extensions["compare"]
    with qtbot.waitSignal(controller.reuse.loaded, timeout=30000):
        controller.reuse.refresh()
    model = controller.reuse.model
    cluster = model.index(0, 0)
    controller.reuse.tree.activated.emit(model.index(1, 0, cluster))
    view = controller.view
    assert view is not None
    assert {view.article_a.id, view.article_b.id} <= {ids[2], *copies}
    # Opening from the panel shows the article in the reader.
    controller.reuse.tree.setCurrentIndex(model.index(0, 0, cluster))
    controller.reuse.open_current()
    assert window.reader.current_article().id in {ids[2], *copies}


def test_library_switch_resets_the_panels(qtbot, make_window, library: Library) -> None:
    ids, _copies = fill(library)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    controller = window.extensions["compare"]
    with qtbot.waitSignal(
        controller.similar.loaded, timeout=20000, check_params_cb=lambda i: i == ids[2]
    ):
        window.open_article(ids[2])
    controller.compare(ids[0], ids[1])
    window.library_changed.emit(str(library.root))
    assert controller.similar.items() == [] and controller.similar.article_id is None
    assert not controller.view.isVisible()


def test_reused_text_panel_scans_on_show_only_when_cheap(
    qtbot, make_window, library: Library
) -> None:
    from desktop.core.compare.neardup import NearDuplicateIndex

    fill(library)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    controller = window.extensions["compare"]
    controller._reuse_visible(True)  # no cache yet: a first scan waits for the button
    assert not controller.reuse.is_busy() and controller.reuse.model.rowCount() == 0
    NearDuplicateIndex.for_library(library).refresh()
    with qtbot.waitSignal(controller.reuse.loaded, timeout=20000) as blocker:
        controller._reuse_visible(True)
    assert blocker.args == [1]


def test_annotations_show_in_both_panes(qtbot, make_window, library: Library) -> None:
    from PySide6.QtGui import QTextCharFormat

    ids, copies = fill(library)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    annotations = window.extensions.get("annotations")
    if annotations is None or not hasattr(annotations, "create"):
        import pytest

        pytest.skip("annotations are not installed")
    annotations.create(ids[2], 0, 12, note="đầu bài")
    controller = window.extensions["compare"]
    view = controller.compare(ids[2], copies[0])
    assert view is not None

    def wavy(pane) -> list[tuple[int, int]]:
        return [
            pane.map.span_to_codepoint(s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in pane.extraSelections()
            if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        ]

    assert wavy(view.pane_a) == [(0, 12)] and wavy(view.pane_b) == []
    annotations.create(copies[0], 5, 20, note="bản sao")
    assert wavy(view.pane_b) == [(5, 20)]


def test_no_similar_lookup_after_the_window_closes(
    qtbot, make_window, library: Library, monkeypatch
) -> None:
    ids, _ = fill(library)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    controller = window.extensions["compare"]
    asked: list[str] = []
    monkeypatch.setattr(controller.similar, "set_article", asked.append)
    window.open_article(ids[2])  # the lookup waits for a pause in the reader
    window.shutdown()
    qtbot.wait(600)
    assert asked == []
