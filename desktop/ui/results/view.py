"""The result list view: uniform rows, Enter opens, Esc goes back to the search box.

Ctrl/Shift-click (and Shift+arrows) select several results, for "Compare
selected" and "Export selected"; plain arrows move and select one row.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop.ui.results.delegate import ResultDelegate
from desktop.ui.results.message import ResultsMessage
from desktop.ui.roles import Role


class ResultsView(QListView):
    open_requested = Signal(str)  # article id
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("results")
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.activated.connect(self._open_index)
        self.message = ResultsMessage(self)

    def _open_index(self, index: QModelIndex) -> None:
        article_id = index.data(Role.ID)
        if article_id:
            self.open_requested.emit(str(article_id))

    def selected_ids(self) -> list[str]:
        """Ids of the selected results, in list order."""
        rows = sorted(self.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [str(i.data(Role.ID)) for i in rows if i.data(Role.ID)]

    def open_current(self) -> bool:
        index = self.currentIndex()
        if not index.isValid() and self.model() is not None and self.model().rowCount() > 0:
            index = self.model().index(0, 0)
            self.setCurrentIndex(index)
        if index.isValid():
            self._open_index(index)
            return True
        return False

    def move_current(self, step: int) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        row = max(0, min(model.rowCount() - 1, row + step))
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)
