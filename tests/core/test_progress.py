"""Progress throttling: at most ~20 calls per second, forced calls always go through."""

from __future__ import annotations

import time

import pytest

from desktop.core import progress as progress_module
from desktop.core.models import ImportProgress, ImportReport
from desktop.core.progress import ImportProgressTracker, Throttle


def test_at_most_twenty_calls_per_second(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: now[0])
    calls: list[ImportProgress] = []
    throttle = ImportProgressTracker(calls.append)
    report = ImportReport()
    for i in range(1000):  # 1000 updates spread over two simulated seconds
        now[0] += 0.002
        throttle.done = i
        throttle.update(report)
    assert 38 <= len(calls) <= 41
    throttle.update(report, force=True)
    assert len(calls) <= 42 and calls[-1].done == 999


def test_no_callback_is_fine() -> None:
    ImportProgressTracker(None).update(ImportReport(), force=True)


def test_throttle_limits_rate_and_flushes_last_value() -> None:
    emitted: list[int] = []
    throttle = Throttle(emitted.append, interval=0.05)
    started = time.monotonic()
    i = 0
    while time.monotonic() - started < 0.3:
        throttle.offer(i)
        i += 1
    throttle.flush()
    assert i > 100  # many offers...
    assert len(emitted) <= 0.3 / 0.05 + 2  # ...but only ~20 a second get through
    assert emitted[0] == 0 and emitted[-1] == i - 1
    throttle.flush()
    assert emitted[-1] == i - 1 and emitted.count(i - 1) == 1
