"""``ServerLibrary``: a shared team library in a PostgreSQL database.

It implements the store interface (``core/store/interface.LibraryStores``) with
the same store classes as a library folder, on a ``ServerConnection``. A role
that may only read (SELECT) opens with ``read_only``; ``user`` is the role the
connection logged in as. A database that was never initialised, or is behind
this version's schema, is refused in one line that says what to run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import paths
from desktop.core.errors import LibraryError
from desktop.core.server import schema
from desktop.core.server.address import ServerAddress, parse_address
from desktop.core.server.connection import ServerConnection, connect
from desktop.core.store import schema as store_schema
from desktop.core.store.stores import StoreSet

if TYPE_CHECKING:
    pass


class ServerLibrary(StoreSet):
    """An open server library. Not thread-safe: other threads call ``reopen()``."""

    conn: ServerConnection
    is_server = True

    def __init__(self, conn: ServerConnection, *, read_only: bool = False):
        super().__init__(conn, read_only=read_only, user=conn.user)
        self.address: ServerAddress = conn.address
        self.immutable = False

    @property
    def location(self) -> str:
        """The address, as shown to the user (no password)."""
        return self.address.shown

    @property
    def name(self) -> str:
        """A short name for the window title: the database's name."""
        return self.address.database

    @property
    def server_dsn(self) -> str:
        """The full address (password included) that the search tables are reached by."""
        return self.address.dsn

    @property
    def cache_dir(self) -> Path:
        """This computer's caches of the library (the near-duplicate fingerprints), one
        folder per server database, whoever logs in."""
        where = f"{self.address.host}:{self.address.port}/{self.address.database}"
        key = hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]
        return paths.cache_dir() / "servers" / key

    @classmethod
    def open(cls, location: str, *, read_only: bool = False) -> ServerLibrary:
        """Open the server library at ``location`` (a ``postgresql://`` address)."""
        address = parse_address(location)
        conn = connect(address)
        try:
            version = schema.current_version(conn)
            if version is None:
                raise LibraryError(
                    f"{address.shown} is not an Archive Browser library yet: run "
                    f"'archive-browser server init {address.shown}' first."
                )
            if version < store_schema.latest_version():
                raise LibraryError(
                    f"The server library {address.shown} needs an upgrade: run "
                    f"'archive-browser server init {address.shown}'."
                )
            if version > store_schema.latest_version():
                raise LibraryError(
                    f"The server library {address.shown} was written by a newer version of "
                    f"Archive Browser (schema {version})."
                )
            read_only = read_only or not _may_write(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, read_only=read_only)

    @classmethod
    def init(cls, location: str) -> int:
        """Create (or upgrade) the schema and extensions at ``location``; the version."""
        conn = connect(parse_address(location))
        try:
            return schema.init(conn)
        finally:
            conn.close()

    def reopen(self) -> ServerLibrary:
        """Another connection to the same library in the same mode (for a worker)."""
        conn = connect(self.address)
        library = ServerLibrary(conn, read_only=self.read_only)
        library.user = self.user
        return library

    def connect(self) -> ServerConnection:
        """A new connection to the same database, for use on another thread."""
        return connect(self.address)

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """Nothing to tune per session: the server's memory is the server's."""
        yield


ServerLibraryOpener = Callable[[], ServerLibrary]


def _may_write(conn: ServerConnection) -> bool:
    row = conn.execute(
        "SELECT has_table_privilege(current_user, 'articles', 'INSERT') "
        "AND has_table_privilege(current_user, 'annotations', 'INSERT') "
        "AND NOT pg_is_in_recovery()"
    ).fetchone()
    return bool(row and row[0])
