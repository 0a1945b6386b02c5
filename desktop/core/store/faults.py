"""Turning SQLite failures into one line that names the library file and what to do.

Every front-end (CLI, app) shows a store failure through ``library_fault``, so a
damaged, busy, full or read-only database never ends in a traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.errors import LibraryError


class DamagedLibraryError(LibraryError):
    """The library database cannot be read as it is; ``recover`` copies what is left."""


class ReadOnlyLibraryError(LibraryError):
    """A write was attempted on a library that can only be read."""


_DAMAGE_HINTS = (
    "malformed",
    "not a database",
    "could not decode",
    "disk i/o error",
    "corrupt",
    "file is encrypted",
    "no such table",
    "no such column",
)


def _short(detail: str) -> str:
    """SQLite's message without the damaged text it may quote."""
    detail = detail.split(" with text ", 1)[0]
    return detail if len(detail) <= 120 else detail[:119] + "…"


def damaged(db_path: Path, detail: str) -> DamagedLibraryError:
    folder = db_path.parent
    return DamagedLibraryError(
        f"The library database {db_path} is damaged ({detail}). Run "
        f"'archive-browser --library {folder} check' to see what is affected, then "
        f"'archive-browser --library {folder} recover NEW_FOLDER' to copy every "
        f"readable article and annotation into a new library."
    )


def library_fault(exc: sqlite3.Error, db_path: Path) -> LibraryError:
    """The user-facing error for an SQLite failure on the library at ``db_path``."""
    detail = _short(str(exc) or type(exc).__name__)
    text = detail.lower()
    if "readonly" in text or "read-only" in text:
        return ReadOnlyLibraryError(
            f"The library {db_path.parent} is read-only: it can be searched and read, "
            "not changed. Copy the folder somewhere writable to change it."
        )
    if "locked" in text or "busy" in text:
        return LibraryError(
            f"The library {db_path} is busy: another program is writing to it. "
            "Try again when it has finished."
        )
    if "disk is full" in text or "database or disk is full" in text:
        return LibraryError(
            f"The disk holding {db_path} is full: free some space and try again. "
            "Nothing already stored was lost."
        )
    if "unable to open" in text:
        return LibraryError(
            f"Cannot open the library database {db_path}: check that the folder "
            "exists and can be read."
        )
    if any(hint in text for hint in _DAMAGE_HINTS):
        return damaged(db_path, detail)
    return LibraryError(f"The library database {db_path} failed: {detail}")
