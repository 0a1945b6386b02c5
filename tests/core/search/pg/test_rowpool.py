"""``rowpool``: a large fill builds its rows in worker processes, the same rows."""

from __future__ import annotations

import pytest

from desktop.core.search.documents import annotations_for
from desktop.core.search.pg import rowpool
from desktop.core.search.pg.connection import connect
from desktop.core.search.pg.index import PgSearchIndex
from desktop.core.store import Library
from tests.helpers.search import annotate, make_draft


def test_only_a_large_fill_on_several_cores_uses_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rowpool.os, "cpu_count", lambda: 8)
    assert rowpool.workers_for(rowpool.POOL_MIN_ARTICLES - 1) == 0
    assert rowpool.workers_for(rowpool.POOL_MIN_ARTICLES) == rowpool.MAX_WORKERS
    monkeypatch.setattr(rowpool.os, "cpu_count", lambda: 1)
    assert rowpool.workers_for(10 * rowpool.POOL_MIN_ARTICLES) == 0


def test_workers_build_the_rows_built_here(library: Library) -> None:
    drafts = [make_draft(f"Tin {n}: Hà Nội", f"Đổi mới {n} ở Sài Gòn và Hà Nội.") for n in range(9)]
    library.articles.add_many(drafts)
    annotate(library, drafts[0].id, "ghi chú", ["lich-su"])
    articles = list(library.articles.get_many([d.id for d in drafts]))
    notes = annotations_for(library.annotations, [a.id for a in articles])
    batches = [(articles[:4], notes), (articles[4:], notes)]
    here = list(rowpool.encoded(iter(batches), 3, True, workers=0))
    pooled = list(rowpool.encoded(iter(batches), 3, True, workers=2))
    assert pooled == here
    assert [ids for ids, _, _ in here] == [[a.id for a in articles[:4]],
                                          [a.id for a in articles[4:]]]
    terms = here[0][2]
    assert terms is not None and terms["ha"] == 4 and terms["tin"] == 4


def test_a_fill_with_workers_writes_the_same_tables(
    library: Library, pg_dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.articles.add_many(
        [make_draft(f"Bài {n}", f"Mùa thu Hà Nội năm {n}, đổi mới.") for n in range(30)]
    )

    def tables() -> list[list[object]]:
        conn = connect(pg_dsn)
        try:
            return list(conn.run(
                "SELECT (SELECT string_agg(d::text, '|' ORDER BY article_id) FROM search_docs d),"
                " (SELECT string_agg(term || df, '|' ORDER BY term) FROM search_vocab)"
            ))
        finally:
            conn.close()

    PgSearchIndex.open(library, pg_dsn).close()
    here = tables()
    monkeypatch.setattr(rowpool, "POOL_MIN_ARTICLES", 1)
    monkeypatch.setattr(rowpool.os, "cpu_count", lambda: 2)
    started: list[int] = []
    start = rowpool.RowPool.__init__

    def counted(pool: rowpool.RowPool, workers: int) -> None:
        started.append(workers)
        start(pool, workers)

    monkeypatch.setattr(rowpool.RowPool, "__init__", counted)
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        assert ix.rebuild() == 30
    finally:
        ix.close()
    assert started == [2]
    assert tables() == here and here[0][0]
