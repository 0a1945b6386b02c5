"""collection: in queries and the collection, read and since filters, answered from the store."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.core.errors import QuerySyntaxError
from desktop.core.search.index import SearchIndex
from desktop.core.search.tracking import new_count, run_saved
from desktop.core.store import Library
from desktop.core.store.collections import CollectionStore
from desktop.core.store.reading_state import ReadingStateStore
from desktop.core.store.saved_searches import SavedSearchStore
from tests.helpers.search import AddFn, run, titles


@pytest.fixture
def three(add: AddFn) -> list[str]:
    return [
        add("Làng gốm Bát Tràng", "nghề gốm truyền thống"),
        add("Gốm Chu Đậu", "nghề gốm cổ"),
        add("Đội tuyển bóng đá", "trận đấu"),
    ]


def test_collection_field_matches_members_ignoring_case(
    library: Library, three: list[str], open_index: Callable[[], SearchIndex]
) -> None:
    a, b, c = three
    collections = CollectionStore(library.conn)
    collections.add("Nghề Gốm", [a])
    collections.add("bóng đá", [c])
    ix = open_index()
    assert titles(run(ix, "collection:\"nghề gốm\"")) == ["Làng gốm Bát Tràng"]
    assert titles(run(ix, "gốm -collection:\"NGHỀ GỐM\"")) == ["Gốm Chu Đậu"]
    assert sorted(titles(run(ix, "collection:b* OR collection:\"nghề gốm\""))) == sorted(
        ["Làng gốm Bát Tràng", "Đội tuyển bóng đá"]
    )
    assert run(ix, "collection:nothing").total == 0
    # Membership changes show at once: nothing is re-indexed.
    collections.add("Nghề Gốm", [b])
    assert run(ix, "gom collection:\"nghề gốm\"").total == 2


def test_collection_read_and_since_filters(
    library: Library, three: list[str], open_index: Callable[[], SearchIndex], add: AddFn
) -> None:
    a, b, c = three
    CollectionStore(library.conn).add("x", [a, c])
    ReadingStateStore(library.conn).mark([a])
    ix = open_index()
    assert run(ix, "", filters={"collection": ("x",)}).total == 2
    assert titles(run(ix, "", filters={"collection": ("x",), "read": ("unread",)})) == [
        "Đội tuyển bóng đá"
    ]
    assert titles(run(ix, "", filters={"read": ("read",)})) == ["Làng gốm Bát Tràng"]
    assert run(ix, "", filters={"read": ("read", "unread")}).total == 3
    add("Gốm mới", "gốm")
    ix.sync()
    assert titles(run(ix, "gốm", filters={"since": ("3",)})) == ["Gốm mới"]
    with pytest.raises(QuerySyntaxError, match="read or unread"):
        run(ix, "", filters={"read": ("maybe",)})


def test_saved_search_counts_new_articles_until_opened(
    library: Library, three: list[str], open_index: Callable[[], SearchIndex], add: AddFn
) -> None:
    store = SavedSearchStore(library.conn)
    store.add("gốm", "gom")
    ix = open_index()
    assert new_count(ix, store.get("gốm")) == 0
    add("Gốm Phù Lãng", "gốm men da lươn")
    add("Thời tiết", "mưa")
    ix.sync()
    assert new_count(ix, store.get("gốm")) == 1
    only_new = run_saved(ix, store, "gốm", new_only=True)
    assert only_new.new == 1
    assert titles(only_new.result) == ["Gốm Phù Lãng"]
    assert new_count(ix, store.get("gốm")) == 0
    everything = run_saved(ix, store, "gốm")
    assert everything.new == 0 and everything.result.total == 3


def test_sql_clauses_match_the_index_filters(library: Library, three: list[str]) -> None:
    from desktop.core.search.storefilters import sql_clause

    a, b, c = three
    CollectionStore(library.conn).add("Gốm", [a, b])
    ReadingStateStore(library.conn).mark([b])

    def ids(key: str, *values: str) -> set[str]:
        where, params = sql_clause(key, values)
        rows = library.conn.execute(f"SELECT a.id FROM articles a WHERE {where}", params)
        return {r[0] for r in rows}

    assert ids("collection", "GỐM") == {a, b}
    assert ids("read", "unread") == {a, c}
    assert ids("read", "read") == {b}
    assert ids("read", "read", "unread") == {a, b, c}
    assert ids("since", "2") == {c}
    with pytest.raises(QuerySyntaxError):
        sql_clause("read", ["maybe"])
