"""A one-thread pool for near-duplicate jobs.

Scans can take many seconds on a large library; queuing them here keeps them
from occupying the shared pool's threads that other panels rely on.
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

_pool: QThreadPool | None = None


def neardup_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("neardupPool")
        _pool.setMaxThreadCount(1)
    return _pool
