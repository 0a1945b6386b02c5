"""Running work off the GUI thread and bringing results back safely.

Rules the app follows (see also ``search_service`` and ``importing.controller``):

* Long work never runs on the GUI thread. One-shot jobs go through
  :func:`run_task` (a ``QThreadPool``); long-lived workers own a ``QThread``.
* Results come back through queued signals of a ``QObject`` that lives on the
  GUI thread, so slots always run there.
* Progress is throttled (:class:`Throttle`) to at most ~20 updates a second so
  the event loop is never flooded.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _TaskSignals):
        super().__init__()
        self._fn = fn
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


_live: set[_TaskSignals] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn`` on a pool thread; ``on_done``/``on_error`` run on the calling (GUI) thread."""
    signals = _TaskSignals()  # created here, so it lives on the GUI thread
    _live.add(signals)

    def finish() -> None:
        _live.discard(signals)
        signals.deleteLater()

    if on_done is not None:
        signals.done.connect(on_done)
    if on_error is not None:
        signals.failed.connect(on_error)
    signals.done.connect(finish)
    signals.failed.connect(finish)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, signals))


class Throttle:
    """Lets a call through at most once per ``interval`` seconds; remembers the last value.

    Used on worker threads: ``offer(value)`` emits immediately when the interval
    has passed, otherwise keeps the value; ``flush()`` emits what is pending.
    """

    def __init__(self, emit: Callable[[Any], None], interval: float = 0.05):
        self._emit = emit
        self._interval = interval
        self._last = 0.0
        self._pending: Any = None
        self._has_pending = False

    def offer(self, value: Any) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval:
            self._last = now
            self._has_pending = False
            self._pending = None
            self._emit(value)
        else:
            self._pending = value
            self._has_pending = True

    def flush(self) -> None:
        if self._has_pending:
            self._has_pending = False
            value, self._pending = self._pending, None
            self._last = time.monotonic()
            self._emit(value)
