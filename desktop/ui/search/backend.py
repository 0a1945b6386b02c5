"""The read side the UI needs from the core, in one place, used on worker threads.

``Backend`` wraps one library (its own connection) and, when available, the
search index. With an empty query the library is listed straight from the
store (``core/search/listing``: newest or oldest first, facet filters applied
in SQL); with a query the
search index answers. A backend made with ``use_index=False`` answers queries
by reading every article (``core/search/store_scan``) instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.models import ArticleSummary
from desktop.core.search.listing import Listing
from desktop.core.search.models import SearchRequest, SearchResult, all_result_ids
from desktop.core.store import Library

if TYPE_CHECKING:
    from desktop.core.search.interface import SearchBackend
    from desktop.core.store.locations import AnyLibrary


def open_search_index(library: AnyLibrary) -> SearchBackend:
    """The library's search index, Whoosh or server (loaded on the first search, not at
    start)."""
    from desktop.core.search.interface import open_search

    return open_search(library)


def index_is_current(library: AnyLibrary) -> bool:
    """True when the search index already reflects the store (no catch-up needed).

    A server's search tables are caught up by the search thread when it opens them."""
    if not isinstance(library, Library):
        return True
    from desktop.core.search.schema import SCHEMA_VERSION
    from desktop.core.search.state import read_state

    state = read_state(library.index_dir)
    return (
        state is not None
        and state.schema_version == SCHEMA_VERSION
        and state.generation == library.articles.generation()
    )




class Backend:
    """Listing, searching, facets and highlight spans over one library connection."""

    def __init__(self, library: AnyLibrary, *, use_index: bool = True):
        self.library = library
        self._use_index = use_index
        self._index: SearchBackend | None = None
        self._index_tried = False

    def index(self) -> SearchBackend | None:
        if not self._index_tried and self._use_index:
            self._index_tried = True
            self._index = open_search_index(self.library)
        return self._index

    def refresh_index(self, abandon_rebuild: bool = False) -> None:
        """Drop the open index so the next search sees what the writer added.

        A damaged index being rebuilt is waited for, unless ``abandon_rebuild``
        (the app is closing: the next start rebuilds it again).
        """
        if self._index is not None:
            self._index.close(abandon_rebuild=abandon_rebuild)
        self._index = None
        self._index_tried = False

    def close(self) -> None:
        self.refresh_index(abandon_rebuild=True)
        self.library.close()

    # -- answering a request ----------------------------------------------

    def _listing(self) -> Listing:
        """The store's listing of this backend's library."""
        return self.library.listing

    def run(self, request: SearchRequest) -> SearchResult:
        if not request.query.strip():
            return self.listing(request)
        index = self.index()
        if index is not None:
            return index.search(request)
        from desktop.core.search.store_scan import search_store  # loads the search stack

        return search_store(self.library, request)

    def all_ids(self, request: SearchRequest) -> list[str]:
        """Every id ``run`` would list for ``request``, in its order."""
        return all_result_ids(self.run, request)

    def listing(self, request: SearchRequest) -> SearchResult:
        """The library without a query: newest (or oldest) first, filters applied."""
        return self._listing().page(request)

    def facets(
        self, filters: dict[str, tuple[str, ...]] | None = None
    ) -> dict[str, dict[str, int]]:
        """Counts of sites, years and tags among the articles the filters leave."""
        return self._listing().facets(filters)

    def summaries_for(self, ids: list[str]) -> list[ArticleSummary]:
        return self.library.articles.summaries_for(ids)

    def highlight_spans(self, body: str, query: str) -> list[tuple[int, int]]:
        """Code-point spans of the query's matches in ``body``."""
        if not query.strip():
            return []
        index = self.index()
        if index is not None:
            return [(int(s), int(e)) for s, e in index.highlight_spans(body, query)]
        from desktop.core.search.highlight import query_spans  # loads the search stack

        return query_spans(body, query)
