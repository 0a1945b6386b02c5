"""Opening a PostgreSQL server address for the search tables (pg8000, pure Python)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pg8000.native

from desktop.core.errors import ServerUnreachable

CONNECT_TIMEOUT_S = 10
# How long one statement may go without an answer before the server counts as lost.
STATEMENT_TIMEOUT_S = 120.0


def connect(dsn: str) -> pg8000.native.Connection:
    """A connection to ``dsn`` (``postgresql://user[:password]@host[:port]/database``);
    a server that cannot be reached is one line (``ServerUnreachable``)."""
    parts = urlsplit(dsn)
    if parts.scheme not in ("postgresql", "postgres"):
        raise ServerUnreachable(f"{_shown(dsn)}: not a postgresql:// address.")
    try:
        conn = pg8000.native.Connection(
            user=unquote(parts.username or "postgres"),
            password=unquote(parts.password) if parts.password else None,
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            database=unquote(parts.path.lstrip("/")) or None,
            timeout=CONNECT_TIMEOUT_S,
            application_name="archive-browser-search",
        )
    except (pg8000.native.InterfaceError, pg8000.native.DatabaseError, OSError) as exc:
        raise ServerUnreachable(f"Cannot reach the server {_shown(dsn)}: {_reason(exc)}") from exc
    set_timeout(conn, STATEMENT_TIMEOUT_S)
    return conn


def set_timeout(conn: pg8000.native.Connection, seconds: float | None) -> None:
    """How long to wait for an answer from now on (None: as long as it takes, for an
    index build). pg8000 applies its one ``timeout`` to connecting and to every
    read alike; its socket is the only place to set them apart."""
    sock = getattr(conn, "_usock", None)
    if sock is not None:
        sock.settimeout(seconds)


def _shown(dsn: str) -> str:
    """The address without its password."""
    parts = urlsplit(dsn)
    host = parts.hostname or ""
    user = parts.username + "@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, pg8000.native.DatabaseError) and exc.args and isinstance(exc.args[0], dict):
        return str(exc.args[0].get("M", exc))
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
