"""tag: and note: come from the annotations tables (rows inserted here directly)."""

from __future__ import annotations

from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from tests.helpers.search import AddFn, annotate, run, titles


def test_tags_and_notes_are_searchable(library: Library, add: AddFn, open_index) -> None:
    a = add("Ngân sách", "Chi tiêu công năm nay.")
    b = add("Học phí", "Học phí đại học tăng.")
    add("Khác", "Không có ghi chú.")
    annotate(library, a, "Cần đối chiếu với số liệu Bộ Tài chính", ["Policy/Funding"])
    annotate(library, b, "Xem lại nguồn", ["education", "policy"], status="orphaned")
    ix = open_index()
    assert titles(run(ix, "tag:policy/funding")) == ["Ngân sách"]
    assert sorted(titles(run(ix, "tag:policy"))) == ["Học phí", "Ngân sách"]
    assert titles(run(ix, "tag:Education")) == ["Học phí"]
    assert sorted(titles(run(ix, "tag:pol*"))) == ["Học phí", "Ngân sách"]
    assert titles(run(ix, "note:doi chieu")) == ["Ngân sách"]
    # Plain queries search notes too; orphaned annotations count.
    assert titles(run(ix, "bo tai chinh")) == ["Ngân sách"]
    assert titles(run(ix, "nguồn")) == ["Học phí"]
    assert titles(run(ix, "note:so")) == ["Ngân sách"]
    assert run(ix, "note:chi").total == 0
    result = run(ix, "")
    assert result.facets["tag"] == {"policy": 2, "education": 1, "policy/funding": 1}
    filtered = ix.search(SearchRequest(query="", filters={"tag": ("Policy/Funding",)}))
    assert titles(filtered) == ["Ngân sách"]


def test_annotation_added_later_is_picked_up_by_sync(
    library: Library, add: AddFn, open_index
) -> None:
    a = add("Bài", "Nội dung.")
    ix = open_index()
    assert run(ix, "tag:later").total == 0
    annotate(library, a, "ghi chú muộn", ["later"])
    assert ix.sync() == 1
    assert titles(run(ix, "tag:later")) == ["Bài"]
    assert titles(run(ix, "ghi chu muon")) == ["Bài"]
