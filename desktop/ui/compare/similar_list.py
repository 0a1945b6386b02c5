"""``SimilarArticlesList``: the reader's list of near-duplicate and related articles.

Double-click (or Enter) opens an article (``open_requested``); the Compare
button or the context menu compares it with the current one
(``compare_requested``). The list is filled on a worker thread.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare.similar import SimilarArticle
from desktop.ui.compare.jobs import LibraryOpener, find_similar
from desktop.ui.compare.pool import neardup_pool
from desktop.ui.threading import run_task

IdRole = Qt.ItemDataRole.UserRole
KindRole = Qt.ItemDataRole.UserRole + 1


class SimilarArticlesList(QWidget):
    open_requested = Signal(str)  # article id
    compare_requested = Signal(str)  # article id to compare with the current one
    loaded = Signal(str)  # article id whose list is shown

    def __init__(self, parent: QWidget | None = None, *, limit: int = 10):
        super().__init__(parent)
        self.setObjectName("similarArticles")
        self.limit = limit
        self.opener: LibraryOpener | None = None
        self.article_id: str | None = None
        self._request = 0
        self._items: list[SimilarArticle] = []

        self.status = QLabel(self.tr("No article shown."), self)
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Similar"), self.tr("Title")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_action = QAction(self.tr("Open"), self.tree)
        self.open_action.triggered.connect(lambda: self._open(self.tree.currentItem()))
        self.compare_action = QAction(self.tr("Compare with this article"), self.tree)
        self.compare_action.triggered.connect(self.compare_current)
        self.tree.addAction(self.open_action)
        self.tree.addAction(self.compare_action)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.clicked.connect(self.compare_current)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def items(self) -> list[SimilarArticle]:
        return list(self._items)

    def clear(self) -> None:
        self._request += 1
        self.article_id = None
        self._items = []
        self.tree.clear()
        self.status.setText(self.tr("No article shown."))
        self._update_buttons()

    def set_article(self, article_id: str) -> None:
        """Find the articles similar to ``article_id`` (in the background)."""
        if self.opener is None:
            return
        self._request += 1
        request = self._request
        self.article_id = article_id
        self._items = []
        self.tree.clear()
        self.status.setText(self.tr("Looking for similar articles…"))
        self._update_buttons()
        opener, limit = self.opener, self.limit

        def done(found: object) -> None:
            if shiboken6.isValid(self) and request == self._request:
                assert isinstance(found, list)
                self.show_items(article_id, found)

        def fail(exc: BaseException) -> None:
            if shiboken6.isValid(self) and request == self._request:
                self.status.setText(self.tr("Could not find similar articles: %s") % exc)

        run_task(lambda: find_similar(opener, article_id, limit), done, fail, neardup_pool())

    def show_items(self, article_id: str, items: list[SimilarArticle]) -> None:
        self.article_id = article_id
        self._items = list(items)
        self.tree.clear()
        for s in items:
            row = QTreeWidgetItem([f"{s.similarity:.0%}", s.title or s.id])
            row.setData(0, IdRole, s.id)
            row.setData(0, KindRole, s.kind)
            row.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if s.kind == "near-duplicate":
                tip = self.tr("Near-duplicate: %1 of the shorter article's text is in the other")
            else:
                tip = self.tr("Related: shares distinctive words (%1 of the text in common)")
                muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
                font = row.font(1)
                font.setItalic(True)
                for col in (0, 1):
                    row.setForeground(col, QBrush(muted))
                    row.setFont(col, font)
            tooltip = tip.replace("%1", f"{s.similarity:.0%}") + "\n" + s.title
            row.setToolTip(0, tooltip)
            row.setToolTip(1, tooltip)
            self.tree.addTopLevelItem(row)
        if items:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            near = sum(1 for s in items if s.kind == "near-duplicate")
            self.status.setText(
                self.tr("%1 near-duplicate(s), %2 related").replace("%1", str(near))
                .replace("%2", str(len(items) - near))
            )
        else:
            self.status.setText(self.tr("No similar articles found."))
        self._update_buttons()
        self.loaded.emit(article_id)

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, IdRole) if item is not None else None
        return value if isinstance(value, str) else None

    def compare_current(self) -> None:
        article_id = self.selected_id()
        if article_id:
            self.compare_requested.emit(article_id)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        value = item.data(0, IdRole) if item is not None else None
        if isinstance(value, str):
            self.open_requested.emit(value)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.compare_button.setEnabled(has)
        self.compare_action.setEnabled(has)
        self.open_action.setEnabled(has)
