"""``install_annotations`` in the real main window: panels docked, reader action, opening."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMenu

from desktop.core.annotations.store import AnnotationStore
from desktop.core.store import Library
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.annotations.install import SYNC_DELAY_MS
from tests.helpers.ui_library import seed
from tests.helpers.window import search_for, wait_ready


def test_install_into_main_window(qtbot, make_window, library: Library) -> None:
    ids = seed(library, 3)
    window = make_window(library, use_index=False)
    # The main window installs annotations itself, through install_annotations.
    controller = window.extensions["annotations"]
    assert isinstance(controller, AnnotationController)
    docks = {d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert sorted(d for d in docks if "nnotations" in d) == ["All annotations", "Annotations"]
    assert controller.annotate_action in window.reader.body_edit.extra_actions
    edit_menu = window.menuBar().findChild(QMenu, "editMenu")
    assert controller.undo_action in edit_menu.actions()

    article = library.articles.get(ids[1])
    start = article.body.index("Đoạn thứ hai")
    ann = AnnotationStore(library.conn).create(ids[1], start, start + 12, tags=["x"])
    controller.refresh_library_view()
    # Opening from the library-wide view shows the article at the passage.
    view = controller.view
    view.table.activated.emit(view.proxy.index(0, 0))
    assert window.reader.current_article().id == ids[1]
    assert controller.article_model.rowCount() == 1
    # And the panel entry selects the passage.
    controller.show_annotation(ann.id)
    assert window.reader.selected_span() == (ann.start, ann.end)


def test_notes_become_searchable_after_an_edit(qtbot, make_window, library: Library) -> None:
    ids = seed(library, 3)
    window = make_window(library)
    wait_ready(qtbot, window)
    controller = window.extensions["annotations"]
    assert search_for(qtbot, window, "xylophone").total == 0
    article = library.articles.get(ids[2])
    controller.create(ids[2], 0, 5, note="một ghi chú về xylophone")
    qtbot.wait(SYNC_DELAY_MS + 200)
    qtbot.waitUntil(lambda: not window.importer.is_busy(), timeout=30000)
    search_for(qtbot, window, "bài")  # a different query, so the next one runs afresh
    result = search_for(qtbot, window, "xylophone")
    assert [h.id for h in result.hits] == [article.id]
