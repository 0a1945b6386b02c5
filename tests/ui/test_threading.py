"""Background tasks report back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from desktop.ui.threading import run_task


def test_run_task_delivers_result_on_gui_thread(qtbot) -> None:
    seen: list[tuple[object, bool]] = []
    worker_threads: list[int] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    run_task(work, lambda r: seen.append((r, QThread.currentThread().isMainThread())))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]
    assert worker_threads[0] != threading.get_ident()


def test_run_task_delivers_errors(qtbot) -> None:
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("broken input")

    run_task(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "broken input"


