"""The read side the UI needs from the core, in one place, used on worker threads.

``Backend`` wraps one library (its own connection) and, when available, the
search index. With an empty query the library is listed straight from the
store (newest or oldest first, facet filters applied in SQL); with a query the
search index answers. While the search index module is missing (or could not
be opened) a plain substring search over the store stands in, so the app
keeps working.
"""

from __future__ import annotations

import html
import sqlite3
import time
from typing import Protocol

from desktop.core.dates import iso_date
from desktop.core.models import ArticleSummary
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.search.storefilters import STORE_FILTERS, sql_clause
from desktop.core.store import Library
from desktop.core.tags import has_tag, tag_keys_with_parents
from desktop.core.textnorm import fold

FACET_LIMIT = 60
SNIPPET_CHARS = 220


class SearchIndexLike(Protocol):
    def search(self, request: SearchRequest) -> SearchResult: ...

    def highlight_spans(self, body: str, query: str) -> list[tuple[int, int]]: ...


def open_search_index(library: Library) -> SearchIndexLike | None:
    """The library's search index, or None when this build has no index module."""
    try:
        from desktop.core.search.index import SearchIndex
    except ImportError:
        return None
    index: SearchIndexLike = SearchIndex.open(library)
    return index


def index_is_current(library: Library) -> bool:
    """True when the search index already reflects the store (no catch-up needed)."""
    try:
        from desktop.core.search.schema import SCHEMA_VERSION
        from desktop.core.search.state import read_state
    except ImportError:
        return True
    state = read_state(library.index_dir)
    return (
        state is not None
        and state.schema_version == SCHEMA_VERSION
        and state.generation == library.articles.generation()
    )


def _tag_under(tag: str | None, wanted: str | None) -> int:
    """1 when ``tag`` is ``wanted`` or below it (``policy/funding`` is under ``policy``)."""
    if not tag or not wanted:
        return 0
    return int(has_tag([tag], wanted))


def _filter_sql(filters: dict[str, tuple[str, ...]]) -> tuple[str, list[str]]:
    """WHERE clause (without the keyword) for facet filters, and its parameters."""
    clauses: list[str] = []
    params: list[str] = []
    sites = list(filters.get("site", ()))
    if sites:
        clauses.append(f"a.site IN ({','.join('?' * len(sites))})")
        params += sites
    years = list(filters.get("year", ()))
    if years:
        clauses.append(f"substr(a.published, 1, 4) IN ({','.join('?' * len(years))})")
        params += years
    for tag in filters.get("tag", ()):
        # The tag or one below it, matched as the search index matches (ab_tag_under).
        clauses.append(
            "a.id IN (SELECT n.article_id FROM annotations n "
            "JOIN annotation_tags t ON t.annotation_id = n.id WHERE ab_tag_under(t.tag, ?))"
        )
        params.append(tag)
    for key in STORE_FILTERS:  # collections, reading state, new articles
        values = [v for v in filters.get(key, ()) if str(v).strip()]
        if values:
            clause, extra = sql_clause(key, values)
            clauses.append(clause)
            params += [str(v) for v in extra]
    return (" AND ".join(clauses) or "1"), params


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
        self._index: SearchIndexLike | None = None
        self._index_tried = False
        self._fold_ready = False

    @property
    def conn(self) -> sqlite3.Connection:
        return self.library.conn

    def index(self) -> SearchIndexLike | None:
        if not self._index_tried and self._use_index:
            self._index_tried = True
            self._index = open_search_index(self.library)
        return self._index

    def refresh_index(self) -> None:
        """Drop the open index so the next search sees what the writer added."""
        close = getattr(self._index, "close", None)
        if callable(close):
            close()
        self._index = None
        self._index_tried = False

    def close(self) -> None:
        self.refresh_index()
        self.library.close()

    # -- answering a request ----------------------------------------------

    def _register_functions(self) -> None:
        """SQL functions the listing's filters use (once per connection)."""
        if getattr(self, "_functions_for", None) is self.conn:
            return
        self.conn.create_function("ab_tag_under", 2, _tag_under, deterministic=True)
        self._functions_for = self.conn

    def run(self, request: SearchRequest) -> SearchResult:
        self._register_functions()
        if not request.query.strip():
            return self.listing(request)
        index = self.index()
        if index is not None:
            return index.search(request)
        return self._substring_search(request)

    def listing(self, request: SearchRequest) -> SearchResult:
        """The library without a query: newest (or oldest) first, filters applied."""
        started = time.perf_counter()
        where, params = _filter_sql(dict(request.filters))
        rows = self._listing_rows(where, params, request)
        if request.filters:
            total = int(
                self.conn.execute(
                    f"SELECT COUNT(*) FROM articles a WHERE {where}", params
                ).fetchone()[0]
            )
        else:
            total = self.library.articles.count()
        hits = [
            SearchHit(
                id=r["id"],
                title=r["title"],
                score=0.0,
                snippet=html.escape(r["author"] or ""),
                published=iso_date(r["published"]),
                site=r["site"],
            )
            for r in rows
        ]
        facets = self.facets(request.filters) if request.facets and request.offset == 0 else {}
        return SearchResult(
            query="",
            total=total,
            hits=hits,
            facets=facets,
            took_ms=(time.perf_counter() - started) * 1000,
            offset=request.offset,
            limit=request.limit,
        )

    def _listing_rows(
        self, where: str, params: list[str], request: SearchRequest
    ) -> list[sqlite3.Row]:
        """One page in date order, dated articles first, walking the (published, seq) index."""
        direction = "ASC" if request.sort == "oldest" else "DESC"
        columns = "a.id, a.title, a.published, a.site, a.author"
        dated = f"{where} AND a.published IS NOT NULL"
        dated_total = int(
            self.conn.execute(f"SELECT COUNT(*) FROM articles a WHERE {dated}", params).fetchone()[
                0
            ]
        )
        rows: list[sqlite3.Row] = []
        if request.offset < dated_total:
            rows = self.conn.execute(
                f"SELECT {columns} FROM articles a WHERE {dated} "
                f"ORDER BY a.published {direction}, a.seq {direction} LIMIT ? OFFSET ?",
                [*params, request.limit, request.offset],
            ).fetchall()
        missing = request.limit - len(rows)
        if missing > 0:
            rows += self.conn.execute(
                f"SELECT {columns} FROM articles a WHERE {where} AND a.published IS NULL "
                f"ORDER BY a.seq {direction} LIMIT ? OFFSET ?",
                [*params, missing, max(0, request.offset - dated_total)],
            ).fetchall()
        return rows

    def facets(
        self, filters: dict[str, tuple[str, ...]] | None = None
    ) -> dict[str, dict[str, int]]:
        """Counts of sites, years and tags among the articles the filters leave."""
        self._register_functions()
        where, params = _filter_sql(dict(filters or {}))
        sites = self.conn.execute(
            f"SELECT a.site, COUNT(*) c FROM articles a WHERE a.site IS NOT NULL AND {where} "
            "GROUP BY a.site ORDER BY c DESC LIMIT ?",
            [*params, FACET_LIMIT],
        ).fetchall()
        years = self.conn.execute(
            "SELECT substr(a.published, 1, 4) y, COUNT(*) c FROM articles a "
            f"WHERE a.published IS NOT NULL AND {where} GROUP BY y ORDER BY y DESC",
            params,
        ).fetchall()
        result = {
            "site": {r[0]: int(r[1]) for r in sites},
            "year": {r[0]: int(r[1]) for r in years},
        }
        tags = self.tag_counts(where, params)
        if tags:
            result["tag"] = tags
        return result

    def tag_counts(self, where: str = "1", params: list[str] | None = None) -> dict[str, int]:
        """Articles per tag, parent tags included, in the search index's form of each tag.

        So the listing (no query) and a search show the same Tags facet.
        """
        self._register_functions()
        try:
            rows = self.conn.execute(
                "SELECT DISTINCT n.article_id, t.tag FROM annotation_tags t "
                "JOIN annotations n ON n.id = t.annotation_id "
                f"JOIN articles a ON a.id = n.article_id WHERE {where}",
                list(params or []),
            ).fetchall()
        except sqlite3.OperationalError:  # a library from before annotations existed
            return {}
        per_article: dict[str, set[str]] = {}
        for article_id, tag in rows:
            per_article.setdefault(article_id, set()).update(tag_keys_with_parents(tag))
        counts: dict[str, int] = {}
        for tags in per_article.values():
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT]
        return dict(ranked)

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
        where, params = _filter_sql(dict(request.filters))
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
