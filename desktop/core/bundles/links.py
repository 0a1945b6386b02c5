"""The bundle code's links to the search index and the annotations store.

The search index is imported lazily, so that bundles still work (without
``--query`` and without an index) in a build where search is missing.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from desktop.core.annotations import (
    AnnotationFilter,
    AnnotationStore,
    MergeReport,
    merge_collection,
    to_collection,
)
from desktop.core.errors import UserError
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library

PAGE = 10_000


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and name.startswith(exc.name):
            return None
        raise


def _search_index_class() -> Any:
    module = _module("desktop.core.search.index")
    cls = getattr(module, "SearchIndex", None) if module is not None else None
    if cls is None:
        raise UserError("Search is not available in this build, so --query cannot be used.")
    return cls


def search_ids(library: Library, query: str) -> list[str]:
    """Ids of every article matching ``query``, best first."""
    if not query.strip():
        raise UserError("The export query is empty.")
    index = _search_index_class().open(library)
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
            if not result.hits or offset >= result.total:
                return ids
    finally:
        close = getattr(index, "close", None)
        if callable(close):
            close()


def export_annotations(library: Library, ids: list[str] | None) -> dict[str, Any]:
    """The W3C annotation collection of the articles ``ids`` (all when None)."""
    if ids is None:
        return to_collection(library.conn)
    wanted: list[str] = []
    store = AnnotationStore(library.conn)
    for start in range(0, len(ids), 500):
        flt = AnnotationFilter(article_ids=tuple(ids[start : start + 500]))
        wanted.extend(a.id for a in store.list_all(flt))
    return to_collection(library.conn, ids=wanted)


def merge_annotations(library: Library, data: dict[str, Any]) -> MergeReport:
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


def prepare_index(library: Library, index_generation: int | None) -> None:
    """Bring the library's search index up to date (reusing a copied one when valid).

    ``index_generation`` is the source library's generation when its index was
    copied into the bundle, or None when the bundle has no index.
    """
    module = _module("desktop.core.search.index")
    cls = getattr(module, "SearchIndex", None) if module is not None else None
    if cls is None:
        return
    index = cls.open(library)
    close = getattr(index, "close", None)
    if callable(close):
        close()
