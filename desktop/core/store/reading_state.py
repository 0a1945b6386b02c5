"""Reading state per article: read or unread, and where the reader was scrolled.

The position is a code-point offset into the article's body (the first
character visible at the top), so it means the same in every front-end; the
UI converts it at its edge. An article with no row is unread at the top.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from desktop.core.store.connection import transaction
from desktop.core.store.dialect import Database

_CHUNK = 500


class ReadingState(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    read: bool = False
    position: int = Field(default=0, ge=0)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ReadingStateStore:
    """Read flags and scroll positions on one connection."""

    def __init__(self, conn: Database):
        self.conn = conn

    def get(self, article_id: str) -> ReadingState:
        row = self.conn.execute(
            "SELECT read, position FROM reading_state WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return ReadingState()
        return ReadingState(read=bool(row[0]), position=max(0, int(row[1])))

    def set_position(self, article_id: str, position: int) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO reading_state (article_id, position, updated) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET position = excluded.position, "
                "updated = excluded.updated",
                (article_id, max(0, int(position)), _now()),
            )

    def mark(self, article_ids: Iterable[str], read: bool = True) -> int:
        """Mark articles read (or unread); returns how many changed."""
        changed = 0
        now = _now()
        with transaction(self.conn):
            for article_id in dict.fromkeys(article_ids):
                if read:
                    cur = self.conn.execute(
                        "INSERT INTO reading_state (article_id, read, updated) VALUES (?, 1, ?) "
                        "ON CONFLICT (article_id) DO UPDATE SET read = 1, "
                        "updated = excluded.updated WHERE reading_state.read = 0",
                        (article_id, now),
                    )
                else:
                    cur = self.conn.execute(
                        "UPDATE reading_state SET read = 0, updated = ? "
                        "WHERE article_id = ? AND read = 1",
                        (now, article_id),
                    )
                changed += cur.rowcount
        return changed

    def read_among(self, article_ids: Sequence[str]) -> set[str]:
        """Which of ``article_ids`` are read."""
        found: set[str] = set()
        ids = list(article_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(
                str(r[0])
                for r in self.conn.execute(
                    f"SELECT article_id FROM reading_state WHERE read = 1 "
                    f"AND article_id IN ({marks})",
                    chunk,
                )
            )
        return found

    def read_ids(self) -> list[str]:
        """Every article marked read."""
        return [
            str(r[0])
            for r in self.conn.execute("SELECT article_id FROM reading_state WHERE read = 1")
        ]

    def unread_count(self) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM reading_state r "
            "WHERE r.article_id = a.id AND r.read = 1)"
        ).fetchone()
        return int(row[0])
