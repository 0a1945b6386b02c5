"""The reader's page indicator for paged originals (PDF): "page 3 of 10".

The page is the one holding the first character at the top of the body view,
from the page start offsets the extractor kept (``core/extract/pages``).
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtWidgets import QLabel, QWidget


class PageIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pageIndicator")
        self.setContentsMargins(6, 0, 6, 0)
        self._starts: list[int] = []
        self.page: int | None = None
        self.hide()

    def set_pages(self, starts: list[int]) -> None:
        """Page start offsets (code points); [] for an article without pages."""
        self._starts = starts
        self.page = None
        self.setVisible(bool(starts))
        self.show_offset(0)

    def show_offset(self, cp: int) -> None:
        if not self._starts:
            self.clear()
            return
        self.page = max(1, bisect_right(self._starts, max(0, cp)))
        self.setText(self.tr("page {n} of {total}").format(n=self.page, total=len(self._starts)))
