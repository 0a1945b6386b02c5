"""Importing files, folders and containers into a library, in committed chunks.

Two passes over the inputs: the first reads only the plain-text dumps, feeding
their lines to ``LineStats`` (cross-document evidence of page chrome) and counting
the units of work; the second extracts every document and stores the drafts
through ``ArticleStore.add_many``, one transaction per chunk. A process killed
mid-import therefore leaves every committed chunk intact, and importing the same
inputs again completes the job (known ids and bodies count as duplicates).

Large batches are extracted by worker processes (``parallel.py``) while this
process reads the input and writes SQLite; small ones are extracted in-process.
Runs on whichever thread calls it, with that thread's ``Library``; no global state.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import UserError
from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.fields import Extracted
from desktop.core.extract.textdump import LineStats
from desktop.core.ingest.extractors import build_draft
from desktop.core.ingest.limits import ImportLimits
from desktop.core.ingest.parallel import ExtractionPool, Job, Outcome, extract_job
from desktop.core.ingest.sources import SourceDocument, SourceEvent, SourceFailure, UnitDone
from desktop.core.ingest.walk import SourceWalker
from desktop.core.models import (
    ArticleDraft,
    DuplicateNote,
    ImportFailure,
    ImportReport,
    format_source,
)
from desktop.core.progress import ImportProgressTracker, ProgressCallback
from desktop.core.store import AddOutcome

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

# Worker processes pay off only for batches big enough to amortize their start-up.
# Text dumps are cheap to extract: one worker, and this process (reading, SQLite)
# stays busy too. HTML (trafilatura) is costly: two workers, this process mostly waits.
PARALLEL_MIN_TEXT_DUMPS = 2000
PARALLEL_MIN_PAGES = 40
_JOB_BATCH = 64
_MAX_IN_FLIGHT = 6
# A batch is sent to the workers once it holds this share of the bytes-in-flight cap.
_BATCH_SHARE = 8


def import_paths(
    library: AnyLibrary,
    paths: Sequence[Path],
    *,
    progress: ProgressCallback | None = None,
    cancel: Callable[[], bool] | None = None,
    chunk_size: int = 250,
    limits: ImportLimits | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import every supported document under ``paths``; bad inputs become failures.

    ``workers``: extraction processes (0 = extract in this process; None = chosen
    from the batch's size and kinds on a multi-core machine).
    """
    run = _ImportRun(library, progress, cancel, max(1, chunk_size), limits or ImportLimits())
    return run.execute([Path(p) for p in paths], workers)


def _auto_workers(text_dumps: int, pages: int) -> int:
    """Extraction processes for a batch of this many text dumps and other documents."""
    if (os.cpu_count() or 1) < 2 or not _spawn_is_safe():
        return 0
    if pages >= PARALLEL_MIN_PAGES:
        return 2
    return 1 if text_dumps >= PARALLEL_MIN_TEXT_DUMPS else 0


def _spawn_is_safe() -> bool:
    """Whether ``spawn`` workers can start: they re-import the main module.

    True for ``python -m ...`` (the app, pytest), ``-c`` and interactive use, and
    for scripts with a ``__main__`` guard; never in a frozen executable.
    """
    if getattr(sys, "frozen", False):
        return False
    main = sys.modules.get("__main__")
    if getattr(main, "__spec__", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    if not path:
        return True
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "__name__ ==" in source or "__name__==" in source


class _ImportRun:
    def __init__(
        self,
        library: AnyLibrary,
        progress: ProgressCallback | None,
        cancel: Callable[[], bool] | None,
        chunk_size: int,
        limits: ImportLimits,
    ):
        self.library = library
        self.cancel = cancel or (lambda: False)
        self.chunk_size = chunk_size
        self.limits = limits
        self.report = ImportReport()
        self.throttle = ImportProgressTracker(progress)
        self.stats = LineStats()
        self.batch = uuid.uuid4().hex[:16]
        self.documents = 0
        self.deferred = 0
        self.pending: list[ArticleDraft] = []
        self.pending_bytes = 0

    def execute(self, paths: list[Path], workers: int | None) -> ImportReport:
        self.throttle.update(self.report, force=True)
        if self._first_pass(paths):
            auto = _auto_workers(self.documents, self.deferred)
            count = auto if workers is None else workers
            self._second_pass(paths, count)
        self.throttle.update(self.report, force=True)
        return self.report

    def _first_pass(self, paths: list[Path]) -> bool:
        """Observe every text dump and count the units. False when cancelled."""
        total = 0
        walker = SourceWalker(self.limits, text_only=True)
        for event in walker.walk(paths):
            if self.cancel():
                self.report.cancelled = True
                return False
            if isinstance(event, UnitDone):
                total += 1
                self.throttle.current = event.label
                self.throttle.update(self.report)  # done 0, total still unknown
            elif isinstance(event, SourceDocument):
                self.documents += 1
                try:
                    self.stats.observe(decode_bytes(event.data).text)
                except UserError:
                    pass  # reported by the second pass
        self.throttle.total = total
        self.deferred = walker.deferred
        return True

    def _second_pass(self, paths: list[Path], workers: int) -> None:
        walker = SourceWalker(self.limits)
        events = walker.walk(paths)
        if workers > 0:
            self._run_parallel(events, workers)
        else:
            for event in events:
                if self._cancelled():
                    break
                job = _job(event)
                self._handle(event, extract_job(job, self.stats) if job else None)
        self._commit()
        self.report.skipped = walker.skipped

    def _run_parallel(self, events: Iterator[SourceEvent], workers: int) -> None:
        """Feed the workers in batches, with at most ``max_bytes_in_flight`` bytes queued."""
        pool = ExtractionPool(workers, self.stats)
        in_flight: deque[tuple[list[SourceEvent], AsyncResult[list[Outcome]], int]] = deque()
        cap = self.limits.max_bytes_in_flight
        batch_cap = max(1, cap // _BATCH_SHARE)
        queued = 0  # bytes of the batches in flight
        batch: list[SourceEvent] = []
        jobs: list[Job] = []
        size = 0
        try:
            for event in events:
                if self._cancelled():
                    break
                batch.append(event)
                job = _job(event)
                if job is not None:
                    jobs.append(job)
                    size += len(job[1])
                if len(jobs) >= _JOB_BATCH or size >= batch_cap:
                    in_flight.append((batch, pool.submit(jobs), size))
                    queued += size
                    batch, jobs, size = [], [], 0
                    while in_flight and (
                        len(in_flight) > _MAX_IN_FLIGHT or queued + self.pending_bytes > cap
                    ) and not self.report.cancelled:
                        done, result, done_size = in_flight.popleft()
                        queued -= done_size
                        self._handle_batch(done, result)
                if self.report.cancelled:
                    break
            else:
                in_flight.append((batch, pool.submit(jobs), size))
                while in_flight and not self.report.cancelled:
                    done, result, _ = in_flight.popleft()
                    self._handle_batch(done, result)
        finally:
            if in_flight:
                pool.terminate()  # cancelled or failed: drop the batches still in flight
            else:
                pool.close()

    def _cancelled(self) -> bool:
        if not self.report.cancelled and self.cancel():
            self.report.cancelled = True
        return self.report.cancelled

    def _handle_batch(
        self, events: list[SourceEvent], result: AsyncResult[list[Outcome]]
    ) -> None:
        outcomes = iter(result.get())
        for event in events:
            if self._cancelled():
                return
            self._handle(event, next(outcomes) if isinstance(event, SourceDocument) else None)

    def _handle(self, event: SourceEvent, outcome: Outcome | None) -> None:
        if isinstance(event, UnitDone):
            self.throttle.done += 1
            self.throttle.current = event.label
            self.throttle.update(self.report)
        elif isinstance(event, SourceFailure):
            self._fail(event.label, event.error)
        elif outcome is not None:
            fields, encoding, error, content_hash, zlib_data = outcome
            if fields is None:
                self._fail(event.label, error or "extraction failed")
                return
            extracted = Extracted.model_construct(**fields)  # validated where extracted
            self.pending.append(
                build_draft(
                    event, extracted, encoding, batch=self.batch,
                    content_hash=content_hash, zlib_data=zlib_data,
                )
            )
            self.pending_bytes += len(event.data) + len(zlib_data or b"")
            if (
                len(self.pending) >= self.chunk_size
                or self.pending_bytes >= self.limits.max_bytes_in_flight // 2
            ):
                self._commit()

    def _commit(self) -> None:
        drafts, self.pending = self.pending, []
        self.pending_bytes = 0
        if not drafts:
            return
        outcomes = self.library.articles.add_many_with_holders(drafts)
        for draft, (outcome, holder) in zip(drafts, outcomes, strict=True):
            if outcome is AddOutcome.ADDED:
                self.report.imported += 1
                self.report.ids.append(draft.id)
            else:
                self.report.duplicates += 1
                self.report.duplicate_of.append(
                    DuplicateNote(
                        source=format_source(draft.source_path, draft.source_member),
                        article_id=holder,
                        title=self._title_of(holder),
                        recorded=outcome is AddOutcome.SOURCE,
                    )
                )
        self.throttle.update(self.report)

    def _title_of(self, article_id: str) -> str:
        return self.library.articles.title_of(article_id)

    def _fail(self, label: str, error: str) -> None:
        self.report.failed.append(ImportFailure(path=label, error=error))


def _job(event: SourceEvent) -> Job | None:
    if isinstance(event, SourceDocument):
        return event.kind, event.data, event.hints, event.name
    return None
