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
from desktop.core.store.locations import is_server_location, open_library

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CommandContext:
    """Resolves and opens the library lazily; closed by ``cli.main``."""

    def __init__(self, library: str | None, user: str | None = None):
        self._explicit = library
        self._user = user  # ``--user``: who the library records as making changes
        # A ``Library`` (folder) or a ``ServerLibrary``: both are ``LibraryStores``.
        self._library: Any = None

    def location(self) -> str:
        """What ``--library`` (or the environment) names: a folder or a server address."""
        return self._explicit or os.environ.get(LIBRARY_ENV) or str(self.library_dir())

    def is_server(self) -> bool:
        """True when the library is a server library (``postgresql://``)."""
        return is_server_location(self.location())

    def library_dir(self) -> Path:
        if self.is_server_named():
            raise LibraryError(
                f"This command works on a library folder, not on the server library "
                f"{self._server_shown()}."
            )
        return resolve_library_dir(self._explicit)

    def is_server_named(self) -> bool:
        named = self._explicit or os.environ.get(LIBRARY_ENV)
        return bool(named) and is_server_location(str(named))

    def _server_shown(self) -> str:
        from desktop.core.server.address import parse_address

        return parse_address(self.location()).shown

    def require_folder(self, what: str) -> None:
        """Refuse, in one line, a command that only works on a library folder."""
        if self.is_server_named():
            raise LibraryError(f"{what} is not available for server libraries yet.")

    def is_explicit(self) -> bool:
        """True when ``--library`` or ``$ARCHIVE_BROWSER_LIBRARY`` named the library."""
        return bool(self._explicit or os.environ.get(LIBRARY_ENV))

    def db_path(self) -> Path:
        """The library database this command works on (for error messages)."""
        if self._library is not None and isinstance(self._library, Library):
            return self._library.db_path
        if self.is_server_named():
            return Path(self._server_shown())
        return self.library_dir() / DB_NAME

    def require_library(self) -> Path:
        """The library folder, which must hold a library (for commands that open it
        themselves, such as ``check`` and ``recover`` on a damaged one)."""
        root = self.library_dir()
        if not (root / DB_NAME).is_file():
            raise LibraryError(f"No library at {root} (it has no {DB_NAME}).")
        return root

    def open_library(self, *, create: bool = False, writes: bool = False) -> Any:
        """The library, opened once.

        Only commands that add data pass ``create``: a mistyped ``--library`` must
        say "No library at DIR", not answer from a new, empty library. Commands that
        change the library pass ``writes`` (implied by ``create``) and are refused on
        a read-only one; the others are told, on stderr, that it is read-only.
        """
        if self._library is None:
            if self.is_server_named():
                self._library = open_library(self.location())
            else:
                self._library = Library.open(self.library_dir(), create=create)
            if self._user is not None:
                self._library.user = self._user
            if self._library.read_only and not (create or writes):
                note = (
                    "it can be searched and read, not changed."
                    if self.is_server_named()
                    else "it is searched with its index as it is."
                )
                print(
                    f"archive-browser: note: the library {self._library.location} is "
                    f"read-only; {note}",
                    file=sys.stderr,
                )
        if self._library.read_only and (create or writes):
            if self.is_server_named():
                raise ReadOnlyLibraryError(
                    f"The server library {self._library.location} is read-only for user "
                    f"{self._library.user!r}: it can be searched and read, not changed."
                )
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
