"""The first-run screen for an empty library: what to do, Import buttons and the sample library.

The text names the menu items as the menu shows them (both go through the
"Menus" translation context), so the two never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plaintext import PlainLabel


class EmptyLibraryScreen(QWidget):
    import_files_requested = Signal()
    import_folder_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyLibrary")
        # The content scrolls when the window is too small to show it whole.
        content = QWidget(self)
        content.setObjectName("emptyContent")
        title = PlainLabel(self.tr("Your library is empty"), content)
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
                "Use the buttons below, {file} ▸ {item} (Ctrl+O), or drop files and folders "
                "onto this window. Everything stays on this computer.\n\n"
                "To try search, compare and annotations first, open the sample library: "
                "a few short articles that ship with the app."
            ).format(file=_menu_text("&File"), item=_menu_text("&Import Files…")),
            content,
        )
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        text.setMinimumWidth(280)
        self.import_button = QPushButton(self.tr("Import files…"), content)
        self.import_button.setObjectName("emptyImportButton")
        self.import_button.setDefault(True)
        self.folder_button = QPushButton(self.tr("Import a folder…"), content)
        self.sample_button = QPushButton(self.tr("Open the sample library"), content)
        self.sample_button.setObjectName("emptySampleButton")
        self.import_button.clicked.connect(self.import_files_requested)
        self.folder_button.clicked.connect(self.import_folder_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QGridLayout()  # the buttons take two rows when the window is narrow
        buttons.addWidget(self.import_button, 0, 0)
        buttons.addWidget(self.folder_button, 0, 1)
        buttons.addWidget(self.sample_button, 1, 0, 1, 2)
        centred_text = QHBoxLayout()  # centred without an alignment, so the text wraps to fit
        centred_text.addStretch(1)
        centred_text.addWidget(text, 4)
        centred_text.addStretch(1)
        centred_buttons = QHBoxLayout()
        centred_buttons.addStretch(1)
        centred_buttons.addLayout(buttons)
        centred_buttons.addStretch(1)
        layout = QVBoxLayout(content)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addLayout(centred_text)
        layout.addSpacing(18)
        layout.addLayout(centred_buttons)
        layout.addStretch(3)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)


def _menu_text(text: str) -> str:
    """A menu entry's visible words: translated, without the ``&`` mnemonic marker."""
    return QCoreApplication.translate("Menus", text).replace("&&", "\0").replace("&", "").replace(
        "\0", "&"
    )
