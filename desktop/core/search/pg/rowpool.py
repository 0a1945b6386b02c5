"""The ``search_docs`` rows of batches of articles, built on every core for a large fill.

A row depends only on its article, the article's notes and tags and the store
generation (``vectors.row_for``), so a fill of many articles builds them in
worker processes while this one reads the store and sends the rows before to
the server. A small catch-up builds them here (starting workers would cost more
than it saves). Either way a batch comes back as the bytes of its ``COPY`` tuples
and, for a fill from scratch, how many of its rows hold each ``body_v`` lexeme.

Workers come from ``workers.spawn_pool``; this process ends them.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Iterator, Mapping, Sequence
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType

from desktop.core.models import Article
from desktop.core.search.documents import AnnotationText
from desktop.core.search.pg.vectors import row_for
from desktop.core.workers import spawn_pool

# Fills of at least this many articles build their rows in worker processes.
POOL_MIN_ARTICLES = 20_000
MAX_WORKERS = 4
# Batches handed to the workers ahead of the one being sent, per worker.
AHEAD_PER_WORKER = 2

# One batch's rows: their article ids, COPY tuples, and lexeme -> rows holding it
# (when counted).
Encoded = tuple[list[str], bytes, Counter[str] | None]
# The articles of a batch with their notes and tags, by article id.
Batch = tuple[Sequence[Article], Mapping[str, AnnotationText]]


def encode_batch(articles: Sequence[Article], notes: Mapping[str, AnnotationText],
                 gen: int, count_terms: bool) -> Encoded:
    """The ids of ``articles``, their rows as binary ``COPY`` tuples, and their lexemes
    counted (when ``count_terms``)."""
    terms: Counter[str] | None = Counter() if count_terms else None
    tuples = []
    for article in articles:
        row = row_for(article, notes.get(article.id), gen)
        if terms is not None:
            terms.update(row.terms)
        tuples.append(row.encoded())
    return [a.id for a in articles], b"".join(tuples), terms


def workers_for(total: int) -> int:
    """Worker processes for a fill of ``total`` articles (0: build them here)."""
    cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS) if total >= POOL_MIN_ARTICLES and cores > 1 else 0


def encoded(batches: Iterator[Batch], gen: int, count_terms: bool,
            workers: int) -> Iterator[Encoded]:
    """The rows of each batch, in order; built by ``workers`` processes (or here)."""
    if workers == 0:
        for articles, notes in batches:
            yield encode_batch(articles, notes, gen, count_terms)
        return
    with RowPool(workers) as pool:
        pending: deque[AsyncResult[Encoded]] = deque()
        for articles, notes in batches:
            pending.append(pool.submit(articles, notes, gen, count_terms))
            if len(pending) > workers * AHEAD_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


class RowPool:
    """Worker processes building rows; ended when left, at once on an error."""

    def __init__(self, workers: int):
        self._pool: Pool = spawn_pool(workers)

    def submit(self, articles: Sequence[Article], notes: Mapping[str, AnnotationText],
               gen: int, count_terms: bool) -> AsyncResult[Encoded]:
        return self._pool.apply_async(encode_batch, (articles, notes, gen, count_terms))

    def __enter__(self) -> RowPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self._pool.close()
        else:
            self._pool.terminate()
        self._pool.join()
