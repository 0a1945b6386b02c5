"""Placeholders stay whole in both languages (the filter box never shrinks to "L…")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.core.store import Library
from desktop.ui.annotations.editor import AnnotationEditor
from desktop.ui.i18n import install_translations
from tests.helpers.window import wait_ready


def _whole(edit: QLineEdit) -> bool:
    return edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 20


@pytest.mark.parametrize("language", ["en", "vi"])
def test_placeholders_are_whole(qtbot, make_window, tmp_path, language) -> None:
    app = QApplication.instance()
    install_translations(app, language)
    try:
        editor = AnnotationEditor("một đoạn trích")
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        assert _whole(editor.tags_edit)
        window = make_window(Library.open(tmp_path / "lib"))
        window.show()
        wait_ready(qtbot, window)
        window.resize(900, 600)
        qtbot.waitUntil(lambda: window.width() == 900, timeout=5000)
        qtbot.wait(50)
        view = window.extensions["annotations"].view
        assert view.text_edit.isVisible() and _whole(view.text_edit)
    finally:
        install_translations(app, "en")
