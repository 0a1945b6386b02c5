"""Painting an article's annotations into the reader's document.

Highlights are character formats (so they travel with the text and show in
``QTextCursor.charFormat``), applied in ONE edit block with the widget's
updates disabled: the document reports a single change at the end of the block
and the layout runs once, not once per annotation.

Opening an article (the document was just replaced): layout is also switched
off while applying (a null page size makes the layout ignore changes) and
switched back on afterwards with the old page size. That starts a full *lazy*
layout, which lays out what the first paint needs and the rest in the
background, instead of laying out every annotated paragraph at once.

Re-painting the open article after an edit: only the stretch of text where the
painted highlights differ is cleared and painted again, so the layout redoes a
few paragraphs rather than the whole article, and the view does not move.

The reader's own highlight layers (search hits, find) are extra selections and
are drawn over these formats. Offsets arrive in code points and are converted
with the reader's ``OffsetMap``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from desktop.core.annotations.models import Annotation, color_hex
from desktop.ui.textoffsets import OffsetMap

ANNOTATION_ID_PROPERTY = QTextCharFormat.Property.UserProperty + 1

_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor  # looked up once, not per annotation

# A painted highlight: UTF-16 start and end in the document, and its format's key.
Painted = tuple[int, int, str]


class AnnotationHighlighter:
    """Applies and clears annotation formats on one ``QTextEdit``."""

    def __init__(self, edit: QTextEdit):
        self.edit = edit
        self._formats: dict[str, QTextCharFormat] = {}
        self._painted: list[Painted] = []  # in the order they were merged
        self._fresh = False  # the document was replaced and nothing is painted in it yet

    def _format(self, key: str) -> QTextCharFormat:
        fmt = self._formats.get(key)
        if fmt is None:
            color, focused = key.rsplit(":", 1)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color_hex(color)))
            fmt.setForeground(QColor("#000000"))
            if focused == "1":
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
        limit = len(offsets.text)
        wanted: list[Painted] = [
            (offsets.to_utf16(a.start), offsets.to_utf16(a.end),
             f"{a.color}:{int(a.id == focused_id)}")
            for a in annotations
            if a.status == "anchored" and 0 <= a.start < a.end <= limit
        ]
        fresh, self._fresh = self._fresh, False
        if fresh or not self._painted:
            if wanted:
                self._paint(wanted, None, suspend_layout=fresh)
        else:
            changed = set(self._painted).symmetric_difference(wanted)
            if changed:
                region = (min(s for s, _, _ in changed), max(e for _, e, _ in changed))
                self._paint(wanted, region, suspend_layout=False)
        self._painted = wanted
        return len(wanted)

    def _paint(
        self, wanted: list[Painted], region: tuple[int, int] | None, *, suspend_layout: bool
    ) -> None:
        """Merge ``wanted`` into the document, within ``region`` only when one is given.

        Inside ``region`` the old formats are cleared first and every wanted highlight
        that reaches into it is merged again in order, so the result there is the same
        as a full repaint; outside it nothing changed.
        """
        doc = self.edit.document()
        page = doc.pageSize()
        self.edit.setUpdatesEnabled(False)
        if suspend_layout:
            doc.setPageSize(QSizeF(0, 0))
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        try:
            lo, hi = region if region is not None else (0, doc.characterCount())
            if region is not None:
                cursor.setPosition(lo)
                cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(QTextCharFormat())
            for start, end, key in wanted:
                start, end = max(start, lo), min(end, hi)
                if start < end:
                    cursor.setPosition(start)
                    cursor.setPosition(end, _KEEP_ANCHOR)
                    cursor.mergeCharFormat(self._format(key))
        finally:
            cursor.endEditBlock()
            if suspend_layout:
                doc.setPageSize(page)  # one full, lazy layout
            self.edit.setUpdatesEnabled(True)

    def forget(self) -> None:
        """The document was replaced (a new article): nothing of ours is painted."""
        self._painted = []
        self._fresh = True
