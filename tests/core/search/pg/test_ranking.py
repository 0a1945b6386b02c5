"""Known-item ranking of ``PgSearchIndex``: a run of words copied from one article
finds that article first, among articles that repeat the same common words."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.search.models import SearchRequest
from desktop.core.search.pg import index as pg_index
from desktop.core.search.pg.index import PgSearchIndex
from desktop.core.store import Library
from tests.helpers.search import make_draft

RUN = "đồng hồ cụm điều khiển trung tâm"
KNOWN_BODY = f"Mẫu xe mới có {RUN} đặt cao hơn, dễ nhìn khi lái."


def _fillers(n: int) -> list:
    """Newer, longer articles with the run's words in the title and, many times over,
    in the body, but never the run's rarer neighbours (hồ cụm, cụm điều, khiển trung)."""
    body = " ".join(
        ["Trung tâm thành phố treo đồng hồ lớn, phòng điều khiển mở cả đêm."] * 15
        + ["Một cụm dân cư mới."] * 3
    )
    return [
        make_draft(f"Đồng hồ trung tâm {k}", f"{body} Số {k}.", published=date(2024, 1, 1 + k))
        for k in range(n)
    ]


def _first(ix: PgSearchIndex, query: str) -> str | None:
    hits = ix.search(SearchRequest(query=query, limit=10, snippets=False, facets=False)).hits
    return hits[0].id if hits else None


@pytest.mark.parametrize("query", [RUN, "dong ho cum dieu khien trung tam"])
def test_the_known_item_ranks_first_among_common_words(
    library: Library, pg_dsn: str, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    known = make_draft("Xe gia đình", KNOWN_BODY, published=date(2015, 1, 1))
    library.articles.add_many([known, *_fillers(6)])
    # The fillers' pairs are common in a library of this size; the run's own are not.
    monkeypatch.setattr(pg_index, "RARE_PAIR_DF", 2, raising=False)
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        assert _first(ix, query) == known.id
    finally:
        ix.close()


def test_the_known_item_is_a_candidate_before_newer_title_matches(
    library: Library, pg_dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = make_draft("Xe gia đình", KNOWN_BODY, published=date(2015, 1, 1))
    library.articles.add_many([known, *_fillers(6)])
    monkeypatch.setattr(pg_index, "RARE_PAIR_DF", 2, raising=False)
    # Fewer ranked candidates than newer articles with the words in their titles.
    monkeypatch.setattr(pg_index, "RANK_ALL", 3)
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        result = ix.search(SearchRequest(query=RUN, limit=10, snippets=False))
        assert result.total == 7
        assert result.hits[0].id == known.id
    finally:
        ix.close()
