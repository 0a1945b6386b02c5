"""The UI's read side: listing order and paging, facet counts, spans and snippets."""

from __future__ import annotations

from desktop.core.search.models import SearchRequest
from desktop.ui.backend import Backend, make_snippet, substring_spans
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


def test_spans_are_accent_insensitive_code_points() -> None:
    body = "😀 Đội tuyển và đội bóng"
    spans = substring_spans(body, "doi")
    assert [body[s:e] for s, e in spans] == ["Đội", "đội"]


def test_snippet_marks_and_escapes() -> None:
    body = "<b>x</b> " * 5 + "gốm sứ " + "đuôi " * 80
    spans = substring_spans(body, "gom")
    snippet = make_snippet(body, spans)
    assert "<mark>gốm</mark>" in snippet and "&lt;b&gt;" in snippet and "<b>" not in snippet
    assert snippet.endswith("…")
