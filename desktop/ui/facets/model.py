"""``FacetModel``: facet groups (sites, years, tags) with checkable values and counts.

A two-level item model. The top rows are the groups, always present in the
order of ``GROUPS``; their children are the values with a count. A value's
``Qt.CheckStateRole`` says whether it is a chosen filter; checking or
unchecking it (through ``setData``, so the view's check box, Space and
``toggle`` all go the same way) emits ``filters_changed``.

``set_counts`` replaces the values of each group with as few notifications as
possible: when a group keeps the same values only their counts change
(``dataChanged``), otherwise its children are removed and inserted again. The
group rows themselves are never reset, so a view keeps them expanded or
collapsed. Chosen values stay listed (with a count of 0) even when the
current results no longer contain them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.ui.plaintext import plain_tooltip
from desktop.ui.roles import Role, role_names

GROUPS = ("site", "year", "tag")

AnyIndex = QModelIndex | QPersistentModelIndex
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_VALUE_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsUserCheckable
    | Qt.ItemFlag.ItemNeverHasChildren
)

# internalId of a group row; value rows store their group's row number + 1.
_GROUP_ID = 0


@dataclass
class _Group:
    key: str
    title: str
    values: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    chosen: list[str] = field(default_factory=list)  # in the order they were checked


class FacetModel(QAbstractItemModel):
    filters_changed = Signal(object)  # dict[str, tuple[str, ...]]

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        titles = {"site": self.tr("Sites"), "year": self.tr("Years"), "tag": self.tr("Tags")}
        self._groups = [_Group(key, titles[key]) for key in GROUPS]
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filters -----------------------------------------------------------------

    def filters(self) -> dict[str, tuple[str, ...]]:
        """The chosen values, in the shape ``SearchRequest.filters`` takes."""
        return {g.key: tuple(g.chosen) for g in self._groups if g.chosen}

    def set_filters(self, filters: dict[str, tuple[str, ...]]) -> None:
        """Choose exactly these values (other keys are ignored); emits ``filters_changed``.

        Values not listed yet stay chosen and appear with the next counts.
        """
        for row, group in enumerate(self._groups):
            group.chosen = [v for v in dict.fromkeys(filters.get(group.key, ()))]
            parent = self.index(row, 0)
            if group.values:
                self.dataChanged.emit(
                    self.index(0, 0, parent),
                    self.index(len(group.values) - 1, 0, parent),
                    [Qt.ItemDataRole.CheckStateRole],
                )
        self.filters_changed.emit(self.filters())

    def set_counts(self, facets: dict[str, dict[str, int]]) -> None:
        """Show new values and counts, keeping the chosen values checked."""
        for row, group in enumerate(self._groups):
            counts = dict(facets.get(group.key, {}))
            for value in group.chosen:
                counts.setdefault(value, 0)
            values = list(counts)
            parent = self.index(row, 0)
            if values == group.values:
                group.counts = counts
                if values:
                    self.dataChanged.emit(
                        self.index(0, 0, parent),
                        self.index(len(values) - 1, 0, parent),
                        [Qt.ItemDataRole.DisplayRole, Role.COUNT],
                    )
                continue
            if group.values:
                self.beginRemoveRows(parent, 0, len(group.values) - 1)
                group.values, group.counts = [], {}
                self.endRemoveRows()
            if values:
                self.beginInsertRows(parent, 0, len(values) - 1)
                group.values, group.counts = values, counts
                self.endInsertRows()

    def value_index(self, group: str, value: str) -> QModelIndex:
        """The index of ``value`` in ``group`` (invalid when it is not listed)."""
        row = self._group_row(group)
        if row is None:
            return QModelIndex()
        try:
            value_row = self._groups[row].values.index(value)
        except ValueError:
            return QModelIndex()
        return self.index(value_row, 0, self.index(row, 0))

    def group_index(self, group: str) -> QModelIndex:
        row = self._group_row(group)
        return QModelIndex() if row is None else self.index(row, 0)

    def toggle(self, group: str, value: str) -> None:
        index = self.value_index(group, value)
        if index.isValid():
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            self.setData(index, new, Qt.ItemDataRole.CheckStateRole)

    def clear_filters(self) -> None:
        """Uncheck everything; emits ``filters_changed`` once if anything was chosen."""
        if not any(g.chosen for g in self._groups):
            return
        for row, group in enumerate(self._groups):
            chosen, group.chosen = group.chosen, []
            parent = self.index(row, 0)
            for value in chosen:
                if value in group.counts:
                    index = self.index(group.values.index(value), 0, parent)
                    self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.filters_changed.emit(self.filters())

    # -- Qt model interface ----------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._groups):
                return self.createIndex(row, 0, _GROUP_ID)
            return QModelIndex()
        if parent.internalId() != _GROUP_ID or parent.column() != 0:
            return QModelIndex()
        group = self._groups[parent.row()]
        if row < len(group.values):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP_ID)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP_ID and parent.column() == 0:
            return len(self._groups[parent.row()].values)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == _GROUP_ID else _VALUE_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return group.title
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Role.GROUP:
                return group.key
            if role == Role.IS_GROUP:
                return True
            return None
        group = self._groups[index.internalId() - 1]
        if index.row() >= len(group.values):
            return None
        value = group.values[index.row()]
        count = group.counts.get(value, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value}  ({count:,})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if value in group.chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                self.tr("%1: %2 article(s)").replace("%1", value).replace("%2", f"{count:,}")
            )
        if role == Role.GROUP:
            return group.key
        if role == Role.VALUE:
            return value
        if role == Role.COUNT:
            return count
        if role == Role.IS_GROUP:
            return False
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.internalId() == _GROUP_ID
        ):
            return False
        group = self._groups[index.internalId() - 1]
        if index.row() >= len(group.values):
            return False
        item = group.values[index.row()]
        checked = _is_checked(value)
        if checked == (item in group.chosen):
            return True
        if checked:
            group.chosen.append(item)
        else:
            group.chosen.remove(item)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.filters_changed.emit(self.filters())
        return True

    def roleNames(self) -> dict[int, QByteArray]:
        return role_names(super().roleNames(), Role.GROUP, Role.VALUE, Role.COUNT, Role.IS_GROUP)

    def _group_row(self, key: str) -> int | None:
        for row, group in enumerate(self._groups):
            if group.key == key:
                return row
        return None


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return bool(value == Qt.CheckState.Checked.value)
