"""The app's settings: a QSettings INI file under ``desktop.core.paths.config_dir()``.

Because the folder comes from ``config_dir()``, portable mode keeps the
settings beside the executable. Each option is one typed descriptor on
:class:`AppSettings` (a choice among ``Literal`` values, a number or a
folder), so a hand-edited or damaged file falls back to the default instead
of failing, and the type checker knows every value the app can read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, get_args, overload

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.paths import config_dir
from desktop.core.search.models import SortKey
from desktop.core.store.locations import without_password
from desktop.ui.theme import THEMES, Theme

SETTINGS_FILE = "archive-browser.ini"
Language = Literal["system", "en", "vi"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
ReaderFont = Literal["serif", "sans"]
READER_FONTS: tuple[ReaderFont, ...] = get_args(ReaderFont)
SORT_KEYS: tuple[SortKey, ...] = get_args(SortKey)
MAX_RECENT = 8

T = TypeVar("T", bound=str)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def pick(value: object, choices: tuple[T, ...]) -> T:
    """``value`` when it is one of ``choices``, else the first choice (the default)."""
    for choice in choices:
        if value == choice:
            return choice
    return choices[0]


class Choice(Generic[T]):
    """An option with a fixed set of values; the first is the default."""

    def __init__(self, key: str, choices: tuple[T, ...]):
        self.key = key
        self.choices = choices

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Choice[T]: ...
    @overload
    def __get__(self, obj: AppSettings, owner: type[Any]) -> T: ...
    def __get__(self, obj: AppSettings | None, owner: type[Any]) -> Choice[T] | T:
        if obj is None:
            return self
        return pick(obj.qsettings.value(self.key, self.choices[0]), self.choices)

    def __set__(self, obj: AppSettings, value: T) -> None:
        obj.qsettings.setValue(self.key, value)


class Number:
    """A float option."""

    def __init__(self, key: str, default: float):
        self.key = key
        self.default = default

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Number: ...
    @overload
    def __get__(self, obj: AppSettings, owner: type[Any]) -> float: ...
    def __get__(self, obj: AppSettings | None, owner: type[Any]) -> Number | float:
        if obj is None:
            return self
        value = obj.qsettings.value(self.key, self.default)
        if not isinstance(value, (str, int, float)):
            return self.default
        try:
            return float(value)
        except ValueError:
            return self.default

    def __set__(self, obj: AppSettings, value: float) -> None:
        obj.qsettings.setValue(self.key, float(value))


class Folder:
    """A path option (None when unset)."""

    def __init__(self, key: str):
        self.key = key

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Folder: ...
    @overload
    def __get__(self, obj: AppSettings, owner: type[Any]) -> Path | None: ...
    def __get__(self, obj: AppSettings | None, owner: type[Any]) -> Folder | Path | None:
        if obj is None:
            return self
        value = obj.qsettings.value(self.key, "")
        return Path(value) if isinstance(value, str) and value else None

    def __set__(self, obj: AppSettings, value: Path) -> None:
        obj.qsettings.setValue(self.key, str(value))


class AppSettings:
    theme = Choice[Theme]("appearance/theme", THEMES)
    language = Choice[Language]("appearance/language", LANGUAGES)
    reader_font = Choice[ReaderFont]("reader/font", READER_FONTS)
    reader_zoom = Number("reader/zoom", 0.0)
    sort = Choice[SortKey]("search/sort", SORT_KEYS)
    last_export_dir = Folder("paths/export")
    """The folder of the last export (bundles, annotations, reports), if any."""
    last_library = Folder("library/last")

    def __init__(self, path: Path | None = None):
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

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

    # -- libraries ------------------------------------------------------------------

    def remember_library(self, path: Path) -> None:
        self.last_library = path
        recent = [str(path)] + [p for p in self.recent_libraries() if p != str(path)]
        self.qsettings.setValue("library/recent", recent[:MAX_RECENT])

    def recent_libraries(self) -> list[str]:
        value = self.qsettings.value("library/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    @property
    def server_address(self) -> str:
        """The server library last opened (File ▸ Open Server Library…), never a password."""
        value = self.qsettings.value("library/server", "")
        return without_password(value) if isinstance(value, str) else ""

    @server_address.setter
    def server_address(self, address: str) -> None:
        self.qsettings.setValue("library/server", without_password(address.strip()))

    def sync(self) -> None:
        self.qsettings.sync()
