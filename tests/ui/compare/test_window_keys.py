"""The compare window closes with Esc and Ctrl+W, confirms an export, and labels its measure."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.store import Library
from desktop.ui.compare.reuse_view import ClustersModel
from tests.helpers.compare import add, make_body, variant
from tests.helpers.window import wait_ready


def _open_compare(qtbot, make_window, library: Library):
    rng = random.Random(5)
    base = make_body(rng)
    ids = add(library, [base, variant(base, rng)])
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    view = window.extensions["compare"].compare(ids[0], ids[1])
    qtbot.waitUntil(lambda: view.result() is not None, timeout=20000)
    qtbot.waitExposed(view)
    return window, view


def _activate(qtbot, view) -> None:
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: view.isActiveWindow(), timeout=5000)


def test_escape_and_ctrl_w_close_the_compare_window(qtbot, make_window, library) -> None:
    window, view = _open_compare(qtbot, make_window, library)
    _activate(qtbot, view)
    view.pane_a.setFocus()
    qtbot.keyClick(view.pane_a, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5000)
    view.show()
    _activate(qtbot, view)
    view.pane_b.setFocus()
    qtbot.keyClick(view.pane_b, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5000)
    assert not getattr(window, "_shut", False)  # only the compare window closed


def test_export_report_is_confirmed_in_the_window(
    qtbot, make_window, library, tmp_path: Path
) -> None:
    window, view = _open_compare(qtbot, make_window, library)
    target = tmp_path / "report.html"
    assert view.export_html(target) == target
    assert view.notice.isVisible() and str(target) in view.notice.text()
    assert str(target) in window.statusBar().currentMessage()
    assert view.export_html(tmp_path / "missing" / "x.html") is None
    assert view.notice.isVisible() and "missing" in view.notice.text()


def test_each_similarity_measure_is_labelled(qtbot, make_window, library) -> None:
    _window, view = _open_compare(qtbot, make_window, library)
    assert "found in B" in view.header.text() and "found in A" in view.header.text()
    assert "Reused text" in view.header.toolTip()
    model = ClustersModel()
    header = model.headerData(1, Qt.Orientation.Horizontal)
    tip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header == "Shared text" and "compare window" in tip
    from desktop.ui.compare.similar_model import SimilarArticlesModel

    similar = SimilarArticlesModel()
    tip = similar.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Reused text" in tip and "compare window" in tip
    assert QApplication.instance() is not None
