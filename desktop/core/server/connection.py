"""A connection to the server that the store classes use like SQLite's.

``execute`` takes the store's SQL (``?`` placeholders) and returns a cursor whose
rows index by position and by column name, as ``sqlite3.Row`` does; the
connection carries the PostgreSQL ``Dialect``. Statements run in autocommit
unless inside ``BEGIN`` ... ``COMMIT`` (``store.connection.transaction``).

Failures become one-line errors: a server that cannot be reached or a connection
lost mid-command is ``ServerUnreachable``; a uniqueness or key violation is an
``IntegrityError`` (a ``sqlite3.IntegrityError``, so the stores' handling of a
duplicate is the same on both); a write the role may not make is a read-only
``LibraryError``.
"""

from __future__ import annotations

import io
import re
import socket
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pg8000.dbapi
import pg8000.native
from pg8000.exceptions import DatabaseError, InterfaceError

from desktop.core.errors import LibraryError, ServerUnreachable
from desktop.core.server.address import ServerAddress
from desktop.core.store.dialect import POSTGRESQL
from desktop.core.store.faults import ReadOnlyLibraryError

CONNECT_TIMEOUT = 10.0  # seconds, also the limit for one reply of the server
# Rows per multi-row insert, and the protocol's limit on parameters per statement.
_BULK_ROWS = 500
_MAX_PARAMETERS = 30_000
_INSERT_TARGET = re.compile(
    r"^\s*INSERT\s+INTO\s+(?P<table>\w+)\s*\((?P<columns>[\w\s,\"]+)\)\s*VALUES\s*$", re.I
)
_LITERAL = re.compile(r"'(?:[^']|'')*'")
_SINGLE_ROW_INSERT = re.compile(
    r"(?P<head>^\s*INSERT\s+INTO\s+[^;]*?\bVALUES\s*)(?P<row>\([^()]*\))"
    # (an upsert stays one row at a time: one statement may not update a row twice)
    r"(?P<tail>\s+ON\s+CONFLICT\b[^;]*?\bDO\s+NOTHING)?\s*$",
    re.I | re.S,
)


class IntegrityError(sqlite3.IntegrityError):
    """A uniqueness, key or check violation reported by the server."""


class Row(tuple[Any, ...]):
    """A result row: by position, or by column name (``row["id"]``)."""

    _names: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


class Cursor:
    """The rows of one statement (all read), and how many rows it changed."""

    def __init__(self, rows: list[Row], rowcount: int):
        self._rows = rows
        self._next = 0
        self.rowcount = rowcount

    def fetchone(self) -> Row | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list[Row]:
        rest = self._rows[self._next :]
        self._next = len(self._rows)
        return rest

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


def _sqlstate(exc: DatabaseError) -> str:
    info = exc.args[0] if exc.args else None
    return str(info.get("C", "")) if isinstance(info, dict) else ""


def _message(exc: BaseException) -> str:
    info = exc.args[0] if exc.args else None
    if isinstance(info, dict):
        return str(info.get("M", "")) or str(exc)
    return str(exc) or type(exc).__name__


def connect(address: ServerAddress) -> ServerConnection:
    """Open a connection; any failure to reach or log in is ``ServerUnreachable``."""
    where = address.shown
    try:
        native = pg8000.native.Connection(
            user=address.user,
            password=address.password,
            host=address.host,
            port=address.port,
            database=address.database,
            timeout=CONNECT_TIMEOUT,
            application_name="archive-browser",
        )
    except InterfaceError as exc:
        # pg8000 wraps the socket's own error, which says what went wrong.
        raise _unreachable(address, exc.__cause__ or exc) from None
    except OSError as exc:
        raise _unreachable(address, exc) from None
    except DatabaseError as exc:
        state = _sqlstate(exc)
        if state in ("28P01", "28000"):
            reason = f"login failed for user {address.user!r}"
        elif state == "3D000":
            reason = f"there is no database {address.database!r}"
        else:
            reason = _message(exc)
        raise ServerUnreachable(f"Cannot open the server library {where}: {reason}.") from None
    return ServerConnection(native, address)


def _unreachable(address: ServerAddress, exc: BaseException) -> ServerUnreachable:
    where = address.shown
    if isinstance(exc, socket.gaierror):
        return ServerUnreachable(
            f"Cannot reach the server library {where}: unknown host {address.host!r}."
        )
    if isinstance(exc, TimeoutError):
        return ServerUnreachable(
            f"Cannot reach the server library {where}: no answer within "
            f"{CONNECT_TIMEOUT:g} s."
        )
    if isinstance(exc, ConnectionRefusedError):
        return ServerUnreachable(
            f"Cannot reach the server library {where}: the connection was refused "
            "(is PostgreSQL running on that port?)."
        )
    return ServerUnreachable(f"Cannot reach the server library {where}: {_message(exc)}")


class ServerConnection:
    """One connection to the server (not thread-safe, like a SQLite connection)."""

    dialect = POSTGRESQL

    def __init__(self, native: pg8000.native.Connection, address: ServerAddress):
        self._native = native
        self.address = address
        self._closed = False

    @property
    def user(self) -> str:
        return self.address.user

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        statement, values = pg8000.dbapi.convert_paramstyle("qmark", sql, list(parameters))
        return self._run(statement, values)

    def _run(self, statement: str, values: Sequence[Any]) -> Cursor:
        """Run a statement with ``$1``... placeholders."""
        try:
            context = self._native.execute_unnamed(statement, vals=values)
        except DatabaseError as exc:
            raise self._database_error(exc) from None
        except (OSError, InterfaceError, AttributeError, struct.error) as exc:
            raise self._lost(exc) from None
        names = {str(c["name"]): i for i, c in enumerate(context.columns or ())}
        row_type = type("Row", (Row,), {"_names": names})
        rows = [row_type(r) for r in (context.rows or ())]
        count = context.row_count if context.row_count is not None else -1
        return Cursor(rows, count)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor:
        """Run ``sql`` once per parameter row. A one-row ``INSERT ... VALUES (...)`` is
        sent as multi-row inserts (the bulk path of imports: one round trip per
        chunk instead of per row)."""
        rows = [list(values) for values in parameters]
        total = 0
        insert = _SINGLE_ROW_INSERT.match(sql)
        if insert is None or not rows:
            for values in rows:
                total += max(self.execute(sql, values).rowcount, 0)
            return Cursor([], total)
        head, row_sql, tail = insert.group("head"), insert.group("row"), insert.group("tail")
        if tail is None and self._copy_many(head, row_sql, rows):
            return Cursor([], len(rows))
        per_chunk = max(1, min(_BULK_ROWS, _MAX_PARAMETERS // max(1, len(rows[0]))))
        pieces = row_sql.split("?")
        for start in range(0, len(rows), per_chunk):
            chunk = rows[start : start + per_chunk]
            # Numbered placeholders written here: converting ``?`` in a statement of
            # thousands of them would cost more than sending it.
            marks = iter(range(1, len(chunk) * (len(pieces) - 1) + 1))
            values_sql = ", ".join(
                "".join(p + (f"${next(marks)}" if i < len(pieces) - 1 else "")
                        for i, p in enumerate(pieces))
                for _ in chunk
            )
            flat = [value for values in chunk for value in values]
            total += max(self._run(head + values_sql + (tail or ""), flat).rowcount, 0)
        return Cursor([], total)

    def _copy_many(self, head: str, row_sql: str, rows: list[list[Any]]) -> bool:
        """Send the rows of a plain one-row insert with ``COPY ... FROM STDIN`` (the
        fastest way into PostgreSQL). False, doing nothing, when the statement or a
        value is not one COPY can carry (the caller then inserts in chunks)."""
        target = _INSERT_TARGET.match(head)
        items = [item.strip() for item in row_sql[1:-1].split(",")]
        if target is None or not all(i == "?" or _LITERAL.fullmatch(i) for i in items):
            return False
        if len(items) != len(target.group("columns").split(",")):
            return False
        lines: list[str] = []
        for values in rows:
            given = iter(values)
            fields: list[str] = []
            for item in items:
                field = _copy_field(next(given) if item == "?" else item[1:-1].replace("''", "'"))
                if field is None:
                    return False
                fields.append(field)
            lines.append("\t".join(fields) + "\n")
        statement = (
            f"COPY {target.group('table')} ({target.group('columns')}) FROM STDIN"
        )
        try:
            self._native.execute_unnamed(statement, stream=io.BytesIO("".join(lines).encode()))
        except DatabaseError as exc:
            raise self._database_error(exc) from None
        except (OSError, InterfaceError, AttributeError, struct.error) as exc:
            raise self._lost(exc) from None
        return True

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._native.close()
        except (OSError, InterfaceError, DatabaseError, AttributeError, struct.error):
            pass

    def __del__(self) -> None:
        # A connection dropped without ``close`` (as SQLite's may be) is closed too.
        self.close()

    def _lost(self, exc: BaseException) -> ServerUnreachable:
        return ServerUnreachable(
            f"Lost the connection to the server library {self.address.shown}: "
            f"{_message(exc)}."
        )

    def _database_error(self, exc: DatabaseError) -> Exception:
        state = _sqlstate(exc)
        if state.startswith("23"):
            return IntegrityError(_message(exc))
        if state == "42501":
            return ReadOnlyLibraryError(
                f"The server library {self.address.shown} is read-only for user "
                f"{self.address.user!r}: it can be searched and read, not changed."
            )
        if state == "25006":  # read-only transaction
            return ReadOnlyLibraryError(
                f"The server library {self.address.shown} is read-only: it can be "
                "searched and read, not changed."
            )
        if state.startswith(("08", "57P")):
            return self._lost(exc)
        return LibraryError(f"The server library {self.address.shown}: {_message(exc)}")


# Backslash first: the others add backslashes.
_COPY_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


def _copy_field(value: Any) -> str | None:
    """One value in COPY's text format; None for a type it is not written for here."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        text: str = value
        for char, escaped in _COPY_ESCAPES:
            if char in text:  # (``replace`` is much faster than ``translate``)
                text = text.replace(char, escaped)
        return text
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\\\x" + bytes(value).hex()
    return None
