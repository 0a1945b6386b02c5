"""The end-of-import report: counts, and a table of the files that failed with their reasons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import ImportFailure, ImportReport
from desktop.ui.plaintext import PlainLabel, plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex


class FailuresModel(QAbstractTableModel):
    """Two columns: the file (or member) and why it failed."""

    def __init__(self, failures: list[ImportFailure], parent: Any = None):
        super().__init__(parent)
        self._failures = list(failures)
        self._headers = [self.tr("File"), self.tr("Reason")]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._failures)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._failures):
            return None
        failure = self._failures[index.row()]
        value = failure.path if index.column() == 0 else failure.error
        if role == Qt.ItemDataRole.DisplayRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 2:
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class ImportReportDialog(QDialog):
    def summary_text(self, report: ImportReport) -> str:
        text = self.tr(
            "Imported {imported} articles; {duplicates} duplicates skipped; {failed} failed."
        ).format(
            imported=f"{report.imported:,}",
            duplicates=f"{report.duplicates:,}",
            failed=f"{len(report.failed):,}",
        )
        if report.cancelled:
            text += " " + self.tr("The import was cancelled; what was imported before is kept.")
        return text

    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        self.report = report
        self.summary = PlainLabel(self.summary_text(report), self)
        self.summary.setWordWrap(True)
        self.model = FailuresModel(report.failed, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.verticalHeader().setVisible(False)
        self.table.setVisible(bool(report.failed))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if report.failed:
            layout.addWidget(PlainLabel(self.tr("These files could not be imported:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420 if report.failed else 140)
