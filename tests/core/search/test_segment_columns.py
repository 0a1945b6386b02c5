"""Segments in which no article has a site or a date still line up with the others."""

from __future__ import annotations

from datetime import date

from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from tests.helpers.search import make_draft


def test_a_segment_without_sites_or_dates_keeps_facets_and_needs_no_rebuild(
    library: Library,
) -> None:
    library.articles.add_many(
        [make_draft(f"A{n}", f"Mưa lớn {n}.", published=date(2020, 1, 1 + n)) for n in range(3)]
    )
    SearchIndex.open(library).close()
    # A second segment: none of these has a site or a date, so it has no such columns.
    library.articles.add_many(
        [make_draft(f"B{n}", f"Mưa và bão {n}.", site=None) for n in range(4)]
    )
    ix = SearchIndex.open(library)
    try:
        folder = ix.whoosh_dir
        result = ix.search(SearchRequest(query="mua", sort="newest", limit=10))
        assert result.total == 7 and not result.notice
        assert result.facets["site"] == {"tin.example.vn": 3}
        assert result.facets["year"] == {"2020": 3}
        assert [h.title for h in result.hits[:3]] == ["A2", "A1", "A0"]
        assert (
            ix.search(SearchRequest(query="bao", filters={"site": ("tin.example.vn",)})).total == 0
        )
        assert ix.whoosh_dir == folder and not ix.rebuilding()
    finally:
        ix.close()
    reopened = SearchIndex.open(library)
    try:
        assert reopened.whoosh_dir == folder and not reopened.rebuilding()
    finally:
        reopened.close()
