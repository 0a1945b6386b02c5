"""The single writer: imports files and keeps the search index in line, off the GUI thread.

``ImportController`` owns one ``QThread``; each job (an import followed by an
index catch-up, or a catch-up alone) runs there one after the other, so every
index write in the app goes through this one writer. By default the job itself
runs in a child process (``multiprocessing``, spawn) that the thread drives:
the GUI thread then never waits for the GIL while the parser or the index
builder is busy in C code. ``isolate=False`` runs the job on the thread itself
(tests, and platforms where child processes are not wanted).

Progress reaches the GUI throttled to ~20 updates a second. Cancelling stops
the import between documents; what was committed is kept and indexed.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.models import ImportReport
from desktop.core.writer_job import drain, process_main, run_writer_job

STOP_WAIT_S = 30.0


@dataclass(frozen=True)
class IndexProgress:
    """Progress of the index catch-up: documents written so far, out of ``total``."""

    done: int
    total: int


class _WriterWorker(QObject):
    progress = Signal(object)  # ImportProgress
    index_progress = Signal(object)  # IndexProgress
    imported = Signal(object)  # ImportReport, before the index catch-up
    finished = Signal(object)  # ImportReport | None (None: an index catch-up alone)
    failed = Signal(str)

    def __init__(self, location: str, isolate: bool):
        super().__init__()
        self._root = location  # a folder, or a server's full address
        self._isolate = isolate
        self.cancel_event = threading.Event()
        self.stopping = threading.Event()

    @Slot(object)
    def run_job(self, paths: list[Path] | None) -> None:
        report: list[ImportReport] = []
        errors: list[str] = []

        def receive(kind: str, payload: Any) -> None:
            if kind == "progress":
                self.progress.emit(payload)
            elif kind == "imported":
                report.append(payload)
                self.imported.emit(payload)
            elif kind == "index":
                self.index_progress.emit(IndexProgress(int(payload[0]), int(payload[1])))
            elif kind == "error":
                errors.append(str(payload))

        if self._isolate:
            self._run_in_process(paths, receive)
        else:
            run_writer_job(self._root, paths, receive, self.cancel_event.is_set)
        if errors:
            self.failed.emit(errors[0])
        else:
            self.finished.emit(report[0] if report else None)

    def _run_in_process(self, paths: list[Path] | None, receive: Any) -> None:
        ctx = multiprocessing.get_context("spawn")
        messages = ctx.Queue()
        cancel = ctx.Event()
        process = ctx.Process(
            target=process_main,
            args=(
                self._root,
                None if paths is None else [str(p) for p in paths],
                messages,
                cancel,
            ),
            name="archive-browser-writer",
            daemon=False,  # the import itself starts extraction processes
        )
        process.start()
        finished = False
        stop_deadline: float | None = None
        while not finished:
            if self.cancel_event.is_set() or self.stopping.is_set():
                cancel.set()
            if self.stopping.is_set() and stop_deadline is None:
                stop_deadline = time.monotonic() + STOP_WAIT_S
            if stop_deadline is not None and time.monotonic() > stop_deadline:
                process.terminate()  # committed chunks are safe; the index catches up later
                receive("error", "The import was stopped.")
                break
            item = drain(messages, 0.1)
            if item is None:
                if not process.is_alive():
                    item = drain(messages, 0.5)
                    if item is None:
                        receive(
                            "error",
                            f"The import process stopped unexpectedly "
                            f"(exit code {process.exitcode}).",
                        )
                        break
                else:
                    continue
            kind, payload = item
            receive(kind, payload)
            finished = kind in ("done", "error")
        process.join(5)
        messages.close()


class ImportController(QObject):
    """GUI-side handle of the writer thread. Jobs run one after the other."""

    started = Signal()
    progress = Signal(object)  # ImportProgress
    index_progress = Signal(object)  # IndexProgress
    imported = Signal(object)  # ImportReport (articles are in the store)
    finished = Signal(object)  # ImportReport | None (store and index both done)
    failed = Signal(str)

    _run_job = Signal(object)

    def __init__(
        self, root: str | Path, *, isolate: bool = True, parent: QObject | None = None
    ):
        """``root``: the library's folder, or a server library's full address."""
        super().__init__(parent)
        self._importing = False
        self._jobs = 0
        self._thread = QThread(self)
        self._thread.setObjectName("writer")
        self._worker = _WriterWorker(str(root), isolate)
        self._worker.moveToThread(self._thread)
        self._run_job.connect(self._worker.run_job)
        self._worker.progress.connect(self.progress)
        self._worker.index_progress.connect(self.index_progress)
        self._worker.imported.connect(self.imported)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def is_busy(self) -> bool:
        """True while an import or an index catch-up is queued or running."""
        return self._jobs > 0

    def is_importing(self) -> bool:
        return self._importing

    def start_import(self, paths: Sequence[str | Path]) -> bool:
        """Queue an import; False (and nothing done) when an import is already running."""
        if self._importing or not paths:
            return False
        self._importing = True
        self._jobs += 1
        self._worker.cancel_event.clear()
        self.started.emit()
        self._run_job.emit([Path(p) for p in paths])
        return True

    def sync_index(self) -> bool:
        """Queue an index catch-up with the store (e.g. after a CLI import)."""
        self._jobs += 1
        self._run_job.emit(None)
        return True

    def cancel(self) -> None:
        self._worker.cancel_event.set()

    def _job_done(self) -> None:
        self._jobs = max(0, self._jobs - 1)

    def _on_finished(self, report: ImportReport | None) -> None:
        self._job_done()
        if report is not None:
            self._importing = False
        self.finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._job_done()
        self._importing = False
        self.failed.emit(message)

    def stop(self) -> None:
        self.cancel()
        self._worker.stopping.set()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(int((STOP_WAIT_S + 10) * 1000))
