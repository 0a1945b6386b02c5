"""A new library opens on a screen explaining how to import, with working Import buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from desktop.core.store import Library
from tests.helpers.window import wait_ready
from tests.ui.test_import_flow import write_texts


def test_empty_library_screen_and_import_button(qtbot, tmp_path, make_window, monkeypatch) -> None:
    library = Library.open(tmp_path / "new")
    window = make_window(library)
    wait_ready(qtbot, window)
    assert window.stack.currentWidget() is window.empty_screen
    text = window.empty_screen.findChild(type(window.library_label), "emptyText").text()
    assert "Import" in text and "drop" in text
    paths = write_texts(tmp_path / "in", 2)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], "")
    )
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        window.empty_screen.import_button.click()
    assert blocker.args[0].imported == 2
    assert window.stack.currentWidget() is window.browse_page
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 2, timeout=10000)


def test_populated_library_skips_the_empty_screen(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    assert window.stack.currentWidget() is window.browse_page
    wait_ready(qtbot, window)
    assert window.stack.currentWidget() is window.browse_page


def test_read_only_library_cannot_import(qtbot, seeded_library, make_window) -> None:
    read_only = Library.open(seeded_library.root, read_only=True)
    window = make_window(read_only)
    wait_ready(qtbot, window)
    assert not window.actions_.import_files.isEnabled()
    assert not window.import_paths([seeded_library.root])
    assert "read-only" in window.windowTitle()


def test_empty_screen_names_the_menu_item_as_the_menu_shows_it(qtbot, tmp_path, make_window):
    window = make_window(Library.open(tmp_path / "new"))
    wait_ready(qtbot, window)
    text = window.empty_screen.findChild(type(window.library_label), "emptyText").text()
    item = window.actions_.import_files.text().replace("&", "")
    assert f"File ▸ {item}" in text
    assert "sample library" in text


def test_open_the_sample_library_from_the_empty_screen(qtbot, tmp_path, make_window) -> None:
    window = make_window(Library.open(tmp_path / "new"))
    wait_ready(qtbot, window)
    window.sample_library_dir = tmp_path / "sample"
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        window.empty_screen.sample_button.click()
    assert blocker.args[0].imported >= 5
    assert window.library.root == tmp_path / "sample"
    assert window.windowTitle() == "sample"
    qtbot.waitUntil(lambda: window.results_model.rowCount() >= 5, timeout=10000)
    # Opening it again switches without importing a second copy.
    window.switch_library(tmp_path / "new")
    assert window.actions_.open_sample.isEnabled()
    window.actions_.open_sample.trigger()
    assert window.library.root == tmp_path / "sample"
    assert not window.importer.is_importing()
    assert window.library.articles.count() == blocker.args[0].imported


def test_window_title_does_not_repeat_the_product_name(qtbot, seeded_library, make_window):
    from desktop import APP_NAME

    window = make_window(Library.open(seeded_library.root, read_only=True))
    wait_ready(qtbot, window)
    assert APP_NAME not in window.windowTitle()
    assert window.windowTitle().startswith(seeded_library.root.name)
    assert "read-only" in window.windowTitle()
