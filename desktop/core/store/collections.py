"""Article collections: named groups of articles the researcher puts together.

Names are unique, ignoring case. Memberships name article ids without a
foreign key, like annotations: they survive an article being removed and
found again by a re-import. Nothing here touches the search index:
``collection:NAME`` is answered from this table (``core/search/storefilters``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from desktop.core.errors import NotFoundError, UserError
from desktop.core.store.connection import transaction
from desktop.core.store.dialect import Database
from desktop.core.store.names import clean_name, name_key

_CHUNK = 500


class Collection(BaseModel):
    """A collection with how many of its articles are in the library."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    created: datetime
    count: int = Field(default=0, ge=0)


def collection_name(name: str) -> str:
    """A collection's name as stored; ``"`` is refused, since ``collection:"NAME"`` quotes it."""
    cleaned = clean_name(name, "collection")
    if '"' in cleaned:
        raise UserError('A collection name cannot contain a double quote (").')
    return cleaned


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class CollectionStore:
    """Collections on one connection."""

    def __init__(self, conn: Database):
        self.conn = conn

    def list_all(self) -> list[Collection]:
        rows = self.conn.execute(
            "SELECT c.name, c.created, "
            "(SELECT count(*) FROM collection_articles m JOIN articles a "
            " ON a.id = m.article_id WHERE m.collection_id = c.id) AS n "
            "FROM collections c ORDER BY c.key"
        )
        return [
            Collection(name=r[0], created=datetime.fromisoformat(r[1]), count=int(r[2]))
            for r in rows
        ]

    def names(self) -> list[str]:
        return [c.name for c in self.list_all()]

    def _id(self, name: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM collections WHERE key = ?", (name_key(name, "collection"),)
        ).fetchone()
        return int(row[0]) if row else None

    def _require(self, name: str) -> int:
        found = self._id(name)
        if found is None:
            raise NotFoundError(f"No collection named {name!r}.")
        return found

    def exists(self, name: str) -> bool:
        return self._id(name) is not None

    def canonical_name(self, name: str) -> str:
        """The stored spelling of a collection's name (names ignore case)."""
        row = self.conn.execute(
            "SELECT name FROM collections WHERE id = ?", (self._require(name),)
        ).fetchone()
        return str(row[0])

    def create(self, name: str, *, exist_ok: bool = False) -> str:
        """Create a collection; returns its name as stored."""
        cleaned = collection_name(name)
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO collections (name, key, created) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (cleaned, name_key(cleaned, "collection"), _now()),
            )
        if cur.rowcount == 0 and not exist_ok:
            raise UserError(f"A collection named {cleaned!r} already exists.")
        return self.canonical_name(cleaned)

    def delete(self, name: str) -> None:
        cid = self._require(name)
        with transaction(self.conn):
            self.conn.execute("DELETE FROM collections WHERE id = ?", (cid,))

    def rename(self, name: str, new_name: str) -> str:
        cid = self._require(name)
        new = collection_name(new_name)
        other = self._id(new)
        if other is not None and other != cid:
            raise UserError(f"A collection named {new!r} already exists.")
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE collections SET name = ?, key = ? WHERE id = ?",
                (new, name_key(new, "collection"), cid),
            )
        return new

    def add(self, name: str, article_ids: Iterable[str], *, create: bool = True) -> int:
        """Put articles in a collection (made if missing when ``create``); returns how many
        were not in it before. Ids must be of stored articles."""
        ids = list(dict.fromkeys(article_ids))
        missing = self._unknown(ids)
        if missing:
            raise NotFoundError(f"No article with id {missing[0]!r}.")
        cid = self._id(name)
        if cid is None:
            if not create:
                raise NotFoundError(f"No collection named {name!r}.")
            self.create(name, exist_ok=True)
            cid = self._require(name)
        added = 0
        now = _now()
        with transaction(self.conn):
            for article_id in ids:
                cur = self.conn.execute(
                    "INSERT INTO collection_articles (collection_id, article_id, added) "
                    "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    (cid, article_id, now),
                )
                added += cur.rowcount
        return added

    def remove(self, name: str, article_ids: Iterable[str]) -> int:
        """Take articles out of a collection; returns how many were in it."""
        cid = self._require(name)
        removed = 0
        with transaction(self.conn):
            for article_id in dict.fromkeys(article_ids):
                cur = self.conn.execute(
                    "DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?",
                    (cid, article_id),
                )
                removed += cur.rowcount
        return removed

    def article_ids(self, name: str) -> list[str]:
        """Ids of the collection's articles that are in the library, in the order added."""
        cid = self._require(name)
        rows = self.conn.execute(
            "SELECT m.article_id FROM collection_articles m JOIN articles a "
            "ON a.id = m.article_id WHERE m.collection_id = ? ORDER BY m.added, a.seq",
            (cid,),
        )
        return [str(r[0]) for r in rows]

    def article_ids_matching(self, name: str, *, prefix: bool = False) -> list[str]:
        """Ids in the collection ``name`` (or, with ``prefix``, in every collection whose
        name starts with it, ignoring case). An unknown name matches nothing."""
        key = name_key(name, "collection")
        args: list[object]
        if prefix:
            # substr, not LIKE: LIKE folds only ASCII letters and treats % and _ specially.
            where, args = "substr(c.key, 1, ?) = ?", [len(key), key]
        else:
            where, args = "c.key = ?", [key]
        rows = self.conn.execute(
            "SELECT DISTINCT m.article_id FROM collection_articles m "
            f"JOIN collections c ON c.id = m.collection_id WHERE {where}",
            args,
        )
        return [str(r[0]) for r in rows]

    def collections_of(self, article_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT c.name FROM collections c JOIN collection_articles m "
            "ON m.collection_id = c.id WHERE m.article_id = ? ORDER BY c.key",
            (article_id,),
        )
        return [str(r[0]) for r in rows]

    def memberships(self, article_ids: Sequence[str] | None = None) -> dict[str, list[str]]:
        """Collection name -> member ids (only ``article_ids`` when given), for bundles."""
        wanted = None if article_ids is None else set(article_ids)
        found: dict[str, list[str]] = {c.name: [] for c in self.list_all()}
        rows = self.conn.execute(
            "SELECT c.name, m.article_id FROM collection_articles m "
            "JOIN collections c ON c.id = m.collection_id ORDER BY c.key, m.added"
        )
        for name, article_id in rows:
            if wanted is None or article_id in wanted:
                found[str(name)].append(str(article_id))
        if wanted is not None:
            found = {k: v for k, v in found.items() if v}
        return found

    def merge(self, memberships: dict[str, list[str]]) -> int:
        """Add collections from elsewhere (a bundle), joining same-named ones; ids not in
        the library are skipped. Returns how many memberships were added."""
        added = 0
        for name, ids in memberships.items():
            try:
                collection_name(name)
            except UserError:
                continue  # an unusable name does not stop the others
            wanted = list(dict.fromkeys(ids))
            unknown = set(self._unknown(wanted))
            known = [i for i in wanted if i not in unknown]
            self.create(name, exist_ok=True)
            added += self.add(name, known, create=True)
        return added

    def _unknown(self, ids: Sequence[str]) -> list[str]:
        known: set[str] = set()
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            known.update(
                str(r[0])
                for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            )
        return [i for i in ids if i not in known]
