"""``ListsPanel``: the sidebar section with saved searches and collections.

An "Unread only" check box (the View menu's action) sits above the tree.
Activating an entry (click, Enter) emits ``activated(kind, name)``; the
context menu offers the entry's actions, which the controller provides
through ``entry_actions``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.lists.model import KINDS, ListsModel
from desktop.ui.plaintext import plain_tooltip
from desktop.ui.roles import Role

EntryActions = Callable[[str, str], list[QAction]]


class ListsPanel(QWidget):
    activated = Signal(str, str)  # kind ("saved" or "collection"), name
    language_changed = Signal()

    def __init__(self, model: ListsModel, unread_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("listsPanel")
        self.model = model
        self.entry_actions: EntryActions | None = None
        # A check box mirroring the View menu's "Unread Only" action.
        self.unread_box = QCheckBox(unread_action.text(), self)
        self.unread_box.setObjectName("unreadOnlyBox")
        self.unread_box.setContentsMargins(4, 2, 4, 2)
        self.unread_box.setChecked(unread_action.isChecked())
        self.unread_box.setToolTip(plain_tooltip(unread_action.toolTip()))
        self.unread_box.toggled.connect(unread_action.setChecked)
        unread_action.toggled.connect(self.unread_box.setChecked)

        def follow_action() -> None:
            self.unread_box.setText(unread_action.text())
            self.unread_box.setToolTip(plain_tooltip(unread_action.toolTip()))

        unread_action.changed.connect(follow_action)
        self.tree = QTreeView(self)
        self.tree.setObjectName("listsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setModel(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.unread_box)
        layout.addWidget(self.tree, 1)
        self.tree.activated.connect(self._activate)
        self.tree.clicked.connect(self._activate)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        model.rowsInserted.connect(lambda *_: self.expand_groups())
        self.expand_groups()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed.emit()
            self.tree.viewport().update()
        super().changeEvent(event)

    def expand_groups(self) -> None:
        for kind in KINDS:
            self.tree.setExpanded(self.model.group_index(kind), True)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid() and not index.data(Role.IS_GROUP):
            self.activated.emit(str(index.data(Role.KIND)), str(index.data(Role.NAME)))

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The context menu of an entry (None on a group or nothing)."""
        if not index.isValid() or index.data(Role.IS_GROUP) or self.entry_actions is None:
            return None
        menu = QMenu(self)
        for action in self.entry_actions(str(index.data(Role.KIND)), str(index.data(Role.NAME))):
            menu.addAction(action)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.tree.indexAt(pos))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.tree.viewport().mapToGlobal(pos))
