"""Every id of a search, page after page, and the writer's catch-up."""

from __future__ import annotations

import pytest

from desktop.core.search import models
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from tests.helpers.search import AddFn, make_draft


def test_all_ids_reads_every_page_in_the_results_order(
    library: Library, add: AddFn, open_index, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(11):
        add(f"Bài {n}", "mưa " * (n + 1) + "lớn")
    add("Khác", "nắng")
    ix = open_index()
    monkeypatch.setattr(models, "ALL_IDS_PAGE", 3)
    whole = ix.search(SearchRequest(query="mua", limit=100))
    assert ix.all_ids(SearchRequest(query="mua", limit=1, offset=5)) == [h.id for h in whole.hits]
    assert len(whole.hits) == 11
    newest = ix.search(SearchRequest(query="", sort="newest", limit=100))
    assert ix.all_ids(SearchRequest(query="", sort="newest")) == [h.id for h in newest.hits]


def test_catch_up_indexes_what_the_store_gained(library: Library) -> None:
    library.articles.add_many([make_draft("Một", "mưa lớn")])
    SearchIndex.catch_up(library)
    library.articles.add_many([make_draft("Hai", "mưa nhỏ"), make_draft("Ba", "nắng")])
    seen: list[tuple[int, int]] = []
    SearchIndex.catch_up(library, lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (2, 2)
    ix = SearchIndex.open(library)
    try:
        assert ix.doc_count() == 3
        assert ix.search(SearchRequest(query="mua")).total == 2
    finally:
        ix.close()
