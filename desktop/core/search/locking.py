"""One writer at a time: a lock per index folder within the process plus a file lock.

A second thread waits for the first; another process waits up to ``wait``
seconds and then gets ``IndexBusyError`` (``wait=0`` only tries once). Readers
never take this lock: they read the last committed index.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh.util.filelock import FileLock, try_for

from desktop.core.errors import UserError

LOCK_FILE = "write.lock"

_guard = threading.Lock()
_thread_locks: dict[str, threading.Lock] = {}


class IndexBusyError(UserError):
    """Another process is writing the search index."""


def _thread_lock(index_dir: Path) -> threading.Lock:
    key = str(index_dir.resolve())
    with _guard:
        lock = _thread_locks.get(key)
        if lock is None:
            lock = _thread_locks[key] = threading.Lock()
        return lock


class IndexFolderError(UserError):
    """The index folder cannot be created or used (a plain file is in its place, say)."""


def ensure_index_dir(index_dir: Path) -> None:
    """Create the index folder; one clear error when something else is in the way."""
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexFolderError(
            f"The search index folder {index_dir} is a file, not a folder: "
            "move it away, then run 'archive-browser reindex'."
        )
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexFolderError(
            f"Cannot create the search index folder {index_dir}: {exc.strerror or exc}."
        ) from exc


@contextmanager
def index_write_lock(index_dir: Path, wait: float) -> Iterator[None]:
    ensure_index_dir(index_dir)
    tlock = _thread_lock(index_dir)
    if not tlock.acquire(timeout=max(wait, 0.0)):
        raise IndexBusyError(
            "The search index is busy: it is being updated by another task. Try again shortly."
        )
    try:
        flock = FileLock(str(index_dir / LOCK_FILE))
        if not try_for(flock.acquire, timeout=max(wait, 0.0), delay=0.05):
            raise IndexBusyError(
                "The search index is busy: another Archive Browser process is updating it. "
                "Try again when it has finished."
            )
        try:
            yield
        finally:
            flock.release()
    finally:
        tlock.release()
