"""``import``: bring files, folders, zips, HTML, WARC/WACZ and JSON Lines into the library.

``--json`` prints exactly ``{"imported", "duplicates", "failed", "ids"}``. The
command returns only when the search index agrees with the store. Ctrl+C stops
after the current document and keeps everything already committed.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from desktop.commands.base import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandContext,
    print_json,
)
from desktop.commands.progress import StatusLine
from desktop.core.errors import UserError
from desktop.core.ingest import import_paths
from desktop.core.ingest.failures import summary_lines
from desktop.core.models import ImportProgress, ImportReport
from desktop.core.search.index import IndexDiskFullError
from desktop.core.search.interface import catch_up_search
from desktop.core.search.locking import IndexBusyError
from desktop.core.store import Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import text dumps, HTML pages, WARC/ARC/WACZ, JSON Lines, zips and folders",
        description="Import files and folders (recursively). Re-importing is harmless: "
        "articles already in the library count as duplicates.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder to import")
    p.add_argument("--json", action="store_true", help="print the outcome as one JSON object")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    paths = [Path(p).expanduser() for p in args.paths]
    for path in paths:
        if not path.exists():
            raise UserError(f"No such file or folder: {path}")
    lib = ctx.open_library(create=True)
    status = StatusLine.on_stderr()
    with _CtrlC() as interrupted:
        report = import_paths(
            lib,
            paths,
            progress=(lambda p: status.write(_import_status(p))) if status else None,
            cancel=interrupted.is_set,
        )
    counter = status.counter("Indexing") if status else None
    index_error = _sync_index(lib, counter)
    if status:
        status.finish()
    if args.json:
        print_json(report.public_dict())
    else:
        _print_summary(report)
    if index_error is _DISK_FULL:
        print(
            f"archive-browser: The disk is full: {report.imported:,} articles were stored; "
            "the search index will catch up when space is freed",
            file=sys.stderr,
        )
    elif index_error is _BUSY:
        print(
            "archive-browser: the search index is being updated by another task; "
            "it will catch up with these articles on its next use",
            file=sys.stderr,
        )
    elif index_error:
        print(
            f"archive-browser: the search index could not be updated ({index_error}); "
            "run `archive-browser reindex`",
            file=sys.stderr,
        )
    if report.cancelled:
        print("archive-browser: interrupted; what was imported so far is kept", file=sys.stderr)
        return EXIT_INTERRUPTED
    if index_error and index_error is not _BUSY:
        return EXIT_FAILURE
    if report.imported or report.duplicates:
        return EXIT_OK
    return EXIT_FAILURE


def _import_status(p: ImportProgress) -> str:
    if p.total:
        head = f"[{p.done}/{p.total}] {100 * p.done // max(p.total, 1):3d}%"
    else:
        head = "[scanning]"
    return f"{head} {p.imported} imported, {p.duplicates} duplicates, {p.failed} failed"


# What ``_sync_index`` returns when the disk filled up (the store is committed).
_DISK_FULL = "disk full"
# ... and when another task (a long reindex) holds the index.
_BUSY = "busy"


def _sync_index(lib: Library, progress: Callable[[int, int], None] | None) -> str | None:
    """Bring the search index in line with the store. Returns an error message, if any."""
    try:
        catch_up_search(lib, progress)
    except IndexDiskFullError:
        return _DISK_FULL
    except IndexBusyError:
        return _BUSY
    except UserError as exc:
        return str(exc)
    return None


def _print_summary(report: ImportReport) -> None:
    parts = [f"{report.imported} imported", f"{report.duplicates} duplicates"]
    parts.append(f"{len(report.failed)} failed")
    if report.skipped:
        parts.append(f"{report.skipped} skipped (unsupported file types)")
    print(", ".join(parts))
    for note in report.duplicate_of:
        how = "recorded as a further source of" if note.recorded else "already stored as"
        print(f"duplicate: {note.source}: {how} {note.article_id[:12]} {note.title}")
    for line in summary_lines(report.failed):
        print(line)


class _CtrlC:
    """While active, the first Ctrl+C asks the import to stop after the current document."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._previous: object = None

    def __enter__(self) -> threading.Event:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self.event

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.event.set()

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]
