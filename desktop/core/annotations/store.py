"""Reading and writing annotations in the library's SQLite store.

Every write runs in one transaction that bumps the store generation and sets
the annotated article's ``gen``, so the search index (a cache) re-indexes that
article's tags and notes. Writes commit immediately. Annotations have no
foreign key to articles: they outlive them and are then listed as orphaned.

Several people may write at once (two app windows on one folder, a team on a
server). The last writer wins per annotation, and the version a write replaces
(an edit, an import's newer copy, a delete) is kept in ``annotation_history``,
read back by ``history``. An edit applies its changes to the row as it is when the
write lock is held, so a change made meanwhile by someone else to another field
stays. The store's ``user`` is recorded as the author of what it creates, the
editor of what it changes and the one who replaced each version in the history.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Literal, TypeVar
from uuid import uuid4

from pydantic import BaseModel, ConfigDict

from desktop.core.annotations.matching import QuoteMatch, locate_quote
from desktop.core.annotations.models import (
    DEFAULT_COLOR,
    Annotation,
    AnnotationFilter,
    TextPositionSelector,
    TextQuoteSelector,
    new_annotation_id,
    normalize_color,
    quote_for_span,
    utc_now,
)
from desktop.core.errors import NotFoundError, UserError
from desktop.core.models import Article
from desktop.core.people import clean_name
from desktop.core.store.articles import ArticleStore
from desktop.core.store.connection import bump_generation, transaction
from desktop.core.store.dialect import Database, Dialect, dialect_of
from desktop.core.tags import has_tag as _tagged
from desktop.core.tags import normalize_tag, normalize_tags, tag_ancestors
from desktop.core.textnorm import fold, normalize_text

_COLUMN_NAMES = (
    "id", "article_id", "start", '"end"', "exact", "prefix", "suffix", "content_hash",
    "note", "color", "status", "created", "modified", "author", "editor",
)
_COLUMNS = ", ".join(_COLUMN_NAMES)
# Insert, or replace every column but the id: a statement both engines take.
_UPSERT = (
    f"INSERT INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * len(_COLUMN_NAMES))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMN_NAMES if c != "id")
)
_TAG_SEP = "\x1f"


def _select(dialect: Dialect) -> str:
    """Every annotation column, then its tags joined by ``_TAG_SEP``."""
    return f"SELECT {_COLUMNS}, {dialect.tag_list} AS tags FROM annotations a"


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="milliseconds")


_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


def _trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """A pydantic model from values known to be valid (as ``model_construct`` does).

    Rows were validated when written; skipping validation and ``model_construct``'s
    bookkeeping makes reading 1,000 annotations about four times faster, which the
    reader needs to open a heavily annotated article within its time budget.
    """
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _row_to_annotation(row: Sequence[Any]) -> Annotation:
    """An annotation from a plain tuple row of ``_select`` (columns in ``_COLUMNS`` order)."""
    (ann_id, article_id, start, end, exact, prefix, suffix, content_hash, note, color,
     status, created, modified, author, editor, tags) = row
    quote = _trusted(TextQuoteSelector, {"exact": exact, "prefix": prefix, "suffix": suffix})
    position = _trusted(TextPositionSelector, {"start": start, "end": end})
    return _trusted(
        Annotation,
        {
            "id": ann_id,
            "article_id": article_id,
            "quote": quote,
            "position": position,
            "content_hash": content_hash,
            "note": note,
            "tags": tuple(sorted(tags.split(_TAG_SEP))) if tags else (),
            "color": color or DEFAULT_COLOR,
            "status": status,
            "created": datetime.fromisoformat(created),
            "modified": datetime.fromisoformat(modified),
            "author": author,
            "editor": editor,
        },
    )


HistoryAction = Literal["edit", "delete"]


class HistoryEntry(BaseModel):
    """A version of an annotation that a later write replaced (or a delete removed)."""

    model_config = ConfigDict(frozen=True)

    annotation: Annotation  # the version as it was
    action: HistoryAction
    replaced_by: str  # who replaced it ("" when not known)
    replaced_at: datetime


class QuoteCreation(BaseModel):
    """An annotation made from a quote, and how the quote was found."""

    model_config = ConfigDict(frozen=True)

    annotation: Annotation
    match: QuoteMatch


class AnnotationStore:
    """Annotation rows on one connection (the library's, or one per thread).

    ``user`` is who writes through this store (``Library.user``).
    """

    def __init__(self, conn: Database, user: str = ""):
        self.conn = conn
        self.user = clean_name(user)
        self._gen = 0  # the generation of the write under way (orders the history)
        self._select_sql = _select(dialect_of(conn))

    # -- writing -----------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[set[str]]:
        """One write transaction; add the ids of articles whose annotations change.

        On commit the store generation is bumped once and those articles get the
        new ``gen``, so caches re-read them.
        """
        touched: set[str] = set()
        with transaction(self.conn):
            gen = bump_generation(self.conn)
            self._gen = gen
            yield touched
            self.conn.executemany(
                "UPDATE articles SET gen = ? WHERE id = ?", [(gen, a) for a in sorted(touched)]
            )

    def write_row(self, annotation: Annotation, *, keep_history: bool = True) -> None:
        """Insert or replace one annotation and its tags; call inside ``writing()``.

        The version it replaces goes to the history unless ``keep_history`` is off
        (re-anchoring, which moves a passage but changes nothing anyone wrote).
        """
        a = annotation
        if keep_history:
            current = self.find(a.id)
            if current is not None and current != a:
                self._archive(current, "edit")
        self.conn.execute(
            _UPSERT,
            (
                a.id, a.article_id, a.start, a.end, a.quote.exact, a.quote.prefix,
                a.quote.suffix, a.content_hash, a.note, a.color, a.status,
                _iso(a.created), _iso(a.modified), a.author, a.editor,
            ),
        )
        self.conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (a.id,))
        self.conn.executemany(
            "INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)",
            [(a.id, tag) for tag in a.tags],
        )

    def _archive(self, version: Annotation, action: HistoryAction) -> None:
        """Keep ``version`` in the history as replaced now by this store's user."""
        self.conn.execute(
            "INSERT INTO annotation_history (id, annotation_id, action, replaced_by, "
            "replaced_at, gen, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid4()), version.id, action, self.user, _iso(utc_now()),
                self._gen, version.model_dump_json(),
            ),
        )

    def _save(self, annotation: Annotation) -> Annotation:
        with self.writing() as touched:
            self.write_row(annotation)
            touched.add(annotation.article_id)
        return annotation

    def create(
        self,
        article_id: str,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        color: str | None = None,
    ) -> Annotation:
        """Annotate ``body[start:end]`` (code points) of an article."""
        article = ArticleStore(self.conn).get(article_id)
        if not 0 <= start < end <= len(article.body):
            raise UserError(
                f"Span {start}..{end} is not a passage of article {article_id} "
                f"(its text has {len(article.body)} characters)."
            )
        return self._save(self._new(article, start, end, note, tags, color))

    def create_from_quote(
        self,
        article_id: str,
        quote: str,
        *,
        prefix: str = "",
        suffix: str = "",
        note: str = "",
        tags: Iterable[str] = (),
        color: str | None = None,
    ) -> QuoteCreation:
        """Annotate the passage quoted; prefix/suffix pick one of several occurrences."""
        article = ArticleStore(self.conn).get(article_id)
        quote = normalize_text(quote).strip()
        if not quote:
            raise UserError("The quote is empty.")
        match = locate_quote(article.body, quote, normalize_text(prefix), normalize_text(suffix))
        if match is None:
            raise NotFoundError(f"The quote {_short(quote)!r} is not in article {article_id}.")
        created = self._save(self._new(article, match.start, match.end, note, tags, color))
        return QuoteCreation(annotation=created, match=match)

    def _new(
        self,
        article: Article,
        start: int,
        end: int,
        note: str,
        tags: Iterable[str],
        color: str | None,
    ) -> Annotation:
        now = utc_now()
        return Annotation(
            id=new_annotation_id(),
            article_id=article.id,
            quote=quote_for_span(article.body, start, end),
            position=TextPositionSelector(start=start, end=end),
            content_hash=article.content_hash,
            note=normalize_text(note),
            tags=tuple(sorted(normalize_tags(tags))),
            color=normalize_color(color),
            status="anchored",
            created=now,
            modified=now,
            author=self.user,
            editor=self.user,
        )

    def update(
        self,
        annotation_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        color: str | None = None,
    ) -> Annotation:
        """Change note, tags and/or colour; ``modified`` moves on only if something changed.

        The changes apply to the annotation as stored when the write lock is held, so
        what someone else changed meanwhile in another field is kept; the version
        replaced goes to the history.
        """
        tags = None if tags is None else tuple(tags)
        seen = self.get(annotation_id)
        if self._changed(seen, note, tags, color) is seen:
            return seen  # nothing to write: no generation spent, no one refreshes
        with self.writing() as touched:
            current = self.get(annotation_id)
            changed = self._changed(current, note, tags, color)
            if changed is current:  # someone else made the same change meanwhile
                return current
            self.write_row(changed)
            touched.add(changed.article_id)
        return changed

    def _changed(
        self,
        current: Annotation,
        note: str | None,
        tags: Iterable[str] | None,
        color: str | None,
    ) -> Annotation:
        """``current`` with the changes asked for (``current`` itself when none)."""
        changes: dict[str, object] = {}
        if note is not None and normalize_text(note) != current.note:
            changes["note"] = normalize_text(note)
        if tags is not None:
            new_tags = tuple(sorted(normalize_tags(tags)))
            if new_tags != current.tags:
                changes["tags"] = new_tags
        if color is not None and normalize_color(color) != current.color:
            changes["color"] = normalize_color(color)
        if not changes:
            return current
        # Strictly later than the previous edit, so merging sees this copy as newer.
        changes["modified"] = max(utc_now(), current.modified + timedelta(milliseconds=1))
        changes["editor"] = self.user
        return current.model_copy(update=changes)

    def delete(self, annotation_id: str) -> Annotation:
        """Remove an annotation; returns it so it can be restored (undo).

        The version removed stays in the history.
        """
        with self.writing() as touched:
            current = self.get(annotation_id)
            self._archive(current, "delete")
            self.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            touched.add(current.article_id)
        return current

    def restore(self, annotation: Annotation) -> Annotation:
        """Put back an annotation exactly as it was (undo of delete or of an edit)."""
        return self._save(annotation)

    # -- reading -----------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[object]) -> list[Annotation]:
        if isinstance(self.conn, sqlite3.Connection):
            cur = self.conn.cursor()
            cur.row_factory = None  # plain tuples: much faster to unpack than sqlite3.Row
            return [_row_to_annotation(r) for r in cur.execute(sql, params)]
        return [_row_to_annotation(r) for r in self.conn.execute(sql, params)]

    def find(self, annotation_id: str) -> Annotation | None:
        found = self._rows(f"{self._select_sql} WHERE a.id = ?", (annotation_id,))
        return found[0] if found else None

    def get(self, annotation_id: str) -> Annotation:
        found = self.find(annotation_id)
        if found is None:
            raise NotFoundError(f"No annotation with id {annotation_id!r}.")
        return found

    def resolve_id(self, prefix: str, *, deleted: bool = False) -> str:
        """Full id from an id or a unique prefix of one (``deleted``: of the history too)."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise NotFoundError("An annotation id is required.")
        span: tuple[str, ...] = (prefix, prefix + "\uffff")
        sql = "SELECT id FROM annotations WHERE id >= ? AND id < ?"
        if deleted:
            sql += (
                " UNION SELECT annotation_id FROM annotation_history "
                "WHERE annotation_id >= ? AND annotation_id < ?"
            )
            span += span
        rows = self.conn.execute(sql + " LIMIT 2", span).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise NotFoundError(f"No annotation with id {prefix!r}.")
        raise NotFoundError(f"Id prefix {prefix!r} matches several annotations; type more of it.")

    def history(self, annotation_id: str) -> list[HistoryEntry]:
        """The versions of an annotation that were replaced or deleted, newest first."""
        rows = self.conn.execute(
            "SELECT action, replaced_by, replaced_at, snapshot FROM annotation_history "
            "WHERE annotation_id = ? ORDER BY gen DESC, replaced_at DESC",
            (annotation_id,),
        ).fetchall()
        return [
            HistoryEntry(
                annotation=Annotation.model_validate_json(r[3]),
                action=r[0],
                replaced_by=r[1],
                replaced_at=datetime.fromisoformat(r[2]),
            )
            for r in rows
        ]

    def for_article(self, article_id: str) -> list[Annotation]:
        """An article's annotations in text order."""
        return self._rows(
            f'{self._select_sql} WHERE a.article_id = ? ORDER BY a.start, a."end", a.created',
            (article_id,),
        )

    def list_all(self, flt: AnnotationFilter | None = None) -> list[Annotation]:
        """Annotations across the library, newest first, narrowed by ``flt``."""
        flt = flt or AnnotationFilter()
        where: list[str] = []
        params: list[object] = []
        if flt.article_id:
            where.append("a.article_id = ?")
            params.append(flt.article_id)
        if flt.color:
            where.append("a.color = ?")
            params.append(normalize_color(flt.color))
        if flt.status:
            where.append("a.status = ?")
            params.append(flt.status)
        if flt.created_from:
            where.append("substr(a.created, 1, 10) >= ?")
            params.append(flt.created_from.isoformat())
        if flt.created_to:
            where.append("substr(a.created, 1, 10) <= ?")
            params.append(flt.created_to.isoformat())
        found: list[Annotation] = []
        if flt.article_ids is None:
            found = self._select(where, params)
        else:
            wanted = sorted(set(flt.article_ids))
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                found += self._select([*where, f"a.article_id IN ({marks})"], [*params, *chunk])
            found.sort(key=lambda a: (a.created, a.id), reverse=True)
        if flt.tag:
            found = [a for a in found if has_tag(a, flt.tag)]
        if flt.text and flt.text.strip():
            needle = fold(normalize_text(flt.text.strip()))
            found = [a for a in found if needle in fold(a.quote.exact + "\n" + a.note)]
        return found

    def _select(self, where: list[str], params: list[object]) -> list[Annotation]:
        sql = self._select_sql + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY a.created DESC, a.id DESC"
        return self._rows(sql, params)

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0])

    def notes_of(self, article_ids: Sequence[str]) -> list[tuple[str, str | None]]:
        """(article id, note) of every annotation on the given articles."""
        found: list[tuple[str, str | None]] = []
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found += [
                (str(r[0]), r[1])
                for r in self.conn.execute(
                    f"SELECT article_id, note FROM annotations WHERE article_id IN ({marks})",
                    chunk,
                )
            ]
        return found

    def tags_of(self, article_ids: Sequence[str]) -> list[tuple[str, str]]:
        """(article id, tag) of every tag of an annotation on the given articles."""
        found: list[tuple[str, str]] = []
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found += [
                (str(r[0]), str(r[1]))
                for r in self.conn.execute(
                    "SELECT a.article_id, t.tag FROM annotation_tags t JOIN annotations a "
                    f"ON a.id = t.annotation_id WHERE a.article_id IN ({marks})",
                    chunk,
                )
            ]
        return found

    def tag_counts(self, flt: AnnotationFilter | None = None) -> dict[str, int]:
        """Annotations per tag for the facet sidebar; a tag counts everything below it."""
        counts: Counter[str] = Counter()
        for a in self.list_all(flt):
            nodes = {node for tag in a.tags for node in tag_ancestors(tag)}
            counts.update(nodes)
        return dict(sorted(counts.items()))

    def all_tags(self) -> list[str]:
        """Every tag in use, sorted (for completion)."""
        rows = self.conn.execute("SELECT DISTINCT tag FROM annotation_tags ORDER BY tag")
        return [r[0] for r in rows]

    def tags_for_article(self, article_id: str) -> list[str]:
        """Distinct tags on an article's annotations (for the search index)."""
        rows = self.conn.execute(
            "SELECT DISTINCT t.tag FROM annotation_tags t JOIN annotations a "
            "ON a.id = t.annotation_id WHERE a.article_id = ? ORDER BY t.tag",
            (article_id,),
        )
        return [r[0] for r in rows]

    def notes_for_article(self, article_id: str) -> list[str]:
        """Non-empty notes on an article's annotations, in text order (for the search index)."""
        rows = self.conn.execute(
            "SELECT note FROM annotations WHERE article_id = ? AND note != '' "
            'ORDER BY start, "end"',
            (article_id,),
        )
        return [r[0] for r in rows]

    def get_many(self, ids: Sequence[str]) -> list[Annotation]:
        """Annotations in the order of ``ids``; unknown ids are skipped."""
        found = [self.find(i) for i in ids]
        return [a for a in found if a is not None]


def has_tag(annotation: Annotation, tag: str) -> bool:
    """True if the annotation has ``tag`` or a tag below it (case-insensitive)."""
    return _tagged(annotation.tags, normalize_tag(tag))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
