"""The library without a query: pages in date order and the facet counts, from the store.

No search index is involved. Facet filters (site, year, tag, and the store's
own filters: collection, read state, new articles) become one SQL ``WHERE``
clause (``filter_sql``), so the app's list, its facets and the CLI ``list``
filter alike. Tags match as the search index matches them (``core/tags``): a
tag selects the articles with that tag or one below it.
"""

from __future__ import annotations

import html
import sqlite3
import time
from collections.abc import Mapping, Sequence

from desktop.core.dates import iso_date
from desktop.core.models import ArticleSummary
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.search.storefilters import STORE_FILTERS, sql_clause
from desktop.core.store.articles import ArticleStore, SortOrder
from desktop.core.store.dialect import Database
from desktop.core.tags import has_tag, tag_keys_with_parents

FACET_LIMIT = 60
Filters = Mapping[str, Sequence[str]]


def _tag_under(tag: str | None, wanted: str | None) -> int:
    """1 when ``tag`` is ``wanted`` or below it (``policy/funding`` is under ``policy``)."""
    if not tag or not wanted:
        return 0
    return int(has_tag([tag], wanted))


def filter_sql(filters: Filters) -> tuple[str, list[str]]:
    """WHERE clause (without the keyword, articles as ``a``) for facet filters, and its
    parameters. The clause uses ``ab_tag_under``, which ``Listing`` registers."""
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
    return (" AND ".join(clauses) or "1 = 1"), params


class Listing:
    """Pages, summaries and facet counts of one library connection, filters applied."""

    def __init__(self, conn: Database):
        self.conn = conn
        self.articles = ArticleStore(conn)
        if isinstance(conn, sqlite3.Connection):
            # A server library's schema defines the same function in SQL.
            conn.create_function("ab_tag_under", 2, _tag_under, deterministic=True)

    def page(self, request: SearchRequest) -> SearchResult:
        """The library without a query: newest (or oldest) first, filters applied."""
        started = time.perf_counter()
        where, params = filter_sql(dict(request.filters))
        rows = self._page_rows(where, params, request)
        if request.filters:
            total = int(
                self.conn.execute(
                    f"SELECT COUNT(*) FROM articles a WHERE {where}", params
                ).fetchone()[0]
            )
        else:
            total = self.articles.count()
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

    def _page_rows(
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

    def summaries(
        self, filters: Filters, order: SortOrder = "newest", limit: int | None = None
    ) -> list[ArticleSummary]:
        """The summaries of the articles the filters leave, in ``order``."""
        where, params = filter_sql(filters)
        return self.articles.summaries(order=order, limit=limit, where=where, params=params)

    def facets(self, filters: Filters | None = None) -> dict[str, dict[str, int]]:
        """Counts of sites, years and tags among the articles the filters leave."""
        where, params = filter_sql(dict(filters or {}))
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

    def tag_counts(self, where: str = "1 = 1", params: Sequence[str] = ()) -> dict[str, int]:
        """Articles per tag, parent tags included, in the search index's form of each tag.

        So the listing (no query) and a search show the same Tags facet.
        """
        rows = self.conn.execute(
            "SELECT DISTINCT n.article_id, t.tag FROM annotation_tags t "
            "JOIN annotations n ON n.id = t.annotation_id "
            f"JOIN articles a ON a.id = n.article_id WHERE {where}",
            list(params),
        ).fetchall()
        per_article: dict[str, set[str]] = {}
        for article_id, tag in rows:
            per_article.setdefault(article_id, set()).update(tag_keys_with_parents(tag))
        counts: dict[str, int] = {}
        for tags in per_article.values():
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT]
        return dict(ranked)
