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
