"""The one store interface: a library hands out its stores, and nothing above the
store packages talks to a database connection."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.core.annotations.store import AnnotationStore
from desktop.core.search.listing import Listing
from desktop.core.store import Library
from desktop.core.store.collections import CollectionStore
from desktop.core.store.reading_state import ReadingStateStore
from desktop.core.store.saved_searches import SavedSearchStore, SearchHistory
from tests.helpers.search import make_draft

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"

# The packages that implement the stores may use their connection; so may the server's
# search engine, on the connection it opens to its own search tables (never the store's).
STORE_PACKAGES = ("core/store/", "core/server/", "core/search/pg/")
# Store classes kept beside the code they serve; each is one of the library's stores.
ALLOWED = {
    "core/annotations/store.py": "AnnotationStore, the library's annotations store",
    "core/search/listing.py": "Listing, the library's listing store (facets in SQL)",
}


def _conn_uses(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "conn"
    )


def test_nothing_above_the_store_touches_a_connection() -> None:
    offenders = []
    for path in sorted(DESKTOP.rglob("*.py")):
        rel = path.relative_to(DESKTOP).as_posix()
        if rel.startswith(STORE_PACKAGES) or rel in ALLOWED:
            continue
        offenders += [f"desktop/{rel}:{n}" for n in _conn_uses(path)]
    assert offenders == []


def test_the_source_check_sees_a_connection_use(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f(lib):\n    return lib.conn.execute('SELECT 1')\n", "utf-8")
    assert _conn_uses(sample) == [2]


def test_the_library_hands_out_one_store_of_each_kind(library: Library) -> None:
    kinds = {
        "annotations": AnnotationStore,
        "collections": CollectionStore,
        "saved_searches": SavedSearchStore,
        "search_history": SearchHistory,
        "reading_state": ReadingStateStore,
        "listing": Listing,
    }
    for name, kind in kinds.items():
        store = getattr(library, name)
        assert isinstance(store, kind)
        assert getattr(library, name) is store


def test_a_transaction_commits_and_bumps_the_generation(library: Library) -> None:
    before = library.articles.generation()
    with library.transaction():
        gen = library.bump_generation()
    assert gen == before + 1
    assert library.articles.generation() == gen


def test_a_failed_transaction_leaves_the_store_as_it_was(library: Library) -> None:
    draft = make_draft("Bài", "nội dung")
    before = library.articles.generation()
    with pytest.raises(RuntimeError), library.transaction():
        library.articles.add_batch([draft], library.bump_generation())
        raise RuntimeError("stop")
    assert library.articles.generation() == before
    assert not library.articles.exists(draft.id)


def test_articles_written_in_one_transaction_are_all_there(library: Library) -> None:
    drafts = [make_draft(f"Bài {i}", f"nội dung {i}") for i in range(3)]
    with library.transaction():
        library.articles.add_batch(drafts, library.bump_generation())
    assert sorted(library.articles.all_ids()) == sorted(d.id for d in drafts)
    assert library.articles.title_of(drafts[0].id) == "Bài 0"
    assert library.articles.title_of("missing") == ""
