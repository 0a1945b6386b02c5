"""Find-in-article: a slim bar under the reader (Ctrl+F), accent- and case-insensitive.

Matching runs on the folded body (``textnorm.fold`` keeps one code point per
code point), so ``viet`` finds ``Việt`` and offsets stay those of the body.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop.core.textnorm import fold
from desktop.ui.plaintext import PlainLabel


def find_all(body_folded: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``needle`` (folded) in an already folded body."""
    target = fold(needle.strip())
    if not target:
        return []
    spans: list[tuple[int, int]] = []
    start = body_folded.find(target)
    while start >= 0:
        spans.append((start, start + len(target)))
        start = body_folded.find(target, start + len(target))
    return spans


class _FindEdit(QLineEdit):
    step = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step.emit(-1 if back else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    text_changed = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = _FindEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in article"))
        self.count = PlainLabel(parent=self)
        self.count.setMinimumWidth(70)
        prev_btn = QToolButton(self)
        prev_btn.setText("↑")
        prev_btn.setToolTip(self.tr("Previous match (Shift+Enter)"))
        next_btn = QToolButton(self)
        next_btn.setText("↓")
        next_btn.setToolTip(self.tr("Next match (Enter)"))
        close_btn = QToolButton(self)
        close_btn.setText("✕")
        close_btn.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(PlainLabel(self.tr("Find:"), self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(prev_btn)
        layout.addWidget(next_btn)
        layout.addWidget(close_btn)
        self.edit.textChanged.connect(self.text_changed)
        self.edit.step.connect(self.step)
        self.edit.closed.connect(self.closed)
        prev_btn.clicked.connect(lambda: self.step.emit(-1))
        next_btn.clicked.connect(lambda: self.step.emit(1))
        close_btn.clicked.connect(self.closed)

    def open(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def show_count(self, current: int, total: int) -> None:
        if not self.edit.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(f"{current + 1} / {total}")
