"""Progress throttling: at most ~20 calls per second, forced calls always go through."""

from __future__ import annotations

import pytest

from desktop.core.ingest import progress as progress_module
from desktop.core.ingest.progress import ProgressThrottle
from desktop.core.models import ImportProgress, ImportReport


def test_at_most_twenty_calls_per_second(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: now[0])
    calls: list[ImportProgress] = []
    throttle = ProgressThrottle(calls.append)
    report = ImportReport()
    for i in range(1000):  # 1000 updates spread over two simulated seconds
        now[0] += 0.002
        throttle.done = i
        throttle.update(report)
    assert 38 <= len(calls) <= 41
    throttle.update(report, force=True)
    assert len(calls) <= 42 and calls[-1].done == 999


def test_no_callback_is_fine() -> None:
    ProgressThrottle(None).update(ImportReport(), force=True)
