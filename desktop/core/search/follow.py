"""Indexing a large import while it runs, in a second process.

An import spends most of its time in this process (reading files, writing
SQLite) and in its extraction worker; indexing afterwards would add its whole
time on top. ``IndexFollower`` starts one child process, the single writer of
the index for the import's duration (it holds the index write lock), that
indexes what the import has committed as it goes (``SearchIndex.follow``). The
store stays the source of truth: the import never waits for the index, and the
catch-up that runs after every import (``SearchIndex.catch_up``) writes whatever
the follower did not, so a follower that fails or is stopped loses nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop.core.spawning import spawn_is_safe

# Below this many documents an import is indexed afterwards: a second process
# costs about a second to start.
FOLLOW_MIN_DOCUMENTS = 2000
# How long the import waits for the follower to open the index before storing.
READY_WAIT = 60.0


class IndexFollower:
    """Indexes a large import of the library at ``root`` beside it (see the module).

    Give it to ``import_paths`` as ``alongside``; ``finish`` (or leaving the ``with``
    block) waits until it has indexed everything the import stored."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._process: Any = None
        self._done: Any = None
        self._ready: Any = None

    def __enter__(self) -> IndexFollower:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.finish()

    @property
    def started(self) -> bool:
        return self._process is not None

    def planned(self, documents: int) -> None:
        """Start the follower when the import is large enough and children can start."""
        if self._process is not None or documents < FOLLOW_MIN_DOCUMENTS:
            return
        if (os.cpu_count() or 1) < 2 or not spawn_is_safe():
            return
        context = multiprocessing.get_context("spawn")
        self._done = context.Event()
        self._ready = context.Event()
        self._process = context.Process(
            target=follow_main, args=(str(self.root), self._done, self._ready), daemon=True
        )
        self._process.start()

    def before_store(self) -> None:
        """Wait until the follower has opened the index (or has stopped)."""
        if self._process is None:
            return
        waited = 0.0
        while not self._ready.wait(0.1) and self._process.is_alive() and waited < READY_WAIT:
            waited += 0.1

    def finish(self) -> None:
        """Tell the follower the import is over and wait for it to finish indexing."""
        if self._process is None:
            return
        self._done.set()
        self._process.join()
        self._process = None


def follow_main(root: str, done: Any, ready: Any) -> None:
    """Entry point of the follower process."""
    # Ctrl+C reaches the whole process group: the import decides, and then says done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from desktop.core.search.index import SearchIndex
        from desktop.core.store import Library

        library = Library.open(Path(root), create=False)
        try:
            index = SearchIndex.open(library)
            try:
                ready.set()
                parent = multiprocessing.parent_process()
                # A killed import says nothing: a follower whose parent is gone stops too.
                index.follow(
                    lambda: done.is_set() or (parent is not None and not parent.is_alive())
                )
            finally:
                index.close()
        finally:
            library.close()
    except Exception:  # noqa: BLE001, S110 - the catch-up after the import reports it
        pass
    finally:
        ready.set()
