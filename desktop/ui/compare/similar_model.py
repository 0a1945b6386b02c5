"""``SimilarArticlesModel``: the rows of the reader's similar-articles list.

Two columns: how similar (a percentage for near-duplicates; the word
"related" for articles that only share distinctive words, whose text-reuse
figure is near zero and would read as "0% similar") and the title.
Near-duplicates come first, most similar first; related articles follow in
the order the search index ranked them.

The model remembers which article its rows were computed for
(``article_id``); ``set_items`` replaces everything in one reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from desktop.core.compare.similar import SimilarArticle
from desktop.ui.plaintext import plain_tooltip
from desktop.ui.roles import Role, role_names

SIMILARITY_COLUMN, TITLE_COLUMN = 0, 1
NEAR_DUPLICATE = "near-duplicate"

AnyIndex = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def display_order(items: list[SimilarArticle]) -> list[SimilarArticle]:
    """Near-duplicates first, most similar first; then related ones in their given order."""
    near = sorted((s for s in items if s.kind == NEAR_DUPLICATE), key=lambda s: -s.similarity)
    return near + [s for s in items if s.kind != NEAR_DUPLICATE]


class SimilarArticlesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.article_id: str | None = None
        self._rows: list[SimilarArticle] = []
        self._italic = QFont()
        self._italic.setItalic(True)
        self._headers = (self.tr("Similar"), self.tr("Title"))

    def set_items(self, article_id: str | None, items: list[SimilarArticle]) -> None:
        """Show ``items`` found for ``article_id`` (None and [] empty the list)."""
        self.beginResetModel()
        self.article_id = article_id
        self._rows = display_order(items)
        self.endResetModel()

    def items(self) -> list[SimilarArticle]:
        return list(self._rows)

    def item_at(self, row: int) -> SimilarArticle | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def near_duplicate_count(self) -> int:
        return sum(1 for s in self._rows if s.kind == NEAR_DUPLICATE)

    # -- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == 0:
                return self.tr(
                    "For a near-duplicate: the estimated share of word sequences the two "
                    "articles have in common (as in Reused text). The compare window measures, "
                    "passage by passage, how much of each text is found in the other."
                )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        item = self.item_at(index.row())
        if item is None:
            return None
        near = item.kind == NEAR_DUPLICATE
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SIMILARITY_COLUMN:
                return f"{item.similarity:.0%}" if near else self.tr("related")
            return item.title or item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(item))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIMILARITY_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and not near:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole and not near:
            # Read at paint time, so a theme switch recolours the muted rows.
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Role.ID:
            return item.id
        if role == Role.KIND:
            return item.kind
        if role == Role.SIMILARITY:
            return item.similarity
        if role == Role.TITLE:
            return item.title
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return role_names(super().roleNames(), Role.ID, Role.KIND, Role.SIMILARITY, Role.TITLE)

    def _tooltip(self, item: SimilarArticle) -> str:
        if item.kind == NEAR_DUPLICATE:
            tip = self.tr("Near-duplicate: %1 of the shorter article's text is in the other")
            tip = tip.replace("%1", f"{item.similarity:.0%}")
        else:
            tip = self.tr("Related: shares distinctive words with this article, not its text")
        return f"{tip}\n{item.title or item.id}"
