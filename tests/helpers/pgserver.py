"""A throwaway PostgreSQL server for the server-library tests.

``ARCHIVE_BROWSER_TEST_PG`` may name a server (``postgresql://user@host:port/db``) on
which the tests may create and drop databases; CI starts one that way. Otherwise the
tests start their own cluster in a temporary folder, from the PostgreSQL binaries of
the distribution (``initdb``, ``pg_ctl``), as a non-root user: root runs it as the
``postgres`` account. When neither works, the server tests skip with the reason.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ENV_DSN = "ARCHIVE_BROWSER_TEST_PG"


class NoServer(Exception):
    """Why no PostgreSQL server could be had; the tests skip with this reason."""


@dataclass(frozen=True)
class Server:
    """A server the tests may create databases on, reached as a superuser."""

    dsn: str  # the maintenance database (usually ``postgres``)

    def dsn_for(self, database: str, *, user: str | None = None) -> str:
        parts = urlsplit(self.dsn)
        netloc = parts.netloc
        if user is not None:
            netloc = user + "@" + netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, netloc, "/" + database, parts.query, ""))

    def admin(self, sql: str) -> None:
        """Run one statement on the maintenance database, outside a transaction."""
        import pg8000.native

        parts = urlsplit(self.dsn)
        conn = pg8000.native.Connection(
            user=parts.username or "postgres",
            password=parts.password,
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            database=parts.path.lstrip("/") or "postgres",
            timeout=10,
        )
        try:
            conn.run(sql)
        finally:
            conn.close()

    @contextmanager
    def database(self) -> Iterator[str]:
        """A fresh, empty database for one test; its address, dropped afterwards."""
        name = "ab_test_" + uuid.uuid4().hex[:12]
        self.admin(f'CREATE DATABASE "{name}"')
        try:
            yield self.dsn_for(name)
        finally:
            self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _bindir() -> Path:
    for candidate in (shutil.which("pg_config"),):
        if candidate:
            out = subprocess.run([candidate, "--bindir"], capture_output=True, text=True)
            path = Path(out.stdout.strip())
            if (path / "initdb").exists():
                return path
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if found:
        return found[0].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise NoServer("PostgreSQL server binaries (initdb, pg_ctl) are not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A PostgreSQL cluster in a temporary folder, started and stopped by the tests."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.runas: list[str] = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError as exc:
                raise NoServer("running as root and there is no 'postgres' account") from exc
            self.runas = ["runuser", "-u", "postgres", "--"]
        self.root = Path(tempfile.mkdtemp(prefix="ab-pg-"))
        if self.runas:
            shutil.chown(self.root, user="postgres")
        self.data = self.root / "data"
        self.port = _free_port()

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.runas, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise NoServer(f"{Path(args[0]).name} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> Server:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust",
                  "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")
        return Server(f"postgresql://postgres@127.0.0.1:{self.port}/postgres")

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "stop")
        except NoServer:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def server() -> Iterator[Server]:
    """The server named by ``ARCHIVE_BROWSER_TEST_PG``, or a throwaway cluster."""
    dsn = os.environ.get(ENV_DSN)
    if dsn:
        yield Server(dsn)
        return
    cluster = Cluster()
    try:
        started = cluster.start()
    except NoServer:
        cluster.stop()
        raise
    try:
        yield started
    finally:
        cluster.stop()


@contextmanager
def reader_role(server: Server, dsn: str) -> Iterator[str]:
    """A role that may only read (SELECT) the library at ``dsn``; its address, and the
    role dropped afterwards."""
    import pg8000.native

    database = urlsplit(dsn).path.lstrip("/")
    role = "reader_" + uuid.uuid4().hex[:8]
    server.admin(f'CREATE ROLE "{role}" LOGIN')
    parts = urlsplit(dsn)

    def run(sql: str) -> None:
        conn = pg8000.native.Connection(
            user=parts.username or "postgres", host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432, database=database, timeout=10,
        )
        try:
            conn.run(sql)
        finally:
            conn.close()

    run(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    try:
        yield server.dsn_for(database, user=role)
    finally:
        run(f'DROP OWNED BY "{role}"')
        server.admin(f'DROP ROLE "{role}"')
