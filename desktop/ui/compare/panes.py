"""One side of the compare view: a read-only text pane that speaks code points.

The pane holds an article body alone, so Qt's UTF-16 positions convert to the
core's code-point offsets through ``OffsetMap``.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.ui.textoffsets import OffsetMap

Span = tuple[int, int]


class ComparePane(QTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        self.map = OffsetMap("")

    def set_body(self, text: str) -> None:
        self.map = OffsetMap(text)
        self.setExtraSelections([])
        self.setPlainText(text)

    @property
    def body(self) -> str:
        return self.map.text

    def paint(self, layers: list[tuple[Span, QTextCharFormat]]) -> None:
        """Replace the tints: ``(span, format)`` in code points, later ones on top."""
        selections = []
        doc = self.document()
        for (start, end), fmt in layers:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(self.map.to_utf16(start))
            cursor.setPosition(self.map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def reading_y(self) -> int:
        """The viewport line where the eye reads: a third of the way down."""
        return self.viewport().height() // 3

    def offset_at(self, y: int) -> int:
        """Code-point offset where the line whose top is at viewport height ``y`` starts."""
        cursor = self.cursorForPosition(QPoint(8, y + self.fontMetrics().lineSpacing() // 2))
        return self.map.to_codepoint(cursor.position())

    def y_of(self, cp: int) -> int:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_utf16(max(0, min(cp, len(self.map.text)))))
        return self.cursorRect(cursor).top()

    def scroll_offset_to(self, cp: int, y: int) -> None:
        """Scroll so that code-point offset ``cp`` sits at viewport height ``y``."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.y_of(cp) - y)
