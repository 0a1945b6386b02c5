"""Where a library lives: a folder, or (for a shared team library) a server address.

``open_library`` is the one entry point the CLI and the app use to open what the
user named, so neither needs to know which kind of library it gets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import LibraryError
from desktop.core.store.library import Library

if TYPE_CHECKING:
    from typing import TypeAlias

    from desktop.core.server.library import ServerLibrary

    # Either kind of open library (what ``open_library`` returns).
    AnyLibrary: TypeAlias = Library | ServerLibrary

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_location(location: str | os.PathLike[str]) -> bool:
    """Whether ``location`` names a server library rather than a folder."""
    return isinstance(location, str) and location.lower().startswith(SERVER_SCHEMES)


def open_library(
    location: str | os.PathLike[str], *, create: bool = True, read_only: bool = False
) -> Library | ServerLibrary:
    """Open the library at ``location``: a folder path, or a ``postgresql://`` address.

    A server library is never created here (``archive-browser server init`` does).
    """
    if is_server_location(location):
        from desktop.core.server.library import ServerLibrary

        return ServerLibrary.open(str(location), read_only=read_only)
    return Library.open(Path(location), create=create, read_only=read_only)


def without_password(address: str) -> str:
    """A server address as it may be shown and remembered: without its password.

    ``postgresql://ana:secret@db.example/lib`` -> ``postgresql://ana@db.example/lib``.
    A folder path, or an address too malformed to parse, comes back as it is.
    """
    if not is_server_location(address):
        return address
    from desktop.core.server.address import parse_address

    try:
        return parse_address(address, with_password=False).shown
    except LibraryError:
        return address
