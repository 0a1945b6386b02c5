"""What goes into and comes out of a search; shared by the CLI and the UI."""

from __future__ import annotations

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
