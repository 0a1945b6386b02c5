"""``ServerLibrary``: a shared team library in a PostgreSQL database.

It implements the store interface (``core/store/interface.LibraryStores``) with
the same store classes as a library folder, on a ``ServerConnection``. A role
that may only read (SELECT) opens with ``read_only``; ``user`` is the role the
connection logged in as. A database that was never initialised, or is behind
this version's schema, is refused in one line that says what to run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from desktop.core.closing import Closing
from desktop.core.errors import LibraryError
from desktop.core.server import schema
from desktop.core.server.address import ServerAddress, parse_address
from desktop.core.server.connection import ServerConnection, connect
from desktop.core.store import connection as store_connection
from desktop.core.store import schema as store_schema
from desktop.core.store.articles import ArticleStore
from desktop.core.store.collections import CollectionStore
from desktop.core.store.reading_state import ReadingStateStore
from desktop.core.store.saved_searches import SavedSearchStore, SearchHistory
from desktop.core.store.sources import SourceStore

if TYPE_CHECKING:
    from desktop.core.annotations.store import AnnotationStore
    from desktop.core.search.listing import Listing


class ServerLibrary(Closing):
    """An open server library. Not thread-safe: other threads call ``reopen()``."""

    def __init__(self, conn: ServerConnection, *, read_only: bool = False):
        self.conn = conn
        self.address: ServerAddress = conn.address
        self.read_only = read_only
        self.immutable = False
        self.articles = ArticleStore(conn)
        self.sources = SourceStore(conn)

    @property
    def location(self) -> str:
        """The address, as shown to the user (no password)."""
        return self.address.shown

    @property
    def user(self) -> str:
        """The database role this library is used as (recorded on annotations)."""
        return self.conn.user

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
        return ServerLibrary(conn, read_only=self.read_only)

    def connect(self) -> ServerConnection:
        """A new connection to the same database, for use on another thread."""
        return connect(self.address)

    # -- the store interface (``interface.LibraryStores``) ----------------------

    @cached_property
    def annotations(self) -> AnnotationStore:
        from desktop.core.annotations.store import AnnotationStore

        return AnnotationStore(self.conn)

    @cached_property
    def collections(self) -> CollectionStore:
        return CollectionStore(self.conn)

    @cached_property
    def saved_searches(self) -> SavedSearchStore:
        return SavedSearchStore(self.conn)

    @cached_property
    def search_history(self) -> SearchHistory:
        return SearchHistory(self.conn)

    @cached_property
    def reading_state(self) -> ReadingStateStore:
        return ReadingStateStore(self.conn)

    @cached_property
    def listing(self) -> Listing:
        from desktop.core.search.listing import Listing

        return Listing(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with store_connection.transaction(self.conn):
            yield

    def bump_generation(self) -> int:
        return store_connection.bump_generation(self.conn)

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """Nothing to tune per session: the server's memory is the server's."""
        yield

    def close(self) -> None:
        self.conn.close()


ServerLibraryOpener = Callable[[], ServerLibrary]


def _may_write(conn: ServerConnection) -> bool:
    row = conn.execute(
        "SELECT has_table_privilege(current_user, 'articles', 'INSERT') "
        "AND has_table_privilege(current_user, 'annotations', 'INSERT') "
        "AND NOT pg_is_in_recovery()"
    ).fetchone()
    return bool(row and row[0])
