"""``install_annotations``: the one call that puts annotations into the main window.

It expects a main window with ``reader`` (a ``ReaderView``), ``add_panel(title,
widget, area)``, ``open_article(article_id, offset)``, ``library`` (the open
``Library``; read again on every use, so switching libraries works),
optionally ``library_changed`` (signal) and an Edit menu whose object name is
``editMenu`` (undo/redo go there), ``statusBar()`` for messages, and
optionally ``importer.sync_index()``, called shortly after annotation edits so
the search index picks up the new notes and tags.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMenu

from desktop.core.store import Library
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.annotations.labels import panel_titles

SYNC_DELAY_MS = 250


def install_annotations(main_window: Any, library: Library) -> AnnotationController:
    """Create the annotation controller and dock its panels into ``main_window``."""

    def current() -> Library:
        found = getattr(main_window, "library", None)
        return found if isinstance(found, Library) else library

    controller = AnnotationController(main_window.reader, current, parent=main_window)
    article_title, library_title = panel_titles()
    main_window.add_panel(article_title, controller.panel, Qt.DockWidgetArea.RightDockWidgetArea)
    main_window.add_panel(library_title, controller.view, Qt.DockWidgetArea.BottomDockWidgetArea)
    controller.open_requested.connect(
        lambda article_id, offset: main_window.open_article(article_id, offset)
    )
    controller.message.connect(lambda text: main_window.statusBar().showMessage(text, 6000))
    edit_menu = main_window.menuBar().findChild(QMenu, "editMenu")
    if edit_menu is not None:
        edit_menu.addSeparator()
        edit_menu.addAction(controller.annotate_action)
        edit_menu.addAction(controller.undo_action)
        edit_menu.addAction(controller.redo_action)
    else:
        main_window.addAction(controller.undo_action)
        main_window.addAction(controller.redo_action)
    signal = getattr(main_window, "library_changed", None)
    if signal is not None:
        signal.connect(controller.library_switched)
    _keep_index_current(main_window, controller)
    return controller


def _keep_index_current(main_window: Any, controller: AnnotationController) -> None:
    """After annotation edits, let the search index catch up (notes and tags are searchable).

    Edits in quick succession (typing, undo bursts) are coalesced into one catch-up.
    """
    importer = getattr(main_window, "importer", None)
    if importer is None or not callable(getattr(importer, "sync_index", None)):
        return
    timer = QTimer(controller)
    timer.setSingleShot(True)
    timer.setInterval(SYNC_DELAY_MS)

    def sync() -> None:
        current = getattr(main_window, "importer", None)  # replaced when the library changes
        if current is not None and not main_window.library.read_only:
            current.sync_index()

    timer.timeout.connect(sync)
    controller.changed.connect(lambda _article_id: timer.start())
