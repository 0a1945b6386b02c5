"""The first-run screen for an empty library: what to do, Import buttons and the sample library.

The text names the menu items as the menu shows them (both go through the
"Menus" translation context), so the two never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyLibraryScreen(QWidget):
    import_files_requested = Signal()
    import_folder_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyLibrary")
        title = QLabel(self.tr("Your library is empty"), self)
        title.setObjectName("emptyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Import articles to start: text files, HTML pages, WARC/WACZ web archives, "
                "JSON Lines, or zip files holding any of these.\n\n"
                "Use the buttons below, {file} ▸ {item} (Ctrl+O), or drop files and folders "
                "onto this window. Everything stays on this computer.\n\n"
                "To try search, compare and annotations first, open the sample library: "
                "a few short articles that ship with the app."
            ).format(file=_menu_text("&File"), item=_menu_text("&Import Files…")),
            self,
        )
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        text.setMinimumWidth(320)
        self.import_button = QPushButton(self.tr("Import files…"), self)
        self.import_button.setObjectName("emptyImportButton")
        self.import_button.setDefault(True)
        self.folder_button = QPushButton(self.tr("Import a folder…"), self)
        self.sample_button = QPushButton(self.tr("Open the sample library"), self)
        self.sample_button.setObjectName("emptySampleButton")
        self.import_button.clicked.connect(self.import_files_requested)
        self.folder_button.clicked.connect(self.import_folder_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addStretch(3)


def _menu_text(text: str) -> str:
    """A menu entry's visible words: translated, without the ``&`` mnemonic marker."""
    return QCoreApplication.translate("Menus", text).replace("&&", "\0").replace("&", "").replace(
        "\0", "&"
    )
