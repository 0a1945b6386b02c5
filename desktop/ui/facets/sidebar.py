"""Facet sidebar: a tree view of groups (sites, years, tags) with checkable values and counts.

Checking or unchecking a value (its check box, or Space on the current value)
emits ``filters_changed`` with the filters in the shape ``SearchRequest.filters``
takes. The data lives in a ``FacetModel``; this view hides empty groups and
keeps each group expanded or collapsed as the user left it, and keeps the
current value, when new counts arrive.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from desktop.ui.facets.model import GROUPS, FacetModel
from desktop.ui.roles import Role

__all__ = ["GROUPS", "FacetSidebar"]

# Check boxes drawn from the palette, so they stay visible in the dark theme too.
INDICATOR_STYLE = """
QTreeView::indicator { width: 12px; height: 12px; border: 1px solid palette(mid);
                       border-radius: 2px; background: palette(base); }
QTreeView::indicator:checked { background: palette(highlight); border-color: palette(highlight); }
"""


class FacetSidebar(QTreeView):
    filters_changed = Signal(object)  # dict[str, tuple[str, ...]]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("facets")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Long site names lose their middle, never the count at the end.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setStyleSheet(INDICATOR_STYLE)
        self.facet_model = FacetModel(self)
        self.setModel(self.facet_model)
        self._collapsed: set[str] = set()  # groups the user collapsed
        self._updating = False
        self.facet_model.filters_changed.connect(self.filters_changed)
        self.expanded.connect(lambda index: self._remember(index, expanded=True))
        self.collapsed.connect(lambda index: self._remember(index, expanded=False))
        self._show_groups()

    def filters(self) -> dict[str, tuple[str, ...]]:
        return self.facet_model.filters()

    def set_counts(self, facets: dict[str, dict[str, int]]) -> None:
        """Show new counts, keeping the chosen values checked and the groups as they were."""
        current = self.currentIndex()
        key = (current.data(Role.GROUP), current.data(Role.VALUE)) if current.isValid() else None
        self._updating = True
        try:
            self.facet_model.set_counts(facets)
            self._show_groups()
        finally:
            self._updating = False
        if key is not None and key[1] is not None:
            index = self.facet_model.value_index(key[0], key[1])
            if index.isValid():
                self.setCurrentIndex(index)

    def value_item(self, group: str, value: str) -> QModelIndex | None:
        """The model index of ``value`` in ``group``, or None when it is not listed."""
        index = self.facet_model.value_index(group, value)
        return index if index.isValid() else None

    def toggle(self, group: str, value: str) -> None:
        self.facet_model.toggle(group, value)

    def clear_filters(self) -> None:
        self.facet_model.clear_filters()

    def _show_groups(self) -> None:
        root = QModelIndex()
        for row in range(self.facet_model.rowCount(root)):
            index = self.facet_model.index(row, 0, root)
            empty = self.facet_model.rowCount(index) == 0
            self.setRowHidden(row, root, empty)
            if not empty:
                self.setExpanded(index, index.data(Role.GROUP) not in self._collapsed)

    def _remember(self, index: QModelIndex, *, expanded: bool) -> None:
        group = index.data(Role.GROUP)
        if self._updating or index.data(Role.VALUE) is not None or not isinstance(group, str):
            return
        if expanded:
            self._collapsed.discard(group)
        else:
            self._collapsed.add(group)
