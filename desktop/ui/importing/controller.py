"""The single writer: imports files and keeps the search index in line, off the GUI thread.

``ImportController`` owns one ``QThread`` on which a worker opens its own
library connection. It runs ``import_paths`` (committed in chunks by the
core; cancelling keeps what was committed) and then syncs the search index,
so every index write in the app goes through this one thread. Progress
reaches the GUI throttled to ~20 updates a second.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.errors import UserError
from desktop.core.models import ImportProgress, ImportReport
from desktop.core.store import Library
from desktop.ui.backend import sync_search_index
from desktop.ui.threading import Throttle

PROGRESS_INTERVAL = 0.05  # seconds: at most 20 progress updates a second


@dataclass(frozen=True)
class IndexProgress:
    """Progress of the index catch-up: documents written so far, out of ``total``."""

    done: int
    total: int


def import_function() -> Callable[..., ImportReport]:
    try:
        from desktop.core.ingest.pipeline import import_paths
    except ImportError as exc:
        raise UserError("Importing is not available in this build.") from exc
    return import_paths  # type: ignore[no-any-return]


class _WriterWorker(QObject):
    progress = Signal(object)  # ImportProgress
    index_progress = Signal(object)  # IndexProgress
    imported = Signal(object)  # ImportReport, before the index catch-up
    finished = Signal(object)  # ImportReport | None (None: an index catch-up alone)
    failed = Signal(str)

    def __init__(self, opener: Callable[[], Library]):
        super().__init__()
        self._opener = opener
        self.cancel_event = threading.Event()

    @Slot(object)
    def run_import(self, paths: list[Path]) -> None:
        report: ImportReport | None = None
        try:
            importer = import_function()
            library = self._opener()
            try:
                throttle = Throttle(self.progress.emit, PROGRESS_INTERVAL)
                report = importer(
                    library, paths, progress=throttle.offer, cancel=self.cancel_event.is_set
                )
                throttle.flush()
                self.imported.emit(report)
                self._sync(library)
            finally:
                library.close()
        except UserError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # shown as one line, never a traceback
            self.failed.emit(f"Import failed: {exc}")
            return
        self.finished.emit(report)

    @Slot()
    def run_sync(self) -> None:
        try:
            library = self._opener()
            try:
                self._sync(library)
            finally:
                library.close()
        except Exception as exc:
            self.failed.emit(f"Updating the search index failed: {exc}")
            return
        self.finished.emit(None)

    def _sync(self, library: Library) -> None:
        throttle = Throttle(self.index_progress.emit, PROGRESS_INTERVAL)
        sync_search_index(library, lambda done, total: throttle.offer(IndexProgress(done, total)))
        throttle.flush()


class ImportController(QObject):
    """GUI-side handle of the writer thread. One job at a time."""

    started = Signal()
    progress = Signal(object)  # ImportProgress
    index_progress = Signal(object)  # IndexProgress
    imported = Signal(object)  # ImportReport (articles are in the store)
    finished = Signal(object)  # ImportReport | None (store and index both done)
    failed = Signal(str)

    _run_import = Signal(object)
    _run_sync = Signal()

    def __init__(self, opener: Callable[[], Library], parent: QObject | None = None):
        super().__init__(parent)
        self._importing = False
        self._jobs = 0
        self._thread = QThread(self)
        self._thread.setObjectName("writer")
        self._worker = _WriterWorker(opener)
        self._worker.moveToThread(self._thread)
        self._run_import.connect(self._worker.run_import)
        self._run_sync.connect(self._worker.run_sync)
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
        self._run_import.emit([Path(p) for p in paths])
        return True

    def sync_index(self) -> bool:
        """Queue an index catch-up with the store (e.g. after a CLI import)."""
        self._jobs += 1
        self._run_sync.emit()
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
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(30000)


def describe(progress: ImportProgress) -> str:
    return Path(progress.current).name if progress.current else ""
