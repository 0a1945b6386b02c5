"""The read side the UI needs from the core, in one place, used on worker threads.

``Backend`` wraps one library (its own connection) and, when available, the
search index. With an empty query the library is listed straight from the
store (``core/search/listing``: newest or oldest first, facet filters applied
in SQL); with a query the
search index answers. A backend made with ``use_index=False`` answers queries
with a plain substring search over the store instead.
"""

from __future__ import annotations

import html
import sqlite3
import time
from typing import TYPE_CHECKING

from desktop.core.dates import iso_date
from desktop.core.models import ArticleSummary
from desktop.core.search.listing import Listing, filter_sql
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.store import Library
from desktop.core.textnorm import fold

SNIPPET_CHARS = 220

if TYPE_CHECKING:
    from desktop.core.search.index import SearchIndex


def open_search_index(library: Library) -> SearchIndex:
    """The library's search index (Whoosh loads here, on the first search, not at start)."""
    from desktop.core.search.index import SearchIndex

    return SearchIndex.open(library)


def index_is_current(library: Library) -> bool:
    """True when the search index already reflects the store (no catch-up needed)."""
    from desktop.core.search.schema import SCHEMA_VERSION
    from desktop.core.search.state import read_state

    state = read_state(library.index_dir)
    return (
        state is not None
        and state.schema_version == SCHEMA_VERSION
        and state.generation == library.articles.generation()
    )


_ORDER = {
    "newest": "a.published IS NULL, a.published DESC, a.seq DESC",
    "oldest": "a.published IS NULL, a.published ASC, a.seq ASC",
    "relevance": "a.published IS NULL, a.published DESC, a.seq DESC",
}


class Backend:
    """Listing, searching, facets and highlight spans over one library connection."""

    def __init__(self, library: Library, *, use_index: bool = True):
        self.library = library
        self._use_index = use_index
        self._index: SearchIndex | None = None
        self._index_tried = False
        self._fold_ready = False
        self._listing_of: Listing | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        return self.library.conn

    def index(self) -> SearchIndex | None:
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
        """The store's listing over this backend's connection (made once per connection)."""
        if self._listing_of is None or self._listing_of.conn is not self.conn:
            self._listing_of = Listing(self.conn)
        return self._listing_of

    def run(self, request: SearchRequest) -> SearchResult:
        if not request.query.strip():
            return self.listing(request)
        index = self.index()
        if index is not None:
            return index.search(request)
        return self._substring_search(request)

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
        return substring_spans(body, query)

    # -- stand-in search ---------------------------------------------------

    def _substring_search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        if not self._fold_ready:
            self.conn.create_function("ab_fold", 1, fold, deterministic=True)
            self._fold_ready = True
        terms = [fold(t) for t in query_terms(request.query)]
        self._listing()  # registers the SQL functions the filters use
        where, params = filter_sql(dict(request.filters))
        clauses = [where]
        for term in terms:
            clauses.append("instr(ab_fold(a.title || ' ' || a.body), ?) > 0")
            params.append(term)
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.body, a.published, a.site FROM articles a "
            f"WHERE {' AND '.join(clauses)} ORDER BY {_ORDER[request.sort]}",
            params,
        ).fetchall()
        page = rows[request.offset : request.offset + request.limit]
        hits = [
            SearchHit(
                id=r["id"],
                title=r["title"],
                score=1.0,
                snippet=make_snippet(r["body"], substring_spans(r["body"], request.query)),
                published=iso_date(r["published"]),
                site=r["site"],
            )
            for r in page
        ]
        return SearchResult(
            query=request.query,
            total=len(rows),
            hits=hits,
            facets=self.facets(request.filters) if request.facets else {},
            took_ms=(time.perf_counter() - started) * 1000,
            offset=request.offset,
            limit=request.limit,
        )


def query_terms(query: str) -> list[str]:
    words = [w.strip('"()*').lower() for w in query.split()]
    return [w for w in words if w and w not in {"and", "or", "not"}]


def substring_spans(body: str, query: str) -> list[tuple[int, int]]:
    """Accent- and case-insensitive occurrences of the query's words (code points)."""
    folded = fold(body)
    spans: list[tuple[int, int]] = []
    for term in {fold(t) for t in query_terms(query)}:
        start = folded.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    return sorted(spans)


def make_snippet(body: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """An HTML-escaped window of ``body`` around the first span, matches in ``<mark>``."""
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    end = min(len(body), start + width)
    out: list[str] = ["…" if start else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, pos), min(e, end)
        if s < pos:
            continue
        out.append(html.escape(body[pos:s]))
        out.append(f"<mark>{html.escape(body[s:e])}</mark>")
        pos = e
    out.append(html.escape(body[pos:end]))
    if end < len(body):
        out.append("…")
    return " ".join("".join(out).split())
