"""Fixtures for search tests: articles built in the test, a fresh index per test.

The helpers they use (``make_draft``, ``run``, ``titles``) are in ``tests/helpers/search``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.core.search.index import SearchIndex
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
def open_index(library: Library) -> Iterator[Callable[[], SearchIndex]]:
    opened: list[SearchIndex] = []

    def _open() -> SearchIndex:
        ix = SearchIndex.open(library, wait=2.0)
        opened.append(ix)
        return ix

    yield _open
    for ix in opened:
        ix.close()
