"""Saved searches and the search history, in the library database.

A saved search is a query with its facet filters and sort, under a name. It
remembers when it was last opened as the highest article ``seq`` the library
held then, so "new since you last opened it" means "added to the library
after that" (``seq`` only grows). The history keeps the most recent distinct
queries for the search box's completer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from desktop.core.errors import NotFoundError, UserError
from desktop.core.store.connection import transaction
from desktop.core.store.dialect import Database, dialect_of
from desktop.core.store.names import clean_name, name_key
from desktop.core.textnorm import normalize_text

SORTS = ("relevance", "newest", "oldest")
FILTER_KEYS = ("site", "year", "tag", "collection", "read")
HISTORY_LIMIT = 200
MAX_QUERY_CHARS = 2000

Filters = dict[str, tuple[str, ...]]


class SavedSearch(BaseModel):
    """One saved search as stored (and as it travels in bundles)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    query: str = Field(max_length=MAX_QUERY_CHARS)
    filters: Filters = Field(default_factory=dict)
    sort: str = "relevance"
    created: datetime
    last_opened: datetime | None = None
    # The highest article seq when last opened; articles above it are new.
    seen_seq: int = Field(default=0, ge=0)


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def clean_filters(filters: Mapping[str, Sequence[str]] | None) -> Filters:
    """Filters in the shape ``SearchRequest.filters`` takes; unknown keys are an error."""
    cleaned: Filters = {}
    for key, values in (filters or {}).items():
        if key not in FILTER_KEYS:
            raise UserError(f"Unknown filter {key!r}; use one of {', '.join(FILTER_KEYS)}.")
        if isinstance(values, str):
            values = [values]
        kept = tuple(dict.fromkeys(normalize_text(str(v)).strip() for v in values))
        kept = tuple(v for v in kept if v)
        if kept:
            cleaned[key] = kept
    return cleaned


def _clean_query(query: str) -> str:
    text = normalize_text(str(query)).strip()
    if len(text) > MAX_QUERY_CHARS:
        raise UserError(f"The query is too long (over {MAX_QUERY_CHARS} characters).")
    return text


def _row_to_saved(row: sqlite3.Row) -> SavedSearch:
    raw = json.loads(row["filters"] or "{}")
    filters = {str(k): tuple(str(v) for v in vs) for k, vs in raw.items()}
    return SavedSearch(
        name=row["name"],
        query=row["query"],
        filters=filters,
        sort=row["sort"],
        created=datetime.fromisoformat(row["created"]),
        last_opened=datetime.fromisoformat(row["last_opened"]) if row["last_opened"] else None,
        seen_seq=int(row["seen_seq"]),
    )


def max_seq(conn: Database) -> int:
    """The highest article ``seq`` ever given (0 for an empty library)."""
    row = conn.execute(dialect_of(conn).max_seq).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


class SavedSearchStore:
    """Saved searches on one connection. Names are unique, ignoring case."""

    def __init__(self, conn: Database):
        self.conn = conn

    def list_all(self) -> list[SavedSearch]:
        rows = self.conn.execute("SELECT * FROM saved_searches ORDER BY key")
        return [_row_to_saved(r) for r in rows]

    def find(self, name: str) -> SavedSearch | None:
        row = self.conn.execute(
            "SELECT * FROM saved_searches WHERE key = ?", (name_key(name, "saved search"),)
        ).fetchone()
        return _row_to_saved(row) if row else None

    def get(self, name: str) -> SavedSearch:
        found = self.find(name)
        if found is None:
            raise NotFoundError(f"No saved search named {name!r}.")
        return found

    def add(
        self,
        name: str,
        query: str,
        filters: Mapping[str, Sequence[str]] | None = None,
        sort: str = "relevance",
        *,
        replace: bool = False,
    ) -> SavedSearch:
        """Save ``query`` under ``name``; counts as opened now (nothing is new yet).

        An existing name is an error unless ``replace``, which keeps its history.
        """
        name = clean_name(name, "saved search")
        if sort not in SORTS:
            raise UserError(f"Unknown sort {sort!r}; use one of {', '.join(SORTS)}.")
        values = (_clean_query(query), json.dumps(clean_filters(filters), ensure_ascii=False))
        with transaction(self.conn):
            key = name_key(name, "saved search")
            exists = self.conn.execute(
                "SELECT 1 FROM saved_searches WHERE key = ?", (key,)
            ).fetchone()
            if exists and not replace:
                raise UserError(f"A saved search named {name!r} already exists.")
            if exists:
                self.conn.execute(
                    "UPDATE saved_searches SET query = ?, filters = ?, sort = ? WHERE key = ?",
                    (*values, sort, key),
                )
            else:
                now = now_utc().isoformat()
                self.conn.execute(
                    "INSERT INTO saved_searches (name, key, query, filters, sort, created, "
                    "last_opened, seen_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (name, key, *values, sort, now, now, max_seq(self.conn)),
                )
        return self.get(name)

    def remove(self, name: str) -> None:
        with transaction(self.conn):
            cur = self.conn.execute(
                "DELETE FROM saved_searches WHERE key = ?", (name_key(name, "saved search"),)
            )
        if cur.rowcount == 0:
            raise NotFoundError(f"No saved search named {name!r}.")

    def rename(self, name: str, new_name: str) -> SavedSearch:
        old = self.get(name)
        new = clean_name(new_name, "saved search")
        new_key = name_key(new, "saved search")
        if new_key != name_key(old.name, "saved search") and self.find(new) is not None:
            raise UserError(f"A saved search named {new!r} already exists.")
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE saved_searches SET name = ?, key = ? WHERE key = ?",
                (new, new_key, name_key(old.name, "saved search")),
            )
        return self.get(new)

    def mark_opened(self, name: str) -> SavedSearch:
        """Record that the user saw the results now: nothing is new afterwards."""
        saved = self.get(name)
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE saved_searches SET last_opened = ?, seen_seq = ? WHERE key = ?",
                (now_utc().isoformat(), max_seq(self.conn), name_key(saved.name, "saved search")),
            )
        return self.get(saved.name)

    def merge(self, searches: Sequence[SavedSearch]) -> int:
        """Add saved searches from elsewhere (a bundle); names already here are kept.

        They arrive as never opened, so every match counts as new. Returns how
        many were added.
        """
        added = 0
        with transaction(self.conn):
            for s in searches:
                try:
                    name = clean_name(s.name, "saved search")
                    filters = clean_filters(s.filters)
                    query = _clean_query(s.query)
                except UserError:
                    continue  # one unusable entry does not stop the others
                if s.sort not in SORTS:
                    continue
                cur = self.conn.execute(
                    "INSERT INTO saved_searches (name, key, query, filters, sort, "
                    "created, last_opened, seen_seq) VALUES (?, ?, ?, ?, ?, ?, NULL, 0) "
                    "ON CONFLICT DO NOTHING",
                    (
                        name,
                        name_key(name, "saved search"),
                        query,
                        json.dumps(filters, ensure_ascii=False),
                        s.sort,
                        s.created.isoformat(),
                    ),
                )
                added += cur.rowcount
        return added


class SearchHistory:
    """The most recent distinct queries, newest first (for the search box's completer)."""

    def __init__(self, conn: Database, limit: int = HISTORY_LIMIT):
        self.conn = conn
        self.limit = limit

    def record(self, query: str) -> None:
        text = " ".join(_clean_query(query).split())
        if not text:
            return
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO search_history (query, used) VALUES (?, ?) "
                "ON CONFLICT (query) DO UPDATE SET used = excluded.used",
                (text, datetime.now(UTC).isoformat(timespec="microseconds")),
            )
            self.conn.execute(
                "DELETE FROM search_history WHERE query NOT IN "
                "(SELECT query FROM search_history ORDER BY used DESC LIMIT ?)",
                (self.limit,),
            )

    def recent(self, limit: int | None = None) -> list[str]:
        rows = self.conn.execute(
            "SELECT query FROM search_history ORDER BY used DESC LIMIT ?",
            (limit or self.limit,),
        )
        return [str(r[0]) for r in rows]

    def clear(self) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM search_history")
