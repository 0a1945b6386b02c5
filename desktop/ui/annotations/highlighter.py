"""Painting an article's annotations into the reader's document.

All highlights are applied as character formats in ONE edit block, with the
widget's updates disabled meanwhile: the document then reports a single change
at the end of the block and the layout runs once, not once per annotation.
The reader's own highlight layers (search hits, find) are extra selections and
are drawn over these formats. Offsets arrive in code points and are converted
with the reader's ``OffsetMap``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from desktop.core.annotations.models import Annotation, color_hex
from desktop.ui.textoffsets import OffsetMap

ANNOTATION_ID_PROPERTY = QTextCharFormat.Property.UserProperty + 1


class AnnotationHighlighter:
    """Applies and clears annotation formats on one ``QTextEdit``."""

    def __init__(self, edit: QTextEdit):
        self.edit = edit
        self._formats: dict[str, QTextCharFormat] = {}
        self._painted: list[tuple[int, int]] = []  # UTF-16 spans currently formatted

    def _format(self, color: str, focused: bool) -> QTextCharFormat:
        key = f"{color}:{int(focused)}"
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color_hex(color)))
            fmt.setForeground(QColor("#000000"))
            if focused:
                fmt.setFontUnderline(True)
            self._formats[key] = fmt
        return fmt

    def apply(
        self,
        annotations: Sequence[Annotation],
        offsets: OffsetMap,
        focused_id: str | None = None,
    ) -> int:
        """Replace the painted highlights with ``annotations``; returns how many were painted."""
        doc = self.edit.document()
        limit = len(offsets.text)
        spans = [
            a for a in annotations
            if a.status == "anchored" and 0 <= a.start < a.end <= limit
        ]
        self.edit.setUpdatesEnabled(False)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        try:
            blank = QTextCharFormat()
            for start, end in self._painted:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(blank)
            painted: list[tuple[int, int]] = []
            for ann in spans:
                start, end = offsets.to_utf16(ann.start), offsets.to_utf16(ann.end)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(self._format(ann.color, ann.id == focused_id))
                painted.append((start, end))
            self._painted = painted
        finally:
            cursor.endEditBlock()
            self.edit.setUpdatesEnabled(True)
        return len(spans)

    def forget(self) -> None:
        """The document was replaced (a new article): nothing of ours is painted."""
        self._painted = []
