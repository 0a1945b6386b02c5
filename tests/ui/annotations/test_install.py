"""``install_annotations`` in the real main window: panels docked, reader action, opening."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMenu

from desktop.core.annotations.store import AnnotationStore
from desktop.core.store import Library
from desktop.ui.annotations.controller import AnnotationController
from tests.ui.conftest import seed


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
