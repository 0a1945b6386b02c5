"""The UI speaks Vietnamese from the shipped catalogue, English by default, system by choice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from desktop.ui.i18n import install_translations, qm_bytes, resolve_language
from desktop.ui.reader.view import ReaderView
from desktop.ui.search_bar import SearchBar


def test_catalogue_is_shipped_in_the_package() -> None:
    data = qm_bytes("vi")
    assert data is not None and len(data) > 1000
    assert qm_bytes("xx") is None


def test_language_choice_follows_the_system(monkeypatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("vi_VN")))
    assert resolve_language("system") == "vi"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert resolve_language("system") == "en"
    assert resolve_language("vi") == "vi" and resolve_language("en") == "en"


def test_vietnamese_strings_in_widgets(qtbot) -> None:
    app = QApplication.instance()
    try:
        assert install_translations(app, "vi") == "vi"
        bar = SearchBar()
        qtbot.addWidget(bar)
        assert bar.sort_box.itemText(1) == "Mới nhất trước"
        bar.show_total(3, True, None, 1.0)
        assert bar.status.text() == "3 bài viết"
        bar.show_total(1200, False, None, 1.0)
        assert bar.status.text() == "khoảng 1200 bài viết"
        reader = ReaderView()
        qtbot.addWidget(reader)
        assert reader.original_action.text() == "Xem bản gốc"
        assert QCoreApplication.translate("Menus", "&File") == "&Tệp"
    finally:
        install_translations(app, "en")
    assert QCoreApplication.translate("Menus", "&File") == "&File"
