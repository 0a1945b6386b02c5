"""Where libraries, settings and caches live.

Normally under the per-user folders from platformdirs. In portable mode (a
marker file named ``portable.txt`` beside the executable, or beside the source
package when run from source) everything lives next to the program instead.
``ARCHIVE_BROWSER_LIBRARY`` or ``--library`` selects a library explicitly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from desktop import APP_SLUG

LIBRARY_ENV = "ARCHIVE_BROWSER_LIBRARY"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"


def program_dir() -> Path:
    """The folder holding the executable (frozen) or the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def portable_root() -> Path | None:
    """The portable data folder when the marker file is present, else None."""
    base = program_dir()
    if (base / PORTABLE_MARKER).is_file():
        return base / PORTABLE_DATA
    return None


def is_portable() -> bool:
    return portable_root() is not None


def data_dir() -> Path:
    root = portable_root()
    if root is not None:
        return root
    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def config_dir() -> Path:
    root = portable_root()
    if root is not None:
        return root / "settings"
    return Path(platformdirs.user_config_dir(APP_SLUG, appauthor=False))


def cache_dir() -> Path:
    root = portable_root()
    if root is not None:
        return root / "cache"
    return Path(platformdirs.user_cache_dir(APP_SLUG, appauthor=False))


def default_library_dir() -> Path:
    return data_dir() / "library"


def resolve_library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library chosen by ``--library``, then the environment, then the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return default_library_dir()
