"""Fixtures for search tests: articles built in the test, a fresh index per test.

``open_index`` runs each test on both search backends: the Whoosh folder and the
PostgreSQL tables (on the test server; skipped, saying why, without one). A test
of something only the Whoosh index has uses ``open_whoosh``.

The helpers they use (``make_draft``, ``run``, ``titles``) are in ``tests/helpers/search``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.core.search.index import SearchIndex
from desktop.core.search.interface import SearchBackend
from desktop.core.store import Library
from tests.helpers.search import AddFn, make_draft


@pytest.fixture
def add(library: Library) -> AddFn:
    """Store one article and return its id."""

    def _add(title: str, body: str, **kw: object) -> str:
        draft = make_draft(title, body, **kw)  # type: ignore[arg-type]
        library.articles.add_many([draft])
        return draft.id

    return _add


@pytest.fixture
def open_whoosh(library: Library) -> Iterator[Callable[[], SearchIndex]]:
    """Opens the library's Whoosh index (closed after the test)."""
    opened: list[SearchIndex] = []

    def _open() -> SearchIndex:
        ix = SearchIndex.open(library, wait=2.0)
        opened.append(ix)
        return ix

    yield _open
    for ix in opened:
        ix.close()


@pytest.fixture(params=["whoosh", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str | None:
    """The search backend of this run of the test: None for Whoosh, else a server."""
    if request.param == "whoosh":
        return None
    return str(request.getfixturevalue("pg_dsn"))


@pytest.fixture
def open_index(library: Library, backend: str | None) -> Iterator[Callable[[], SearchBackend]]:
    """Opens the library's search index on this run's backend (closed after the test)."""
    opened: list[SearchBackend] = []

    def _open() -> SearchBackend:
        if backend is None:
            ix: SearchBackend = SearchIndex.open(library, wait=2.0)
        else:
            from desktop.core.search.pg.index import PgSearchIndex

            ix = PgSearchIndex.open(library, backend)
        opened.append(ix)
        return ix

    yield _open
    for ix in opened:
        ix.close()
