"""``ReadingTracker``: remembers where each article was scrolled to, and marks it read.

The position kept is the code-point offset of the first character at the top
of the reader, saved shortly after scrolling stops and whenever another article
opens; reopening the article scrolls back there (search hits, when the query
has some, then move to the first hit as usual). An article shown for
``READ_AFTER_MS`` counts as read, so stepping through results with the arrow
keys does not mark everything read. Nothing is written to a read-only library.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QTextCursor

from desktop.core.store.reading_state import ReadingStateStore
from desktop.ui.reader.view import ReaderView

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

READ_AFTER_MS = 1500
SAVE_AFTER_MS = 400


def top_offset(reader: ReaderView) -> int:
    """The code-point offset of the first character visible at the top of the reader."""
    edit = reader.body_edit
    u16 = edit.cursorForPosition(QPoint(4, 2)).position()
    return reader.offset_map.to_codepoint(u16)


def scroll_top_to(reader: ReaderView, cp: int) -> None:
    """Scroll so that code-point offset ``cp`` is at the top of the reader."""
    article = reader.current_article()
    if article is None:
        return
    cp = max(0, min(cp, len(article.body)))
    edit = reader.body_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(reader.offset_map.to_utf16(cp))
    bar = edit.verticalScrollBar()
    bar.setValue(max(0, bar.value() + edit.cursorRect(cursor).top()))


class ReadingTracker(QObject):
    read_changed = Signal(list, bool)  # article ids, read

    def __init__(
        self, reader: ReaderView, library: Callable[[], AnyLibrary], parent: QObject | None = None
    ):
        super().__init__(parent)
        self.reader = reader
        self._library = library
        # (library folder, article id, position or -1 for "read it from the reader")
        self._pending: tuple[str, str, int] | None = None
        self._restoring = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_AFTER_MS)
        self._save_timer.timeout.connect(self.flush)
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_AFTER_MS)
        self._read_timer.timeout.connect(self._mark_current_read)
        reader.article_changed.connect(self._on_article)
        reader.body_edit.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def stop(self) -> None:
        """Save the position waiting on its timer and cancel the read mark: the window
        is closing, and no timer may fire on the library once it is closed."""
        self._save_timer.stop()
        self._read_timer.stop()
        self.flush()

    def set_read_delay(self, ms: int) -> None:
        """How long an article must stay in the reader to count as read."""
        self._read_timer.setInterval(ms)

    def store(self) -> ReadingStateStore:
        return self._library().reading_state

    def writable(self) -> bool:
        return not self._library().read_only

    # Writes here are small and never hold stored content: when the library was closed
    # under a timer (the window shutting down) or is busy, the position or flag is skipped.

    # -- positions --------------------------------------------------------------

    def _on_scrolled(self, _value: int) -> None:
        article = self.reader.current_article()
        if article is None or self._restoring:
            return
        if self._pending is not None and self._pending[1] != article.id:
            self.flush()  # the previous article's position, before the new one's
        self._pending = (self._library().location, article.id, -1)
        self._save_timer.start()

    def flush(self) -> None:
        """Write the position waiting to be saved (called on a timer and on changes)."""
        self._save_timer.stop()
        pending, self._pending = self._pending, None
        if pending is None or not self.writable():
            return
        root, article_id, position = pending
        if root != self._library().location:
            return  # scrolled in a library that has been closed since
        current = self.reader.current_article()
        if position < 0:
            if current is None or current.id != article_id:
                return  # the article is gone from the reader; its last save stands
            position = top_offset(self.reader)
        try:
            self.store().set_position(article_id, position)
        except sqlite3.Error:
            pass

    def _on_article(self, article_id: str) -> None:
        if self._pending is not None and self._pending[1] != article_id:
            self.flush()
        self._pending = None
        try:
            state = self.store().get(article_id)
        except sqlite3.Error:
            return
        if state.position > 0:
            self._restoring = True
            try:
                scroll_top_to(self.reader, state.position)
            finally:
                self._restoring = False
        if not state.read and self.writable():
            self._read_timer.start()
        else:
            self._read_timer.stop()

    # -- read / unread ----------------------------------------------------------------

    def _mark_current_read(self) -> None:
        article = self.reader.current_article()
        if article is not None:
            self.mark([article.id], True)

    def mark(self, ids: list[str], read: bool) -> int:
        """Mark articles read or unread; returns how many changed."""
        if not ids or not self.writable():
            return 0
        if not read:
            self._read_timer.stop()  # marked unread on purpose: do not undo it
        try:
            changed = self.store().mark(ids, read)
        except sqlite3.Error:
            return 0
        self.read_changed.emit(list(ids), read)
        return changed

    def read_among(self, ids: list[str]) -> set[str]:
        try:
            return self.store().read_among(ids)
        except sqlite3.Error:  # a closed or switching library: show all as unread
            return set()
