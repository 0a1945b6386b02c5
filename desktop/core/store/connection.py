"""Opening SQLite connections with the library's pragmas (WAL, foreign keys)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from desktop.core.store.dialect import Database, dialect_of


def connect(
    db_path: Path, *, read_only: bool = False, immutable: bool = False
) -> sqlite3.Connection:
    """A connection in autocommit mode; use ``transaction`` for writes.

    ``immutable`` (read-only only) is for a folder that cannot be written, where
    SQLite could not create the lock and shared-memory files it otherwise needs.
    """
    if read_only:
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(
            f"{_file_uri(db_path)}?{flags}", uri=True, isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    if not read_only:
        _enable_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.row_factory = sqlite3.Row
    return conn


def _file_uri(db_path: Path) -> str:
    """A ``file:`` URI for SQLite; ``?`` and ``#`` in folder names are escaped."""
    return "file:" + quote(Path(db_path).absolute().as_posix(), safe="/:")


def _enable_wal(conn: sqlite3.Connection, *, wait: float = 10.0) -> None:
    """Switch to WAL, retrying while another process holds the fresh file's lock.

    SQLite does not call the busy handler for a journal-mode change, so two
    processes creating a library at once would otherwise see "database is locked".
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextmanager
def transaction(conn: Database) -> Iterator[Database]:
    """``BEGIN IMMEDIATE`` (SQLite; ``BEGIN`` on a server) ... ``COMMIT``, rolled back
    on any exception."""
    conn.execute(dialect_of(conn).begin)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def bump_generation(conn: Database) -> int:
    """Advance the store's change counter; call inside a write transaction."""
    conn.execute(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
        "WHERE key = 'generation'"
    )
    return current_generation(conn)


def current_generation(conn: Database) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0
