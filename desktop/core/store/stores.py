"""``StoreSet``: the stores of one open library on one connection, whichever engine.

A library folder (``Library``, SQLite) and a shared server library
(``ServerLibrary``, PostgreSQL) both derive from it, so the one set of store
classes is handed out the same way on either: ``articles``, ``sources``,
``annotations`` (writing as ``user``), ``collections``, ``saved_searches``,
``search_history``, ``reading_state`` and ``listing``, with ``transaction`` and
``bump_generation``. This is what ``interface.LibraryStores`` declares.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from desktop.core.closing import Closing
from desktop.core.people import clean_name
from desktop.core.store import connection
from desktop.core.store.articles import ArticleStore
from desktop.core.store.collections import CollectionStore
from desktop.core.store.dialect import Database
from desktop.core.store.reading_state import ReadingStateStore
from desktop.core.store.saved_searches import SavedSearchStore, SearchHistory
from desktop.core.store.sources import SourceStore

if TYPE_CHECKING:
    from desktop.core.annotations.store import AnnotationStore
    from desktop.core.search.listing import Listing


class StoreSet(Closing):
    """The stores of one library connection (not thread-safe: use ``reopen``)."""

    # A server library (``postgresql://``) says so; the app words its notices by it.
    is_server = False

    def __init__(self, conn: Database, *, read_only: bool, user: str):
        self.conn = conn
        self.read_only = read_only
        self.articles = ArticleStore(conn)
        self.sources = SourceStore(conn)
        self._user = clean_name(user)

    @property
    def user(self) -> str:
        """Who works on the library in this session: recorded on what they annotate
        (``--user NAME``; by default the login name, or a server's database role)."""
        return self._user

    @user.setter
    def user(self, name: str) -> None:
        self._user = clean_name(name)
        if "annotations" in self.__dict__:  # the store already handed out writes as them
            self.annotations.user = self._user

    @cached_property
    def annotations(self) -> AnnotationStore:
        from desktop.core.annotations.store import AnnotationStore

        return AnnotationStore(self.conn, self.user)

    @cached_property
    def collections(self) -> CollectionStore:
        return CollectionStore(self.conn)

    @cached_property
    def saved_searches(self) -> SavedSearchStore:
        return SavedSearchStore(self.conn)

    @cached_property
    def search_history(self) -> SearchHistory:
        return SearchHistory(self.conn)

    @cached_property
    def reading_state(self) -> ReadingStateStore:
        return ReadingStateStore(self.conn)

    @cached_property
    def listing(self) -> Listing:
        from desktop.core.search.listing import Listing

        return Listing(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, rolled back on any exception."""
        with connection.transaction(self.conn):
            yield

    def bump_generation(self) -> int:
        """Advance the change counter; call inside ``transaction``."""
        return connection.bump_generation(self.conn)

    def close(self) -> None:
        self.conn.close()
