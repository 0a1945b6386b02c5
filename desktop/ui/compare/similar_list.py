"""``SimilarArticlesList``: the reader's list of near-duplicate and related articles.

Double-click (or Enter) opens an article (``open_requested``); the Compare
button or the context menu compares it with the current one
(``compare_requested``). The list is filled on a worker thread; an answer is
shown only if it belongs to the latest request *and* to the article the list
is now for, so a slow answer for an article shown earlier never appears. The
rows live in a ``SimilarArticlesModel`` shown by a ``QTreeView``.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare.similar import SimilarArticle
from desktop.core.store.library import LibraryOpener
from desktop.ui.compare.jobs import find_similar
from desktop.ui.compare.pool import neardup_pool
from desktop.ui.compare.similar_model import SIMILARITY_COLUMN, TITLE_COLUMN, SimilarArticlesModel
from desktop.ui.plaintext import PlainLabel
from desktop.ui.roles import Role
from desktop.ui.threading import run_task

__all__ = ["SimilarArticlesList"]


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

        self.status = PlainLabel(self.tr("No article shown."), self)
        self.status.setWordWrap(True)
        self.model = SimilarArticlesModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SIMILARITY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.tree.activated.connect(self._open)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_action = QAction(self.tr("Open"), self.tree)
        self.open_action.triggered.connect(lambda: self._open(self.tree.currentIndex()))
        self.compare_action = QAction(self.tr("Compare with this article"), self.tree)
        self.compare_action.triggered.connect(self.compare_current)
        self.tree.addAction(self.open_action)
        self.tree.addAction(self.compare_action)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.clicked.connect(self.compare_current)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

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
        """The articles listed, in the order shown."""
        return self.model.items()

    def clear(self) -> None:
        self._request += 1
        self.article_id = None
        self.model.set_items(None, [])
        self.status.setText(self.tr("No article shown."))

    def expect_article(self, article_id: str) -> None:
        """The reader now shows ``article_id``: empty the list (dropping any answer on the
        way) until ``set_article(article_id)`` runs, e.g. after a typing pause."""
        self._request += 1
        self.article_id = article_id
        self.model.set_items(article_id, [])
        self.status.setText(self.tr("Looking for similar articles…"))

    def set_article(self, article_id: str) -> None:
        """Find the articles similar to ``article_id`` (in the background)."""
        self._request += 1
        request = self._request
        self.article_id = article_id
        self.model.set_items(article_id, [])
        if self.opener is None:
            self.status.setText(self.tr("No library is open."))
            return
        self.status.setText(self.tr("Looking for similar articles…"))
        opener, limit = self.opener, self.limit

        def current() -> bool:
            return (
                shiboken6.isValid(self)
                and request == self._request
                and article_id == self.article_id
            )

        def done(found: object) -> None:
            if current():
                assert isinstance(found, list)
                self.show_items(article_id, found)

        def fail(exc: BaseException) -> None:
            if current():
                self.status.setText(self.tr("Could not find similar articles: %s") % exc)

        run_task(lambda: find_similar(opener, article_id, limit), done, fail, neardup_pool())

    def show_items(self, article_id: str, items: list[SimilarArticle]) -> None:
        """Show ``items`` as the list for ``article_id``; a search still running is dropped."""
        self._request += 1
        self.article_id = article_id
        self.model.set_items(article_id, items)
        if items:
            self.tree.setCurrentIndex(self.model.index(0, TITLE_COLUMN))
            near = self.model.near_duplicate_count()
            self.status.setText(
                self.tr("%1 near-duplicate(s), %2 related").replace("%1", str(near))
                .replace("%2", str(len(items) - near))
            )
        else:
            self.status.setText(self.tr("No similar articles found."))
        self._update_buttons()
        self.loaded.emit(article_id)

    def selected_id(self) -> str | None:
        value = self.tree.currentIndex().data(Role.ID)
        return value if isinstance(value, str) else None

    def compare_current(self) -> None:
        article_id = self.selected_id()
        if article_id:
            self.compare_requested.emit(article_id)

    def _open(self, index: QModelIndex) -> None:
        value = index.data(Role.ID) if index.isValid() else None
        if isinstance(value, str):
            self.open_requested.emit(value)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.compare_button.setEnabled(has)
        self.compare_action.setEnabled(has)
        self.open_action.setEnabled(has)
