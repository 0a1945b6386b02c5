"""The annotations and compare parts need nothing of a window but the ``ReaderHost`` members.

The host here is a bare window written for the test (not the main window): the parts
dock their panels, put their actions in its Edit menu, speak through ``notify``, ask
for an index catch-up after annotation edits, and follow a library switch.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QTextCharFormat
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from desktop.core.models import Article
from desktop.core.store import Library
from desktop.ui.annotations.install import SYNC_DELAY_MS, install_annotations
from desktop.ui.compare.install import install_compare
from desktop.ui.host import ReaderHost
from desktop.ui.reader.view import ReaderView
from tests.helpers.compare import add, make_body, variant


class BareHost(QMainWindow):
    library_changed = Signal(str)
    server_answered = Signal()

    def __init__(self, library: Library):
        super().__init__()
        self.reader = ReaderView(self)
        self.setCentralWidget(self.reader)
        self.library = library
        self.panels: list[str] = []
        self.edit_actions: list[QAction] = []
        self.notices: list[str] = []
        self.unreachable: list[str] = []
        self.syncs = 0

    def add_panel(
        self,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.panels.append(title)
        return dock

    def add_edit_actions(self, actions: Sequence[QAction]) -> None:
        self.edit_actions.extend(actions)

    def open_article(self, article_id: str, offset: int | None = None) -> Article | None:
        article = self.library.articles.get(article_id)
        self.reader.show_article(article, None)
        return article

    def notify(self, text: str, ms: int = 10000) -> None:
        self.notices.append(text)

    def request_index_sync(self) -> None:
        self.syncs += 1

    def server_unreachable(self, reason: str) -> None:
        self.unreachable.append(reason)

    def is_shut(self) -> bool:
        return False


def test_the_parts_install_into_any_reader_host(qtbot, library: Library, tmp_path: Path) -> None:
    rng = random.Random(5)
    base = make_body(rng)
    first, _other = add(library, [base, make_body(rng)])
    [copy] = add(library, [variant(base, rng)], "Bản sao")
    host = BareHost(library)
    qtbot.addWidget(host)
    typed: ReaderHost = host  # the bare window is a ReaderHost

    annotations = install_annotations(typed)
    compare = install_compare(typed, annotations)
    assert {"Similar articles", "Reused text"} <= set(host.panels)
    assert len(host.panels) == 4  # and the two annotation panels
    assert host.edit_actions == [
        annotations.annotate_action, annotations.undo_action, annotations.redo_action
    ]
    assert compare.compare_action in host.reader.body_edit.extra_actions

    # An annotation edit asks the host for one index catch-up, after a short pause;
    # the open compare window shows the new annotation (the part was handed over).
    host.open_article(first)
    view = compare.compare(first, copy)
    assert view is not None
    annotations.create(first, 0, 12, note="đầu bài")
    annotations.create(first, 20, 30, note="tiếp")
    qtbot.waitUntil(lambda: host.syncs == 1, timeout=SYNC_DELAY_MS * 20)
    wavy = [
        view.pane_a.map.span_to_codepoint(s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in view.pane_a.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]
    assert sorted(wavy) == [(0, 12), (20, 30)]

    # Messages go through notify; a library switch is followed.
    assert compare.compare(first, "no-such-article") is None
    assert host.notices and "no-such-article" in host.notices[-1]
    other = Library.open(tmp_path / "other")
    try:
        host.library = other
        host.library_changed.emit(str(other.root))
        assert compare.library is other and annotations.library is other
        assert view.isHidden()
    finally:
        other.close()
