"""What every CLI command shares: the library context, exit codes, JSON output."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.core.errors import LibraryError
from desktop.core.paths import LIBRARY_ENV, resolve_library_dir
from desktop.core.store import Library
from desktop.core.store.faults import ReadOnlyLibraryError
from desktop.core.store.library import DB_NAME

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CommandContext:
    """Resolves and opens the library lazily; closed by ``cli.main``."""

    def __init__(self, library: str | None, user: str | None = None):
        self._explicit = library
        self._user = user  # ``--user``: who the library records as making changes
        self._library: Library | None = None

    def library_dir(self) -> Path:
        return resolve_library_dir(self._explicit)

    def is_explicit(self) -> bool:
        """True when ``--library`` or ``$ARCHIVE_BROWSER_LIBRARY`` named the library."""
        return bool(self._explicit or os.environ.get(LIBRARY_ENV))

    def db_path(self) -> Path:
        """The library database this command works on (for error messages)."""
        if self._library is not None:
            return self._library.db_path
        return self.library_dir() / DB_NAME

    def require_library(self) -> Path:
        """The library folder, which must hold a library (for commands that open it
        themselves, such as ``check`` and ``recover`` on a damaged one)."""
        root = self.library_dir()
        if not (root / DB_NAME).is_file():
            raise LibraryError(f"No library at {root} (it has no {DB_NAME}).")
        return root

    def open_library(self, *, create: bool = False, writes: bool = False) -> Library:
        """The library, opened once.

        Only commands that add data pass ``create``: a mistyped ``--library`` must
        say "No library at DIR", not answer from a new, empty library. Commands that
        change the library pass ``writes`` (implied by ``create``) and are refused on
        a read-only one; the others are told, on stderr, that it is read-only.
        """
        if self._library is None:
            self._library = Library.open(self.library_dir(), create=create)
            if self._user is not None:
                self._library.user = self._user
            if self._library.read_only and not (create or writes):
                print(
                    f"archive-browser: note: the library {self._library.root} is read-only; "
                    "it is searched with its index as it is.",
                    file=sys.stderr,
                )
        if self._library.read_only and (create or writes):
            raise ReadOnlyLibraryError(
                f"The library {self._library.root} is read-only: it can be searched and "
                "read, not changed. Copy the folder somewhere writable to change it."
            )
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_default)


def print_json(obj: Any) -> None:
    sys.stdout.write(dumps(obj) + "\n")
