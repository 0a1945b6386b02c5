"""``install_compare``: the one call that puts comparing into the main window.

The host is a :class:`~desktop.ui.host.ReaderHost` (its library is read again
on every use, so switching libraries works); the annotations part, when
given, keeps the compare window's annotation marks current.

It adds a "Compare with…" reader action (the dialog preselects the most
similar article), a "Similar articles" panel that follows the reader, a
"Reused text" panel with the library's near-duplicate clusters, and a compare
window (``CompareView``) that all of them open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations.models import color_hex
from desktop.core.compare.neardup import CACHE_FILE, CACHE_SUBDIR
from desktop.core.errors import UserError
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.compare.reuse_view import ReusedTextView
from desktop.ui.compare.similar_list import SimilarArticlesList
from desktop.ui.compare.view import CompareView
from desktop.ui.host import ReaderHost
from desktop.ui.plaintext import PlainLabel

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

SIMILAR_DELAY_MS = 250


class CompareWithDialog(QDialog):
    """Choose the article to compare with: a similar one (preselected) or any id."""

    def __init__(self, library: AnyLibrary, article_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare with…"))
        self.library = library
        self.similar = SimilarArticlesList(self)
        self.similar.compare_button.hide()
        self.similar.opener = library.reopen
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("or type an article id (or its first characters)"))
        self.error = PlainLabel(parent=self)
        self.error.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.similar.compare_requested.connect(lambda _id: self.accept())
        self.similar.open_requested.connect(lambda _id: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.similar, 1)
        layout.addWidget(self.id_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.similar.set_article(article_id)

    def chosen_id(self) -> str | None:
        typed = self.id_edit.text().strip()
        if typed:
            return self.library.articles.resolve_id(typed)
        return self.similar.selected_id()

    def accept(self) -> None:
        try:
            chosen = self.chosen_id()
        except UserError as exc:
            self.error.setText(str(exc))
            return
        if chosen is None:
            self.error.setText(self.tr("Choose an article or type its id."))
            return
        super().accept()


class CompareController(QObject):
    """Owns the compare window and the two panels; see the module docstring."""

    def __init__(self, host: ReaderHost, annotations: AnnotationController | None = None):
        super().__init__(host.window())
        self.host = host
        self.view: CompareView | None = None
        self.similar = SimilarArticlesList()
        self.reuse = ReusedTextView()
        self._reuse_loaded = False
        self._attach_openers()

        self.compare_action = QAction(self.tr("Compare with…"), host.window())
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.compare_action.setToolTip(self.tr("Compare this article with another one"))
        self.compare_action.triggered.connect(self.compare_with_dialog)
        host.reader.add_action(self.compare_action)

        host.add_panel(
            self.tr("Similar articles"), self.similar, Qt.DockWidgetArea.RightDockWidgetArea
        )
        dock = host.add_panel(
            self.tr("Reused text"), self.reuse, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        dock.visibilityChanged.connect(self._reuse_visible)

        self.similar.open_requested.connect(self._open)
        self.similar.compare_requested.connect(self._compare_with_current)
        self.reuse.open_requested.connect(self._open)
        self.reuse.compare_requested.connect(self.compare)
        # The reader changes article on every arrow key in the results: wait for a pause.
        self._pending_article: str | None = None
        self._similar_timer = QTimer(self)
        self._similar_timer.setSingleShot(True)
        self._similar_timer.setInterval(SIMILAR_DELAY_MS)
        self._similar_timer.timeout.connect(self._show_similar)
        host.reader.article_changed.connect(self._article_changed)
        host.library_changed.connect(lambda _root: self.library_switched())
        if annotations is not None:
            annotations.changed.connect(self._annotations_changed)

    @property
    def library(self) -> AnyLibrary:
        return self.host.library

    def _attach_openers(self) -> None:
        opener = self.library.reopen
        self.similar.opener = opener
        self.reuse.opener = opener

    def library_switched(self) -> None:
        self._attach_openers()
        self._similar_timer.stop()
        self._pending_article = None
        self.similar.clear()
        self.reuse.clear()
        self._reuse_loaded = False
        if self.view is not None:
            self.view.close()

    def _annotations_changed(self, article_id: str) -> None:
        view = self.view
        if view is not None and article_id in {
            a.id for a in (view.article_a, view.article_b) if a is not None
        }:
            view.refresh_annotations()

    def _article_changed(self, article_id: str) -> None:
        self._pending_article = article_id
        self.similar.expect_article(article_id)  # never show the previous article's list
        self._similar_timer.start()

    def _show_similar(self) -> None:
        if self._pending_article and not self.host.is_shut():
            self.similar.set_article(self._pending_article)

    def _reuse_visible(self, visible: bool) -> None:
        """Show the clusters when the panel appears, if that is cheap (a cache exists);
        a first scan of a large library waits for the panel's Scan button."""
        cache = self.library.cache_dir / CACHE_SUBDIR / CACHE_FILE
        if visible and not self._reuse_loaded and cache.is_file():
            self._reuse_loaded = True
            self.reuse.refresh()

    # -- opening and comparing ---------------------------------------------------

    def _open(self, article_id: str) -> None:
        self.host.open_article(article_id)

    def _compare_with_current(self, other_id: str) -> None:
        article = self.host.reader.current_article()
        if article is not None:
            self.compare(article.id, other_id)

    def compare_with_dialog(self) -> CompareWithDialog | None:
        article = self.host.reader.current_article()
        if article is None:
            return None
        dialog = CompareWithDialog(self.library, article.id, self.host.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._dialog_chosen(article.id, dialog))
        dialog.open()
        return dialog

    def _dialog_chosen(self, article_id: str, dialog: CompareWithDialog) -> None:
        try:
            other = dialog.chosen_id()
        except UserError:
            return
        if other:
            self.compare(article_id, other)

    def compare(self, a_id: str, b_id: str) -> CompareView | None:
        """Open the compare window on two articles (ids)."""
        try:
            a = self.library.articles.get(a_id)
            b = self.library.articles.get(b_id)
        except UserError as exc:
            self._message(str(exc))
            return None
        view = self.compare_window()
        view.set_articles(a, b)
        view.setWindowTitle(self.tr("Compare: %1 / %2").replace("%1", a.title)
                            .replace("%2", b.title))
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def compare_window(self) -> CompareView:
        if self.view is None:
            self.view = CompareView(self.host.window())
            self.view.setWindowFlag(Qt.WindowType.Window, True)
            self.view.resize(1200, 800)
            self.view.annotations_for = self._annotation_spans
            self.view.failed.connect(self._message)
            self.view.exported.connect(
                lambda path: self._message(self.tr("Comparison saved to %s") % path)
            )
        return self.view

    def _annotation_spans(self, article_id: str) -> list[tuple[int, int, str]]:
        """Anchored annotations of an article as (start, end, colour)."""
        return [
            (a.start, a.end, color_hex(a.color))
            for a in self.library.annotations.for_article(article_id)
            if a.status != "orphaned"
        ]

    def _message(self, text: str) -> None:
        self.host.notify(text, 6000)


def install_compare(
    host: ReaderHost, annotations: AnnotationController | None = None
) -> CompareController:
    """Add "Compare with…", the Similar articles and Reused text panels to ``host``.

    ``annotations`` (the annotations part) keeps the compare window's marks current.
    """
    return CompareController(host, annotations)
