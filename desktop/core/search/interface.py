"""The one search interface, and the factory that picks its implementation.

``SearchBackend`` is what the CLI, the app and bundles use of a search index.
Two classes implement it: the Whoosh ``index.SearchIndex`` (a folder library's
``index/`` cache) and ``pg.index.PgSearchIndex`` (tables on a PostgreSQL server,
for a shared library). ``open_search`` chooses: a library that names a server
(``server_dsn``), or an explicit ``dsn``, gets the server tables; any other the
Whoosh folder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.store import Library

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

Progress = Callable[[int, int], None]


class SearchBackend(Protocol):
    """A library's search index, whichever engine keeps it."""

    # Said with every result while it applies (a stale or temporary index).
    notice: str | None

    def search(self, request: SearchRequest) -> SearchResult:
        """Parse and answer ``request`` (``QuerySyntaxError`` for a bad date range)."""
        ...

    def all_ids(self, request: SearchRequest) -> list[str]:
        """Every id ``request`` matches, in its order."""
        ...

    def more_like_this(self, article_id: str, limit: int = 10) -> list[SearchHit]:
        ...

    def highlight_spans(self, body: str, query: str) -> list[tuple[int, int]]:
        """Code-point spans of ``query``'s hits in ``body`` (for the reader)."""
        ...

    def doc_count(self) -> int:
        ...

    def indexed_ids(self) -> set[str]:
        ...

    def sync(self, progress: Progress | None = None) -> int:
        """Catch up with the store by its generation counter; documents written."""
        ...

    def rebuild(self, progress: Progress | None = None) -> int:
        ...

    def close(self, abandon_rebuild: bool = False) -> None:
        ...


def server_dsn(library: AnyLibrary, dsn: str | None = None) -> str | None:
    """The server whose tables hold ``library``'s index: ``dsn``, or the one a server
    library names; None for a folder library."""
    if dsn:
        return dsn
    named = getattr(library, "server_dsn", None)
    return named if isinstance(named, str) and named else None


def open_search(
    library: AnyLibrary,
    *,
    dsn: str | None = None,
    progress: Progress | None = None,
    wait: float | None = None,
) -> SearchBackend:
    """Open ``library``'s search index, created or caught up as needed."""
    server = server_dsn(library, dsn)
    if server is not None:
        from desktop.core.search.pg.index import PgSearchIndex

        return PgSearchIndex.open(library, server, progress=progress)
    from desktop.core.search.index import SearchIndex

    assert isinstance(library, Library), "a server library always names its server"
    return SearchIndex.open(library, progress=progress, wait=wait)


def catch_up_search(
    library: AnyLibrary, progress: Progress | None = None, *, dsn: str | None = None
) -> None:
    """Bring ``library``'s search index in line with its store (the single writer's job)."""
    index = open_search(library, dsn=dsn, progress=progress)
    try:
        # Opening may leave the catch-up to a later use (another task holds a folder's
        # index); the writer's own sync says so (busy, disk full) instead.
        index.sync(progress)
    finally:
        index.close()
