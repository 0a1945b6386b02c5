"""The result list model: pages of search hits (or of the library listing).

Rows arrive a page at a time. ``canFetchMore``/``fetchMore`` ask for the next
page through ``more_requested(offset)``; the controller answers with
:meth:`ResultsModel.append_page`. A new query replaces everything with
:meth:`ResultsModel.reset_rows`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.core.search.models import SearchHit
from desktop.ui.plaintext import plain_tooltip
from desktop.ui.roles import Role, role_names

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ResultRow:
    id: str
    title: str
    published: date | None
    site: str | None
    snippet: str
    score: float

    @classmethod
    def from_hit(cls, hit: SearchHit) -> ResultRow:
        return cls(hit.id, hit.title, hit.published, hit.site, hit.snippet, hit.score)


class ResultsModel(QAbstractListModel):
    more_requested = Signal(int)  # offset of the first missing row

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self._total = 0
        self._fetching = False
        self._read: set[str] = set()
        # Which of some ids are read (set by the reading-state part); None: all unread.
        self.read_lookup: Callable[[list[str]], set[str]] | None = None

    # -- filling -------------------------------------------------------------

    def reset_rows(self, rows: list[ResultRow], total: int) -> None:
        self.beginResetModel()
        self._read = self._lookup_read(rows)
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self._fetching = False
        self.endResetModel()

    def append_page(self, offset: int, rows: list[ResultRow]) -> None:
        """Add a page fetched for ``offset``; pages for another offset are ignored."""
        self._fetching = False
        if offset != len(self._rows):
            return
        if not rows:
            self._total = len(self._rows)  # the source has fewer rows than it said
            return
        first = len(self._rows)
        self._read |= self._lookup_read(rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        self._total = max(self._total, len(self._rows))

    def page_failed(self) -> None:
        self._fetching = False
        self._total = len(self._rows)

    def _lookup_read(self, rows: list[ResultRow]) -> set[str]:
        if self.read_lookup is None or not rows:
            return set()
        return self.read_lookup([r.id for r in rows])

    def set_read(self, ids: list[str], read: bool) -> None:
        """Show articles as read (or unread) without fetching anything again."""
        wanted = set(ids)
        if read:
            self._read |= wanted
        else:
            self._read -= wanted
        for n, row in enumerate(self._rows):
            if row.id in wanted:
                index = self.index(n, 0)
                self.dataChanged.emit(index, index, [Role.UNREAD])

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> ResultRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]

    # -- Qt model interface -----------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_requested.emit(len(self._rows))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Role.TITLE):
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.title)
        if role == Role.ID:
            return row.id
        if role == Role.DATE:
            return row.published.isoformat() if row.published else ""
        if role == Role.SITE:
            return row.site or ""
        if role == Role.SNIPPET:
            return row.snippet
        if role == Role.SCORE:
            return row.score
        if role == Role.UNREAD:
            return row.id not in self._read
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def roleNames(self) -> dict[int, QByteArray]:
        return role_names(
            super().roleNames(),
            Role.ID,
            Role.TITLE,
            Role.DATE,
            Role.SITE,
            Role.SNIPPET,
            Role.SCORE,
            Role.UNREAD,
        )
