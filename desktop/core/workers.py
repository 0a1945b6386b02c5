"""Pools of worker processes for long work: started with ``spawn`` (safe under a Qt GUI
thread, and the same on every platform), with Ctrl+C left to the process that owns them.

Ctrl+C reaches the whole process group; the owning process decides what to do (stop
after the current document, roll back a fill) and ends its workers itself.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Any


def spawn_pool(workers: int, initializer: Callable[..., None] | None = None,
               initargs: tuple[Any, ...] = ()) -> Pool:
    """``workers`` spawned processes that ignore Ctrl+C, each set up by
    ``initializer(*initargs)`` when given (a module-level function)."""
    context = multiprocessing.get_context("spawn")
    return context.Pool(workers, initializer=_start, initargs=(initializer, initargs))


def _start(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
