"""Rate-limiting progress reports; plain Python so worker processes can use it too."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


class Throttle:
    """Lets a call through at most once per ``interval`` seconds; remembers the last value.

    ``offer(value)`` emits immediately when the interval has passed, otherwise
    keeps the value; ``flush()`` emits what is pending.
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
