"""Similar articles and reuse clusters for one library, with titles, for the CLI and UI.

``similar_articles`` lists an article's near-duplicates (``kind="near-duplicate"``)
and, when there are fewer than asked for, fills up with the search index's
"more like this" (``kind="related"``) if a search index is available.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from desktop.core.compare.clusters import find_clusters
from desktop.core.compare.neardup import NearDuplicateIndex
from desktop.core.errors import UserError
from desktop.core.store.library import Library

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

SimilarKind = Literal["near-duplicate", "related"]
# Fill with "related" only when the search index lags the store by at most this
# many articles (catching up that many takes a moment), and wait this long at most
# for another process writing the index.
MAX_INDEX_LAG = 200
INDEX_WAIT_S = 2.0


class SimilarArticle(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    # Share of the shorter article's shingles found in the other (0..1).
    similarity: float
    kind: SimilarKind


class ClusterEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    similarity: float  # to the cluster's first (representative) member


def similar_articles(
    library: AnyLibrary,
    article_id: str,
    limit: int = 10,
    *,
    index: NearDuplicateIndex | None = None,
    related: bool = True,
) -> list[SimilarArticle]:
    """Near-duplicates first (most similar first), then related articles up to ``limit``."""
    if limit <= 0:
        return []
    index = index or NearDuplicateIndex.for_library(library)
    index.refresh()
    partners = index.partners(article_id)[:limit]
    titles = _titles(library, [p for p, _ in partners])
    out = [
        SimilarArticle(
            id=p, title=titles.get(p, ""), similarity=f.similarity, kind="near-duplicate"
        )
        for p, f in partners
    ]
    if related and len(out) < limit:
        seen = {article_id, *(s.id for s in out)}
        candidates = _more_like_this(library, article_id, limit + len(seen))
        extra = [i for i in candidates if i not in seen][: limit - len(out)]
        titles = _titles(library, extra)
        for other in extra:
            figures = index.estimate(article_id, other)
            out.append(
                SimilarArticle(
                    id=other,
                    title=titles.get(other, ""),
                    similarity=figures.similarity if figures else 0.0,
                    kind="related",
                )
            )
    return out


def library_clusters(
    library: AnyLibrary, min_size: int = 2, *, index: NearDuplicateIndex | None = None
) -> list[list[ClusterEntry]]:
    """Clusters of near-duplicates, largest first, each with its representative first."""
    index = index or NearDuplicateIndex.for_library(library)
    index.refresh()
    clusters = find_clusters(index, min_size=min_size)
    titles = _titles(library, [m.id for c in clusters for m in c])
    return [
        [ClusterEntry(id=m.id, title=titles.get(m.id, ""), similarity=m.similarity) for m in c]
        for c in clusters
    ]


def _titles(library: AnyLibrary, ids: list[str]) -> dict[str, str]:
    return {s.id: s.title for s in library.articles.summaries_for(ids)}


def _folder_index_is_usable(library: Library) -> bool:
    """True when a folder's Whoosh index is current or nearly so (a server's search
    tables are caught up by whoever searches, in one statement per change)."""
    from desktop.core.search.schema import SCHEMA_VERSION  # Whoosh loads here, when needed
    from desktop.core.search.state import read_state

    state = read_state(library.index_dir)
    if state is None or state.schema_version != SCHEMA_VERSION:
        return False
    return library.articles.count_changed_since(state.generation) <= MAX_INDEX_LAG


def _more_like_this(library: AnyLibrary, article_id: str, limit: int) -> list[str]:
    """Ids from the search index's "more like this"; empty when no usable index exists.

    Only an index that is current or nearly so is used: building or catching up
    a large one takes minutes and belongs to the search side, not to this list.
    """
    from desktop.core.search.interface import SearchBackend, open_search

    if isinstance(library, Library) and not _folder_index_is_usable(library):
        return []
    try:
        search_index: SearchBackend = open_search(library, wait=INDEX_WAIT_S)
        try:
            hits = search_index.more_like_this(article_id, limit)
        finally:
            search_index.close()
    except (UserError, OSError, ValueError):
        return []  # locked by a writer, damaged, or gone: related articles are optional
    ids: list[str] = []
    for hit in hits or []:
        hit_id = _hit_id(hit)
        if hit_id and library.articles.exists(hit_id):
            ids.append(hit_id)
    return ids


def _hit_id(hit: Any) -> str | None:
    if isinstance(hit, str):
        return hit
    if isinstance(hit, tuple | list) and hit and isinstance(hit[0], str):
        return hit[0]
    value = getattr(hit, "id", None)
    if value is None and isinstance(hit, dict):
        value = hit.get("id")
    return value if isinstance(value, str) else None
