"""``AnnotationPanel``: the current article's annotations beside the reader."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.annotations.models import ArticleAnnotationsModel
from desktop.ui.plaintext import PlainLabel
from desktop.ui.roles import Role


class AnnotationPanel(QWidget):
    """A list in text order; clicking an entry asks to show its passage."""

    activated = Signal(str)  # annotation id
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, model: ArticleAnnotationsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self.model = model
        self.list = QListView(self)
        self.list.setObjectName("annotationList")
        self.list.setModel(model)
        # One line per entry and uniform sizes: 1,000 entries lay out in a few ms.
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.count_label = PlainLabel(parent=self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        buttons = QHBoxLayout()  # under the count, so the panel can be narrow
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.list.clicked.connect(self._on_clicked)
        self.list.activated.connect(self._on_clicked)
        self.list.doubleClicked.connect(lambda i: self._emit(self.edit_requested, i))
        self.edit_button.clicked.connect(lambda: self._emit_current(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit_current(self.delete_requested))
        model.modelReset.connect(self._update)
        self._update()

    def _on_clicked(self, index: QModelIndex) -> None:
        self._emit(self.activated, index)

    def _emit(self, signal: SignalInstance, index: QModelIndex) -> None:
        ann_id = index.data(Role.ID) if index.isValid() else None
        if ann_id:
            signal.emit(ann_id)

    def _emit_current(self, signal: SignalInstance) -> None:
        self._emit(signal, self.list.currentIndex())

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(Role.ID) if index.isValid() else None

    def select(self, annotation_id: str) -> None:
        row = self.model.row_of(annotation_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _update(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%n annotation(s)", "", n))
        self.edit_button.setEnabled(n > 0)
        self.delete_button.setEnabled(n > 0)
