"""The bundle code's links to the search index and the annotations store.

The search index is imported when first needed, so that reading or writing a
bundle without ``--query`` does not load Whoosh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.core.annotations import (
    AnnotationFilter,
    MergeReport,
    merge_collection,
    to_collection,
)
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.errors import UserError
from desktop.core.search.models import SearchRequest

if TYPE_CHECKING:
    from desktop.core.store import Library
    from desktop.core.store.locations import AnyLibrary

PAGE = 10_000


def search_ids(library: AnyLibrary, query: str) -> list[str]:
    """Ids of every article matching ``query``, best first."""
    if not query.strip():
        raise UserError("The export query is empty.")
    from desktop.core.search.interface import open_search

    index = open_search(library)
    try:
        ids: list[str] = []
        offset = 0
        while True:
            request = SearchRequest(
                query=query, limit=PAGE, offset=offset, snippets=False, facets=False
            )
            result = index.search(request)
            ids.extend(hit.id for hit in result.hits)
            offset += PAGE
            # Page until a short page: ``total`` may be an estimate.
            if len(result.hits) < PAGE:
                return list(dict.fromkeys(ids))
    finally:
        index.close()


def export_annotations(library: AnyLibrary, ids: list[str] | None) -> dict[str, Any]:
    """The W3C annotation collection of the articles ``ids`` (all when None)."""
    if ids is None:
        return to_collection(library.annotations)
    wanted: list[str] = []
    store = library.annotations
    for start in range(0, len(ids), 500):
        flt = AnnotationFilter(article_ids=tuple(ids[start : start + 500]))
        wanted.extend(a.id for a in store.list_all(flt))
    return to_collection(library.annotations, ids=wanted)


def merge_annotations(library: AnyLibrary, data: dict[str, Any]) -> MergeReport:
    """Merge a collection into the library: by id, newer wins, re-anchored."""
    return merge_collection(library, data)


def count_annotations(collection: dict[str, Any]) -> int:
    """How many annotations a W3C collection holds (``total``, else its items)."""
    total = collection.get("total")
    if isinstance(total, int):
        return total
    items = collection.get("items")
    if isinstance(items, list):
        return len(items)
    first = collection.get("first")
    if isinstance(first, dict) and isinstance(first.get("items"), list):
        return len(first["items"])
    return 0


def adopt_index(library: Library) -> bool:
    """Make a freshly loaded library match the index copied into its ``index_dir``.

    Only for a new library filled from a bundle whose index this program built
    at an earlier open (``index_cache``): its articles are the ones the index was
    built from, but they may have been written at other store generations.
    Every article is marked as written at or before the index's generation and
    the store generation is set to the index's, so the index counts as current.
    Returns False (and changes nothing) when the copied index has no state file.
    """
    from desktop.core.search.state import read_state

    state = read_state(library.index_dir)
    if state is None:
        return False
    library.articles.adopt_generation(state.generation)
    return True


def prepare_index(library: AnyLibrary, progress: ProgressFn | None = None) -> None:
    """Open the library's search index once: checked and reused if current, else built."""
    from desktop.core.search.interface import open_search

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(BundleProgress("index", done, total))

    open_search(library, progress=report).close()
