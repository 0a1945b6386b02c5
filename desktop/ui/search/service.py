"""The one search thread: it owns its own Library and SearchIndex, opened there.

The GUI calls :meth:`SearchService.submit` with a ``SearchRequest`` and gets a
request id back; answers arrive on the GUI thread through ``answered`` /
``failed`` with that id. Each request belongs to a *generation* (a new query
starts one); requests of an older generation still waiting in the queue are
skipped, and the controller drops answers whose generation is stale.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.errors import ServerUnreachable, UserError
from desktop.core.search.models import SearchRequest, SearchResult
from desktop.core.store import Library
from desktop.core.store.faults import library_fault
from desktop.ui.search.backend import Backend

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary


@dataclass(frozen=True)
class Answer:
    request_id: int
    generation: int
    request: SearchRequest
    result: SearchResult


@dataclass(frozen=True)
class SpansAnswer:
    request_id: int
    article_id: str
    spans: list[tuple[int, int]]


class _SearchWorker(QObject):
    answered = Signal(object)  # Answer
    spans_ready = Signal(object)  # SpansAnswer
    failed = Signal(int, int, str)  # request id, generation, message
    counted = Signal(int, int)  # request id, total (-1 when the search failed)
    unreachable = Signal(str)  # a server library could not be reached (the message)

    def __init__(self, opener: Callable[[], AnyLibrary], use_index: bool):
        super().__init__()
        self._opener = opener
        self._use_index = use_index
        self._backend: Backend | None = None
        self.latest_generation = 0  # written by the GUI thread, read here

    def _get_backend(self) -> Backend:
        if self._backend is None:
            self._backend = Backend(self._opener(), use_index=self._use_index)
        return self._backend

    @Slot(int, int, object)
    def run_request(self, request_id: int, generation: int, request: SearchRequest) -> None:
        if generation < self.latest_generation:
            return  # the user has typed on; nobody wants this answer
        try:
            result = self._get_backend().run(request)
        except ServerUnreachable as exc:
            self._lost()
            self.unreachable.emit(str(exc))
            self.failed.emit(request_id, generation, str(exc))
        except UserError as exc:
            self.failed.emit(request_id, generation, str(exc))
        except sqlite3.DatabaseError as exc:  # damage found while searching: say what to do
            library = self._backend.library if self._backend else None
            db_path = library.db_path if isinstance(library, Library) else Path("library.sqlite3")
            self.failed.emit(request_id, generation, str(library_fault(exc, db_path)))
        except Exception as exc:  # shown as one line; the thread keeps serving
            self.failed.emit(request_id, generation, f"Search failed: {exc}")
        else:
            self.answered.emit(Answer(request_id, generation, request, result))

    @Slot(int, str, str, str)
    def run_spans(self, request_id: int, article_id: str, body: str, query: str) -> None:
        try:
            spans = self._get_backend().highlight_spans(body, query)
        except Exception:
            spans = []
        self.spans_ready.emit(SpansAnswer(request_id, article_id, spans))

    @Slot(int, object)
    def run_count(self, request_id: int, request: SearchRequest) -> None:
        try:
            total = self._get_backend().run(request).total
        except Exception:  # a saved search that no longer parses counts as unknown
            total = -1
        self.counted.emit(request_id, total)

    @Slot()
    def refresh(self) -> None:
        if self._backend is not None:
            self._backend.refresh_index()

    def _lost(self) -> None:
        """The server went away: the next request connects afresh."""
        backend, self._backend = self._backend, None
        if backend is not None:
            try:
                backend.close()
            except Exception:  # closing a connection that is already gone
                pass

    @Slot()
    def shutdown(self) -> None:
        if self._backend is not None:
            self._backend.close()
            self._backend = None


class SearchService(QObject):
    """GUI-side handle of the search thread."""

    answered = Signal(object)  # Answer
    spans_ready = Signal(object)  # SpansAnswer
    failed = Signal(int, int, str)
    counted = Signal(int, int)  # request id, total (-1 when the search failed)
    unreachable = Signal(str)  # a server library could not be reached (the message)

    _run_count = Signal(int, object)
    _run_request = Signal(int, int, object)
    _run_spans = Signal(int, str, str, str)
    _refresh = Signal()

    def __init__(
        self,
        opener: Callable[[], AnyLibrary],
        *,
        use_index: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._next_id = 0
        self._thread = QThread(self)
        self._thread.setObjectName("search")
        self._worker = _SearchWorker(opener, use_index)
        self._worker.moveToThread(self._thread)
        self._run_request.connect(self._worker.run_request)
        self._run_spans.connect(self._worker.run_spans)
        self._run_count.connect(self._worker.run_count)
        self._worker.counted.connect(self.counted)
        self._refresh.connect(self._worker.refresh)
        self._worker.answered.connect(self.answered)
        self._worker.spans_ready.connect(self.spans_ready)
        self._worker.failed.connect(self.failed)
        self._worker.unreachable.connect(self.unreachable)
        self._thread.start()

    def submit(self, request: SearchRequest, generation: int) -> int:
        self._next_id += 1
        self._worker.latest_generation = max(self._worker.latest_generation, generation)
        self._run_request.emit(self._next_id, generation, request)
        return self._next_id

    def request_spans(self, article_id: str, body: str, query: str) -> int:
        self._next_id += 1
        self._run_spans.emit(self._next_id, article_id, body, query)
        return self._next_id

    def count(self, request: SearchRequest) -> int:
        """Count a search's matches on the search thread; the total comes by ``counted``."""
        self._next_id += 1
        self._run_count.emit(self._next_id, request)
        return self._next_id

    def refresh(self) -> None:
        """Call after the index writer has finished, so new articles are found."""
        self._refresh.emit()

    def stop(self) -> None:
        """Finish the thread, then close its library (safe once the thread is idle)."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(10000)
        self._worker.shutdown()
