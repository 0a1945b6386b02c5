"""What goes into and comes out of a search; shared by the CLI and the UI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SortKey = Literal["relevance", "newest", "oldest"]


class SearchRequest(BaseModel):
    """A query plus paging, sort and facet filters (filters are ANDed with the query)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    query: str = ""
    sort: SortKey = "relevance"
    limit: int = Field(default=20, ge=1, le=10_000)
    offset: int = Field(default=0, ge=0)
    # Facet filters chosen in the UI: {"site": [...], "year": [...], "tag": [...]}.
    filters: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    snippets: bool = True
    facets: bool = True


class SearchHit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    score: float
    # HTML-escaped text from the stored (accented) body; matches wrapped in <mark>...</mark>.
    snippet: str
    published: date | None = None
    site: str | None = None


class SearchResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    query: str
    total: int
    total_is_exact: bool = True
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = Field(default_factory=dict)
    notice: str | None = None
    took_ms: float = 0.0
    offset: int = 0
    limit: int = 20


# Results read per page by ``all_result_ids``.
ALL_IDS_PAGE = 5000


def all_result_ids(
    run: Callable[[SearchRequest], SearchResult], request: SearchRequest
) -> list[str]:
    """Every id ``run`` answers ``request`` with, in its order: its pages read one after
    another (``limit`` and ``offset`` are ignored; no snippets or facets are made)."""
    ids: list[str] = []
    page = request.model_copy(update={"limit": ALL_IDS_PAGE, "snippets": False, "facets": False})
    while True:
        result = run(page.model_copy(update={"offset": len(ids)}))
        ids.extend(hit.id for hit in result.hits)
        if len(result.hits) < ALL_IDS_PAGE or len(ids) >= result.total:
            return list(dict.fromkeys(ids))
