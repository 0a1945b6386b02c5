"""Selecting two results together and comparing them; keyboard moves still work."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.ui.roles import Role
from tests.helpers.window import wait_ready


def test_compare_two_selected_results(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    window.show()
    wait_ready(qtbot, window)
    results, model = window.results, window.results_model
    action = window.actions_.compare_selected
    assert not action.isEnabled()  # one row (the current one) is selected
    assert not window.compare_selected()

    first, third = model.index(0, 0), model.index(2, 0)
    qtbot.mouseClick(
        results.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        results.visualRect(third).center(),
    )
    assert results.selected_ids() == [first.data(Role.ID), third.data(Role.ID)]
    assert action.isEnabled()
    action.trigger()
    view = window.extensions["compare"].view
    assert view is not None and view.isVisible()
    assert (view.article_a.id, view.article_b.id) == (first.data(Role.ID), third.data(Role.ID))
    view.close()

    selection = results.selectionModel()
    selection.select(model.index(5, 0), QItemSelectionModel.SelectionFlag.Select)
    assert len(results.selected_ids()) == 3 and not action.isEnabled()


def test_keyboard_with_extended_selection(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    window.show()
    wait_ready(qtbot, window)
    results, model = window.results, window.results_model
    results.setFocus()
    qtbot.keyClick(results, Qt.Key.Key_Down)
    second = model.index(1, 0).data(Role.ID)
    assert results.selected_ids() == [second]  # plain arrows select one row
    qtbot.waitUntil(lambda: window.reader.current_article().id == second, timeout=5000)
    qtbot.keyClick(results, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert results.selected_ids() == [second, model.index(2, 0).data(Role.ID)]
    assert window.actions_.compare_selected.isEnabled()
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.reader.current_article().id == model.index(2, 0).data(Role.ID)
    assert window.reader.body_edit.hasFocus()
    results.setFocus()
    qtbot.keyClick(results, Qt.Key.Key_Up)
    assert results.selected_ids() == [second]
    assert not window.actions_.compare_selected.isEnabled()
