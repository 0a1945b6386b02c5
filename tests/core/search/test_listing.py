"""The library without a query, from the store: date order, paging, filters and facets."""

from __future__ import annotations

from datetime import date

from desktop.core.annotations.store import AnnotationStore
from desktop.core.search.listing import Listing
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from tests.helpers.search import make_draft


def _fill(library: Library) -> list[str]:
    drafts = [
        make_draft(f"Tin số {i}", f"Nội dung riêng của tin số {i}.",
                   site="a.vn" if i % 2 else "b.vn",
                   published=date(2020 + i % 3, 1 + i % 12, 1) if i < 9 else None)
        for i in range(12)
    ]
    library.articles.add_many(drafts)
    return [d.id for d in drafts]


def test_pages_walk_dated_articles_then_undated_ones(library: Library) -> None:
    _fill(library)
    listing = Listing(library.conn)
    for sort in ("newest", "oldest"):
        full = listing.page(SearchRequest(sort=sort, limit=100))
        assert full.total == 12 and len(full.hits) == 12
        dates = [h.published for h in full.hits]
        dated = [d for d in dates if d is not None]
        assert len(dated) == 9 and dates[9:] == [None] * 3
        assert dated == sorted(dated, reverse=sort == "newest")
        paged = []
        for offset in range(0, 12, 5):
            paged += listing.page(SearchRequest(sort=sort, limit=5, offset=offset)).hits
        assert [h.id for h in paged] == [h.id for h in full.hits]


def test_filters_and_facets_agree(library: Library) -> None:
    ids = _fill(library)
    notes = AnnotationStore(library.conn)
    notes.create(ids[1], 0, 3, tags=["Kinh tế/Nông nghiệp"])
    notes.create(ids[3], 0, 3, tags=["kinh tế"])
    listing = Listing(library.conn)
    result = listing.page(SearchRequest(filters={"site": ("a.vn",), "year": ("2021",)}))
    assert result.total == 2 and {h.site for h in result.hits} == {"a.vn"}
    assert all(h.published and h.published.year == 2021 for h in result.hits)
    facets = listing.facets({"site": ("a.vn",)})
    assert facets["site"] == {"a.vn": 6}
    assert sum(facets["year"].values()) == 4  # two of the six are undated
    assert facets["tag"] == {"kinh tế": 2, "kinh tế/nông nghiệp": 1}
    tagged = listing.summaries({"tag": ["KINH TẾ"]}, order="oldest")
    assert sorted(s.id for s in tagged) == sorted([ids[1], ids[3]])
    assert [s.id for s in listing.summaries({"tag": ["kinh tế/nông nghiệp"]})] == [ids[1]]
