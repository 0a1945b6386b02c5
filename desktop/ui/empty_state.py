"""The first-run screen for an empty library: what to do, and an Import button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.ui.plaintext import PlainLabel


class EmptyLibraryScreen(QWidget):
    import_files_requested = Signal()
    import_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyLibrary")
        title = PlainLabel(self.tr("Your library is empty"), self)
        title.setObjectName("emptyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = PlainLabel(
            self.tr(
                "Import articles to start: text files, HTML pages, WARC/WACZ web archives, "
                "JSON Lines, or zip files holding any of these.\n\n"
                "Use the buttons below, File ▸ Import (Ctrl+O), or drop files and folders "
                "onto this window. Everything stays on this computer."
            ),
            self,
        )
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(560)
        text.setMinimumHeight(text.heightForWidth(560))
        self.import_button = QPushButton(self.tr("Import files…"), self)
        self.import_button.setObjectName("emptyImportButton")
        self.import_button.setDefault(True)
        self.folder_button = QPushButton(self.tr("Import a folder…"), self)
        self.import_button.clicked.connect(self.import_files_requested)
        self.folder_button.clicked.connect(self.import_folder_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addStretch(3)
