"""A library is a folder: ``library.sqlite3`` plus the search index and caches."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.closing import Closing
from desktop.core.errors import LibraryError
from desktop.core.store import schema
from desktop.core.store.articles import ArticleStore
from desktop.core.store.connection import connect
from desktop.core.store.sources import SourceStore

DB_NAME = "library.sqlite3"
INDEX_DIR = "index"
CACHE_DIR = "cache"


class Library(Closing):
    """An open library folder. Not thread-safe: other threads call ``connect()``."""

    def __init__(self, root: Path, conn: sqlite3.Connection, *, read_only: bool = False):
        self.root = root
        self.conn = conn
        self.read_only = read_only
        self.articles = ArticleStore(conn)
        self.sources = SourceStore(conn)

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
        """Open (and by default create) the library at ``root``, migrating its schema."""
        root = Path(root)
        db_path = root / DB_NAME
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root} is a file, not a library folder.")
        if not db_path.exists():
            if not create or read_only:
                raise LibraryError(f"No library at {root} (no {DB_NAME}).")
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"Cannot create library folder {root}: {exc}") from exc
        try:
            conn = connect(db_path, read_only=read_only)
            if read_only:
                if schema.current_version(conn) != schema.latest_version():
                    raise LibraryError(f"{root} needs an upgrade and is opened read-only.")
            else:
                schema.migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{db_path} is not a usable library database: {exc}") from exc
        return cls(root, conn, read_only=read_only)

    def connect(self) -> sqlite3.Connection:
        """A new connection to the same database, for use on another thread."""
        return connect(self.db_path, read_only=self.read_only)

    def close(self) -> None:
        self.conn.close()

