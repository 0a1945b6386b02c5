"""The non-modal import progress strip: bar, current file, counts and a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import ImportProgress
from desktop.ui.importing.controller import IndexProgress
from desktop.ui.plaintext import PlainLabel, plain_tooltip


class ImportPanel(QFrame):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = PlainLabel(self.tr("Importing…"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.bar = QProgressBar(self)
        self.bar.setMinimumWidth(140)
        self.bar.setTextVisible(True)
        self.current = PlainLabel(parent=self)
        self.current.setObjectName("importCurrent")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setMinimumWidth(40)
        self.counts = PlainLabel(parent=self)
        self.counts.setObjectName("importCounts")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self._cancel)
        # Two rows, so the strip fits a laptop-sized window in every language.
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.bar)
        bottom.addWidget(self.current, 1)
        bottom.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.hide()

    def start(self) -> None:
        self.title.setText(self.tr("Importing…"))
        self.bar.setRange(0, 0)
        self.current.clear()
        self.counts.clear()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.show()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def show_progress(self, p: ImportProgress) -> None:
        if p.total:
            self.bar.setRange(0, p.total)
            self.bar.setValue(min(p.done, p.total))
        else:
            self.bar.setRange(0, 0)
        name = p.current.replace("\\", "/").rsplit("/", 1)[-1]
        metrics = self.current.fontMetrics()
        self.current.setText(
            metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, max(120, self.current.width()))
        )
        self.current.setToolTip(plain_tooltip(p.current))
        self.counts.setText(
            self.tr("{imported} new · {duplicates} duplicates · {failed} failed").format(
                imported=f"{p.imported:,}", duplicates=f"{p.duplicates:,}", failed=f"{p.failed:,}"
            )
        )

    def show_indexing(self, p: IndexProgress | None = None) -> None:
        self.title.setText(self.tr("Updating the search index…"))
        self.cancel_button.setEnabled(False)
        if p is not None and p.total > 0:
            self.bar.setRange(0, p.total)
            self.bar.setValue(min(p.done, p.total))
            self.counts.setText(
                self.tr("{done} of {total} indexed").format(
                    done=f"{p.done:,}", total=f"{p.total:,}"
                )
            )
        else:
            self.bar.setRange(0, 0)
        self.current.clear()

    def finish(self) -> None:
        self.hide()
