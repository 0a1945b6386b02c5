"""A library is a folder: ``library.sqlite3`` plus the search index and caches."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import LibraryError
from desktop.core.people import login_name
from desktop.core.store import schema
from desktop.core.store.connection import connect
from desktop.core.store.faults import damaged, library_fault
from desktop.core.store.stores import StoreSet

if TYPE_CHECKING:
    from desktop.core.server.library import ServerLibrary

DB_NAME = "library.sqlite3"
INDEX_DIR = "index"
CACHE_DIR = "cache"
# SQLite's page cache while many articles are loaded (KiB, as a negative
# cache_size): the id and content-hash indexes take random inserts.
BULK_CACHE_KIB = 64 * 1024


class Library(StoreSet):
    """An open library folder (``LibraryStores``). Not thread-safe: other threads
    call ``reopen()``. Only the store package uses ``conn``; everything above it
    goes through the stores and ``transaction``."""

    conn: sqlite3.Connection

    def __init__(self, root: Path, conn: sqlite3.Connection, *, read_only: bool = False):
        super().__init__(conn, read_only=read_only, user=login_name())
        self.root = root
        # Opened with SQLite's ``immutable=1`` (the folder cannot be written).
        self.immutable = False

    @property
    def location(self) -> str:
        """Where the library is, as the user names it: its folder (a server library: its
        address, without the password)."""
        return str(self.root)

    @property
    def name(self) -> str:
        """A short name for the window title: the folder's name (a server's database)."""
        return self.root.name

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """A large page cache while many articles are written at once (a bundle)."""
        before = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(before)}")

    def make_scratch(self) -> None:
        """No write-ahead log and no syncing to disk, for a throwaway library (an
        opened bundle): a read-only connection cannot use a WAL without its
        shared-memory file."""
        self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.execute("PRAGMA synchronous = OFF")

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def index_dir(self) -> Path:
        return self.root / INDEX_DIR

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_DIR

    @classmethod
    def open(cls, root: Path, *, create: bool = True, read_only: bool = False) -> Library:
        """Open (and by default create) the library at ``root``, migrating its schema.

        A library on a read-only medium or folder opens read-only by itself; its
        ``read_only`` then says so to the CLI and the app.
        """
        root = Path(root)
        db_path = root / DB_NAME
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root} is a file, not a library folder.")
        if not db_path.exists():
            if not create or read_only:
                raise LibraryError(f"No library at {root} (it has no {DB_NAME}).")
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"Cannot create library folder {root}: {exc}") from exc
        elif _is_empty_file(db_path) and not _is_new_folder(root):
            raise damaged(db_path, "the file is empty (0 bytes) but the folder holds a library")
        immutable = False
        if db_path.exists() and not read_only:
            folder_ok, file_ok = writable(root), writable(db_path)
            read_only = not (folder_ok and file_ok)
            immutable = not folder_ok
        elif read_only:
            immutable = not writable(root)
        try:
            conn = connect(db_path, read_only=read_only, immutable=immutable)
            try:
                if read_only:
                    if schema.current_version(conn) != schema.latest_version():
                        raise LibraryError(f"{root} needs an upgrade and is opened read-only.")
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                else:
                    schema.migrate(conn)
            except BaseException:
                conn.close()
                raise
        except sqlite3.Error as exc:
            raise library_fault(exc, db_path) from exc
        library = cls(root, conn, read_only=read_only)
        library.immutable = immutable
        return library

    def reopen(self) -> Library:
        """Another ``Library`` on the same folder in the same mode, for a worker thread.

        ``library.reopen`` is what the app hands its jobs as an opener: each job
        opens (and closes) its own connection.
        """
        other = Library.open(self.root, create=False, read_only=self.read_only)
        other.user = self.user
        return other

    def connect(self) -> sqlite3.Connection:
        """A new connection to the same database, for use on another thread."""
        return connect(self.db_path, read_only=self.read_only, immutable=self.immutable)


# Opens a library of either kind for a job on another thread (``Library.reopen`` and
# ``ServerLibrary.reopen`` are ones).
LibraryOpener = Callable[[], "Library | ServerLibrary"]


def writable(path: Path) -> bool:
    """Whether ``path`` (a folder or a file) can be written.

    Asked of the kernel without opening anything: closing a descriptor on the
    database would drop the SQLite locks this process holds on it. ``access``
    reports a read-only mount even to root, who passes every permission check.
    """
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return False
    except (OSError, AttributeError):
        pass
    mode = os.W_OK | (os.X_OK if path.is_dir() else 0)
    return os.access(path, mode)


_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _is_empty_file(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def _is_new_folder(root: Path) -> bool:
    """A folder holding nothing but a just-created database (and its empty side files).

    Another process may have just created the file and not written it yet; a
    library that was ever used has an index or a non-empty write-ahead log.
    """
    allowed = {DB_NAME} | {DB_NAME + suffix for suffix in _SQLITE_SIDE_FILES}
    for entry in root.iterdir():
        if entry.name not in allowed:
            return False
        if entry.name.endswith("-wal") and not _is_empty_file(entry):
            return False
    return True
