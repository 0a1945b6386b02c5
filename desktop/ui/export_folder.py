"""Where export dialogs start: the user's Documents folder, then the folder last exported to.

The last folder is kept in the app's settings (``AppSettings.last_export_dir``),
found from the widget that opens the dialog (its window, or the window it
belongs to, has ``settings``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths

from desktop.ui.settings import AppSettings


def documents_dir() -> Path:
    """The user's Documents folder (the home folder when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(location) if location else Path.home()
    return path if path.is_dir() else Path.home()


def settings_for(obj: QObject | None) -> AppSettings | None:
    """The app settings of the window ``obj`` belongs to (walking up its parents)."""
    while obj is not None:
        found = getattr(obj, "settings", None)
        if isinstance(found, AppSettings):
            return found
        obj = obj.parent()
    return None


def export_dir(settings: AppSettings | None) -> Path:
    last = settings.last_export_dir if settings is not None else None
    return last if last is not None and last.is_dir() else documents_dir()


def suggested_path(obj: QObject | None, filename: str) -> str:
    """Where a save dialog opened from ``obj`` should start, with ``filename`` filled in."""
    return str(export_dir(settings_for(obj)) / filename)


def remember_export(obj: QObject | None, path: Path | str) -> None:
    """Remember the folder of a file just exported, for the next export dialog."""
    settings = settings_for(obj)
    if settings is not None:
        settings.last_export_dir = Path(path).expanduser().parent
