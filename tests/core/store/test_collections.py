"""Article collections in the store."""

from __future__ import annotations

import pytest

from desktop.core.errors import NotFoundError, UserError
from desktop.core.store import Library
from desktop.core.store.collections import CollectionStore
from tests.helpers.search import make_draft


def _ids(library: Library, n: int) -> list[str]:
    drafts = [make_draft(f"Bài {i}", f"nội dung số {i}") for i in range(n)]
    library.articles.add_many(drafts)
    return [d.id for d in drafts]


def test_add_creates_the_collection_and_counts_new_members(library: Library) -> None:
    a, b, c = _ids(library, 3)
    store = CollectionStore(library.conn)
    assert store.add("Nghề gốm", [a, b]) == 2
    assert store.add("nghề GỐM", [b, c]) == 1
    assert store.article_ids("Nghề gốm") == [a, b, c]
    [only] = store.list_all()
    assert (only.name, only.count) == ("Nghề gốm", 3)
    assert store.collections_of(b) == ["Nghề gốm"]


def test_unknown_articles_and_names_are_clear_errors(library: Library) -> None:
    [a] = _ids(library, 1)
    store = CollectionStore(library.conn)
    with pytest.raises(NotFoundError, match="No article"):
        store.add("x", [a, "nope"])
    assert store.list_all() == []
    with pytest.raises(NotFoundError, match="No collection"):
        store.add("x", [a], create=False)
    with pytest.raises(UserError, match="needs a name"):
        store.create("  ")
    store.create("x")
    with pytest.raises(UserError, match="already exists"):
        store.create("X")
    with pytest.raises(UserError, match="double quote"):
        store.create('say "hi"')
    assert store.merge({'say "hi"': [a], "y": [a]}) == 1
    assert store.names() == ["x", "y"]


def test_remove_rename_delete(library: Library) -> None:
    a, b = _ids(library, 2)
    store = CollectionStore(library.conn)
    store.add("one", [a, b])
    store.create("two")
    assert store.remove("one", [a, a, "missing"]) == 1
    with pytest.raises(UserError, match="already exists"):
        store.rename("one", "Two")
    assert store.rename("one", "three") == "three"
    assert store.article_ids("three") == [b]
    store.delete("three")
    assert store.names() == ["two"]
    assert store.collections_of(b) == []


def test_removed_articles_are_not_counted_but_keep_their_membership(library: Library) -> None:
    a, b = _ids(library, 2)
    store = CollectionStore(library.conn)
    store.add("c", [a, b])
    library.articles.delete([a])
    assert store.article_ids("c") == [b]
    assert store.list_all()[0].count == 1


def test_prefix_match_and_memberships_and_merge(library: Library) -> None:
    a, b, c = _ids(library, 3)
    store = CollectionStore(library.conn)
    store.add("policy 100%", [a])
    store.add("policy_x", [b])
    store.add("other", [c])
    assert sorted(store.article_ids_matching("POLICY", prefix=True)) == sorted([a, b])
    assert store.article_ids_matching("policy 100%", prefix=True) == [a]
    assert store.article_ids_matching("unknown") == []
    assert store.memberships([a, c]) == {"other": [c], "policy 100%": [a]}
    assert store.merge({"other": [a, "not-here"], "new one": [b]}) == 2
    assert sorted(store.article_ids("other")) == sorted([a, c])
    assert store.article_ids("new one") == [b]
