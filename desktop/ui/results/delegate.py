"""Paints one result: the title, a date/site line, and the snippet with its matches marked.

Every row has the same height (three text lines plus padding), so the view can
use uniform item sizes and stay fast with 100k rows. The snippet is HTML from
the search (escaped text with ``<mark>`` around matches); it is laid out with
a small cached ``QTextDocument`` and ``<mark>`` is drawn as a highlight.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.roles import Role
from desktop.ui.theme import mark_colors

PADDING = 8
SNIPPET_LINES = 2
_CACHE_SIZE = 256


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._docs: OrderedDict[tuple[str, int, str, str], QTextDocument] = OrderedDict()

    def _fonts(
        self, option: QStyleOptionViewItem, unread: bool = True
    ) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(unread)  # read articles have plain titles
        title.setPointSizeF(option.font.pointSizeF() * 1.08)
        meta = QFont(option.font)
        meta.setPointSizeF(option.font.pointSizeF() * 0.9)
        return title, meta, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, meta, body = self._fonts(option)
        height = (
            QFontMetrics(title).height()
            + QFontMetrics(meta).height()
            + QFontMetrics(body).lineSpacing() * SNIPPET_LINES
            + PADDING * 2
            + 6
        )
        return QSize(max(200, option.rect.width()), height)

    def _snippet_doc(
        self, html: str, width: int, option: QStyleOptionViewItem, selected: bool
    ) -> QTextDocument:
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        bg, fg = mark_colors(option.palette)
        key = (html, width, text_color, bg)
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(
            f"body {{ color: {text_color}; }} mark {{ background-color: {bg}; color: {fg}; }}"
        )
        doc.setHtml(f"<body>{html}</body>")
        doc.setTextWidth(width)
        self._docs[key] = doc
        if len(self._docs) > _CACHE_SIZE:
            self._docs.popitem(last=False)
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        unread = index.data(Role.UNREAD)
        title_font, meta_font, _ = self._fonts(opt, unread is None or bool(unread))
        rect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)

        painter.setFont(title_font)
        painter.setPen(opt.palette.color(text_role))
        fm = QFontMetrics(title_font)
        title = fm.elidedText(
            str(index.data(Role.TITLE) or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            title,
        )
        y = rect.top() + fm.height() + 2

        painter.setFont(meta_font)
        meta_color = opt.palette.color(text_role)
        if not selected:
            meta_color = opt.palette.color(
                QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText
            )
        painter.setPen(meta_color)
        mfm = QFontMetrics(meta_font)
        parts = [p for p in (index.data(Role.DATE), index.data(Role.SITE)) if p]
        meta = mfm.elidedText("  ·  ".join(parts), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            QRect(rect.left(), y, rect.width(), mfm.height()), Qt.AlignmentFlag.AlignLeft, meta
        )
        y += mfm.height() + 4

        snippet = str(index.data(Role.SNIPPET) or "")
        if snippet:
            doc = self._snippet_doc(snippet, rect.width(), opt, selected)
            clip_height = QFontMetrics(opt.font).lineSpacing() * SNIPPET_LINES
            painter.translate(rect.left(), y)
            painter.setClipRect(QRect(0, 0, rect.width(), clip_height))
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette = opt.palette
            doc.documentLayout().draw(painter, ctx)
        painter.restore()
