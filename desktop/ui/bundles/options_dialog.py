"""The export options dialog: where to write the bundle and what to put in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plaintext import PlainLabel


class ExportOptionsDialog(QDialog):
    """Asks for the bundle file and whether to include the original files."""

    def __init__(
        self,
        title: str,
        summary: str,
        suggested: Path,
        *,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("exportBundleDialog")
        self.setWindowTitle(title)
        self.summary = PlainLabel(summary, self)
        self.summary.setWordWrap(True)
        self.path_edit = QLineEdit(str(suggested), self)
        self.path_edit.setObjectName("bundlePath")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.originals = QCheckBox(self.tr("Include the original files (larger bundle)"), self)
        self.originals.setChecked(True)
        self.error = PlainLabel(parent=self)
        self.error.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.originals)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def path(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")

    def with_originals(self) -> bool:
        return self.originals.isChecked()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path_edit.text(), self.tr("Bundles (*.zip)")
        )
        if chosen:
            self.path_edit.setText(chosen)

    def accept(self) -> None:
        if not self.path_edit.text().strip():
            self.error.setText(self.tr("Choose a file for the bundle."))
            return
        if not self.path().parent.is_dir():
            self.error.setText(self.tr("That folder does not exist."))
            return
        super().accept()
