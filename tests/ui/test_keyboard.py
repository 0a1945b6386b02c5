"""Keyboard use: Ctrl+K / Ctrl+L focus the search box, arrows move, Enter opens, Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.roles import Role
from tests.helpers.window import search_for, wait_ready


def show_active(qtbot, window) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)


def test_shortcuts_focus_the_search_box(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    show_active(qtbot, window)
    for key in (Qt.Key.Key_K, Qt.Key.Key_L):
        window.results.setFocus()
        qtbot.waitUntil(lambda: window.results.hasFocus(), timeout=2000)
        qtbot.keyClick(window.results, key, Qt.KeyboardModifier.ControlModifier)
        assert window.search_bar.edit.hasFocus()


def test_arrows_enter_and_escape(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    show_active(qtbot, window)
    search_for(qtbot, window, "river")
    edit = window.search_bar.edit
    edit.setFocus()
    model = window.results_model
    assert window.results.currentIndex().row() == 0
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert window.results.currentIndex().row() == 1
    assert edit.hasFocus()  # focus stays in the search box while moving
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    article = window.reader.current_article()
    assert article is not None and article.id == model.index(1, 0).data(Role.ID)
    assert window.reader.body_edit.hasFocus()

    # Enter in the result list opens the current row too.
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert window.reader.current_article().id == model.index(2, 0).data(Role.ID)

    # Esc in the search box clears it; the library listing comes back.
    edit.setFocus()
    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "" and blocker.args[0].query == ""
    assert blocker.args[0].total == 121


def test_escape_in_results_clears_the_search(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    show_active(qtbot, window)
    search_for(qtbot, window, "gom")
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Escape)
    assert window.search_bar.text() == ""
    assert window.search_bar.edit.hasFocus()


def test_menus_and_standard_shortcuts(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    a = window.actions_
    assert a.import_files.shortcut().toString() == "Ctrl+O"
    assert a.quit.shortcut().toString() == "Ctrl+Q"
    assert a.full_screen.shortcut().toString() == "F11"
    assert [s.toString() for s in a.focus_search.shortcuts()] == ["Ctrl+K", "Ctrl+L"]
    assert window.reader.find_action.shortcut().toString() == "Ctrl+F"
