"""Settings live in an INI file under config_dir(); window, splitter and reader state persist."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.core.store import Library
from desktop.ui.settings import AppSettings, settings_path
from desktop.ui.theme import apply_theme, is_dark
from tests.helpers.window import wait_ready


def test_settings_file_is_under_config_dir(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    settings = AppSettings()
    settings.theme = "dark"
    settings.sync()
    assert settings.path == settings_path()
    assert settings.path.is_relative_to(tmp_path / "cfg")
    assert "theme=dark" in settings.path.read_text()


def test_bad_values_fall_back_to_defaults(tmp_path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[appearance]\ntheme=purple\nlanguage=xx\n[reader]\nzoom=big\n")
    settings = AppSettings(path)
    assert (settings.theme, settings.language, settings.reader_zoom) == ("system", "system", 0.0)


def test_window_state_persists(qtbot, seeded_library, tmp_path, make_window) -> None:
    settings_file = tmp_path / "persist.ini"
    first = make_window(seeded_library, settings=AppSettings(settings_file), extensions=False)
    wait_ready(qtbot, first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(760, 520)
    first.splitter.setSizes([140, 260, 360])
    sizes = first.splitter.sizes()
    first.reader.zoom_in()
    first.reader.set_font_family("sans")
    first.search_bar.set_sort_key("oldest")
    first.close()

    settings = AppSettings(settings_file)
    assert settings.reader_font == "sans" and settings.reader_zoom == 1.0
    assert settings.sort == "oldest"
    second = make_window(Library.open(seeded_library.root), settings=settings, extensions=False)
    second.show()
    qtbot.waitExposed(second)
    assert second.size().width() == 760 and second.size().height() == 520
    assert second.splitter.sizes() == sizes
    assert second.reader.font_family() == "sans" and second.reader.zoom() == 1.0
    assert second.search_bar.sort_key() == "oldest"


def test_recent_libraries(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path / "r.ini")
    for name in ("a", "b", "a"):
        settings.remember_library(tmp_path / name)
    assert settings.last_library == tmp_path / "a"
    assert settings.recent_libraries() == [str(tmp_path / "a"), str(tmp_path / "b")]


def test_dark_and_light_theme(qtbot) -> None:
    app = QApplication.instance()
    try:
        assert apply_theme(app, "dark") == "dark"
        assert is_dark(app.palette())
        assert apply_theme(app, "light") == "light"
        assert not is_dark(app.palette())
    finally:
        apply_theme(app, "light")
