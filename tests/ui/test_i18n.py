"""The UI speaks Vietnamese from the shipped catalogue, English by default, system by choice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from desktop.ui.i18n import install_translations, qm_bytes, resolve_language
from desktop.ui.reader.view import ReaderView
from desktop.ui.search.bar import SearchBar


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


def test_switching_the_language_applies_at_once(qtbot, app_settings, seeded_library) -> None:
    from PySide6.QtWidgets import QDockWidget, QMenu

    from desktop.ui.main_window import MainWindow
    from tests.helpers.window import search_for, wait_ready

    app = QApplication.instance()
    # Not handed to qtbot: the window deletes itself when the new one takes over.
    window = MainWindow(seeded_library, app_settings, show_reports=False, isolate_writer=False)
    window.show()
    wait_ready(qtbot, window)
    search_for(qtbot, window, "doi tuyen")
    qtbot.waitUntil(lambda: window.reader.current_article() is not None, timeout=10000)
    article = window.reader.current_article()
    replacements: list[object] = []
    window.replaced.connect(replacements.append)
    try:
        window.apply_language("vi")
        qtbot.waitUntil(lambda: bool(replacements), timeout=10000)
        new = replacements[0]
        qtbot.addWidget(new)
        assert new.menuBar().findChild(QMenu, "fileMenu").title() == "&Tệp"
        docks = {d.windowTitle() for d in new.findChildren(QDockWidget)}
        assert {"Chú thích", "Tất cả chú thích"} <= docks
        assert new.isVisible() and not window.isVisible()
        # Same library (still open), same search, same article.
        assert new.library is seeded_library and new.library.articles.count() > 0
        assert new.search_bar.text() == "doi tuyen"
        assert new.reader.current_article().id == article.id
        wait_ready(qtbot, new)
        qtbot.waitUntil(lambda: new.results_model.rowCount() > 0, timeout=10000)
        assert new.search_bar.status.text().endswith("bài viết")
    finally:
        install_translations(app, "en")
        window.shutdown()
        for replacement in replacements:
            replacement.shutdown()
