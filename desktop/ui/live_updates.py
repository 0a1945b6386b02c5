"""``GenerationWatcher``: notices changes other people make to the library, off the GUI thread.

Several people (app windows, the command line, a team on a server) may write to
one library. Every write bumps the store's generation counter, so a cheap read
of it says whether anything changed. Every ``INTERVAL_MS`` the watcher starts
that read on a pool thread (``run_task``), on a connection of its own opened
once through the library's opener and kept; a read still running when the next
tick comes is not doubled. When the counter moved, ``moved`` is emitted once, on
the GUI thread, however much changed in between, with what the ``prepare``
function's reader read on the same pool thread and connection (what the parts
listening show, so the GUI thread only puts it on screen). A read that fails (a
server that went away) is reported through ``failed`` with the exception; the
next tick opens a fresh connection and tries again, and ``recovered`` says when
it answers again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.store.library import LibraryOpener
from desktop.ui.threading import run_task

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

INTERVAL_MS = 1500

# Reads what a part shows from the watcher's own connection, on the pool thread.
Reader = Callable[["AnyLibrary"], object]


class GenerationWatcher(QObject):
    """Polls the library's generation counter (see the module docstring)."""

    moved = Signal(int, object)  # the new generation, what the prepared reader read (or None)
    failed = Signal(object)  # the exception the read raised
    recovered = Signal()  # a read answered again after a failure

    def __init__(
        self,
        is_shut: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        prepare: Callable[[], Reader] | None = None,
    ):
        super().__init__(parent)
        self._is_shut = is_shut
        self._prepare = prepare  # on the GUI thread, each tick: what to read if it moved
        self._opener: LibraryOpener | None = None
        self._probe: AnyLibrary | None = None  # touched only by the one read in flight
        self._seen: int | None = None
        self._busy = False
        self._stale = False  # the library changed while a read was running
        self._failing = False
        self.last_read_ms = 0.0  # how long the last read took (for the benchmark)
        self.reads = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def watch(self, opener: LibraryOpener, generation: int) -> None:
        """Follow the library ``opener`` opens, whose generation is ``generation`` now."""
        self._drop_probe()
        self._opener = opener
        self._seen = generation
        self._failing = False
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._opener = None
        self._drop_probe()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        """Start one read of the generation unless one is running (called by the timer)."""
        if self._is_shut():
            self.stop()
            return
        if self._busy or self._opener is None:
            return
        self._busy = True
        opener, seen = self._opener, self._seen
        reader = self._prepare() if self._prepare is not None else None
        run_task(lambda: self._read(opener, seen, reader), self._on_read, self._on_failed)

    def _read(
        self, opener: LibraryOpener, seen: int | None, reader: Reader | None
    ) -> tuple[int, float, object]:
        """On a pool thread: the generation, how long reading it took (ms), and what
        ``reader`` read when it moved."""
        began = time.perf_counter()
        if self._probe is None:
            self._probe = opener()
        generation = self._probe.articles.generation()
        took_ms = (time.perf_counter() - began) * 1000
        moved = seen is None or generation != seen
        return generation, took_ms, reader(self._probe) if moved and reader else None

    def _on_read(self, answer: Any) -> None:
        self._busy = False
        if self._stale or self._opener is None:
            self._drop_probe()
            return
        generation, took_ms, payload = answer
        self.last_read_ms = float(took_ms)
        self.reads += 1
        if self._failing:
            self._failing = False
            self.recovered.emit()
        if self._seen is None or generation != self._seen:
            self._seen = int(generation)
            self.moved.emit(self._seen, payload)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._drop_probe()  # the next tick opens a fresh connection
        if self._opener is None:
            return
        self._failing = True
        self.failed.emit(exc)

    def _drop_probe(self) -> None:
        if self._busy:
            self._stale = True  # closed when the running read comes back
            return
        self._stale = False
        probe, self._probe = self._probe, None
        if probe is not None:
            try:
                probe.close()
            except Exception:  # a connection to a server that went away
                pass
