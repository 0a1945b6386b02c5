"""The search tables on the server: a cache of the store, versioned like it.

``ensure(conn)`` is idempotent: it creates the tables on a fresh database and,
when they were made by another ``SCHEMA_VERSION``, drops and recreates them (they
only hold what the store can rebuild; ``PgSearchIndex`` then refills them).
The store's ``server init`` calls it; opening the search index calls it too.

* ``search_docs``  one row per article: four tsvectors built from the app's own
  syllables (``vectors``) with GIN indexes on the three that are matched, the
  site, date, year and tags for filters and facets, and ``lossy`` when a vector
  had to drop positions (such rows are checked on the stored text).
* ``search_vocab`` document frequency of every folded syllable and pair (for
  fuzzy words, word cohesion and more-like-this).
* ``search_meta``  schema version, the store generation the rows reflect and the
  library they reflect (``source``).
"""

from __future__ import annotations

import pg8000.native

SCHEMA_VERSION = 1
# Serializes schema setup and syncs between clients of one database.
LOCK_KEY = 0x41425345  # "ABSE"

TABLES = ("search_docs", "search_vocab", "search_meta")

_CREATE = (
    "CREATE TABLE search_meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE search_docs (
        article_id text PRIMARY KEY,
        gen bigint NOT NULL,
        body_v tsvector COMPRESSION lz4 NOT NULL,
        pairs_v tsvector COMPRESSION lz4 NOT NULL,
        fields_v tsvector COMPRESSION lz4 NOT NULL,
        accented_v tsvector COMPRESSION lz4 NOT NULL,
        lossy boolean NOT NULL DEFAULT false,
        site text,
        site_key text COLLATE "C",
        published text COLLATE "C",
        year text COLLATE "C",
        tags text[] COLLATE "C" NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX search_docs_site ON search_docs (site_key)",
    "CREATE INDEX search_docs_published ON search_docs (published)",
    "CREATE INDEX search_docs_year ON search_docs (year)",
    "CREATE INDEX search_docs_lossy ON search_docs (article_id) WHERE lossy",
    'CREATE TABLE search_vocab (term text COLLATE "C" PRIMARY KEY, df integer NOT NULL)',
)


# The GIN indexes: dropped while the table is filled from scratch (building them once
# at the end is several times faster than updating them row by row).
GIN_INDEXES = {
    "search_docs_body": "body_v",
    "search_docs_pairs": "pairs_v",
    "search_docs_fields": "fields_v",
    "search_docs_tags": "tags",
}


def drop_gin_indexes(conn: pg8000.native.Connection) -> None:
    for name in GIN_INDEXES:
        conn.run(f"DROP INDEX IF EXISTS {name}")


def create_gin_indexes(conn: pg8000.native.Connection) -> None:
    """Create the GIN indexes that are missing (after a fill, or one interrupted)."""
    for name, column in GIN_INDEXES.items():
        conn.run(f"CREATE INDEX IF NOT EXISTS {name} ON search_docs USING gin ({column})")


def ensure(conn: pg8000.native.Connection) -> bool:
    """Create (or recreate, when of another version) the search tables.

    Returns True when the tables were (re)created and are empty."""
    conn.run("BEGIN")
    try:
        conn.run("SELECT pg_advisory_xact_lock(:k)", k=LOCK_KEY)
        version = current_version(conn)
        if version == SCHEMA_VERSION:
            create_gin_indexes(conn)
            conn.run("COMMIT")
            return False
        for table in TABLES:
            conn.run(f"DROP TABLE IF EXISTS {table}")
        for statement in _CREATE:
            conn.run(statement)
        create_gin_indexes(conn)
        conn.run(
            "INSERT INTO search_meta (key, value) VALUES ('schema_version', :v)",
            v=str(SCHEMA_VERSION),
        )
        conn.run("COMMIT")
        return True
    except BaseException:
        conn.run("ROLLBACK")
        raise


def current_version(conn: pg8000.native.Connection) -> int | None:
    """The version of the search tables in this database; None when there are none."""
    rows = conn.run("SELECT to_regclass('search_meta') IS NOT NULL")
    if not rows or not rows[0][0]:
        return None
    found = conn.run("SELECT value FROM search_meta WHERE key = 'schema_version'")
    try:
        return int(found[0][0]) if found else None
    except ValueError:
        return None


def read_meta(conn: pg8000.native.Connection, key: str) -> str | None:
    rows = conn.run("SELECT value FROM search_meta WHERE key = :k", k=key)
    return str(rows[0][0]) if rows else None


def write_meta(conn: pg8000.native.Connection, key: str, value: str) -> None:
    conn.run(
        "INSERT INTO search_meta (key, value) VALUES (:k, :v) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        k=key,
        v=value,
    )
