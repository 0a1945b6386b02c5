"""Qt item models over annotations: one article's list, and the library-wide table.

``ArticleAnnotationsModel`` lists the current article's annotations in text
order (other people's with their name); ``LibraryAnnotationsModel`` is a table
of every annotation (with who made it), and ``AnnotationFilterProxy`` sorts and
filters it by tag (with hierarchy), colour, article, creation date and free text
(accent-insensitive).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.core.annotations.models import Annotation, color_hex
from desktop.core.annotations.store import has_tag
from desktop.core.textnorm import fold
from desktop.ui.annotations.labels import (
    author_label,
    author_note,
    color_label,
    column_titles,
    orphaned_note,
    status_label,
)
from desktop.ui.plaintext import plain_tooltip
from desktop.ui.roles import Role

Index = QModelIndex | QPersistentModelIndex


def short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ArticleAnnotationsModel(QAbstractListModel):
    """The annotations of the article in the reader, in text order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self.user = ""  # the library's user: their own annotations are not signed

    def set_annotations(self, annotations: Sequence[Annotation], user: str = "") -> None:
        self.beginResetModel()
        self.user = user
        self._rows = sorted(annotations, key=lambda a: (a.start, a.end, a.created))
        self.endResetModel()

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def row_of(self, annotation_id: str) -> int:
        for i, a in enumerate(self._rows):
            if a.id == annotation_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = short(a.exact)
            if a.orphaned:
                text = "⚠ " + text
            if a.tags:
                text += "  " + " ".join(f"#{t}" for t in a.tags)
            if a.author and a.author != self.user:
                text += "  — " + a.author
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(color_hex(a.color))
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [short(a.exact, 400)]
            if a.note:
                parts.append(a.note)
            parts.append(author_note(a.author))
            if a.orphaned:
                parts.append(orphaned_note())
            return plain_tooltip("\n\n".join(parts))
        return _common(a, role, self.user)


def _common(a: Annotation, role: int, user: str) -> Any:
    """What both annotation models answer alike: the object, its id, who made it."""
    if role == Role.ANNOTATION:
        return a
    if role == Role.ID:
        return a.id
    if role == Role.AUTHOR:
        return a.author
    if role == Role.MINE:
        return bool(a.author) and a.author == user
    return None


class Column(IntEnum):
    """The library-wide table's columns, in order (titles: ``labels.column_titles``)."""

    QUOTE = 0
    NOTE = 1
    TAGS = 2
    COLOUR = 3
    ARTICLE = 4
    CREATED = 5
    STATUS = 6
    AUTHOR = 7


class LibraryAnnotationsModel(QAbstractTableModel):
    """Every annotation of the library, one per row.

    A row's texts are worked out once, when first asked for, and kept until the
    next ``set_annotations``. The model sorts itself (``sort``, which the proxy
    passes on): one key per row and one list sort, instead of the proxy asking
    for two keys per comparison; the list is reset whenever anyone changes an
    annotation, so it must be quick with thousands of rows.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._titles: dict[str, str] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._order: tuple[int, Qt.SortOrder] | None = None  # column, order (``sort``)
        self.user = ""  # the library's user: their own rows say "(you)"

    def set_annotations(
        self, annotations: Sequence[Annotation], titles: dict[str, str], user: str = ""
    ) -> None:
        self.beginResetModel()
        self.user = user
        self._rows = list(annotations)
        self._titles = dict(titles)
        self._texts.clear()
        if self._order is not None:
            self._sort_rows(*self._order)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        if not 0 <= column < len(Column):
            return
        if column == Column.CREATED:  # the datetimes themselves: no text to make
            keyed: list[tuple[Any, int]] = [(a.created, r) for r, a in enumerate(self._rows)]
        else:
            keyed = [(self._key(r, column), r) for r in range(len(self._rows))]
        keyed.sort(key=lambda k: k[0], reverse=order == Qt.SortOrder.DescendingOrder)
        texts = self._texts
        self._rows = [self._rows[r] for _, r in keyed]
        self._texts = {new: texts[old] for new, (_, old) in enumerate(keyed) if old in texts}

    def _key(self, row: int, column: int) -> str:
        if column == Column.CREATED:
            return self._rows[row].created.isoformat()
        return self._row_texts(row)[column].casefold()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(index.row())[col]
        if role == Role.SORT:
            return self._key(index.row(), col)
        if role == Qt.ItemDataRole.DecorationRole and col == Column.COLOUR:
            return QColor(color_hex(a.color))
        if role == Qt.ItemDataRole.ToolTipRole and col in (Column.QUOTE, Column.NOTE):
            return plain_tooltip(a.exact if col == Column.QUOTE else a.note)
        if role == Qt.ItemDataRole.FontRole and col == Column.AUTHOR and not self._mine(a):
            font = QFont()
            font.setItalic(True)  # other people's stand out from the user's own
            return font
        return _common(a, role, self.user)

    def _row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._texts.get(row)
        if texts is None:
            a = self._rows[row]
            texts = (
                short(a.exact), short(a.note), " ".join(a.tags), color_label(a.color),
                self._titles.get(a.article_id, a.article_id),
                a.created.astimezone().strftime("%Y-%m-%d %H:%M"), status_label(a.status),
                author_label(a.author, self._mine(a)),
            )
            self._texts[row] = texts
        return texts

    def _mine(self, a: Annotation) -> bool:
        return bool(a.author) and a.author == self.user


class AnnotationFilterProxy(QSortFilterProxyModel):
    """Sorting and the filters of the library-wide annotations view."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self._tag: str | None = None
        self._color: str | None = None
        self._article: str | None = None
        self._from: date | None = None
        self._to: date | None = None
        self._text = ""

    def set_filters(
        self,
        *,
        tag: str | None = None,
        color: str | None = None,
        article_id: str | None = None,
        created_from: date | None = None,
        created_to: date | None = None,
        text: str = "",
        refilter: bool = True,
    ) -> None:
        """Set the filters; ``refilter`` off when the source model is about to be reset
        (which filters every row anyway)."""
        if refilter:
            self.beginFilterChange()
        self._tag, self._color, self._article = tag or None, color or None, article_id or None
        self._from, self._to = created_from, created_to
        self._text = fold(text.strip())
        if refilter:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the library model's own (see ``LibraryAnnotationsModel``)."""
        model = self.sourceModel()
        if isinstance(model, LibraryAnnotationsModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, LibraryAnnotationsModel):
            return True
        a = model.annotation(source_row)
        if self._tag and not has_tag(a, self._tag):
            return False
        if self._color and a.color != self._color:
            return False
        if self._article and a.article_id != self._article:
            return False
        day = a.created.date()
        if self._from and day < self._from:
            return False
        if self._to and day > self._to:
            return False
        return not self._text or self._text in fold(a.exact + "\n" + a.note)
