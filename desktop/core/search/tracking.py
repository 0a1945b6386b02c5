"""Saved searches run against the index: the keyword-tracking loop.

``new_count`` says how many articles matching a saved search arrived since it
was last opened (the store's ``since`` filter: articles with a higher ``seq``);
``run_saved`` answers a saved search, optionally only its new articles, and
marks it opened.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from desktop.core.search.interface import SearchBackend
from desktop.core.search.models import SearchRequest, SearchResult
from desktop.core.store.saved_searches import SavedSearch, SavedSearchStore


class SavedRun(BaseModel):
    """One run of a saved search: its result and how many matches were new."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    saved: SavedSearch
    result: SearchResult
    new: int


def request_for(
    saved: SavedSearch, *, new_only: bool = False, limit: int = 20, offset: int = 0,
    snippets: bool = True, facets: bool = True,
) -> SearchRequest:
    """The search a saved search stands for (only its new articles with ``new_only``)."""
    filters = dict(saved.filters)
    if new_only:
        filters["since"] = (str(saved.seen_seq),)
    sort = saved.sort if saved.sort in ("relevance", "newest", "oldest") else "relevance"
    return SearchRequest(
        query=saved.query, sort=sort, limit=limit, offset=offset,
        filters=filters, snippets=snippets, facets=facets,
    )


def new_count(index: SearchBackend, saved: SavedSearch) -> int:
    """How many of the saved search's matches were added after it was last opened."""
    result = index.search(request_for(saved, new_only=True, limit=1, snippets=False, facets=False))
    return result.total


def run_saved(
    index: SearchBackend,
    store: SavedSearchStore,
    name: str,
    *,
    new_only: bool = False,
    limit: int = 20,
    mark_opened: bool = True,
) -> SavedRun:
    """Run the saved search ``name``; afterwards (with ``mark_opened``) nothing is new."""
    saved = store.get(name)
    new = new_count(index, saved)
    result = index.search(request_for(saved, new_only=new_only, limit=limit))
    if mark_opened:
        store.mark_opened(saved.name)
    return SavedRun(saved=saved, result=result, new=new)
