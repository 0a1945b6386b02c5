"""The reader: one article's clean text, read-only, with hit highlights and a find bar.

The body alone lives in ``body_edit`` (set with ``setPlainText``), so document
positions are exactly UTF-16 offsets into the body; ``OffsetMap`` converts
them to and from the code-point offsets the core uses. This is also the host
for annotations and comparison: its public API (``show_article``,
``current_article``, ``body_edit``, ``selected_span``, ``selection_changed``,
``article_changed``, ``scroll_to_offset``, ``add_action``,
``set_highlight_layer``) stays stable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QMenu,
    QStackedWidget,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.extract.pages import page_starts
from desktop.core.models import Article, Original
from desktop.core.textnorm import fold
from desktop.ui.plaintext import PlainLabel, plain_tooltip
from desktop.ui.reader.find_bar import FindBar, find_all
from desktop.ui.reader.header import ArticleHeader
from desktop.ui.reader.original import OfflineTextBrowser
from desktop.ui.reader.pages import PageIndicator
from desktop.ui.settings import ReaderFont
from desktop.ui.textoffsets import OffsetMap
from desktop.ui.theme import current_match_color, mark_colors

Span = tuple[int, int]
BASE_POINT_SIZE = 12.0
ZOOM_STEP = 1.0
FONT_FAMILIES = {"serif": "Noto Serif", "sans": "Noto Sans"}
# Layers are painted in this order; later ones are drawn on top.
LAYER_ORDER = ("annotations", "hits", "find", "current")


class BodyEdit(QTextEdit):
    """Read-only body view whose context menu carries the reader's extra actions."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.extra_actions: list[QAction] = []

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu: QMenu = self.createStandardContextMenu()
        if self.extra_actions:
            menu.addSeparator()
            for action in self.extra_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()


class ReaderView(QWidget):
    selection_changed = Signal(int, int)  # code points in the body
    article_changed = Signal(str)  # article id
    original_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reader")
        self._article: Article | None = None
        self._disallowed: set[QAction] = set()  # host actions kept disabled (read-only)
        self._query: str | None = None
        self._map = OffsetMap("")
        self._folded: str | None = ""  # the body folded for find; None until first needed
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._hits: list[Span] = []
        self._hit_index = -1
        self._finds: list[Span] = []
        self._find_index = -1
        self._zoom = 0.0
        self._family: ReaderFont = "serif"
        # Set by the host: async span lookup (article, query) and original loading.
        self.span_source: Callable[[Article, str], None] | None = None
        self.original_loader: Callable[[str], Original] | None = None
        # Set by the host: the hints kept with an article's original (PDF page offsets).
        self.hints_loader: Callable[[str], dict[str, str]] | None = None

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("readerToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.header = ArticleHeader(self)
        self.body_edit = BodyEdit(self)
        self.body_edit.setObjectName("readerBody")
        self.body_edit.setReadOnly(True)
        self.body_edit.setUndoRedoEnabled(False)
        self.body_edit.setAcceptRichText(False)
        self.body_edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.body_edit.document().setDocumentMargin(18)
        self.original_view = OfflineTextBrowser(self)
        self.original_view.setObjectName("originalView")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.body_edit)
        self.stack.addWidget(self.original_view)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.placeholder = PlainLabel(self.tr("Select an article to read it here."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.find_bar)
        self._make_actions()
        self._apply_font()
        self._set_empty(True)

        self.body_edit.selectionChanged.connect(self._on_selection)
        self.body_edit.verticalScrollBar().valueChanged.connect(self._update_page)
        self.find_bar.text_changed.connect(self._on_find_text)
        self.find_bar.step.connect(self.find_step)
        self.find_bar.closed.connect(self.close_find)

    # -- actions ---------------------------------------------------------------

    def _make_actions(self) -> None:
        def make(
            text: str,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            tip: str | None = None,
        ) -> QAction:
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if tip:
                action.setToolTip(plain_tooltip(tip))
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            return action

        self.prev_hit_action = make(
            "◀", self.previous_hit, "Shift+F3", self.tr("Previous search hit (Shift+F3)")
        )
        self.prev_hit_action.setIconText("◀")
        self.next_hit_action = make(
            "▶", self.next_hit, "F3", self.tr("Next search hit (F3)")
        )
        # The menus show words; the toolbar shows only the arrows.
        self.prev_hit_action.setText(self.tr("Previous Hit"))
        self.next_hit_action.setText(self.tr("Next Hit"))
        self.next_hit_action.setIconText("▶")
        self.hit_label = PlainLabel(parent=self)
        self.hit_label.setObjectName("hitCounter")
        self.hit_label.setContentsMargins(6, 0, 6, 0)
        self.find_action = make(
            self.tr("Find"),
            self.open_find,
            QKeySequence.StandardKey.Find,
            self.tr("Find in this article (Ctrl+F)"),
        )
        self.zoom_out_action = make(
            self.tr("A−"), self.zoom_out, QKeySequence.StandardKey.ZoomOut, self.tr("Smaller text")
        )
        self.zoom_in_action = make(
            self.tr("A+"), self.zoom_in, QKeySequence.StandardKey.ZoomIn, self.tr("Larger text")
        )
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_reset_action = make(
            self.tr("100%"), self.reset_zoom, "Ctrl+0", self.tr("Reset text size")
        )
        self.serif_action = QAction(self.tr("Serif"), self)
        self.serif_action.setCheckable(True)
        self.serif_action.setToolTip(self.tr("Serif or sans-serif text"))
        self.serif_action.toggled.connect(
            lambda on: self.set_font_family("serif" if on else "sans")
        )
        self.original_action = QAction(self.tr("Show original"), self)
        self.original_action.setCheckable(True)
        self.original_action.setToolTip(self.tr("Show the stored original (sanitized, offline)"))
        self.original_action.toggled.connect(self.show_original)

        # Primary actions first: when the reader is narrow, the toolbar's overflow
        # menu (») takes the text-size buttons, which the View menu also holds.
        tb = self.toolbar
        tb.addAction(self.prev_hit_action)
        tb.addWidget(self.hit_label)
        tb.addAction(self.next_hit_action)
        tb.addSeparator()
        tb.addAction(self.find_action)
        tb.addAction(self.original_action)
        self._secondary = tb.addSeparator()
        tb.addAction(self.zoom_out_action)
        tb.addAction(self.zoom_reset_action)
        tb.addAction(self.zoom_in_action)
        tb.addAction(self.serif_action)
        self.page_indicator = PageIndicator(self)
        self.page_action = tb.addWidget(self.page_indicator)
        self.page_action.setVisible(False)

    def add_action(self, action: QAction) -> None:
        """Add a host action (annotate, compare…) to the toolbar and the context menu.

        It goes with the primary actions, before the text-size buttons.
        """
        self.toolbar.insertAction(self._secondary, action)
        self.body_edit.extra_actions.append(action)
        self.addAction(action)

    def set_action_allowed(self, action: QAction, allowed: bool) -> None:
        """Keep a host action disabled whatever is shown (False), or let it follow the reader."""
        if allowed:
            self._disallowed.discard(action)
        else:
            self._disallowed.add(action)
        action.setEnabled(allowed and self._article is not None)

    # -- showing an article -------------------------------------------------------

    def current_article(self) -> Article | None:
        return self._article

    @property
    def offset_map(self) -> OffsetMap:
        return self._map

    def show_article(self, article: Article, query: str | None = None) -> None:
        self._article = article
        self._query = query.strip() if query and query.strip() else None
        self._map = OffsetMap(article.body)
        self._folded = None  # folded on the first find: opening stays cheap
        self._layers.clear()
        self._hits, self._hit_index = [], -1
        self._finds, self._find_index = [], -1
        with QSignalBlocker(self.original_action):
            self.original_action.setChecked(False)
        self.stack.setCurrentWidget(self.body_edit)
        self.header.show_article(article)
        with QSignalBlocker(self.body_edit):
            # setPlainText inserts with the cursor's current format, which may be an
            # annotation highlight painted into the previous text: start plain.
            self.body_edit.setCurrentCharFormat(QTextCharFormat())
            self.body_edit.setPlainText(article.body)
        self._refresh_selections()
        self._set_empty(False)
        self._update_hit_label()
        hints = self.hints_loader(article.id) if self.hints_loader is not None else {}
        self.page_indicator.set_pages(page_starts(hints))
        self.page_action.setVisible(self.page_indicator.page is not None)
        self._update_page()
        if self.find_bar.isVisible() and self.find_bar.edit.text():
            self._on_find_text(self.find_bar.edit.text())
        if self._query:
            if self.span_source is not None:
                self.span_source(article, self._query)
            else:
                from desktop.core.search.highlight import query_spans

                self.set_hit_spans(article.id, query_spans(article.body, self._query))
        self.article_changed.emit(article.id)

    def clear(self) -> None:
        self._article = None
        self._map = OffsetMap("")
        self._folded = ""
        self._layers.clear()
        self._hits, self._finds = [], []
        with QSignalBlocker(self.body_edit):
            self.body_edit.clear()
        self.header.show_article(None)
        self._set_empty(True)

    def _set_empty(self, empty: bool) -> None:
        self.placeholder.setVisible(empty)
        self.stack.setVisible(not empty)
        self.header.setVisible(not empty)
        for action in self.toolbar.actions():
            action.setEnabled(not empty and action not in self._disallowed)
        self._update_hit_label()

    # -- offsets, selection, scrolling -----------------------------------------

    def top_offset(self) -> int:
        """The code-point offset of the first character at the top of the body view."""
        position = self.body_edit.cursorForPosition(QPoint(4, 4)).position()
        return self._map.to_codepoint(position)

    def _update_page(self, *_args: object) -> None:
        if self._article is not None and self.page_indicator.page is not None:
            self.page_indicator.show_offset(self.top_offset())

    def selected_span(self) -> Span | None:
        cursor = self.body_edit.textCursor()
        if not cursor.hasSelection() or self._article is None:
            return None
        return self._map.span_to_codepoint(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        cursor = self.body_edit.textCursor()
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.body_edit.setTextCursor(cursor)

    def _on_selection(self) -> None:
        span = self.selected_span()
        if span is not None and span[0] != span[1]:
            self.selection_changed.emit(span[0], span[1])

    def scroll_to_offset(self, cp: int) -> None:
        """Bring code-point offset ``cp`` of the body into view (near the top third)."""
        if self._article is None:
            return
        cp = max(0, min(cp, len(self._article.body)))
        cursor = QTextCursor(self.body_edit.document())
        cursor.setPosition(self._map.to_utf16(cp))
        rect = self.body_edit.cursorRect(cursor)
        bar = self.body_edit.verticalScrollBar()
        target = bar.value() + rect.top() - self.body_edit.viewport().height() // 3
        bar.setValue(max(0, target))
        if not self.body_edit.textCursor().hasSelection():
            self.body_edit.setTextCursor(cursor)
        self.body_edit.ensureCursorVisible() if rect.top() < 0 else None

    # -- highlight layers --------------------------------------------------------

    def set_highlight_layer(self, name: str, spans: list[Span], fmt: QTextCharFormat) -> None:
        """Paint ``spans`` (code points) with ``fmt`` in layer ``name`` (replacing it).

        Layers ("annotations", "hits", "find", "current", or any other name) are
        kept separately so one owner never clears another's highlights.
        """
        selections: list[QTextEdit.ExtraSelection] = []
        doc = self.body_edit.document()
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(self._map.to_utf16(start))
            cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self._layers[name] = selections
        self._refresh_selections()

    def clear_highlight_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._refresh_selections()

    def _refresh_selections(self) -> None:
        ordered = [n for n in LAYER_ORDER if n in self._layers]
        ordered += [n for n in self._layers if n not in LAYER_ORDER]
        merged: list[QTextEdit.ExtraSelection] = []
        for name in ordered:
            merged.extend(self._layers[name])
        self.body_edit.setExtraSelections(merged)

    def _format(self, background: str, foreground: str | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(background))
        if foreground:
            fmt.setForeground(QColor(foreground))
        return fmt

    # -- search hits ---------------------------------------------------------------

    def set_hit_spans(self, article_id: str, spans: list[Span]) -> None:
        """Highlight the search hits (code points) for the shown article."""
        if self._article is None or self._article.id != article_id:
            return
        limit = len(self._article.body)
        self._hits = sorted((s, e) for s, e in spans if 0 <= s < e <= limit)
        bg, fg = mark_colors(self.palette())
        self.set_highlight_layer("hits", self._hits, self._format(bg, fg))
        self._hit_index = -1
        if self._hits:
            self.next_hit()
        self._update_hit_label()

    def hit_spans(self) -> list[Span]:
        return list(self._hits)

    def current_hit(self) -> int:
        return self._hit_index

    def next_hit(self) -> None:
        self._step_hit(1)

    def previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self._hits:
            return
        self._hit_index = (self._hit_index + step) % len(self._hits)
        self._mark_current(self._hits[self._hit_index])
        self._update_hit_label()

    def _mark_current(self, span: Span) -> None:
        self.set_highlight_layer(
            "current", [span], self._format(current_match_color(self.palette()), "#000000")
        )
        self.scroll_to_offset(span[0])

    def _update_hit_label(self) -> None:
        if not self._hits:
            self.hit_label.setText(self.tr("no hits") if self._query else "")
        else:
            self.hit_label.setText(
                self.tr("hit {n} of {total}").format(n=self._hit_index + 1, total=len(self._hits))
            )
        has = len(self._hits) > 0
        self.prev_hit_action.setEnabled(has)
        self.next_hit_action.setEnabled(has)

    # -- find in article ------------------------------------------------------------

    def open_find(self) -> None:
        if self._article is not None:
            self.find_bar.open()

    def close_find(self) -> None:
        self.find_bar.hide()
        self._finds, self._find_index = [], -1
        self.clear_highlight_layer("find")
        self.body_edit.setFocus()

    def _on_find_text(self, text: str) -> None:
        self._finds = find_all(self._folded_body(), text)
        self._find_index = -1
        fmt = self._format("#9fd8a4" if not self._dark() else "#2f6d3a")
        self.set_highlight_layer("find", self._finds, fmt)
        if self._finds:
            self.find_step(1)
        else:
            self.find_bar.show_count(-1, 0)

    def _folded_body(self) -> str:
        if self._folded is None:
            self._folded = fold(self._article.body) if self._article is not None else ""
        return self._folded

    def find_matches(self) -> list[Span]:
        return list(self._finds)

    def current_find(self) -> int:
        return self._find_index

    def find_step(self, step: int) -> None:
        if not self._finds:
            self.find_bar.show_count(-1, 0)
            return
        self._find_index = (self._find_index + step) % len(self._finds)
        start, end = self._finds[self._find_index]
        self.select_span(start, end)
        self.scroll_to_offset(start)
        self.find_bar.show_count(self._find_index, len(self._finds))

    def _dark(self) -> bool:
        return self.palette().color(self.backgroundRole()).lightness() < 128

    # -- zoom and font -------------------------------------------------------------

    def zoom_in(self) -> None:
        self._zoom = min(self._zoom + ZOOM_STEP, 24)
        self._apply_font()

    def zoom_out(self) -> None:
        self._zoom = max(self._zoom - ZOOM_STEP, -6)
        self._apply_font()

    def reset_zoom(self) -> None:
        self._zoom = 0
        self._apply_font()

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._zoom = max(-6.0, min(24.0, float(zoom)))
        self._apply_font()

    def font_family(self) -> ReaderFont:
        return self._family

    def set_font_family(self, family: str) -> None:
        self._family = "sans" if family == "sans" else "serif"
        with QSignalBlocker(self.serif_action):
            self.serif_action.setChecked(self._family == "serif")
        self._apply_font()

    def point_size(self) -> float:
        return BASE_POINT_SIZE + self._zoom

    def _apply_font(self) -> None:
        font = QFont(FONT_FAMILIES[self._family])
        font.setStyleHint(
            QFont.StyleHint.Serif if self._family == "serif" else QFont.StyleHint.SansSerif
        )
        font.setPointSizeF(self.point_size())
        self.body_edit.document().setDefaultFont(font)
        self.body_edit.setFont(font)
        self.original_view.setFont(font)
        self.zoom_reset_action.setText(f"{round(100 * self.point_size() / BASE_POINT_SIZE)}%")

    # -- original --------------------------------------------------------------------

    def show_original(self, on: bool) -> None:
        if not on or self._article is None:
            self.stack.setCurrentWidget(self.body_edit)
            return
        if self.original_loader is None:
            self.original_failed.emit(self.tr("No original is available here."))
            with QSignalBlocker(self.original_action):
                self.original_action.setChecked(False)
            return
        try:
            original = self.original_loader(self._article.id)
        except UserError as exc:
            self.original_failed.emit(str(exc))
            with QSignalBlocker(self.original_action):
                self.original_action.setChecked(False)
            return
        self.original_view.show_original(original)
        self.stack.setCurrentWidget(self.original_view)
        with QSignalBlocker(self.original_action):
            self.original_action.setChecked(True)

    def is_showing_original(self) -> bool:
        return self.stack.currentWidget() is self.original_view
