"""Where a library lives: a folder, or (for a shared team library) a server address.

``open_library`` is the one entry point the CLI and the app use to open what the
user named, so neither needs to know which kind of library it gets.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import LibraryError
from desktop.core.store.library import Library

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_location(location: str | os.PathLike[str]) -> bool:
    """Whether ``location`` names a server library rather than a folder."""
    return isinstance(location, str) and location.lower().startswith(SERVER_SCHEMES)


def open_library(
    location: str | os.PathLike[str], *, create: bool = True, read_only: bool = False
) -> Library:
    """Open the library at ``location``: a folder path, or a ``postgresql://`` address."""
    if is_server_location(location):
        raise LibraryError(f"{location}: server libraries are not available yet.")
    return Library.open(Path(location), create=create, read_only=read_only)
