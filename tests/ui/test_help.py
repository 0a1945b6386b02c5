"""Help ▸ Search syntax and Keyboard shortcuts, and actions a menu must hold (Annotate)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from desktop.core.store import Library
from tests.helpers.ui_library import seed
from tests.helpers.window import wait_ready


def _menu_actions(window, name: str) -> list:
    return window.menuBar().findChild(QMenu, name).actions()


def test_search_syntax_page_lists_examples_and_tries_one(qtbot, make_window, tmp_path) -> None:
    library = Library.open(tmp_path / "lib")
    seed(library, 8)
    window = make_window(library)
    wait_ready(qtbot, window)
    assert window.actions_.search_syntax in _menu_actions(window, "helpMenu")
    dialog = window.show_search_syntax()
    qtbot.addWidget(dialog)
    table = dialog.table
    examples = [table.item(r, 0).text() for r in range(table.rowCount())]
    # Diacritics optional, a phrase, OR and NOT, fields, dates, and words kept together.
    for wanted in ("doi moi", '"sáng tạo"', "lúa OR gạo", "gốm NOT du lịch", "title:gốm",
                   "published:[2023-01-01 TO 2023-06-30]", "doi moi sang tao"):
        assert wanted in examples
    assert all(table.item(r, 1).text() for r in range(table.rowCount()))
    row = examples.index("title:gốm")
    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        table.itemDoubleClicked.emit(table.item(row, 1))
    assert blocker.args[0].query == "title:gốm"
    assert window.search_bar.text() == "title:gốm"


def test_keyboard_shortcuts_page_lists_the_real_keys(qtbot, make_window, tmp_path) -> None:
    window = make_window(Library.open(tmp_path / "lib"))
    wait_ready(qtbot, window)
    assert window.actions_.shortcuts in _menu_actions(window, "helpMenu")
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Ctrl+K, Ctrl+L"] == "Search the Library"
    assert rows["Ctrl+Shift+A"] == "Annotate"
    assert rows["F3"] == "Next Hit"
    assert rows["Ctrl+F"] == "Find in this article"
    assert rows["Ctrl+0"] == "Reset text size"
    assert rows["Ctrl+Z"].startswith("Undo")
    assert "Esc" in rows


def test_annotate_is_in_the_edit_menu(qtbot, make_window, tmp_path) -> None:
    window = make_window(Library.open(tmp_path / "lib"))
    annotate = window.extensions["annotations"].annotate_action
    assert annotate in _menu_actions(window, "editMenu")
