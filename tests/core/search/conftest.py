"""Helpers for search tests: articles built in the test, a fresh index per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest, SearchResult
from desktop.core.store import Library

AddFn = Callable[..., str]


def make_draft(
    title: str,
    body: str,
    *,
    site: str | None = "tin.example.vn",
    published: date | None = None,
    author: str | None = None,
) -> ArticleDraft:
    raw = f"{title}\n{body}\n{site}\n{published}".encode()
    return ArticleDraft(
        id=article_id_for(raw),
        title=title,
        body=body,
        site=site,
        published=published,
        author=author,
        source_path="test.txt",
        kind="text",
        original=Original(data=raw, media_type="text/plain"),
    )


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


def run(ix: SearchIndex, query: str, **kw: object) -> SearchResult:
    return ix.search(SearchRequest(query=query, **kw))  # type: ignore[arg-type]


def titles(result: SearchResult) -> list[str]:
    return [h.title for h in result.hits]
