"""Throttled progress reporting for long imports (at most ~20 calls per second)."""

from __future__ import annotations

import time
from collections.abc import Callable

from desktop.core.models import ImportProgress, ImportReport

ProgressCallback = Callable[[ImportProgress], None]


class ProgressThrottle:
    """Sends ``ImportProgress`` to a callback no more often than ``interval`` seconds."""

    def __init__(self, callback: ProgressCallback | None, interval: float = 0.05):
        self._callback = callback
        self._interval = interval
        self._last = 0.0
        self.done = 0
        self.total: int | None = None
        self.current = ""

    def update(self, report: ImportReport, *, force: bool = False) -> None:
        if self._callback is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self._interval:
            return
        self._last = now
        self._callback(
            ImportProgress(
                done=self.done,
                total=self.total,
                current=self.current,
                imported=report.imported,
                duplicates=report.duplicates,
                failed=len(report.failed),
            )
        )
