"""The in-memory bulk writer produces an index that answers like Whoosh's own writer."""

from __future__ import annotations

import pytest

from desktop.core.search import index as index_module
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from tests.helpers.search import AddFn, run, titles

QUERIES = ["mua", "ha noi", '"mưa lớn"', "bao*", "site:b.vn", "published:2023", "nang -hue", ""]


def _answers(ix: SearchIndex) -> list[tuple[int, list[str]]]:
    out = []
    for q in QUERIES:
        r = ix.search(SearchRequest(query=q, limit=50, sort="newest"))
        out.append((r.total, [h.id for h in r.hits]))
    return out


@pytest.mark.parametrize("bulk_sync", [False, True])
def test_bulk_and_stock_writers_agree(
    library: Library, add: AddFn, monkeypatch: pytest.MonkeyPatch, bulk_sync: bool
) -> None:
    monkeypatch.setattr(index_module, "BULK_THRESHOLD", 0 if bulk_sync else 10**9)
    from datetime import date

    first = [add(f"Bài {n}", f"Mưa lớn ở Hà Nội số {n}. Bão {n}.", site="a.vn",
                 published=date(2022, 1, 1 + n)) for n in range(5)]
    ix = SearchIndex.open(library)
    try:
        for n in range(5, 40):
            add(f"Bài {n}", f"Nắng ở Huế {n}, hạ nhiệt nơi {n}. Bão số {n}.",
                site="b.vn", published=date(2023, 1, 1 + n % 28))
        library.articles.update_text(
            first[0], title="Sửa", body="Trời nắng ở Huế.", published=None, site="a.vn",
            author=None, url=None, language=None,
        )
        library.articles.delete([first[1]])
        assert ix.sync() == 36
        synced = _answers(ix)
        assert ix.doc_count() == 39
        ix.rebuild()
        assert _answers(ix) == synced
        assert titles(run(ix, "sua")) == ["Sửa"]
    finally:
        ix.close()


def test_large_writes_are_split_into_segments_and_answer_the_same(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers.search import make_draft

    library.articles.add_many(
        [make_draft(f"Bài {n}", f"Tin số {n}: khoa học công nghệ và mưa lớn.") for n in range(25)]
        + [make_draft("Khác", "Khoa học, nhưng công nghệ.")]
    )
    monkeypatch.setattr(index_module, "SEGMENT_DOCS", 10)
    ix = SearchIndex.open(library)
    try:
        assert len(list(ix.searcher().reader().leaf_readers())) == 3
        result = ix.search(SearchRequest(query='"khoa học công nghệ"', limit=100))
        assert result.total == 25 and result.total_is_exact
        assert ix.search(SearchRequest(query='"công nghệ"', limit=100)).total == 26
    finally:
        ix.close()


@pytest.mark.parametrize(("count", "segments"), [(12, 1), (13, 2), (30, 3)])
def test_a_small_remainder_joins_the_last_segment(
    library: Library, monkeypatch: pytest.MonkeyPatch, count: int, segments: int
) -> None:
    from tests.helpers.search import make_draft

    library.articles.add_many(
        [make_draft(f"Bài {n}", f"Tin số {n}: khoa học công nghệ.") for n in range(count)]
    )
    monkeypatch.setattr(index_module, "SEGMENT_DOCS", 10)
    ix = SearchIndex.open(library)
    try:
        assert len(list(ix.searcher().reader().leaf_readers())) == segments
        assert ix.doc_count() == count
        assert ix.search(SearchRequest(query='"khoa học"', limit=100)).total == count
    finally:
        ix.close()


def test_a_segment_without_sites_or_dates_keeps_the_facets_of_later_segments(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from tests.helpers.search import make_draft

    # Segments of 10: the middle one has no site and no date at all, so Whoosh writes no
    # column file for it.
    library.articles.add_many(
        [make_draft(f"Một {n}", f"Mưa lớn ở Huế {n}.", site="a.vn", published=date(2022, 1, 1 + n))
         for n in range(10)]
        + [make_draft(f"Hai {n}", f"Mưa lớn ở Vinh {n}.", site=None) for n in range(10)]
        + [make_draft(f"Ba {n}", f"Mưa lớn ở Hà Nội {n}.", site="b.vn",
                      published=date(2023, 1, 1 + n)) for n in range(10)]
    )
    monkeypatch.setattr(index_module, "SEGMENT_DOCS", 10)
    ix = SearchIndex.open(library)
    try:
        assert len(list(ix.searcher().reader().leaf_readers())) == 3
        result = ix.search(SearchRequest(query="mua", limit=5, sort="newest"))
        assert result.total == 30
        assert result.facets["site"] == {"a.vn": 10, "b.vn": 10}
        assert result.facets["year"] == {"2023": 10, "2022": 10}
        assert [h.title for h in result.hits] == [f"Ba {n}" for n in range(9, 4, -1)]
        assert ix.search(SearchRequest(query="mua", filters={"site": ("b.vn",)})).total == 10
        ix.close()
        # Reopening probes the index: a segment without columns is not damage.
        ix = SearchIndex.open(library)
        assert ix.notice is None
        assert ix.search(SearchRequest(query="mua", limit=5)).total == 30
    finally:
        ix.close()


def test_rare_pairs_in_shared_buckets_still_give_exact_phrase_totals(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re
    from itertools import pairwise

    from desktop.core.search import analysis, bulkwriter
    from desktop.core.textnorm import fold
    from tests.helpers.search import make_draft

    # Two buckets for every rare pair: nearly every document is in every bucket, so the
    # answers rest on the check against the stored text.
    monkeypatch.setattr(analysis, "PAIR_BUCKETS", 2)
    monkeypatch.setattr(bulkwriter, "MIN_PAIR_DOCS", 4)
    monkeypatch.setattr(index_module, "BULK_THRESHOLD", 0)
    words = ["mưa", "lớn", "hà", "nội", "sáng", "mới", "đổi", "tạo", "xanh", "huế"]
    bodies = [
        " ".join(words[(n * k + k * k) % len(words)] for k in range(1, 7)) + f" số {n}."
        for n in range(30)
    ]
    library.articles.add_many([make_draft(f"Bài {n}", b) for n, b in enumerate(bodies)])
    ix = SearchIndex.open(library)
    try:
        for a, b in pairwise(words):
            for first, second in ((a, b), (b, a)):
                rx = re.compile(rf"\b{fold(first)}\W+{fold(second)}\b")
                expected = sum(1 for body in bodies if rx.search(fold(body)))
                result = ix.search(SearchRequest(query=f'"{first} {second}"', limit=50))
                got = 0 if result.notice else result.total
                assert got == expected, (first, second)
    finally:
        ix.close()


def test_small_syncs_merge_bulk_segments_and_keep_every_posting(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers.search import make_draft

    library.articles.add_many(
        [make_draft(f"Bài {n}", f"Tin số {n}: khoa học công nghệ và mưa lớn ở Huế.")
         for n in range(30)]
    )
    monkeypatch.setattr(index_module, "SEGMENT_DOCS", 10)
    ix = SearchIndex.open(library)
    try:
        assert len(list(ix.searcher().reader().leaf_readers())) == 3
        for n in range(5):
            library.articles.add_many([make_draft(f"Mới {n}", f"Khoa học mới ở Huế, số {n}.")])
            ix.sync()
        # Whoosh merged the small segments on one of these commits.
        assert len(list(ix.searcher().reader().leaf_readers())) < 8
        assert run(ix, '"khoa học"').total == 35
        assert run(ix, '"khoa học công nghệ"').total == 30
        assert run(ix, '"học mới"').total == 5
        assert run(ix, "hue mua").total == 30
    finally:
        ix.close()
