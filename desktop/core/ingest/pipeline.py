"""Importing files, folders and containers into a library, in committed chunks.

Two passes over the inputs: the first reads only the plain-text dumps, feeding
their lines to ``LineStats`` (cross-document evidence of page chrome) and counting
the units of work; the second extracts every document and stores the drafts
through ``ArticleStore.add_many``, one transaction per chunk. A process killed
mid-import therefore leaves every committed chunk intact, and importing the same
inputs again completes the job (known ids and bodies count as duplicates).

Runs on whichever thread calls it, with that thread's ``Library``; no global state.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.errors import UserError
from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.textdump import LineStats
from desktop.core.ingest.extractors import draft_for
from desktop.core.ingest.limits import ImportLimits
from desktop.core.ingest.progress import ProgressCallback, ProgressThrottle
from desktop.core.ingest.sources import SourceDocument, SourceFailure, UnitDone
from desktop.core.ingest.walk import SourceWalker
from desktop.core.models import ArticleDraft, ImportFailure, ImportReport
from desktop.core.store import AddOutcome, Library


def import_paths(
    library: Library,
    paths: Sequence[Path],
    *,
    progress: ProgressCallback | None = None,
    cancel: Callable[[], bool] | None = None,
    chunk_size: int = 250,
    limits: ImportLimits | None = None,
) -> ImportReport:
    """Import every supported document under ``paths``; bad inputs become failures."""
    run = _ImportRun(library, progress, cancel, max(1, chunk_size), limits or ImportLimits())
    return run.execute([Path(p) for p in paths])


class _ImportRun:
    def __init__(
        self,
        library: Library,
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
        self.throttle = ProgressThrottle(progress)
        self.stats = LineStats()
        self.batch = uuid.uuid4().hex[:16]

    def execute(self, paths: list[Path]) -> ImportReport:
        self.throttle.update(self.report, force=True)
        if self._first_pass(paths):
            self._second_pass(paths)
        self.throttle.update(self.report, force=True)
        return self.report

    def _first_pass(self, paths: list[Path]) -> bool:
        """Observe every text dump and count the units. False when cancelled."""
        total = 0
        for event in SourceWalker(self.limits, text_only=True).walk(paths):
            if self.cancel():
                self.report.cancelled = True
                return False
            if isinstance(event, UnitDone):
                total += 1
            elif isinstance(event, SourceDocument):
                try:
                    self.stats.observe(decode_bytes(event.data).text)
                except UserError:
                    pass  # reported by the second pass
        self.throttle.total = total
        return True

    def _second_pass(self, paths: list[Path]) -> None:
        walker = SourceWalker(self.limits)
        pending: list[ArticleDraft] = []
        for event in walker.walk(paths):
            if self.cancel():
                self.report.cancelled = True
                break
            if isinstance(event, UnitDone):
                self.throttle.done += 1
                self.throttle.current = event.label
                self.throttle.update(self.report)
            elif isinstance(event, SourceFailure):
                self._fail(event.label, event.error)
            else:
                draft = self._extract(event)
                if draft is not None:
                    pending.append(draft)
                    if len(pending) >= self.chunk_size:
                        self._commit(pending)
                        pending = []
        self._commit(pending)
        self.report.skipped = walker.skipped

    def _extract(self, doc: SourceDocument) -> ArticleDraft | None:
        try:
            return draft_for(doc, stats=self.stats, batch=self.batch)
        except UserError as exc:
            self._fail(doc.label, str(exc))
        except Exception as exc:  # noqa: BLE001 - hostile input must not end the batch
            self._fail(doc.label, f"extraction failed ({type(exc).__name__}: {exc})")
        return None

    def _commit(self, drafts: list[ArticleDraft]) -> None:
        if not drafts:
            return
        outcomes = self.library.articles.add_many(drafts)
        for draft, outcome in zip(drafts, outcomes, strict=True):
            if outcome is AddOutcome.ADDED:
                self.report.imported += 1
                self.report.ids.append(draft.id)
            else:
                self.report.duplicates += 1
        self.throttle.update(self.report)

    def _fail(self, label: str, error: str) -> None:
        self.report.failed.append(ImportFailure(path=label, error=error))
