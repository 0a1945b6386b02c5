"""Where a library lives: a folder, or (for a shared team library) a server address.

``open_library`` is the one entry point the CLI and the app use to open what the
user named, so neither needs to know which kind of library it gets.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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


def without_password(address: str) -> str:
    """A server address as it may be shown and remembered: any password taken out.

    ``postgresql://ana:secret@db.example/lib`` -> ``postgresql://ana@db.example/lib``;
    a ``password=`` query parameter goes too. A folder path comes back as it is.
    """
    if not is_server_location(address):
        return address
    parts = urlsplit(address.strip())
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = userinfo.split(":", 1)[0] + "@" + host
    query = "&".join(
        p for p in parts.query.split("&") if p and p.split("=", 1)[0].lower() != "password"
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
