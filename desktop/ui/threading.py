"""Running work off the GUI thread and bringing results back safely.

Rules the app follows (see also ``search_service`` and ``importing.controller``):

* Long work never runs on the GUI thread. One-shot jobs go through
  :func:`run_task` (a ``QThreadPool``); long-lived workers own a ``QThread``.
* Results come back through queued signals of a ``QObject`` that lives on the
  GUI thread, so slots always run there.
* Progress is throttled (``core/progress.Throttle``) to at most ~20 updates a second so
  the event loop is never flooded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["run_task"]


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
            self._deliver(self._signals.failed, exc)
        else:
            self._deliver(self._signals.done, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver is gone (the app is closing): nobody to tell
            pass


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
