"""Search tests' helpers: articles built in the test, and running a query on an index."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.search.interface import SearchBackend
from desktop.core.search.models import SearchRequest, SearchResult
from desktop.core.store import Library
from desktop.core.store.connection import bump_generation, transaction

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


def run(ix: SearchBackend, query: str, **kw: object) -> SearchResult:
    return ix.search(SearchRequest(query=query, **kw))  # type: ignore[arg-type]


def titles(result: SearchResult) -> list[str]:
    return [h.title for h in result.hits]


_ids = itertools.count(1)


def annotate(
    library: Library, article_id: str, note: str, tags: list[str], status: str = "anchored"
) -> None:
    """Insert an annotation the way the annotation store does: bumping the article's gen."""
    ann_id = f"ann{next(_ids)}"
    with transaction(library.conn):
        gen = bump_generation(library.conn)
        library.conn.execute(
            "INSERT INTO annotations (id, article_id, start, end, exact, content_hash, note, "
            "status, created, modified) VALUES (?, ?, 0, 3, 'abc', 'h', ?, ?, 'now', 'now')",
            (ann_id, article_id, note, status),
        )
        for tag in tags:
            library.conn.execute(
                "INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)", (ann_id, tag)
            )
        library.conn.execute("UPDATE articles SET gen = ? WHERE id = ?", (gen, article_id))


def syllable_name(n: int) -> str:
    """``n`` spelt in four letters: a syllable of its own for every number."""
    out = ""
    for _ in range(4):
        n, digit = divmod(n, 26)
        out = chr(ord("a") + digit) + out
    return out


def huge_body(syllables: int) -> str:
    """A body whose adjacent pairs are all distinct: more than a tsvector holds."""
    return " ".join(syllable_name(n) for n in range(syllables))

