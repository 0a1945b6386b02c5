"""The store scan (answers while a damaged index is rebuilt) agrees with the index."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.search.analysis import fold_text
from desktop.core.search.highlight import phrase_regex, raw_regex
from desktop.core.search.models import SearchRequest
from desktop.core.search.query import FALLBACK_ANY, FALLBACK_WORDS, parse
from desktop.core.search.store_scan import scan
from desktop.core.store import Library
from tests.helpers.search import AddFn, annotate

ARTICLES = [
    ("Đổi mới sáng tạo ở Hà Nội", "Hà Nội đẩy mạnh đổi mới sáng tạo trong doanh nghiệp.",
     "hanoi.gov.vn", date(2023, 5, 1)),
    ("Đôi giày mới", "Một đôi giày mới cho ngày Valentine, không phải đổi mới.",
     "thoitrang.vn", date(2022, 2, 14)),
    ("Khoa học công nghệ", "Sở Khoa học và Công nghệ tỉnh họp về khoa học công nghệ.",
     "binhdinh.gov.vn", date(2024, 6, 14)),
    ("Công nghệ khoa học", "Bài này đảo thứ tự: công nghệ trước, khoa học sau.",
     "binhdinh.gov.vn", None),
    ("Mưa lớn miền Trung", "Mưa lớn kéo dài ở miền Trung, Huế ngập sâu.",
     "tin.example.vn", date(2021, 10, 20)),
    ("Đội tuyển Việt Nam thắng", "Đội tuyển Việt Nam thắng 2-0 trên sân Mỹ Đình.",
     "thethao.vn", date(2023, 11, 1)),
    ("Việt Nam và khu vực", "Kinh tế Việt Nam tăng trưởng; đội bóng địa phương nghỉ.",
     "tin.example.vn", date(2023, 1, 9)),
    ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh mở tuyến metro đầu tiên.",
     "hcm.gov.vn", date(2024, 12, 22)),
    ("Giá xăng tăng", "Giá xăng tăng lần thứ ba, vàng giảm nhẹ.",
     "kinhte.vn", date(2022, 7, 1)),
    ("Không gian", "Con đường không gian-thời gian cong quanh một ngôi sao.",
     "khoahoc.vn", date(2020, 3, 3)),
]

QUERIES = [
    "ha noi",
    "Hà Nội",
    '"đổi mới"',
    "doi moi",
    '"khoa hoc cong nghe"',
    '"khoa học công nghệ"~3',
    "khoa NEAR/2 nghe",
    "viet nam -bong",
    "viet OR huế",
    "cong ngh*",
    "tuyen~1",
    "site:binhdinh.gov.vn",
    "site:tin*",
    "published:2023",
    "published:[2022-01-01 TO 2023-06-30]",
    "tag:policy",
    "note:doi chieu",
    "không gian-thời gian",
    '"hà nội metro"',
    "vàng xăng metro",
    "",
    'Bộ trưởng nói: "không',
]


@pytest.fixture
def filled(library: Library, add: AddFn) -> Library:
    ids = [
        add(title, body, site=site, published=published)
        for title, body, site, published in ARTICLES
    ]
    annotate(library, ids[0], "Cần đối chiếu số liệu", ["Policy/Funding"])
    annotate(library, ids[4], "Bão số 5", ["policy", "weather"])
    return library


@pytest.mark.parametrize("query", QUERIES)
def test_a_scan_finds_what_the_index_finds(filled: Library, open_index, query: str) -> None:
    ix = open_index()
    request = SearchRequest(query=query, limit=100)
    indexed = ix.search(request)
    scanned = scan(filled, request, parse(query).node)
    assert scanned.total == indexed.total
    assert {h.id for h in scanned.hits} == {h.id for h in indexed.hits}
    assert scanned.facets == indexed.facets
    for fallback in (FALLBACK_WORDS, FALLBACK_ANY):
        assert (fallback in (indexed.notice or "")) == (fallback in (scanned.notice or ""))
    assert scanned.total_is_exact


@pytest.mark.parametrize(
    "filters",
    [{"site": ("binhdinh.gov.vn",)}, {"year": ("2023",)}, {"tag": ("Policy",)}],
)
def test_a_scan_applies_the_facet_filters(filled: Library, open_index, filters) -> None:
    request = SearchRequest(query="", filters=filters, limit=100)
    indexed = open_index().search(request)
    scanned = scan(filled, request, parse("").node)
    assert indexed.total > 0
    assert {h.id for h in scanned.hits} == {h.id for h in indexed.hits}


def test_a_scan_ranks_and_sorts(filled: Library) -> None:
    request = SearchRequest(query="khoa hoc", limit=5)
    hits = scan(filled, request, parse("khoa hoc").node).hits
    # The article that says it twice (and in its title) comes first.
    assert hits[0].title == "Khoa học công nghệ"
    assert "<mark>" in hits[0].snippet
    newest = scan(filled, SearchRequest(query="", sort="newest"), parse("").node)
    dates = [h.published for h in newest.hits if h.published]
    assert dates == sorted(dates, reverse=True)
    assert newest.hits[-1].published is None
    oldest = scan(filled, SearchRequest(query="", sort="oldest"), parse("").node)
    assert [h.published for h in oldest.hits if h.published] == sorted(dates)
    whole = scan(filled, SearchRequest(query="", limit=100), parse("").node)
    page = scan(filled, SearchRequest(query="", limit=3, offset=3), parse("").node)
    assert [h.id for h in page.hits] == [h.id for h in whole.hits[3:6]]
    assert page.total == whole.total == len(ARTICLES)


@pytest.mark.parametrize(
    ("syllables", "text", "expected"),
    [
        (("ha", "noi"), "Hà Nội, thủ đô", ["Hà Nội"]),
        (("ha", "noi"), "HÀ   NỘI và Hà-Nội", ["HÀ   NỘI", "Hà-Nội"]),
        (("ha", "noi"), "Hàn Nội, hà nộii, xhà nội", []),
        (("doi",), "Đổi mới, đôi giày, đói", ["Đổi", "đôi", "đói"]),
        (("viet",), "Việt", ["Việt"]),
        (("a",), "a", ["a"]),
    ],
)
def test_raw_regex_matches_where_the_folded_phrase_does(
    syllables: tuple[str, ...], text: str, expected: list[str]
) -> None:
    assert [m.group() for m in raw_regex(syllables).finditer(text)] == expected
    folded = [m.span() for m in phrase_regex(syllables).finditer(fold_text(text))]
    assert [m.span() for m in raw_regex(syllables).finditer(text)] == folded
