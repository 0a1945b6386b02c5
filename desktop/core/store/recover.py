"""``recover``: copy every readable article, original and annotation into a fresh library.

With the ``sqlite3`` program present, its ``.recover`` first salvages the damaged
file page by page into a scratch database (it finds rows even under a damaged
table root). The rows are then copied one by one in Python, from that scratch
copy or, without the program, from the damaged file itself: rows are located
through the table and through every index on it, fetched by rowid, and a row
that cannot be read is skipped, never the whole table. Text that is no longer
valid UTF-8 is kept with replacement characters and counted. An article whose
own row is lost but whose original survives is extracted again from it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.errors import LibraryError, UserError
from desktop.core.models import content_hash_for
from desktop.core.store.connection import connect, transaction
from desktop.core.store.library import DB_NAME, Library

_ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "body", "published", "site", "url", "author",
    "language", "source_path", "source_member", "kind", "imported_at", "gen",
)
_ORIGINAL_COLUMNS = ("article_id", "media_type", "encoding", "hints", "compression", "data")
_ANNOTATION_COLUMNS = (
    "id", "article_id", "start", "end", "exact", "prefix", "suffix", "content_hash",
    "note", "color", "status", "created", "modified",
)
# Added by a later schema: copied when the damaged library has them.
_LATER_ANNOTATION_COLUMNS = ("author", "editor")
_TAG_COLUMNS = ("annotation_id", "tag")
_RECOVER_TIMEOUT_S = 3600


@dataclass
class RecoverReport:
    articles: int = 0
    originals: int = 0
    annotations: int = 0
    tags: int = 0
    # Rows that could not be read at all, and rows kept with damaged text repaired.
    unreadable_rows: int = 0
    repaired_text: int = 0
    # Articles whose row was lost, extracted again from their stored original.
    rebuilt_from_originals: int = 0
    method: str = "row by row"


def recover_library(source_root: Path, out: Path, *, use_sqlite_cli: bool = True) -> RecoverReport:
    """Copy what can be read from the library at ``source_root`` into a new one at ``out``."""
    source_db = Path(source_root) / DB_NAME
    if not source_db.is_file():
        raise LibraryError(f"No library at {source_root} (it has no {DB_NAME}).")
    out = Path(out)
    if out.resolve() == Path(source_root).resolve():
        raise LibraryError("Recover into a new folder, not into the damaged library itself.")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise LibraryError(f"{out} already exists and is not empty: choose a new folder.")
    report = RecoverReport()
    scratch_dir = Path(tempfile.mkdtemp(prefix="archive-browser-recover-"))
    try:
        salvaged = _salvaged(source_db, scratch_dir) if use_sqlite_cli else None
        with Library.open(out, create=True) as target:
            if salvaged is not None:
                report.method = "sqlite3 .recover, then row by row"
                try:
                    _copy(salvaged, target, RecoverReport())
                finally:
                    salvaged.close()
            # Row by row from the damaged file too: it fills in what .recover missed
            # (rows already copied are ignored), and it is all there is without it.
            source = _open_damaged(source_db)
            try:
                _copy(source, target, report)
            finally:
                source.close()
            _count(target, report)
    finally:
        shutil.rmtree(scratch_dir, ignore_errors=True)
    return report


def _count(target: Library, report: RecoverReport) -> None:
    """The totals in the new library (whichever pass copied each row)."""
    conn = target.conn
    report.articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    report.originals = int(conn.execute("SELECT count(*) FROM originals").fetchone()[0])
    report.annotations = int(conn.execute("SELECT count(*) FROM annotations").fetchone()[0])
    report.tags = int(conn.execute("SELECT count(*) FROM annotation_tags").fetchone()[0])


def _open_damaged(db_path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            f"file:{db_path.absolute().as_posix()}?mode=ro", uri=True, isolation_level=None
        )
        conn.text_factory = bytes
        return conn
    except sqlite3.Error as exc:
        raise LibraryError(f"{db_path} cannot be opened at all ({exc}).") from exc


def _salvaged(db_path: Path, scratch_dir: Path) -> sqlite3.Connection | None:
    """A scratch database rebuilt by ``sqlite3 .recover``, or None when unavailable."""
    program = shutil.which("sqlite3")
    if program is None:
        return None
    copy = scratch_dir / "salvaged.sqlite3"
    try:
        dump = subprocess.run(
            [program, "-readonly", str(db_path), ".recover"],
            capture_output=True, timeout=_RECOVER_TIMEOUT_S, check=False,
        )
        if dump.returncode != 0 or not dump.stdout:
            return None
        load = subprocess.run(
            [program, str(copy)], input=dump.stdout, capture_output=True,
            timeout=_RECOVER_TIMEOUT_S, check=False,
        )
        if load.returncode != 0:
            return None
        conn = connect(copy, read_only=True)
        conn.row_factory = None
        conn.text_factory = bytes
        conn.execute("SELECT count(*) FROM articles").fetchone()
        return conn
    except (OSError, subprocess.SubprocessError, sqlite3.Error):
        return None


# -- copying ---------------------------------------------------------------


def _copy(source: sqlite3.Connection, target: Library, report: RecoverReport) -> None:
    conn = target.conn
    copied = {str(r[0]) for r in conn.execute("SELECT id FROM articles")}
    max_gen = int(conn.execute("SELECT coalesce(max(gen), 0) FROM articles").fetchone()[0])
    with transaction(conn):
        for row in _rows(source, "articles", _ARTICLE_COLUMNS, report):
            values = _texts(row, report, blobs=())
            if values[0] is None or values[3] is None:
                report.unreadable_rows += 1
                continue
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})",
                values,
            )
            if cursor.rowcount:
                copied.add(str(values[0]))
                report.articles += 1
                max_gen = max(max_gen, _int(values[-1]))
        for row in _rows(source, "originals", _ORIGINAL_COLUMNS, report):
            values = _texts(row, report, blobs=(5,))
            if values[0] not in copied:
                if _rebuild_from_original(conn, values, report):
                    copied.add(str(values[0]))
                else:
                    continue
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO originals ({', '.join(_ORIGINAL_COLUMNS)}) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                values,
            )
            report.originals += cursor.rowcount
        notes = {str(r[0]) for r in conn.execute("SELECT id FROM annotations")}
        columns = _ANNOTATION_COLUMNS + _present(source, "annotations", _LATER_ANNOTATION_COLUMNS)
        for row in _rows(source, "annotations", columns, report):
            values = _texts(row, report, blobs=())
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO annotations ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                values,
            )
            if cursor.rowcount:
                notes.add(str(values[0]))
                report.annotations += 1
        for row in _rows(source, "annotation_tags", _TAG_COLUMNS, report):
            values = _texts(row, report, blobs=())
            if values[0] not in notes:
                continue
            cursor = conn.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag) VALUES (?, ?)",
                values,
            )
            report.tags += cursor.rowcount
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'generation'", (str(max(max_gen, 1)),)
        )


_KIND_BY_MEDIA_TYPE = {"text/plain": "text", "application/json": "jsonl"}
RECOVERED_SOURCE = "(recovered from its stored original)"


def _rebuild_from_original(
    conn: sqlite3.Connection, values: tuple[object, ...], report: RecoverReport
) -> bool:
    """Extract an article again from its original when its own row was lost."""
    from desktop.core.ingest.extractors import extract_fields

    article_id, media_type, encoding, hints_json, compression, data = values
    if not isinstance(article_id, str) or not isinstance(data, bytes):
        return False
    try:
        raw = zlib.decompress(data) if compression == "zlib" else data
        hints = json.loads(str(hints_json or "{}"))
        if not isinstance(hints, dict):
            hints = {}
        kind = _KIND_BY_MEDIA_TYPE.get(str(media_type))
        if kind is None:
            kind = "warc" if hints.get("date") else "html"
        extracted, _ = extract_fields(
            kind,  # type: ignore[arg-type]
            raw,
            hints={str(k): str(v) for k, v in hints.items()},
            encoding=encoding if isinstance(encoding, str) else None,
            source_name=str(hints.get("name", "")),
        )
    except (zlib.error, ValueError, UserError):
        return False
    now = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = conn.execute(
        f"INSERT OR IGNORE INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})",
        (
            article_id, content_hash_for(extracted.body), extracted.title, extracted.body,
            extracted.published.isoformat() if extracted.published else None,
            extracted.site, extracted.url, extracted.author, extracted.language,
            RECOVERED_SOURCE, None, kind, now, 1,
        ),
    )
    if cursor.rowcount:
        report.rebuilt_from_originals += 1
    return bool(cursor.rowcount)


def _present(
    source: sqlite3.Connection, table: str, columns: tuple[str, ...]
) -> tuple[str, ...]:
    """Those of ``columns`` that ``table`` has (none when its schema cannot be read)."""
    try:
        rows = source.execute(f"PRAGMA table_info({table})").fetchall()
    except sqlite3.DatabaseError:
        return ()
    have = {r[1].decode("utf-8", "replace") if isinstance(r[1], bytes) else str(r[1]) for r in rows}
    return tuple(c for c in columns if c in have)


def _rows(
    source: sqlite3.Connection, table: str, columns: tuple[str, ...], report: RecoverReport
) -> Iterator[tuple[object, ...]]:
    """Every readable row of ``table``, fetched by rowid; unreadable rows are counted."""
    rowids = _rowids(source, table)
    select = f"SELECT {', '.join(_quoted(c) for c in columns)} FROM {table} WHERE rowid = ?"
    for rowid in sorted(rowids):
        try:
            row = source.execute(select, (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            report.unreadable_rows += 1
            continue
        if row is not None:
            yield tuple(row)


def _rowids(source: sqlite3.Connection, table: str) -> set[int]:
    """Rowids found by a table scan and by a scan of every index on the table."""
    found: set[int] = set()
    _collect(source, f"SELECT rowid FROM {table}", found)
    try:
        indexes = [
            bytes(r[0]).decode("utf-8", "replace") if isinstance(r[0], bytes) else str(r[0])
            for r in source.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
            )
        ]
    except sqlite3.DatabaseError:
        indexes = []
    for name in indexes:
        _collect(source, f"SELECT rowid FROM {table} INDEXED BY {_quoted(name)}", found)
    return found


def _collect(source: sqlite3.Connection, sql: str, found: set[int]) -> None:
    try:
        for (rowid,) in source.execute(sql):
            found.add(int(rowid))
    except sqlite3.DatabaseError:
        pass  # keep what was read before the damage


def _texts(
    row: tuple[object, ...], report: RecoverReport, *, blobs: tuple[int, ...]
) -> tuple[object, ...]:
    """Decode text columns read as bytes; invalid UTF-8 is replaced and counted."""
    repaired = False
    values: list[object] = []
    for i, value in enumerate(row):
        if isinstance(value, bytes) and i not in blobs:
            try:
                values.append(value.decode("utf-8"))
            except UnicodeDecodeError:
                values.append(value.decode("utf-8", "replace"))
                repaired = True
        else:
            values.append(value)
    if repaired:
        report.repaired_text += 1
    return tuple(values)


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return 0


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
