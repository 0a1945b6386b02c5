"""The search tables' setup on the server: idempotent and versioned."""

from __future__ import annotations

from desktop.core.search.pg import schema
from desktop.core.search.pg.connection import connect


def test_ensure_creates_the_tables_once(pg_dsn: str) -> None:
    conn = connect(pg_dsn)
    try:
        assert schema.current_version(conn) is None
        assert schema.ensure(conn) is True
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
        conn.run("INSERT INTO search_meta (key, value) VALUES ('generation', '7')")
        assert schema.ensure(conn) is False  # nothing dropped
        assert schema.read_meta(conn, "generation") == "7"
    finally:
        conn.close()


def test_tables_of_another_version_are_recreated_empty(pg_dsn: str) -> None:
    conn = connect(pg_dsn)
    try:
        schema.ensure(conn)
        schema.write_meta(conn, "generation", "7")
        schema.write_meta(conn, "schema_version", str(schema.SCHEMA_VERSION + 1))
        assert schema.ensure(conn) is True
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
        assert schema.read_meta(conn, "generation") is None
    finally:
        conn.close()


def test_the_gin_indexes_exist(pg_dsn: str) -> None:
    conn = connect(pg_dsn)
    try:
        schema.ensure(conn)
        rows = conn.run(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_docs' "
            "AND indexdef LIKE '%USING gin%'"
        )
        assert {r[0] for r in rows} >= {"search_docs_body", "search_docs_pairs",
                                        "search_docs_fields"}
    finally:
        conn.close()
