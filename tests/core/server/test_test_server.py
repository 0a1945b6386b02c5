"""The throwaway PostgreSQL server the server-library tests run against."""

from __future__ import annotations

import pg8000.native

from tests.helpers.pgserver import Server


def _connect(dsn: str) -> pg8000.native.Connection:
    from urllib.parse import urlsplit

    parts = urlsplit(dsn)
    return pg8000.native.Connection(
        user=parts.username or "postgres", host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432, database=parts.path.lstrip("/"),
    )


def test_each_test_gets_an_empty_database_with_the_extensions_available(pg_dsn: str) -> None:
    conn = _connect(pg_dsn)
    try:
        assert conn.run("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [[0]]
        conn.run("CREATE EXTENSION IF NOT EXISTS unaccent")
        assert conn.run("SELECT unaccent('Đổi mới')") == [["Doi moi"]]
    finally:
        conn.close()


def test_databases_are_dropped_afterwards(pg_server: Server) -> None:
    with pg_server.database() as dsn:
        name = dsn.rsplit("/", 1)[1]
    conn = _connect(pg_server.dsn)
    try:
        assert conn.run("SELECT count(*) FROM pg_database WHERE datname = :n", n=name) == [[0]]
    finally:
        conn.close()
