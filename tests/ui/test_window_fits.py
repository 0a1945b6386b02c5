"""The main window fits a laptop: minimum ≤ 900×600, nothing overlaps or is cut at common sizes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from desktop.core.models import ImportProgress
from desktop.core.store import Library
from desktop.ui.i18n import install_translations
from tests.helpers.ui_library import seed
from tests.helpers.window import search_for, wait_ready
from tests.ui.layout_checks import dock_overlaps, overlaps, squeezed


def _open_window(qtbot, make_window, tmp_path):
    library = Library.open(tmp_path / "lib")
    seed(library, 12)
    window = make_window(library)
    window.show()
    wait_ready(qtbot, window)
    search_for(qtbot, window, "doi tuyen")
    qtbot.waitUntil(lambda: window.reader.current_article() is not None, timeout=10000)
    qtbot.waitUntil(lambda: bool(window.reader.hit_spans()), timeout=10000)
    qtbot.wait(50)  # the hit counter's new text is laid out
    return window


@pytest.mark.parametrize("language", ["en", "vi"])
def test_minimum_size_fits_a_laptop(qtbot, make_window, tmp_path, language) -> None:
    app = QApplication.instance()
    install_translations(app, language)
    try:
        window = _open_window(qtbot, make_window, tmp_path)
        # The import strip, with its longest texts, is the widest thing in the middle.
        window.import_panel.start()
        window.import_panel.show_progress(
            ImportProgress(
                done=1200, total=99999, current="/a/long/path/" + "x" * 80 + ".warc.gz",
                imported=88888, duplicates=88888, failed=88888,
            )
        )
        window.import_panel.show_indexing()
        hint = window.minimumSizeHint()
        assert hint.width() <= 900 and hint.height() <= 600, hint
    finally:
        install_translations(app, "en")


@pytest.mark.parametrize("size", [(900, 600), (1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "vi"])
def test_nothing_overlaps_or_is_cut(qtbot, make_window, tmp_path, size, language) -> None:
    app = QApplication.instance()
    install_translations(app, language)
    try:
        window = _open_window(qtbot, make_window, tmp_path)
        window.resize(*size)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
        qtbot.wait(50)
        assert dock_overlaps(window) == []
        assert overlaps(window) == []
        assert squeezed(window) == []
    finally:
        install_translations(app, "en")


def _shown_in_toolbar(toolbar: QToolBar, action) -> bool:
    button = toolbar.widgetForAction(action)
    return isinstance(button, QToolButton) and button.isVisible()


def test_primary_reader_actions_are_visible_at_the_default_size(qtbot, make_window, tmp_path):
    window = _open_window(qtbot, make_window, tmp_path)
    window.resize(1280, 800)  # the first size on any screen at least that large
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=5000)
    qtbot.wait(50)
    toolbar = window.reader.toolbar
    annotate = window.extensions["annotations"].annotate_action
    for action in (window.reader.find_action, window.reader.original_action, annotate):
        assert _shown_in_toolbar(toolbar, action), action.text()


def test_the_checks_see_overlapping_and_squeezed_controls(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(300, 100)
    first = QPushButton("A button with a long label", host)
    second = QPushButton("Another", host)
    first.setGeometry(0, 0, 40, 30)
    second.setGeometry(20, 10, 120, 30)
    host.show()
    qtbot.waitExposed(host)
    assert len(overlaps(host)) == 1
    assert any("long label" in problem for problem in squeezed(host))


@pytest.mark.parametrize("size", [(900, 600), (1366, 768)])
@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_empty_library_screen_fits(qtbot, make_window, tmp_path, size, language) -> None:
    app = QApplication.instance()
    install_translations(app, language)
    try:
        window = make_window(Library.open(tmp_path / "empty"))
        window.show()
        wait_ready(qtbot, window)
        window.resize(*size)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
        qtbot.wait(50)
        assert window.stack.currentWidget() is window.empty_screen
        assert window.empty_screen.sample_button.isVisible()
        assert dock_overlaps(window) == []
        assert overlaps(window) == []
        assert squeezed(window) == []
    finally:
        install_translations(app, "en")


def test_the_first_window_is_no_larger_than_the_screen(qtbot, make_window, tmp_path) -> None:
    from desktop.ui.main_window import default_size

    window = make_window(Library.open(tmp_path / "lib"))
    room = window.screen().availableGeometry().size()
    size = default_size(window)
    assert size.width() <= min(1280, room.width()) and size.height() <= min(800, room.height())
    assert window.size() == size


@pytest.mark.parametrize("language", ["en", "vi"])
def test_show_original_stays_in_the_toolbar_at_900_px(qtbot, make_window, tmp_path, language):
    app = QApplication.instance()
    install_translations(app, language)
    try:
        window = _open_window(qtbot, make_window, tmp_path)
        window.resize(900, 600)
        qtbot.waitUntil(lambda: window.width() == 900, timeout=5000)
        qtbot.wait(50)
        toolbar = window.reader.toolbar
        for action in (window.reader.find_action, window.reader.original_action):
            assert _shown_in_toolbar(toolbar, action), action.text()
    finally:
        install_translations(app, "en")
