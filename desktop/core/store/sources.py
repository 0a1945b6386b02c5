"""Further sources of a stored article: distinct originals whose text came out the same.

Two different files may extract to the same body (a page saved twice under two
names, or two pages whose only text was the same cookie banner). The library
keeps one article and records every other source on it here, with that source's
own original bytes, so nothing imported disappears: ``show`` lists every source,
bundles carry them, and re-extraction can split a source off into an article of
its own when its text no longer matches.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime

from desktop.core.errors import NotFoundError
from desktop.core.models import ArticleDraft, ArticleSource, Original, format_source
from desktop.core.store.dialect import Database, dialect_of

__all__ = ["ArticleSource", "SourceStore"]


def _compress(data: bytes) -> bytes:
    return zlib.compress(data, 6)


class SourceStore:
    """Rows of ``article_sources`` on one connection (writes join the caller's transaction)."""

    def __init__(self, conn: Database):
        self.conn = conn

    def known(self, source_id: str) -> bool:
        """Whether a source with this id is recorded on some article."""
        row = self.conn.execute(
            "SELECT 1 FROM article_sources WHERE source_id = ?", (source_id,)
        ).fetchone()
        return row is not None

    def holder_of(self, source_id: str) -> str | None:
        """The article a source with this id is recorded on, if any."""
        row = self.conn.execute(
            "SELECT article_id FROM article_sources WHERE source_id = ?", (source_id,)
        ).fetchone()
        return str(row[0]) if row is not None else None

    def record(self, article_id: str, d: ArticleDraft, now: str) -> None:
        """Record draft ``d`` (a distinct original with the same body) on ``article_id``."""
        o = d.original
        self.conn.execute(
            "INSERT INTO article_sources (source_id, article_id, source_path, "
            "source_member, kind, media_type, encoding, hints, compression, data, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'zlib', ?, ?) ON CONFLICT DO NOTHING",
            (
                d.id, article_id, d.source_path, d.source_member, d.kind, o.media_type,
                o.encoding, json.dumps(o.hints, ensure_ascii=False),
                o.zlib_data if o.zlib_data is not None else _compress(o.data), now,
            ),
        )

    def sources_of(self, article_id: str) -> list[ArticleSource]:
        """The further sources recorded on an article, oldest first."""
        order = dialect_of(self.conn).source_order
        rows = self.conn.execute(
            "SELECT source_id, source_path, source_member, kind, added_at "
            f"FROM article_sources WHERE article_id = ? ORDER BY {order}",
            (article_id,),
        ).fetchall()
        return [
            ArticleSource(
                id=r[0],
                article_id=article_id,
                source=format_source(r[1], r[2]),
                source_path=r[1],
                source_member=r[2],
                kind=r[3],
                added_at=datetime.fromisoformat(r[4]),
            )
            for r in rows
        ]

    def original(self, source_id: str) -> Original:
        """The stored bytes of one recorded source."""
        row = self.conn.execute(
            "SELECT media_type, encoding, hints, compression, data FROM article_sources "
            "WHERE source_id = ?",
            (source_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"No recorded source {source_id!r}.")
        data = bytes(row[4])
        if row[3] == "zlib":
            data = zlib.decompress(data)
        return Original(
            data=data, media_type=row[0], encoding=row[1], hints=json.loads(row[2] or "{}")
        )

    def remove(self, source_id: str) -> None:
        """Forget one recorded source (after it became an article of its own)."""
        self.conn.execute("DELETE FROM article_sources WHERE source_id = ?", (source_id,))

