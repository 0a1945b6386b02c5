"""Facet sidebar: a tree of groups (sites, years, tags) with checkable values and counts.

Checking or unchecking a value emits ``filters_changed`` with the filters in
the shape ``SearchRequest.filters`` takes. Chosen values stay listed (with
their new count) even when the current results no longer contain them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

GROUPS = ("site", "year", "tag")
# Check boxes drawn from the palette, so they stay visible in the dark theme too.
INDICATOR_STYLE = """
QTreeView::indicator { width: 12px; height: 12px; border: 1px solid palette(mid);
                       border-radius: 2px; background: palette(base); }
QTreeView::indicator:checked { background: palette(highlight); border-color: palette(highlight); }
"""
ValueRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2


class FacetSidebar(QTreeWidget):
    filters_changed = Signal(object)  # dict[str, tuple[str, ...]]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("facets")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self._titles = {"site": self.tr("Sites"), "year": self.tr("Years"), "tag": self.tr("Tags")}
        self._selected: dict[str, list[str]] = {g: [] for g in GROUPS}
        self._updating = False
        self._groups: dict[str, QTreeWidgetItem] = {}
        for group in GROUPS:
            item = QTreeWidgetItem(self, [self._titles[group]])
            item.setData(0, GroupRole, group)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setExpanded(True)
            self._groups[group] = item
            item.setHidden(True)  # shown once it has values
        self.setStyleSheet(INDICATOR_STYLE)
        self.itemChanged.connect(self._on_item_changed)

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {g: tuple(v) for g, v in self._selected.items() if v}

    def set_counts(self, facets: dict[str, dict[str, int]]) -> None:
        """Show new counts, keeping the chosen values checked."""
        self._updating = True
        try:
            for group in GROUPS:
                parent = self._groups[group]
                counts = dict(facets.get(group, {}))
                for value in self._selected[group]:
                    counts.setdefault(value, 0)
                parent.takeChildren()
                for value, count in counts.items():
                    child = QTreeWidgetItem(parent, [f"{value}  ({count:,})"])
                    child.setData(0, ValueRole, value)
                    child.setData(0, GroupRole, group)
                    child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    checked = value in self._selected[group]
                    child.setCheckState(
                        0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
                parent.setHidden(not counts)
        finally:
            self._updating = False

    def value_item(self, group: str, value: str) -> QTreeWidgetItem | None:
        parent = self._groups[group]
        for i in range(parent.childCount()):
            child = parent.child(i)
            if child.data(0, ValueRole) == value:
                return child
        return None

    def toggle(self, group: str, value: str) -> None:
        item = self.value_item(group, value)
        if item is not None:
            checked = item.checkState(0) == Qt.CheckState.Checked
            item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def clear_filters(self) -> None:
        if any(self._selected.values()):
            self._selected = {g: [] for g in GROUPS}
            self._updating = True
            for group in GROUPS:
                parent = self._groups[group]
                for i in range(parent.childCount()):
                    parent.child(i).setCheckState(0, Qt.CheckState.Unchecked)
            self._updating = False
            self.filters_changed.emit(self.filters())

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._updating:
            return
        group = item.data(0, GroupRole)
        value = item.data(0, ValueRole)
        if group not in self._selected or value is None:
            return
        chosen = self._selected[group]
        if item.checkState(0) == Qt.CheckState.Checked and value not in chosen:
            chosen.append(value)
        elif item.checkState(0) != Qt.CheckState.Checked and value in chosen:
            chosen.remove(value)
        else:
            return
        self.filters_changed.emit(self.filters())
