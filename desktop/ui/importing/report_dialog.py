"""The end-of-import report: counts, and a table of the files that failed with their reasons.

Reasons wrap in the table (and show whole in a tooltip); "Details" shows every
failure as plain text to select and copy, and "Copy" puts it on the clipboard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import ImportFailure, ImportReport
from desktop.ui.core_messages import translate_message
from desktop.ui.plaintext import PlainLabel, plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
# Rows grow to show a wrapped reason whole; beyond this many, measuring every row
# would slow the dialog down, and the tooltip and the details view show them whole.
MAX_MEASURED_ROWS = 2000


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
        value = failure.path if index.column() == 0 else translate_message(failure.error)
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
        self.summary = PlainLabel(self.summary_text(report), self)
        self.summary.setWordWrap(True)
        self.model = FailuresModel(report.failed, self)
        self.table = QTableView(self)
        self.table.setObjectName("importFailures")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)  # reasons wrap; a path too long for its cell loses its middle
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.verticalHeader().setVisible(False)
        if len(report.failed) <= MAX_MEASURED_ROWS:
            self.table.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.setVisible(bool(report.failed))
        self.details = QPlainTextEdit(self.details_text(), self)
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.details_button = QPushButton(self.tr("Details"), self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy every failed file and its reason"))
        self.copy_button.clicked.connect(self.copy_details)
        for button in (self.details_button, self.copy_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(bool(report.failed))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.duplicates = PlainLabel(self.duplicates_text(report), self)
        self.duplicates.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
        self.duplicates.setWordWrap(True)
        self.duplicates.setVisible(bool(report.duplicate_of))
        layout.addWidget(self.duplicates)
        if report.failed:
            layout.addWidget(PlainLabel(self.tr("These files could not be imported:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(760, 420 if report.failed else 140)

    def details_text(self) -> str:
        """Every failure on its own line: the file, a tab, the whole reason."""
        return "\n".join(f"{f.path}\t{translate_message(f.error)}" for f in self.report.failed)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())

    def _show_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.table.setVisible(not on and bool(self.report.failed))
