"""The reader's header: title, date, site, author, source and the URL.

The URL is shown as a link when it is an http(s) or mailto link
(``core.urls.openable_url`` decides); it opens in the system browser only when
the user clicks it (``QDesktopServices.openUrl``), never by itself. Any other
URL (``javascript:``, ``file:``, ...) is shown as text and never opened.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.core.models import Article
from desktop.core.urls import link_target, openable_url
from desktop.ui.plaintext import PlainLabel, RichLabel


class ArticleHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.title = PlainLabel(parent=self)
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = PlainLabel(parent=self)
        self.meta.setObjectName("articleMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.source = PlainLabel(parent=self)
        self.source.setObjectName("articleSource")
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url = RichLabel(parent=self)
        self.url.setObjectName("articleUrl")
        self.url.setTextFormat(Qt.TextFormat.RichText)
        self.url.setOpenExternalLinks(False)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.url.linkActivated.connect(self.open_url)
        for label in (self.meta, self.source):
            label.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 6)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.url)
        layout.addWidget(self.source)

    def show_article(self, article: Article | None) -> None:
        if article is None:
            for label in (self.title, self.meta, self.source, self.url):
                label.clear()
            return
        self.title.setText(article.title or self.tr("(untitled)"))
        parts = [
            article.published.isoformat() if article.published else self.tr("no date"),
            article.site or "",
            self.tr("by {author}").format(author=article.author) if article.author else "",
        ]
        self.meta.setText("  ·  ".join(p for p in parts if p))
        self.source.setText(self.tr("Source: {source}").format(source=article.source))
        target = link_target(article.url)
        if target is not None:
            href = html.escape(target, quote=True)
            self.url.setText(f'<a href="{href}">{html.escape(article.url or "")}</a>')
            self.url.setToolTip(self.tr("Open in your web browser"))
            self.url.show()
        elif article.url:
            self.url.setText(html.escape(article.url))
            self.url.setToolTip(self.tr("Only http, https and mailto links are opened"))
            self.url.show()
        else:
            self.url.clear()
            self.url.hide()

    def open_url(self, url: str) -> bool:
        """Open ``url`` in the system's browser or mail app, only if it is openable."""
        target = openable_url(url)
        if target is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl(target)))
