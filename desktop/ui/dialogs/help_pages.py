"""Help ▸ Search syntax and Help ▸ Keyboard shortcuts: two short reference pages.

Both are tables of plain text (nothing is rendered as rich text). In the
search syntax page, double-clicking an example (or pressing Enter on it) asks
to try it in the search box (``example_chosen``). The shortcuts page is built
from the window's own actions, so it always lists the keys that work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plaintext import PlainLabel, tooltip_text


def _proximity_supported() -> bool:
    """True when the query language reads ``"words"~N`` (words within N of each other)."""
    try:
        from desktop.core.search.query import parse_query

        return "~3" not in repr(parse_query('"doi moi"~3'))
    except Exception:
        return False


def _table(
    headers: Sequence[str], rows: Iterable[tuple[str, str]], parent: QWidget
) -> QTableWidget:
    items = list(rows)
    table = QTableWidget(len(items), 2, parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    for row, (left, right) in enumerate(items):
        table.setItem(row, 0, QTableWidgetItem(left))
        table.setItem(row, 1, QTableWidgetItem(right))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
    return table


class _Page(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 520)
        self.intro = PlainLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.intro)
        self._buttons = buttons

    def _finish(self, table: QTableWidget) -> None:
        self.table = table
        self._layout.addWidget(table, 1)
        self._layout.addWidget(self._buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the wrapped column has its width now


class SearchSyntaxDialog(_Page):
    example_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            self.tr("Search syntax"),
            self.tr(
                "Words are all required; diacritics are optional. Double-click an example "
                "to try it."
            ),
            parent,
        )
        self.setObjectName("searchSyntaxDialog")
        table = _table((self.tr("Type"), self.tr("Finds")), self.examples(), self)
        table.setObjectName("searchExamples")
        table.itemActivated.connect(self._chosen)
        table.itemDoubleClicked.connect(self._chosen)
        self._finish(table)

    def examples(self) -> list[tuple[str, str]]:
        """(query, what it finds) pairs."""
        rows = [
            ("doi moi", self.tr("Both words, with or without diacritics: finds “đổi mới”.")),
            ("đổi mới", self.tr("Typed with diacritics, exact matches rank first.")),
            ("doi moi sang tao",
             self.tr("Articles where the words stand next to each other rank first.")),
            ('"sáng tạo"', self.tr("The exact phrase, its words in this order.")),
            ("lúa OR gạo", self.tr("Either word.")),
            ("gốm NOT du lịch", self.tr("“gốm” but not “du lịch” (also: -word).")),
            ("gốm -men", self.tr("Leaves out articles with “men”.")),
            ("(lúa OR gạo) mặn", self.tr("Parentheses group the alternatives.")),
            ("title:gốm", self.tr("The word in the title only.")),
            ("site:binhdinh.gov.vn", self.tr("Articles from this site.")),
            ("author:Minh", self.tr("Articles by this author.")),
            ("tag:policy", self.tr("Annotated with this tag or a tag below it.")),
            ("note:nguồn", self.tr("The word in your annotation notes.")),
            ("published:2023", self.tr("Published in 2023 (also 2023-05, 2023-05-01).")),
            ("published:[2023-01-01 TO 2023-06-30]",
             self.tr("Published between two dates (* for an open end).")),
            ("nông*", self.tr("Words that begin with “nông”.")),
            ("giống~", self.tr("Words spelled nearly alike (a typo or two).")),
        ]
        if _proximity_supported():
            rows.insert(
                4, ('"đổi mới"~3', self.tr("The words within three words of each other."))
            )
        return rows

    def _chosen(self, item: QTableWidgetItem) -> None:
        query = self.table.item(item.row(), 0)
        if query is not None:
            self.example_chosen.emit(query.text())


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, by what they do."""
    rows: dict[str, str] = {}
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if not keys:
            continue
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        name = name.rstrip("…").strip()
        if len(name) <= 4 and action.toolTip():  # "A+", "100%": the tooltip says what it does
            name = re.sub(r"\s*\([^)]*\)$", "", tooltip_text(action.toolTip()))
        if name:
            rows.setdefault(", ".join(keys), name)
    return sorted(rows.items(), key=lambda kv: kv[1].casefold())


class ShortcutsDialog(_Page):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None):
        super().__init__(
            self.tr("Keyboard shortcuts"),
            self.tr("The keys that work in the main window."),
            parent,
        )
        self.setObjectName("shortcutsDialog")
        rows = shortcut_rows(actions) + self.fixed_keys()
        table = _table((self.tr("Keys"), self.tr("Action")), rows, self)
        table.setObjectName("shortcutTable")
        self._finish(table)

    def fixed_keys(self) -> list[tuple[str, str]]:
        """Keys that work without being an action of their own."""
        return [
            (self.tr("Up, Down, Page Up, Page Down"),
             self.tr("In the search box: move through the results")),
            (self.tr("Enter"), self.tr("Open the current result in the reader")),
            (self.tr("Esc"), self.tr("Clear the search box; close the find bar")),
            (self.tr("Ctrl+click, Shift+click"), self.tr("Select several results")),
        ]
