"""The UI's read side: listing order and paging, facet counts, spans and snippets."""

from __future__ import annotations

from desktop.core.search.models import SearchRequest
from desktop.ui.search.backend import Backend
from tests.helpers.ui_library import make_draft


def test_listing_pages_dated_then_undated(library) -> None:
    drafts = [make_draft(i) for i in range(30)]
    undated = [
        d.model_copy(update={"published": None}) for d in (make_draft(i) for i in range(30, 37))
    ]
    library.articles.add_many(drafts + undated)
    backend = Backend(library, use_index=False)
    for sort in ("newest", "oldest"):
        full = backend.run(SearchRequest(sort=sort, limit=100))
        assert full.total == 37 and len(full.hits) == 37
        dates = [h.published for h in full.hits]
        dated = [d for d in dates if d is not None]
        assert dates[: len(dated)] == dated and all(d is None for d in dates[len(dated) :])
        assert dated == sorted(dated, reverse=(sort == "newest"))
        paged = []
        for offset in range(0, 37, 8):
            paged += backend.run(SearchRequest(sort=sort, limit=8, offset=offset)).hits
        assert [h.id for h in paged] == [h.id for h in full.hits]


def test_listing_filters_and_facets(library) -> None:
    library.articles.add_many([make_draft(i) for i in range(40)])
    backend = Backend(library, use_index=False)
    result = backend.run(SearchRequest(filters={"site": ("news.example.com",), "year": ("2018",)}))
    assert result.hits and all(h.site == "news.example.com" for h in result.hits)
    assert all(h.published and h.published.year == 2018 for h in result.hits)
    facets = backend.facets({"site": ("news.example.com",)})
    assert set(facets["site"]) == {"news.example.com"}
    assert sum(facets["year"].values()) == facets["site"]["news.example.com"]


def test_without_an_index_queries_are_answered_by_reading_the_store(library) -> None:
    library.articles.add_many([make_draft(i) for i in range(12)])
    backend = Backend(library, use_index=False)
    body = library.articles.get(backend.run(SearchRequest(limit=1)).hits[0].id).body
    word = body.split()[3].strip(".,;:!?")
    result = backend.run(SearchRequest(query=word, limit=50))
    assert result.total >= 1 and all("<mark>" in h.snippet for h in result.hits)
    assert backend.index() is None
    spans = backend.highlight_spans(body, word)
    assert spans and all(body[s:e].lower() == word.lower() for s, e in spans)


def test_spans_are_accent_insensitive_code_points(library) -> None:
    body = "😀 Đội tuyển và đội bóng"
    spans = Backend(library, use_index=False).highlight_spans(body, "doi")
    assert [body[s:e] for s, e in spans] == ["Đội", "đội"]


