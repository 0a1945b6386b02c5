"""``ListsModel``: the sidebar tree of saved searches and collections.

Two groups, "Saved searches" and "Collections"; their children are the entries.
A saved search shows how many articles are new since it was last opened (bold
when some are); a collection shows how many articles it holds. Custom roles
give views and tests the plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.ui.plaintext import plain_tooltip
from desktop.ui.roles import Role, role_names

KINDS = ("saved", "collection")
_GROUP_ID = 0
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class ListEntry:
    name: str
    query: str = ""
    count: int = 0
    new: int | None = None


class ListsModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entries: dict[str, list[ListEntry]] = {kind: [] for kind in KINDS}
        self._bold = QFont()
        self._bold.setBold(True)

    def _title(self, kind: str) -> str:
        return self.tr("Saved searches") if kind == "saved" else self.tr("Collections")

    # -- filling ---------------------------------------------------------------

    def set_entries(self, kind: str, entries: list[ListEntry]) -> None:
        """Replace one group's entries (new counts of unchanged names are kept)."""
        old = {e.name: e for e in self._entries[kind]}
        for entry in entries:
            if entry.new is None and entry.name in old:
                entry.new = old[entry.name].new
        parent = self.index(KINDS.index(kind), 0)
        if self._entries[kind]:
            self.beginRemoveRows(parent, 0, len(self._entries[kind]) - 1)
            self._entries[kind] = []
            self.endRemoveRows()
        if entries:
            self.beginInsertRows(parent, 0, len(entries) - 1)
            self._entries[kind] = list(entries)
            self.endInsertRows()

    def set_new_count(self, name: str, new: int | None) -> None:
        for row, entry in enumerate(self._entries["saved"]):
            if entry.name == name:
                entry.new = new
                index = self.index(row, 0, self.index(0, 0))
                self.dataChanged.emit(index, index)

    def entries(self, kind: str) -> list[ListEntry]:
        return list(self._entries[kind])

    def entry_index(self, kind: str, name: str) -> QModelIndex:
        for row, entry in enumerate(self._entries[kind]):
            if entry.name == name:
                return self.index(row, 0, self.index(KINDS.index(kind), 0))
        return QModelIndex()

    def group_index(self, kind: str) -> QModelIndex:
        return self.index(KINDS.index(kind), 0)

    # -- Qt model interface ---------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _GROUP_ID) if row < len(KINDS) else QModelIndex()
        if parent.internalId() != _GROUP_ID:
            return QModelIndex()
        kind = KINDS[parent.row()]
        if row >= len(self._entries[kind]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP_ID)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(KINDS)
        if parent.internalId() == _GROUP_ID:
            return len(self._entries[KINDS[parent.row()]])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP_ID:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def _entry(self, index: AnyIndex) -> tuple[str, ListEntry | None]:
        if index.internalId() == _GROUP_ID:
            return KINDS[index.row()], None
        kind = KINDS[index.internalId() - 1]
        entries = self._entries[kind]
        return kind, entries[index.row()] if index.row() < len(entries) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, entry = self._entry(index)
        if entry is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._title(kind)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                if kind == "saved":
                    return self.tr("Save the current search with Edit ▸ Save Search… (Ctrl+S)")
                return self.tr(
                    "Put selected results in a collection with Edit ▸ Add to Collection… "
                    "(Ctrl+Shift+L)"
                )
            if role == Role.IS_GROUP:
                return True
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "saved":
                if entry.new:
                    return self.tr("%1 (%n new)", "", entry.new).replace("%1", entry.name)
                return entry.name
            return f"{entry.name} ({entry.count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == "saved":
                return plain_tooltip(entry.query or self.tr("(every article)"))
            return self.tr("Show the %n article(s) of this collection", "", entry.count)
        if role == Qt.ItemDataRole.FontRole and kind == "saved" and entry.new:
            return self._bold
        if role == Role.KIND:
            return kind
        if role == Role.NAME:
            return entry.name
        if role == Role.COUNT:
            return entry.count
        if role == Role.NEW:
            return entry.new
        if role == Role.QUERY:
            return entry.query
        if role == Role.IS_GROUP:
            return False
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return role_names(
            super().roleNames(),
            Role.KIND,
            Role.NAME,
            Role.COUNT,
            Role.NEW,
            Role.QUERY,
            Role.IS_GROUP,
        )
