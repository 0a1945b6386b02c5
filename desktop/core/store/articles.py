"""Reading and writing articles and their originals in the SQLite store."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import Literal

from desktop.core.dates import iso_date
from desktop.core.errors import NotFoundError
from desktop.core.models import (
    Article,
    ArticleDraft,
    ArticleSummary,
    Original,
    content_hash_for,
    format_source,
)
from desktop.core.store.connection import bump_generation, current_generation, transaction
from desktop.core.store.sources import SourceStore

SortOrder = Literal["newest", "oldest", "title", "imported"]

_ARTICLE_COLUMNS = (
    "id, content_hash, title, body, published, site, url, author, language, "
    "source_path, source_member, kind, imported_at"
)
_SUMMARY_COLUMNS = "id, title, published, site, author, url, source_path, source_member"
_ORDER_SQL: dict[str, str] = {
    "newest": "published IS NULL, published DESC, seq DESC",
    "oldest": "published IS NULL, published ASC, seq ASC",
    "title": "title COLLATE NOCASE ASC, seq ASC",
    "imported": "seq DESC",
}


class AddOutcome(Enum):
    ADDED = "added"
    DUPLICATE = "duplicate"  # the same source again, or (bundles) a stored article
    # A distinct original whose body equals a stored article's: recorded on that
    # article as a further source (``SourceStore``), never dropped.
    SOURCE = "source"


def _row_to_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        content_hash=row["content_hash"],
        title=row["title"],
        body=row["body"],
        published=iso_date(row["published"]),
        site=row["site"],
        url=row["url"],
        author=row["author"],
        language=row["language"],
        source_path=row["source_path"],
        source_member=row["source_member"],
        kind=row["kind"],
        imported_at=datetime.fromisoformat(row["imported_at"]),
    )


def _row_to_summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        id=row["id"],
        title=row["title"],
        published=iso_date(row["published"]),
        site=row["site"],
        author=row["author"],
        url=row["url"],
        source=format_source(row["source_path"], row["source_member"]),
    )


_INSERT_ARTICLE = (
    f"INSERT INTO articles ({_ARTICLE_COLUMNS}, gen) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ORIGINAL = (
    "INSERT INTO originals (article_id, media_type, encoding, hints, compression, data) "
    "VALUES (?, ?, ?, ?, 'zlib', ?)"
)


def _article_row(d: ArticleDraft, chash: str, now: str, gen: int) -> tuple[object, ...]:
    """The ``articles`` row of a new draft, in ``_ARTICLE_COLUMNS`` order, then ``gen``."""
    return (
        d.id, chash, d.title, d.body,
        d.published.isoformat() if d.published else None,
        d.site, d.url, d.author, d.language, d.source_path, d.source_member,
        d.kind, now, gen,
    )


def _original_row(d: ArticleDraft) -> tuple[object, ...]:
    """The ``originals`` row of a new draft (compressed here unless it came compressed)."""
    original = d.original
    data = original.zlib_data if original.zlib_data is not None else compress(original.data)
    return (
        d.id, original.media_type, original.encoding,
        json.dumps(original.hints, ensure_ascii=False), data,
    )


def compress(data: bytes) -> bytes:
    return zlib.compress(data, 6)


class ArticleStore:
    """Article rows on one connection. Every write bumps the store generation."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # -- writing -----------------------------------------------------------

    def add_many(self, drafts: Sequence[ArticleDraft]) -> list[AddOutcome]:
        """Store drafts in one transaction; identical ids or bodies are duplicates."""
        return [outcome for outcome, _ in self.add_many_with_holders(drafts)]

    def add_many_with_holders(
        self, drafts: Sequence[ArticleDraft]
    ) -> list[tuple[AddOutcome, str]]:
        """``add_many``, each outcome with the id of the article that now holds the
        draft: its own id when added, else the stored article it duplicates.

        A draft with a stored id is the same source again. A draft with another id
        but a stored body is a distinct original: it is recorded on the article with
        that body as a further source (``AddOutcome.SOURCE``).
        """
        outcomes: list[tuple[AddOutcome, str]] = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with transaction(self.conn):
            gen = bump_generation(self.conn)
            for draft in drafts:
                outcomes.append(self._add_one(draft, now, gen))
        return outcomes

    def add(self, draft: ArticleDraft) -> AddOutcome:
        return self.add_many([draft])[0]

    def add_batch(self, drafts: Sequence[ArticleDraft], gen: int) -> list[AddOutcome]:
        """``add_many`` for bulk loads, inside a write transaction the caller holds.

        The outcomes are those of ``add_many``: a draft whose id or content hash is
        already stored, or came earlier in ``drafts``, is a duplicate. Stored keys are
        looked up with one query per chunk and rows are written with ``executemany``.
        ``gen`` is the generation from ``bump_generation`` in that transaction.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        taken_ids = self._stored("id", [d.id for d in drafts])
        # Bodies under a stored id are never hashed (a re-import is mostly those).
        hashes = [
            "" if d.id in taken_ids else d.content_hash or content_hash_for(d.body)
            for d in drafts
        ]
        holders = self._holders([h for h in hashes if h])
        sources = SourceStore(self.conn)
        further: list[tuple[str, ArticleDraft]] = []
        outcomes: list[AddOutcome] = []
        rows: list[tuple[object, ...]] = []
        originals: list[tuple[object, ...]] = []
        for d, chash in zip(drafts, hashes, strict=True):
            if d.id in taken_ids:
                outcomes.append(AddOutcome.DUPLICATE)
                continue
            if chash in holders:
                if sources.known(d.id):
                    outcomes.append(AddOutcome.DUPLICATE)
                else:
                    further.append((holders[chash], d))  # after the articles exist
                    outcomes.append(AddOutcome.SOURCE)
                taken_ids.add(d.id)
                continue
            taken_ids.add(d.id)
            holders[chash] = d.id
            outcomes.append(AddOutcome.ADDED)
            rows.append(_article_row(d, chash, now, gen))
            originals.append(_original_row(d))
        self.conn.executemany(_INSERT_ARTICLE, rows)
        self.conn.executemany(_INSERT_ORIGINAL, originals)
        self.conn.executemany(
            "DELETE FROM removed_articles WHERE id = ?", [(row[0],) for row in rows]
        )
        for holder, d in further:
            sources.record(holder, d, now)
        return outcomes

    def _holders(self, hashes: list[str]) -> dict[str, str]:
        """The stored article id for each of ``hashes`` that is stored."""
        found: dict[str, str] = {}
        for chunk in _chunks(hashes, 500):
            marks = ",".join("?" * len(chunk))
            found.update(
                (str(r[0]), str(r[1]))
                for r in self.conn.execute(
                    f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})",
                    chunk,
                )
            )
        return found

    def _stored(self, column: Literal["id", "content_hash"], values: list[str]) -> set[str]:
        """Which of ``values`` are stored in ``column`` (an indexed, unique column)."""
        found: set[str] = set()
        for chunk in _chunks(values, 500):
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk
                )
            )
        return found

    def _add_one(self, d: ArticleDraft, now: str, gen: int) -> tuple[AddOutcome, str]:
        chash = d.content_hash or content_hash_for(d.body)
        dup = self.conn.execute(
            "SELECT id FROM articles WHERE id = ? OR content_hash = ? "
            "ORDER BY id = ? DESC LIMIT 1",
            (d.id, chash, d.id),
        ).fetchone()
        if dup:
            holder = str(dup[0])
            if holder == d.id:
                return AddOutcome.DUPLICATE, holder
            sources = SourceStore(self.conn)
            known = self.conn.execute(
                "SELECT article_id FROM article_sources WHERE source_id = ?", (d.id,)
            ).fetchone()
            if known:
                return AddOutcome.DUPLICATE, str(known[0])
            sources.record(holder, d, now)
            return AddOutcome.SOURCE, holder
        self.conn.execute(_INSERT_ARTICLE, _article_row(d, chash, now, gen))
        self.conn.execute(_INSERT_ORIGINAL, _original_row(d))
        self.conn.execute("DELETE FROM removed_articles WHERE id = ?", (d.id,))
        return AddOutcome.ADDED, d.id

    def update_text(
        self,
        article_id: str,
        *,
        title: str,
        body: str,
        published: date | None,
        site: str | None,
        author: str | None,
        url: str | None,
        language: str | None,
    ) -> bool:
        """Replace an article's extracted fields (re-extraction). True if anything changed."""
        current = self.get(article_id)
        chash = content_hash_for(body)
        new = (title, body, published, site, author, url, language)
        old = (
            current.title, current.body, current.published, current.site,
            current.author, current.url, current.language,
        )
        if new == old:
            return False
        with transaction(self.conn):
            gen = bump_generation(self.conn)
            self.conn.execute(
                "UPDATE articles SET title=?, body=?, content_hash=?, published=?, site=?, "
                "author=?, url=?, language=?, gen=? WHERE id=?",
                (
                    title, body, chash, published.isoformat() if published else None,
                    site, author, url, language, gen, article_id,
                ),
            )
        return True

    def delete(self, ids: Iterable[str]) -> int:
        """Remove articles (their originals go with them). Returns how many were removed."""
        removed = 0
        with transaction(self.conn):
            gen = bump_generation(self.conn)
            for article_id in ids:
                cur = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                if cur.rowcount:
                    removed += 1
                    self.conn.execute(
                        "INSERT OR REPLACE INTO removed_articles (id, gen) VALUES (?, ?)",
                        (article_id, gen),
                    )
        return removed

    # -- reading -----------------------------------------------------------

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def exists(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def find(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _row_to_article(row) if row else None

    def get(self, article_id: str) -> Article:
        article = self.find(article_id)
        if article is None:
            raise NotFoundError(f"No article with id {article_id!r}.")
        return article

    def get_many(self, ids: Sequence[str]) -> list[Article]:
        """Articles in the order of ``ids``; missing ids are skipped."""
        found: dict[str, Article] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            ):
                found[row["id"]] = _row_to_article(row)
        return [found[i] for i in ids if i in found]

    def resolve_id(self, prefix: str) -> str:
        """Full id from an id or a unique prefix of one (as users type them)."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise NotFoundError("An article id is required.")
        if self.exists(prefix):
            return prefix
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise NotFoundError(f"No article with id {prefix!r}.")
        raise NotFoundError(f"Id prefix {prefix!r} matches several articles; type more of it.")

    def summaries(
        self,
        order: SortOrder = "newest",
        limit: int | None = None,
        offset: int = 0,
        *,
        where: str = "1",
        params: Sequence[object] = (),
    ) -> list[ArticleSummary]:
        """Summaries in ``order``; ``where`` (articles as ``a``) with its ``params``
        selects them (``search/listing.filter_sql`` builds it from facet filters)."""
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM articles a WHERE {where} "
            f"ORDER BY {_ORDER_SQL[order]}"
        )
        values = list(params)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            values += [limit, offset]
        return [_row_to_summary(r) for r in self.conn.execute(sql, values)]

    def summaries_for(self, ids: Sequence[str]) -> list[ArticleSummary]:
        found: dict[str, ArticleSummary] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            ):
                found[row["id"]] = _row_to_summary(row)
        return [found[i] for i in ids if i in found]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every article in insertion order, read in batches."""
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT seq, {_ARTICLE_COLUMNS} FROM articles WHERE seq > ? "
                "ORDER BY seq LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _row_to_article(row)
            last = rows[-1]["seq"]

    def all_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY seq")]

    def original(self, article_id: str) -> Original:
        row = self.conn.execute(
            "SELECT media_type, encoding, hints, compression, data FROM originals "
            "WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"No stored original for article {article_id!r}.")
        data = bytes(row["data"])
        if row["compression"] == "zlib":
            data = zlib.decompress(data)
        return Original(
            data=data,
            media_type=row["media_type"],
            encoding=row["encoding"],
            hints=json.loads(row["hints"] or "{}"),
        )

    def hints(self, article_id: str) -> dict[str, str]:
        """The hints kept with an article's original (without reading its bytes); {} if none."""
        row = self.conn.execute(
            "SELECT hints FROM originals WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return {}
        value = json.loads(row["hints"] or "{}")
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def merge_hints(self, article_id: str, hints: dict[str, str]) -> bool:
        """Add or replace hints kept with an original (re-extraction). True if changed."""
        current = self.hints(article_id)
        merged = {**current, **hints}
        if merged == current:
            return False
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE originals SET hints = ? WHERE article_id = ?",
                (json.dumps(merged, ensure_ascii=False), article_id),
            )
        return True

    # -- change tracking for caches (the search index) ---------------------

    def generation(self) -> int:
        return current_generation(self.conn)

    def changed_since(self, gen: int, batch: int = 500) -> Iterator[Article]:
        """Articles written after generation ``gen``, in batches."""
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT seq, {_ARTICLE_COLUMNS} FROM articles WHERE gen > ? AND seq > ? "
                "ORDER BY seq LIMIT ?",
                (gen, last, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _row_to_article(row)
            last = rows[-1]["seq"]

    def count_changed_since(self, gen: int) -> int:
        row = self.conn.execute("SELECT COUNT(*) FROM articles WHERE gen > ?", (gen,)).fetchone()
        return int(row[0])

    def removed_since(self, gen: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute("SELECT id FROM removed_articles WHERE gen > ?", (gen,))
        ]

    # -- statistics --------------------------------------------------------

    def site_counts(self) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT site, COUNT(*) FROM articles WHERE site IS NOT NULL "
            "GROUP BY site ORDER BY COUNT(*) DESC"
        )
        return {r[0]: int(r[1]) for r in rows}

    def date_range(self) -> tuple[date | None, date | None]:
        row = self.conn.execute(
            "SELECT MIN(published), MAX(published) FROM articles WHERE published IS NOT NULL"
        ).fetchone()
        return iso_date(row[0]), iso_date(row[1])

    def kind_counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT kind, COUNT(*) FROM articles GROUP BY kind")
        return {r[0]: int(r[1]) for r in rows}


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
