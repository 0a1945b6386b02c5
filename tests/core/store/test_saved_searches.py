"""Saved searches (names, filters, last opened) and the search history."""

from __future__ import annotations

import pytest

from desktop.core.errors import NotFoundError, UserError
from desktop.core.store import Library
from desktop.core.store.saved_searches import SavedSearchStore, SearchHistory, max_seq
from tests.helpers.search import make_draft


def test_add_list_and_get_keep_query_filters_and_sort(library: Library) -> None:
    store = SavedSearchStore(library.conn)
    store.add("Đổi mới", "doi moi site:gov.vn", {"year": ["2023"], "tag": []}, "newest")
    store.add("alpha", "a")
    assert [s.name for s in store.list_all()] == ["alpha", "Đổi mới"]
    saved = store.get("đổi mới".upper().lower())
    assert saved.query == "doi moi site:gov.vn"
    assert saved.filters == {"year": ("2023",)}
    assert saved.sort == "newest"
    assert saved.last_opened is not None


def test_names_are_unique_ignoring_case_and_checked(library: Library) -> None:
    store = SavedSearchStore(library.conn)
    store.add("Climate", "khi hau")
    with pytest.raises(UserError, match="already exists"):
        store.add("climate", "other")
    store.add("climate", "other", replace=True)
    assert store.get("CLIMATE").query == "other"
    with pytest.raises(UserError, match="needs a name"):
        store.add("   ", "q")
    with pytest.raises(UserError, match="Unknown filter"):
        store.add("x", "q", {"colour": ["red"]})
    with pytest.raises(UserError, match="Unknown sort"):
        store.add("x", "q", sort="random")
    with pytest.raises(NotFoundError):
        store.get("nothing")


def test_remove_and_rename(library: Library) -> None:
    store = SavedSearchStore(library.conn)
    store.add("one", "q1")
    store.add("two", "q2")
    with pytest.raises(UserError, match="already exists"):
        store.rename("one", "TWO")
    assert store.rename("one", "three").name == "three"
    store.remove("two")
    assert [s.name for s in store.list_all()] == ["three"]
    with pytest.raises(NotFoundError):
        store.remove("two")


def test_mark_opened_moves_the_seen_article_number(library: Library) -> None:
    store = SavedSearchStore(library.conn)
    library.articles.add(make_draft("first", "một"))
    saved = store.add("s", "q")
    assert saved.seen_seq == max_seq(library.conn) == 1
    library.articles.add(make_draft("second", "hai"))
    assert store.get("s").seen_seq == 1
    assert store.mark_opened("s").seen_seq == 2


def test_merge_keeps_names_already_here_and_arrives_unopened(library: Library) -> None:
    store = SavedSearchStore(library.conn)
    mine = store.add("mine", "my query")
    other = mine.model_copy(update={"query": "their query", "seen_seq": 99})
    new = mine.model_copy(update={"name": "theirs", "seen_seq": 99})
    assert store.merge([other, new]) == 1
    assert store.get("mine").query == "my query"
    arrived = store.get("theirs")
    assert arrived.seen_seq == 0 and arrived.last_opened is None


def test_history_is_recent_first_distinct_and_capped(library: Library) -> None:
    history = SearchHistory(library.conn, limit=3)
    for query in ("a", "b", "  a  ", "", "c", "d"):
        history.record(query)
    assert history.recent() == ["d", "c", "a"]
    history.clear()
    assert history.recent() == []
