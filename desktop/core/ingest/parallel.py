"""Extraction in worker processes while the main process reads input and writes SQLite.

Workers come from ``workers.spawn_pool`` and get the batch's ``LineStats`` once, at
start. Documents travel in small batches; the
caller keeps at most ``ImportLimits.max_bytes_in_flight`` bytes of them queued
across all workers, so memory stays bounded however large the input is.
"""

from __future__ import annotations

from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from desktop.core.errors import UserError
from desktop.core.extract.textdump import LineStats
from desktop.core.ingest.extractors import extract_fields
from desktop.core.models import SourceKind, content_hash_for
from desktop.core.store.articles import compress
from desktop.core.workers import spawn_pool

# kind, original bytes, hints, file name
Job = tuple[SourceKind, bytes, dict[str, str], str]
# extracted fields (or None), encoding, error message (or None), and the store's
# content hash and compressed original when computed here (else None)
Outcome = tuple[dict[str, Any] | None, str | None, str | None, str | None, bytes | None]

_worker_stats: LineStats | None = None  # set once in each worker process


def _init_worker(stats: LineStats) -> None:
    global _worker_stats
    _worker_stats = stats


def extract_job(job: Job, stats: LineStats | None, *, for_store: bool = False) -> Outcome:
    """Extract one document; failures come back as messages, never as exceptions.

    ``for_store`` also does the store's per-article hashing and compression here,
    taking that work off the process that writes SQLite.
    """
    kind, data, hints, name = job
    try:
        extracted, encoding = extract_fields(
            kind, data, hints=hints, stats=stats, source_name=name
        )
    except UserError as exc:
        return None, None, str(exc), None, None
    except Exception as exc:  # noqa: BLE001 - hostile input must not end the batch
        return None, None, f"extraction failed ({type(exc).__name__}: {exc})", None, None
    if not for_store:
        return extracted.model_dump(), encoding, None, None, None
    return (
        extracted.model_dump(), encoding, None, content_hash_for(extracted.body), compress(data)
    )


def _extract_batch(jobs: list[Job]) -> list[Outcome]:
    return [extract_job(job, _worker_stats, for_store=True) for job in jobs]


class ExtractionPool:
    """A small pool of extraction processes sharing one batch's line statistics."""

    def __init__(self, workers: int, stats: LineStats):
        self._pool: Pool = spawn_pool(workers, _init_worker, (stats,))

    def submit(self, jobs: list[Job]) -> AsyncResult[list[Outcome]]:
        return self._pool.apply_async(_extract_batch, (jobs,))

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def terminate(self) -> None:
        self._pool.terminate()
        self._pool.join()
