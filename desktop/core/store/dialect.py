"""What differs between the store's two databases (SQLite, PostgreSQL), in one place.

The store classes run one set of SQL on either: ``?`` placeholders, ``ON CONFLICT``
instead of ``INSERT OR ...``, ``"end"`` quoted, no ``rowid``. The few statements
that cannot be written once come from the connection's ``Dialect``. ``Database``
is what a store class needs of a connection: ``sqlite3.Connection`` is one, and so
is the server library's connection (``core/server/connection``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class Cursor(Protocol):
    """The part of a DB-API cursor the stores use (rows index by position and name)."""

    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(Protocol):
    """A connection the store classes can run their SQL on."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Dialect:
    """The SQL that differs between the two databases."""

    name: str
    # Starts a write transaction (SQLite takes the write lock at once).
    begin: str
    # The tags of annotation ``a`` joined by U+001F (``_TAG_SEP``), as one column.
    tag_list: str
    # Ordering of further sources in the order they were recorded.
    source_order: str
    # The highest article ``seq`` ever given, as one row (NULL or none when none).
    max_seq: str

    def json_text(self, column: str, key: str) -> str:
        """SQL for the text of key ``key`` of the JSON object in ``column``."""
        if self.name == "sqlite":
            return f"json_extract({column}, '$.{key}')"
        return f"({column}::jsonb ->> '{key}')"


SQLITE = Dialect(
    name="sqlite",
    begin="BEGIN IMMEDIATE",
    tag_list=(
        "(SELECT group_concat(tag, char(31)) FROM annotation_tags t "
        "WHERE t.annotation_id = a.id)"
    ),
    source_order="rowid",
    max_seq="SELECT seq FROM sqlite_sequence WHERE name = 'articles'",
)

POSTGRESQL = Dialect(
    name="postgresql",
    begin="BEGIN",
    tag_list=(
        "(SELECT string_agg(tag, chr(31) ORDER BY tag) FROM annotation_tags t "
        "WHERE t.annotation_id = a.id)"
    ),
    source_order="added_at, source_id",
    # The identity sequence never goes back, like SQLite's AUTOINCREMENT.
    max_seq=(
        "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM articles_seq_seq"
    ),
)


def dialect_of(conn: Database) -> Dialect:
    """The dialect of a connection: SQLite's, or the one a server connection carries."""
    if isinstance(conn, sqlite3.Connection):
        return SQLITE
    found = getattr(conn, "dialect", None)
    return found if isinstance(found, Dialect) else SQLITE
