"""The app's settings: a QSettings INI file under ``desktop.core.paths.config_dir()``.

Because the folder comes from ``config_dir()``, portable mode keeps the
settings beside the executable. Values are read through typed accessors so
a hand-edited or damaged file falls back to defaults instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.paths import config_dir

SETTINGS_FILE = "archive-browser.ini"
LANGUAGES = ("system", "en", "vi")
MAX_RECENT = 8


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


class AppSettings:
    def __init__(self, path: Path | None = None):
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _str(self, key: str, default: str, allowed: tuple[str, ...] | None = None) -> str:
        value = self.qsettings.value(key, default)
        text = value if isinstance(value, str) else default
        if allowed is not None and text not in allowed:
            return default
        return text

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _float(self, key: str, default: float) -> float:
        try:
            return float(self.qsettings.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default

    # -- appearance ---------------------------------------------------------------

    @property
    def theme(self) -> str:
        return self._str("appearance/theme", "system", ("system", "light", "dark"))

    @theme.setter
    def theme(self, value: str) -> None:
        self.qsettings.setValue("appearance/theme", value)

    @property
    def language(self) -> str:
        return self._str("appearance/language", "system", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("appearance/language", value)

    @property
    def reader_font(self) -> str:
        return self._str("reader/font", "serif", ("serif", "sans"))

    @reader_font.setter
    def reader_font(self, value: str) -> None:
        self.qsettings.setValue("reader/font", value)

    @property
    def reader_zoom(self) -> float:
        return self._float("reader/zoom", 0.0)

    @reader_zoom.setter
    def reader_zoom(self, value: float) -> None:
        self.qsettings.setValue("reader/zoom", float(value))

    @property
    def sort(self) -> str:
        return self._str("search/sort", "relevance", ("relevance", "newest", "oldest"))

    @sort.setter
    def sort(self, value: str) -> None:
        self.qsettings.setValue("search/sort", value)

    # -- window state ---------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"window/splitter_{name}")

    def save_window(
        self, geometry: QByteArray, state: QByteArray, splitters: dict[str, QByteArray]
    ) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)
        for name, value in splitters.items():
            self.qsettings.setValue(f"window/splitter_{name}", value)

    # -- folders --------------------------------------------------------------------

    @property
    def last_export_dir(self) -> Path | None:
        """The folder of the last export (bundles, annotations, reports), if any."""
        value = self._str("paths/export", "")
        return Path(value) if value else None

    @last_export_dir.setter
    def last_export_dir(self, value: Path) -> None:
        self.qsettings.setValue("paths/export", str(value))

    # -- libraries ------------------------------------------------------------------

    @property
    def last_library(self) -> Path | None:
        value = self._str("library/last", "")
        return Path(value) if value else None

    def remember_library(self, path: Path) -> None:
        self.qsettings.setValue("library/last", str(path))
        recent = [str(path)] + [p for p in self.recent_libraries() if p != str(path)]
        self.qsettings.setValue("library/recent", recent[:MAX_RECENT])

    def recent_libraries(self) -> list[str]:
        value = self.qsettings.value("library/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def sync(self) -> None:
        self.qsettings.sync()
