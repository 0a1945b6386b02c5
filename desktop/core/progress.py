"""Progress reports, rate-limited to about 20 a second, so no receiver is flooded.

``Throttle`` lets a value through at most once per interval and keeps the last
one held back for ``flush``. ``ImportProgressTracker`` is the one throttle of an
import: the pipeline counts units into it and the ``ImportProgress`` it sends
goes to the CLI's status line or the app's writer unthrottled from there on.
Plain Python, so worker processes and the CLI use it as well as the UI.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from desktop.core.models import ImportProgress, ImportReport

PROGRESS_INTERVAL = 0.05  # seconds: at most 20 reports a second
ProgressCallback = Callable[[ImportProgress], None]


class Throttle:
    """Lets a call through at most once per ``interval`` seconds; remembers the last value.

    ``offer(value)`` emits immediately when the interval has passed, otherwise
    keeps the value; ``flush()`` emits what is pending.
    """

    def __init__(self, emit: Callable[[Any], None], interval: float = PROGRESS_INTERVAL):
        self._emit = emit
        self._interval = interval
        self._last = 0.0
        self._pending: Any = None
        self._has_pending = False

    def due(self) -> bool:
        """True when a value offered now would go through."""
        return time.monotonic() - self._last >= self._interval

    def offer(self, value: Any) -> None:
        if self.due():
            self.send(value)
        else:
            self._pending = value
            self._has_pending = True

    def send(self, value: Any) -> None:
        """Emit ``value`` now, whatever the interval; a value held back is dropped."""
        self._last = time.monotonic()
        self._has_pending = False
        self._pending = None
        self._emit(value)

    def flush(self) -> None:
        if self._has_pending:
            self.send(self._pending)


class ImportProgressTracker:
    """Counts an import's units and sends ``ImportProgress`` through one ``Throttle``.

    Updates between two reports are dropped (each report carries the whole state),
    so nothing is built for them; a forced update always goes through.
    """

    def __init__(self, callback: ProgressCallback | None, interval: float = PROGRESS_INTERVAL):
        self._callback = callback
        self._throttle = Throttle(callback or (lambda _: None), interval)
        self.done = 0
        self.total: int | None = None
        self.current = ""

    def update(self, report: ImportReport, *, force: bool = False) -> None:
        if self._callback is None or not (force or self._throttle.due()):
            return
        self._throttle.send(
            ImportProgress(
                done=self.done,
                total=self.total,
                current=self.current,
                imported=report.imported,
                duplicates=report.duplicates,
                failed=len(report.failed),
            )
        )
