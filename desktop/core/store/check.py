"""``check``: is the library database sound, and does the search index match it?

Runs SQLite's ``PRAGMA integrity_check``, reads every article's text (damage
inside a row's text passes the structural check), and compares the ids in the
search index with those in the store. Nothing is written.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import LibraryError, UserError
from desktop.core.store.library import Library

# Problems listed by the structural check before it stops.
MAX_PROBLEMS = 50
_TEXT_COLUMNS = ("id", "title", "body", "site", "url", "author", "source_path")


@dataclass
class IndexCheck:
    """The search index against the store."""

    problem: str | None = None  # the index could not be read at all
    documents: int = 0
    missing: int = 0  # in the store, not in the index
    extra: int = 0  # in the index, no longer in the store


@dataclass
class CheckReport:
    db_path: Path
    problems: list[str] = field(default_factory=list)  # from the database itself
    articles: int = 0
    unreadable_articles: int = 0
    index: IndexCheck = field(default_factory=IndexCheck)

    @property
    def database_ok(self) -> bool:
        return not self.problems and not self.unreadable_articles

    @property
    def index_ok(self) -> bool:
        return self.index.problem is None and not self.index.missing and not self.index.extra

    @property
    def ok(self) -> bool:
        return self.database_ok and self.index_ok


def check_library(root: Path) -> CheckReport:
    """Check the library at ``root``; damage becomes findings, never an exception."""
    db_path = Path(root) / "library.sqlite3"
    report = CheckReport(db_path)
    try:
        library = Library.open(Path(root), create=False)
    except LibraryError as exc:
        if not db_path.is_file():
            raise
        report.problems.append(str(exc))
        report.index.problem = "not checked: the database cannot be opened"
        return report
    with library:
        report.problems = _integrity(library.conn)
        ids = _scan_articles(library, report)
        _check_index(library, ids, report)
    return report


def _integrity(conn: sqlite3.Connection) -> list[str]:
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})")]
    except sqlite3.DatabaseError as exc:
        return [f"the integrity check stopped: {exc}"]
    if rows == ["ok"]:
        return []
    lines = [line.strip() for row in rows for line in row.splitlines()]
    return [line for line in lines if line and not line.startswith("*** in database")]


def _scan_articles(library: Library, report: CheckReport) -> set[str]:
    """Read every article's text; counts the rows that cannot be decoded."""
    conn = library.connect()
    conn.text_factory = bytes
    ids: set[str] = set()
    columns = ", ".join(_TEXT_COLUMNS)
    try:
        for row in conn.execute(f"SELECT {columns} FROM articles"):
            report.articles += 1
            try:
                for value in row:
                    if isinstance(value, bytes):
                        value.decode("utf-8")
            except UnicodeDecodeError:
                report.unreadable_articles += 1
                continue
            ids.add(bytes(row[0]).decode("utf-8"))
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"reading the articles stopped after {report.articles}: {exc}")
    finally:
        conn.close()
    return ids


def _check_index(library: Library, ids: set[str], report: CheckReport) -> None:
    from desktop.core.search.index import SearchIndex

    try:
        index = SearchIndex.open_as_is(library)
    except UserError as exc:
        report.index.problem = str(exc)
        return
    with index:
        try:
            indexed = index.indexed_ids()
        except Exception as exc:  # noqa: BLE001 - any failure to read the cache is damage
            report.index.problem = f"the search index cannot be read ({exc})"
            return
    report.index.documents = len(indexed)
    report.index.missing = len(ids - indexed)
    report.index.extra = len(indexed - ids)
