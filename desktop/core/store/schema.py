"""The versioned schema and its migrations (``PRAGMA user_version``).

Each migration moves the database from version N-1 to N; pending migrations run
together in one transaction. Migrations are append-only: never edit a released
one. Tests open a database at every earlier version and migrate it to the latest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE articles (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    published     TEXT,
    site          TEXT,
    url           TEXT,
    author        TEXT,
    language      TEXT,
    source_path   TEXT NOT NULL,
    source_member TEXT,
    kind          TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    gen           INTEGER NOT NULL
);
CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published, seq);
CREATE INDEX articles_gen ON articles (gen);
CREATE INDEX articles_site ON articles (site);
CREATE TABLE originals (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    media_type  TEXT NOT NULL,
    encoding    TEXT,
    hints       TEXT NOT NULL DEFAULT '{}',
    compression TEXT NOT NULL,
    data        BLOB NOT NULL
);
-- Ids removed from the store, so the search index (a cache) can catch up.
CREATE TABLE removed_articles (
    id  TEXT PRIMARY KEY,
    gen INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('generation', '0');
"""

# Annotations outlive their articles (no foreign key to articles): an annotation
# whose passage cannot be found again is kept and marked 'orphaned'.
_V2 = """
CREATE TABLE annotations (
    id           TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    exact        TEXT NOT NULL,
    prefix       TEXT NOT NULL DEFAULT '',
    suffix       TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    color        TEXT,
    status       TEXT NOT NULL DEFAULT 'anchored',
    created      TEXT NOT NULL,
    modified     TEXT NOT NULL
);
CREATE INDEX annotations_article ON annotations (article_id, start);
CREATE INDEX annotations_modified ON annotations (modified);
CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    tag           TEXT NOT NULL,
    PRIMARY KEY (annotation_id, tag)
);
CREATE INDEX annotation_tags_tag ON annotation_tags (tag)
"""

# Further sources of an article: a distinct original whose text came out the same as
# the article's is recorded on it (with its own bytes) instead of being dropped.
_V4_ARTICLE_SOURCES = """
CREATE TABLE article_sources (
    source_id     TEXT PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_path   TEXT NOT NULL,
    source_member TEXT,
    kind          TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    encoding      TEXT,
    hints         TEXT NOT NULL DEFAULT '{}',
    compression   TEXT NOT NULL,
    data          BLOB NOT NULL,
    added_at      TEXT NOT NULL
);
CREATE INDEX article_sources_article ON article_sources (article_id)
"""


# The researcher's own lists: saved searches (with when each was last opened, as the
# highest article ``seq`` seen then), recent queries, article collections and the
# reading state (read or not, scroll position as a code-point offset) per article.
# ``key`` is a name case-folded (Vietnamese too), so names are unique ignoring case.
# Like annotations, none has a foreign key to articles: they outlive re-imports.
_V3 = """
CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    key         TEXT NOT NULL UNIQUE,
    query       TEXT NOT NULL,
    filters     TEXT NOT NULL DEFAULT '{}',
    sort        TEXT NOT NULL DEFAULT 'relevance',
    created     TEXT NOT NULL,
    last_opened TEXT,
    seen_seq    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE search_history (
    query TEXT PRIMARY KEY,
    used  TEXT NOT NULL
);
CREATE INDEX search_history_used ON search_history (used);
CREATE TABLE collections (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    name    TEXT NOT NULL,
    key     TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
CREATE TABLE collection_articles (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    article_id    TEXT NOT NULL,
    added         TEXT NOT NULL,
    PRIMARY KEY (collection_id, article_id)
);
CREATE INDEX collection_articles_article ON collection_articles (article_id);
CREATE TABLE reading_state (
    article_id TEXT PRIMARY KEY,
    read       INTEGER NOT NULL DEFAULT 0,
    position   INTEGER NOT NULL DEFAULT 0,
    updated    TEXT NOT NULL
)
"""


# Several people at once: who made each annotation (``author``; empty for those made
# before authorship was kept) and who changed it last (``editor``). Every version an
# edit or a delete replaces is kept in ``annotation_history`` as the annotation's JSON
# (``snapshot``), with who replaced it, when, and the store generation then (which
# orders the history). Plain SQL every engine takes: no automatic row ids.
_V5_AUTHORSHIP = """
ALTER TABLE annotations ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE annotations ADD COLUMN editor TEXT NOT NULL DEFAULT '';
CREATE TABLE annotation_history (
    id            TEXT PRIMARY KEY,
    annotation_id TEXT NOT NULL,
    action        TEXT NOT NULL,
    replaced_by   TEXT NOT NULL,
    replaced_at   TEXT NOT NULL,
    gen           INTEGER NOT NULL,
    snapshot      TEXT NOT NULL
);
CREATE INDEX annotation_history_annotation ON annotation_history (annotation_id, gen)
"""


class _Script:
    """A migration written as SQL statements (``;``-separated). The server library
    runs the same list, translated to PostgreSQL (``core/server/schema``)."""

    def __init__(self, sql: str):
        self.sql = sql

    def statements(self) -> list[str]:
        return [s.strip() for s in self.sql.split(";") if s.strip()]

    def __call__(self, conn: sqlite3.Connection) -> None:
        for statement in self.statements():
            conn.execute(statement)


def _script(sql: str) -> Migration:
    return _Script(sql)


def sql_statements(migration: Migration) -> list[str] | None:
    """The SQL statements of a migration written as SQL; None for one written in Python."""
    return migration.statements() if isinstance(migration, _Script) else None


# Index i holds the migration to version i + 1.
MIGRATIONS: list[Migration] = [
    _script(_V1),
    _script(_V2),
    _script(_V3),
    _script(_V4_ARTICLE_SOURCES),
    _script(_V5_AUTHORSHIP),
]


def latest_version() -> int:
    return len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the database up to ``target`` (default: latest). Returns the new version.

    All pending migrations run in one ``BEGIN IMMEDIATE`` transaction, and the
    version is read again once the write lock is held: when two processes open a
    fresh library at once, the second waits and then finds nothing left to do.
    """
    goal = latest_version() if target is None else target
    version = _checked_version(conn)
    if version >= goal:
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _checked_version(conn)
        while version < goal:
            MIGRATIONS[version](conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return version


def _checked_version(conn: sqlite3.Connection) -> int:
    version = current_version(conn)
    if version > latest_version():
        from desktop.core.errors import LibraryError

        raise LibraryError(
            f"This library was written by a newer version of Archive Browser "
            f"(schema {version}, this version knows {latest_version()})."
        )
    return version
