"""``UnreachableBar``: the strip across the window that says the server cannot be reached.

It shows the one-line reason and a Retry button; the window keeps everything
the user typed while it shows (the search box, an annotation being written) and
tries again when Retry is clicked (``retry_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from desktop.ui.plaintext import PlainLabel, plain_tooltip


class UnreachableBar(QFrame):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unreachableBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#unreachableBar { background: #fff3bf; border: 1px solid #e0b000; }"
            "#unreachableBar QLabel { color: #3b2f00; }"
        )
        self.title = PlainLabel(self.tr("Server unreachable"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = PlainLabel(parent=self)
        self.detail.setObjectName("unreachableDetail")
        self.detail.setWordWrap(True)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_problem(self, reason: str) -> None:
        """Show the bar with ``reason`` (one line from the core) and what is kept."""
        kept = self.tr("What you typed is kept; nothing is saved until the server answers.")
        self.detail.setText(f"{reason} — {kept}" if reason else kept)
        self.detail.setToolTip(plain_tooltip(reason))
        self.show()
