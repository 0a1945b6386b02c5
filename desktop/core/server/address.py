"""A server library's address: ``postgresql://user[:password]@host[:port]/database``.

The password may also come from ``PGPASSWORD`` or the user's ``~/.pgpass``, as
with PostgreSQL's own tools. ``shown`` never includes the password.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from desktop.core.errors import LibraryError
from desktop.core.people import login_name

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    user: str
    host: str
    port: int
    database: str
    password: str | None = None

    @property
    def shown(self) -> str:
        """The address as the user may see it (no password)."""
        return f"postgresql://{quote(self.user)}@{self._host_port}/{quote(self.database)}"

    @property
    def _host_port(self) -> str:
        return self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"

    @property
    def dsn(self) -> str:
        """The full address, password included: for this process's own connections."""
        if self.password is None:
            return self.shown
        secret = quote(self.password, safe="")
        return (f"postgresql://{quote(self.user)}:{secret}@{self._host_port}/"
                f"{quote(self.database)}")


def parse_address(location: str, *, with_password: bool = True) -> ServerAddress:
    """The parts of a ``postgresql://`` address; a malformed one is a ``LibraryError``."""
    try:
        parts = urlsplit(location.strip())
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise LibraryError(f"Not a server address: {location!r} ({exc}).") from None
    if parts.scheme.lower() not in ("postgresql", "postgres"):
        raise LibraryError(f"Not a server address: {location!r} (use postgresql://…).")
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise LibraryError(
            f"The server address {location!r} names no database "
            "(postgresql://user@host/database)."
        )
    user = unquote(parts.username) if parts.username else _login_name()
    host = parts.hostname or "localhost"
    password = unquote(parts.password) if parts.password is not None else None
    if not with_password:
        password = None
    elif password is None:
        password = os.environ.get("PGPASSWORD") or _pgpass(host, port, database, user)
    return ServerAddress(user=user, host=host, port=port, database=database, password=password)


def _login_name() -> str:
    return login_name() or "postgres"


def _pgpass(host: str, port: int, database: str, user: str) -> str | None:
    """The password ``~/.pgpass`` (or ``$PGPASSFILE``) gives for this address, if any."""
    path = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    wanted = (host, str(port), database, user)
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _pgpass_fields(line)
        if len(fields) != 5:
            continue
        if all(f in ("*", w) for f, w in zip(fields[:4], wanted, strict=True)):
            return fields[4]
    return None


def _pgpass_fields(line: str) -> list[str]:
    """A ``.pgpass`` line split on ``:``, with ``\\:`` and ``\\\\`` escapes."""
    fields, current, escaped = [], [], False
    for ch in line:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(ch)
    fields.append("".join(current))
    return fields
