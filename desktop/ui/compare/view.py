"""``CompareView``: two articles side by side with their alignment painted in.

Passages found in both articles are tinted (green: same, yellow: changed) with
the changed syllables struck through on the left and underlined on the right;
passages found on one side only are tinted red (left) or blue (right).
Scrolling one pane scrolls the other to the partner passage (not to the same
pixel offset). Next/previous difference, swap sides and export the comparison
as a self-contained HTML report. Large pairs are aligned on a worker thread.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare import CompareResult, compare_texts
from desktop.core.compare.models import AlignedPair
from desktop.core.compare.report import render_article_report, write_report
from desktop.core.errors import UserError
from desktop.core.models import Article
from desktop.ui.compare.colors import css, tint
from desktop.ui.compare.panes import ComparePane, Span
from desktop.ui.export_folder import remember_export, suggested_path
from desktop.ui.plaintext import PlainLabel, RichLabel, plain_tooltip
from desktop.ui.threading import run_task

# Below this many characters in both bodies together, align on the GUI thread (a few ms).
SYNC_LIMIT_CHARS = 30_000
DEFAULT_BUDGET_MS = 5_000.0
DIFFERENCE_KINDS = ("changed", "only_a", "only_b")


class CompareView(QWidget):
    compared = Signal(object)  # CompareResult, once painted
    failed = Signal(str)
    exported = Signal(str)  # path of the written report

    def __init__(self, parent: QWidget | None = None, *, time_budget_ms: float = DEFAULT_BUDGET_MS):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.time_budget_ms = time_budget_ms
        self._a: Article | None = None
        self._b: Article | None = None
        self._result: CompareResult | None = None
        self._request = 0
        self._syncing = False
        self._diffs: list[int] = []
        self._current = -1
        self._index_a: list[tuple[int, int]] = []  # (start, pair index) by A offset
        self._index_b: list[tuple[int, int]] = []
        # Set by the host: article id -> its annotations' (start, end, "#rrggbb") spans,
        # painted as wavy underlines in both panes.
        self.annotations_for: Callable[[str], list[tuple[int, int, str]]] | None = None

        self.header = RichLabel(parent=self)
        self.header.setObjectName("compareHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setToolTip(
            self.tr(
                "How much of each article's text is found in the other, passage by passage "
                "(exact or reworded). The Reused text panel gives a quicker estimate for the "
                "whole library: the share of word sequences two articles have in common."
            )
        )
        self.notice = PlainLabel(parent=self)
        self.notice.setObjectName("compareNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.title_a = RichLabel(parent=self)
        self.title_b = RichLabel(parent=self)
        self.title_a.setObjectName("compareTitleA")
        self.title_b.setObjectName("compareTitleB")
        for label in (self.title_a, self.title_b):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pane_a = ComparePane(self)
        self.pane_b = ComparePane(self)
        self.pane_a.setObjectName("comparePaneA")
        self.pane_b.setObjectName("comparePaneB")
        self.position = PlainLabel(parent=self)

        self.toolbar = QToolBar(self)
        self.previous_action = self._action(self.tr("Previous difference"), "Alt+Up",
                                            self.previous_difference)
        self.next_action = self._action(self.tr("Next difference"), "Alt+Down",
                                        self.next_difference)
        self.swap_action = self._action(self.tr("Swap sides"), "", self.swap)
        self.sync_action = self._action(self.tr("Scroll together"), "", None)
        self.sync_action.setCheckable(True)
        self.sync_action.setChecked(True)
        self.export_action = self._action(self.tr("Export report…"), "", self.export_html)
        self.toolbar.addWidget(self.position)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.addWidget(self.title_a, 0, 0)
        grid.addWidget(self.title_b, 0, 1)
        grid.addWidget(self.pane_a, 1, 0)
        grid.addWidget(self.pane_b, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addLayout(grid, 1)

        # Esc and Ctrl+W close the compare window.
        self.close_action = QAction(self.tr("Close"), self)
        self.close_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W"),
             QKeySequence("Esc")]
        )
        self.close_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.close_action.triggered.connect(self._close_window)
        self.addAction(self.close_action)

        self.pane_a.verticalScrollBar().valueChanged.connect(lambda _v: self._follow("a"))
        self.pane_b.verticalScrollBar().valueChanged.connect(lambda _v: self._follow("b"))
        self._set_actions_enabled(False)
        self.header.setText(self.tr("Choose two articles to compare."))

    def _action(self, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if callable(slot):
            action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def _close_window(self) -> None:
        if self.isWindow():
            self.close()

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in (self.previous_action, self.next_action, self.swap_action,
                       self.export_action):
            action.setEnabled(enabled)

    # -- input -------------------------------------------------------------------

    @property
    def article_a(self) -> Article | None:
        return self._a

    @property
    def article_b(self) -> Article | None:
        return self._b

    def result(self) -> CompareResult | None:
        return self._result

    def is_busy(self) -> bool:
        return self._a is not None and self._result is None

    def set_articles(self, a: Article, b: Article) -> None:
        """Show ``a`` (left) and ``b`` (right) and align them (in the background if large)."""
        self._request += 1
        request = self._request
        self._a, self._b, self._result = a, b, None
        self._diffs, self._current = [], -1
        self.notice.hide()
        self._set_actions_enabled(False)
        self._show_titles()
        self._syncing = True
        try:
            self.pane_a.set_body(a.body)
            self.pane_b.set_body(b.body)
        finally:
            self._syncing = False
        self.header.setText(self.tr("Comparing…"))
        self.position.setText("")
        budget = self.time_budget_ms
        if len(a.body) + len(b.body) <= SYNC_LIMIT_CHARS:
            self._apply(compare_texts(a.body, b.body, time_budget_ms=budget))
            return

        def done(result: object) -> None:
            if shiboken6.isValid(self) and request == self._request:
                assert isinstance(result, CompareResult)
                self._apply(result)

        def fail(exc: BaseException) -> None:
            if shiboken6.isValid(self) and request == self._request:
                self.header.setText(self.tr("The comparison failed: %s") % exc)
                self.failed.emit(str(exc))

        body_a, body_b = a.body, b.body
        run_task(lambda: compare_texts(body_a, body_b, time_budget_ms=budget), done, fail)

    def swap(self) -> None:
        """Exchange the sides without aligning again."""
        if self._a is None or self._b is None:
            return
        result = self._result.swapped() if self._result is not None else None
        a, b = self._b, self._a
        if result is None:
            self.set_articles(a, b)
            return
        self._request += 1
        self._a, self._b = a, b
        self._show_titles()
        self._syncing = True
        try:
            self.pane_a.set_body(a.body)
            self.pane_b.set_body(b.body)
        finally:
            self._syncing = False
        self._apply(result)

    # -- painting ------------------------------------------------------------------

    def _apply(self, result: CompareResult) -> None:
        self._result = result
        pairs = result.pairs
        self._diffs = [n for n, p in enumerate(pairs) if p.kind in DIFFERENCE_KINDS]
        self._current = -1
        self._index_a = sorted((p.a[0], n) for n, p in enumerate(pairs) if p.a is not None)
        self._index_b = sorted((p.b[0], n) for n, p in enumerate(pairs) if p.b is not None)
        self._paint()
        self._show_header()
        self._set_actions_enabled(True)
        self._update_position()
        self.compared.emit(result)

    def _paint(self) -> None:
        if self._result is None:
            return
        layers_a: list[tuple[Span, QTextCharFormat]] = []
        layers_b: list[tuple[Span, QTextCharFormat]] = []
        current = self._diffs[self._current] if 0 <= self._current < len(self._diffs) else -1
        for n, pair in enumerate(self._result.pairs):
            role = "current" if n == current else pair.kind
            if pair.a is not None:
                layers_a.append((pair.a, tint(self, role)))
            if pair.b is not None:
                layers_b.append((pair.b, tint(self, role)))
            for w in pair.words:
                if w.a is not None:
                    layers_a.append((w.a, tint(self, "del")))
                if w.b is not None:
                    layers_b.append((w.b, tint(self, "ins")))
        if self._a is not None and self._b is not None:
            layers_a.extend(self._annotation_layers(self._a.id, len(self._a.body)))
            layers_b.extend(self._annotation_layers(self._b.id, len(self._b.body)))
        self.pane_a.paint(layers_a)
        self.pane_b.paint(layers_b)

    def _annotation_layers(
        self, article_id: str, length: int
    ) -> list[tuple[Span, QTextCharFormat]]:
        if self.annotations_for is None:
            return []
        try:
            spans = self.annotations_for(article_id)
        except UserError:
            return []
        layers: list[tuple[Span, QTextCharFormat]] = []
        for start, end, hex_color in spans:
            if 0 <= start < end <= length:
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(hex_color))
                layers.append(((start, end), fmt))
        return layers

    def refresh_annotations(self) -> None:
        """Repaint after annotations changed."""
        self._paint()

    def _show_titles(self) -> None:
        for label, side, article in (("A", self.title_a, self._a), ("B", self.title_b, self._b)):
            if article is None:
                side.setText("")
                continue
            details = " · ".join(
                x for x in (article.site, article.published.isoformat()
                            if article.published else None, article.id[:12]) if x
            )
            side.setText(f"<b>{label}: {_escape(article.title or article.id)}</b>"
                         f"<br><small>{_escape(details)}</small>")
            side.setToolTip(plain_tooltip(article.title))

    def _show_header(self) -> None:
        r = self._result
        if r is None:
            return
        counts = r.counts()

        def swatch(role: str, text: str) -> str:
            return (f'<span style="background:{css(self, role)}">&nbsp;{text}&nbsp;</span>')

        parts = [
            self.tr("<b>%1</b> of A found in B").replace("%1", f"{r.similarity.a_in_b:.1%}"),
            self.tr("<b>%1</b> of B found in A").replace("%1", f"{r.similarity.b_in_a:.1%}"),
            swatch("same", self.tr("%n same", "", counts["same"])),
            swatch("changed", self.tr("%n changed", "", counts["changed"])),
            swatch("only_a", self.tr("%n only in A", "", counts["only_a"])),
            swatch("only_b", self.tr("%n only in B", "", counts["only_b"])),
        ]
        text = " &nbsp;·&nbsp; ".join(parts)
        if r.degraded and r.notice:
            text += f"<br><i>{_escape(r.notice)}</i>"
        self.header.setText(text)

    def _update_position(self) -> None:
        total = len(self._diffs)
        if not total:
            self.position.setText(self.tr("No differences"))
        elif self._current < 0:
            self.position.setText(self.tr("%n difference(s)", "", total))
        else:
            self.position.setText(
                self.tr("Difference %1 of %2").replace("%1", str(self._current + 1))
                .replace("%2", str(total))
            )

    # -- navigation ------------------------------------------------------------------

    def differences(self) -> list[AlignedPair]:
        if self._result is None:
            return []
        return [self._result.pairs[n] for n in self._diffs]

    def current_difference(self) -> int:
        """Index into ``differences()``, or -1 before the first step."""
        return self._current

    def next_difference(self) -> None:
        self._step(1)

    def previous_difference(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self._diffs:
            return
        if self._current < 0:
            self._current = 0 if step > 0 else len(self._diffs) - 1
        else:
            self._current = (self._current + step) % len(self._diffs)
        self._paint()
        self._update_position()
        self.show_pair(self._diffs[self._current])

    def show_pair(self, index: int) -> None:
        """Scroll both panes so pair ``index`` sits on their reading lines."""
        if self._result is None:
            return
        pair = self._result.pairs[index]
        start_a = pair.a[0] if pair.a else self.partner_offset("b", pair.b[0] if pair.b else 0)
        start_b = pair.b[0] if pair.b else self.partner_offset("a", start_a)
        self._syncing = True
        try:
            self.pane_a.scroll_offset_to(start_a, self.pane_a.reading_y())
            self.pane_b.scroll_offset_to(start_b, self.pane_b.reading_y())
        finally:
            self._syncing = False

    # -- synchronized scrolling ------------------------------------------------------

    def partner_offset(self, side: str, cp: int) -> int:
        """The offset in the other text that corresponds to offset ``cp`` of ``side``.

        Inside an aligned passage the position maps proportionally into its
        partner; inside a one-sided passage it maps to the end of the nearest
        aligned passage before it (or the start of the next one).
        """
        if self._result is None:
            return 0
        pairs = self._result.pairs
        index = self._index_a if side == "a" else self._index_b
        if not index:
            return 0

        def own(p: AlignedPair) -> Span | None:
            return p.a if side == "a" else p.b

        def other(p: AlignedPair) -> Span | None:
            return p.b if side == "a" else p.a

        k = max(0, bisect_right(index, (cp, len(pairs))) - 1)
        pair = pairs[index[k][1]]
        mine, theirs = own(pair), other(pair)
        if mine is not None and theirs is not None:
            length = max(1, mine[1] - mine[0])
            share = min(1.0, max(0.0, (cp - mine[0]) / length))
            return theirs[0] + round(share * (theirs[1] - theirs[0]))
        for j in range(k - 1, -1, -1):
            theirs = other(pairs[index[j][1]])
            if theirs is not None:
                return theirs[1]
        for j in range(k + 1, len(index)):
            theirs = other(pairs[index[j][1]])
            if theirs is not None:
                return theirs[0]
        return 0

    def _follow(self, side: str) -> None:
        if self._syncing or self._result is None or not self.sync_action.isChecked():
            return
        src, dst = (self.pane_a, self.pane_b) if side == "a" else (self.pane_b, self.pane_a)
        y = src.reading_y()
        cp = src.offset_at(y)
        target = self.partner_offset(side, cp)
        self._syncing = True
        try:
            dst.scroll_offset_to(target, src.y_of(cp))
        finally:
            self._syncing = False

    # -- export ------------------------------------------------------------------------

    def export_html(self, path: Path | str | None = None) -> Path | None:
        """Write the comparison as an HTML report (asks where when ``path`` is None)."""
        if self._result is None or self._a is None or self._b is None:
            return None
        if path is None:
            suggested = f"compare-{self._a.id[:8]}-{self._b.id[:8]}.html"
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export comparison"),
                suggested_path(self, suggested),
                self.tr("HTML report (*.html)"),
            )
            if not chosen:
                return None
            remember_export(self, chosen)
            path = chosen
        target = Path(path)
        try:
            write_report(target, render_article_report(self._result, self._a, self._b))
        except UserError as exc:
            self.notice.setText(str(exc))
            self.notice.show()
            self.failed.emit(str(exc))
            return None
        self.notice.setText(self.tr("Report saved to %1").replace("%1", str(target)))
        self.notice.setToolTip(plain_tooltip(str(target)))
        self.notice.show()
        self.exported.emit(str(target))
        return target


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
