"""The end-of-import report: counts, and a table of the files that failed with their reasons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import ImportFailure, ImportReport

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return value
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


# Duplicates listed by name in the report (the rest are counted).
MAX_LISTED_DUPLICATES = 10


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

    def duplicates_text(self, report: ImportReport) -> str:
        """One line per duplicate (the first ones): the file and the article it duplicates."""
        lines = [
            self.tr("{source}: same text as \u201c{title}\u201d ({id})").format(
                source=note.source, title=note.title, id=note.article_id[:12]
            )
            for note in report.duplicate_of[:MAX_LISTED_DUPLICATES]
        ]
        more = len(report.duplicate_of) - MAX_LISTED_DUPLICATES
        if more > 0:
            lines.append(self.tr("… and {n} more").format(n=f"{more:,}"))
        return "\n".join(lines)

    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        self.report = report
        self.summary = QLabel(self.summary_text(report), self)
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
        self.duplicates = QLabel(self.duplicates_text(report), self)
        self.duplicates.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
        self.duplicates.setWordWrap(True)
        self.duplicates.setVisible(bool(report.duplicate_of))
        layout.addWidget(self.duplicates)
        if report.failed:
            layout.addWidget(QLabel(self.tr("These files could not be imported:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420 if report.failed else 140)
