"""Search tests' helpers: articles built in the test, and running a query on an index."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest, SearchResult

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


def run(ix: SearchIndex, query: str, **kw: object) -> SearchResult:
    return ix.search(SearchRequest(query=query, **kw))  # type: ignore[arg-type]


def titles(result: SearchResult) -> list[str]:
    return [h.title for h in result.hits]
