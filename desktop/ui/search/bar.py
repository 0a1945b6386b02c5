"""The search box: runs as you type (debounced), shows the total or that the query has a problem.

Signals: ``query_changed(str)`` after the debounce; ``move_requested(int)``
for the arrow keys (the results move, focus stays here);
``open_requested()`` for Enter. Esc clears the box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.core.search.models import SortKey
from desktop.ui.plaintext import PlainLabel, plain_tooltip

DEBOUNCE_MS = 150
SORT_KEYS: tuple[SortKey, ...] = ("relevance", "newest", "oldest")


class SearchLineEdit(QLineEdit):
    move_requested = Signal(int)
    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.move_requested.emit(10)
        elif key == Qt.Key.Key_PageUp:
            self.move_requested.emit(-10)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.clear()
        else:
            super().keyPressEvent(event)


class SearchBar(QWidget):
    query_changed = Signal(str)
    sort_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = SearchLineEdit(self)
        self.edit.setObjectName("searchBox")
        self.edit.setPlaceholderText(
            self.tr("Search the library (accents optional: “doi tuyen” finds “đội tuyển”)")
        )
        self.edit.setClearButtonEnabled(True)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("sortBox")
        self.sort_box.addItem(self.tr("Relevance"), "relevance")
        self.sort_box.addItem(self.tr("Newest first"), "newest")
        self.sort_box.addItem(self.tr("Oldest first"), "oldest")
        self.sort_box.setToolTip(self.tr("Sort results"))
        # A fixed width, so the search box never changes size with the status text.
        # Query errors and notices are shown over the result list (``ResultsMessage``).
        self.status = PlainLabel(parent=self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        longest = self.tr("about %n article(s)", "", 88888)
        width = self.status.fontMetrics().horizontalAdvance(longest) + 12
        self.status.setFixedWidth(max(120, width))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.sort_box)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.edit.textChanged.connect(self._on_text)
        self.sort_box.currentIndexChanged.connect(
            lambda _i: self.sort_changed.emit(self.sort_key())
        )
        self._last = ""

    def text(self) -> str:
        return self.edit.text()

    def sort_key(self) -> SortKey:
        key = self.sort_box.currentData()
        return key if key in SORT_KEYS else "relevance"

    def set_sort_key(self, key: str) -> None:
        i = self.sort_box.findData(key)
        if i >= 0:
            self.sort_box.setCurrentIndex(i)

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def clear(self) -> None:
        self.edit.clear()

    def _on_text(self, _text: str) -> None:
        self._timer.start()

    def _fire(self) -> None:
        text = self.edit.text()
        if text.strip() == self._last.strip():
            self._last = text
            return
        self._last = text
        self.query_changed.emit(text)

    def flush(self) -> None:
        """Run a pending debounced search now."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    # -- feedback ------------------------------------------------------------

    def show_total(self, total: int, exact: bool, notice: str | None, took_ms: float) -> None:
        """The number of results (a notice about them is shown over the list, not here)."""
        del notice
        if exact:
            text = self.tr("%n article(s)", "", total)
        else:
            text = self.tr("about %n article(s)", "", total)
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.status.setToolTip(plain_tooltip(self.tr("{ms:.0f} ms").format(ms=took_ms)))

    def show_error(self, message: str) -> None:
        """The status says the query has a problem; the message itself is over the results."""
        self.status.setStyleSheet("color: #d0453a;")
        self.status.setText(self.tr("Query problem"))
        self.status.setToolTip(plain_tooltip(message))

    def show_busy(self) -> None:
        self.status.setText(self.tr("Searching…"))
