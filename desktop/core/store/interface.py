"""The one store interface: what every module above the store may use of a library.

A library (a folder's SQLite store, or a shared server library) hands out its
stores as attributes and its write transaction and change counter as methods.
Code above ``desktop/core/store`` talks to a library only through this
interface, never to its database connection (a source-check test enforces it),
so it does not need to know which kind of library it gets.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desktop.core.annotations.store import AnnotationStore
    from desktop.core.search.listing import Listing
    from desktop.core.store.articles import ArticleStore
    from desktop.core.store.collections import CollectionStore
    from desktop.core.store.reading_state import ReadingStateStore
    from desktop.core.store.saved_searches import SavedSearchStore, SearchHistory
    from desktop.core.store.sources import SourceStore


class LibraryStores(Protocol):
    """The stores of one open library, all on one connection (not thread-safe)."""

    # Whether writes are refused (a read-only folder, medium, bundle or role).
    read_only: bool

    @property
    def articles(self) -> ArticleStore: ...

    @property
    def sources(self) -> SourceStore: ...

    @property
    def annotations(self) -> AnnotationStore: ...

    @property
    def collections(self) -> CollectionStore: ...

    @property
    def saved_searches(self) -> SavedSearchStore: ...

    @property
    def search_history(self) -> SearchHistory: ...

    @property
    def reading_state(self) -> ReadingStateStore: ...

    @property
    def listing(self) -> Listing: ...

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction: committed on leaving, rolled back on any exception."""
        ...

    def bump_generation(self) -> int:
        """Advance the change counter (inside ``transaction``); the new generation."""
        ...

    def bulk_loading(self) -> AbstractContextManager[None]:
        """Settings for writing many articles at once (a bundle); nothing where none help."""
        ...

    def close(self) -> None: ...
