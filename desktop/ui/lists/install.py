"""``install_lists``: the one call that puts saved searches, collections and reading state
into the main window.

The Saved searches / Collections panel goes above the facets in the sidebar
(or into a dock when the sidebar is laid out otherwise); its actions go into
the Edit and View menus and the result list's context menu. Counts follow
imports, bundle merges and library switches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu, QSplitter

from desktop.ui.lists.controller import ListsController

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary
    from desktop.ui.main_window import MainWindow

SIDEBAR_WIDTH = 200


class _Sidebar(QSplitter):
    """The lists above the facets; as wide as the facets alone would ask to be."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), SIDEBAR_WIDTH), hint.height())


def install_lists(main_window: MainWindow, library: AnyLibrary) -> ListsController:
    del library  # read from the window on every use
    controller = ListsController(main_window)
    _place_panel(main_window, controller)
    edit_menu = main_window.menuBar().findChild(QMenu, "editMenu")
    if edit_menu is not None:
        edit_menu.addSeparator()
        for action in (
            controller.save_search_action,
            controller.add_to_collection_action,
            controller.mark_read_action,
            controller.mark_unread_action,
            controller.clear_history_action,
        ):
            edit_menu.addAction(action)
    view_menu = main_window.menuBar().findChild(QMenu, "viewMenu")
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(controller.unread_only_action)
    results: QAbstractItemView = main_window.results
    results.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for action in (
        controller.add_to_collection_action,
        controller.mark_read_action,
        controller.mark_unread_action,
    ):
        results.addAction(action)
    results.addAction(main_window.actions_.compare_selected)
    controller.message.connect(lambda text: main_window.statusBar().showMessage(text, 6000))
    main_window.library_changed.connect(controller.library_switched)
    main_window.import_finished.connect(lambda _report: controller.reload())
    main_window.index_synced.connect(controller.reload)
    return controller


def _place_panel(main_window: MainWindow, controller: ListsController) -> None:
    """Above the facets in the main splitter's sidebar; else in a dock of its own."""
    splitter, facets = main_window.splitter, main_window.facets
    if splitter.indexOf(facets) >= 0:
        at = splitter.indexOf(facets)
        side = _Sidebar(Qt.Orientation.Vertical)
        side.setObjectName("sidebarSplitter")
        side.setChildrenCollapsible(False)
        sizes = splitter.sizes()
        splitter.replaceWidget(at, side)
        side.addWidget(controller.panel)
        side.addWidget(facets)
        side.setStretchFactor(0, 2)
        side.setStretchFactor(1, 3)
        splitter.setStretchFactor(at, 1)  # shrinks with the window, like the facets
        if splitter.isVisible():  # laid out already: keep what the user had
            splitter.setSizes(sizes)
        controller.sidebar = side  # replaceWidget does not give it to Qt: keep it alive
        return
    main_window.add_panel(
        QCoreApplication.translate("ListsController", "Saved searches and collections"),
        controller.panel,
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )
