"""With the language set to Vietnamese, no state of the screenshot tool shows English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.i18n import install_translations
from desktop.ui.screenshots import render_all
from tests.ui.untranslated import Checker, visible_texts


def test_no_english_in_any_screenshot_state(qtbot, tmp_path) -> None:
    checker = Checker()
    found: list[str] = []
    states: list[str] = []

    def visit(state: str, widget: QWidget) -> None:
        states.append(state)
        for where, text, ui in visible_texts(widget):
            problem = checker.untranslated(text, ui)
            if problem:
                found.append(f"{state}: {where}: {text!r} ({problem})")

    render_all(
        tmp_path, languages=("vi",), themes=("light",), sizes=(QSize(1366, 768),), visit=visit
    )
    assert not found, "\n".join(found)
    assert len(states) >= 7


def test_the_checker_flags_english(qtbot) -> None:
    checker = Checker()
    assert checker.untranslated("All annotations", ui=True)
    assert checker.untranslated("3 of 7", ui=True)  # "{shown} of {total}", formatted
    assert checker.untranslated("Export everything now", ui=True)  # never in the catalogue
    assert checker.untranslated("Tất cả chú thích", ui=True) is None
    assert checker.untranslated("The floating library", ui=False) is None  # article data


def test_qt_standard_buttons_speak_vietnamese(qtbot) -> None:
    app = QApplication.instance()
    try:
        install_translations(app, "vi")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"
        assert QCoreApplication.translate("QLineEdit", "Select All") == "Chọn tất cả"
        assert QCoreApplication.translate("QWidgetTextControl", "&Copy") == "&Sao chép"
    finally:
        install_translations(app, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
