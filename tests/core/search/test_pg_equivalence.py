"""The PostgreSQL search tables answer like the Whoosh index: same totals, ids, facets.

A library of articles written here (varied sites, dates, authors, notes and tags,
and one article long enough that its vectors drop positions) is searched on both
backends with queries of every kind; phrase totals are also checked against an
exhaustive scan of the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.search.pg.index import PgSearchIndex
from desktop.core.search.store_scan import search_store
from desktop.core.store import Library
from tests.helpers import pgserver
from tests.helpers.search import annotate, make_draft

SITES = ("tin.example.vn", "bao.example.vn", "news.example.com")
OPENINGS = (
    "Đội tuyển Việt Nam thắng trận mở màn tại Hà Nội",
    "Thành phố Hồ Chí Minh mở rộng tuyến xe buýt điện",
    "Khoa học công nghệ giúp nông dân đồng bằng tiết kiệm nước",
    "Giá xăng tăng nhẹ từ chiều nay theo điều hành của liên bộ",
    "Đổi mới sáng tạo là động lực của doanh nghiệp trẻ",
    "Mùa thu Hà Nội có hoa sữa và cốm làng Vòng",
    "Bộ trưởng nói: không có chuyện tăng học phí đột ngột",
    "Đôi giày mới của cô gái được bạn trai tặng dịp Valentine",
)
MIDDLES = (
    "Người dân thành phố cho biết họ hài lòng với dịch vụ.",
    "Các chuyên gia khoa học đánh giá kết quả rất khả quan.",
    "Hà Nội và Sài Gòn cùng chuẩn bị kế hoạch cho năm tới.",
    "Việt Nam đặt mục tiêu tăng trưởng xanh, bền vững.",
    "Công nghệ thông tin được ứng dụng trong quản lý đô thị.",
    "Đội tuyển sẽ tập trung trở lại vào tuần sau.",
)
CLOSINGS = (
    "Thông tin chi tiết sẽ được cập nhật.",
    "Mọi ý kiến xin gửi về tòa soạn.",
    "Phóng viên tiếp tục theo dõi sự việc.",
)


def _articles() -> list[tuple[str, str, str, date | None, str | None]]:
    out = []
    n = 0
    for i, opening in enumerate(OPENINGS):
        for j, middle in enumerate(MIDDLES):
            if (i + j) % 2:
                continue
            closing = CLOSINGS[(i * 7 + j) % len(CLOSINGS)]
            title = f"{opening.split(' ', 6)[-1].capitalize()} ({n})"
            body = f"{opening}. {middle} {closing}"
            published = date(2019 + (n % 5), 1 + n % 12, 1 + n % 27) if n % 6 else None
            author = ("Nguyễn Văn An", "Trần Thị Bình", None)[n % 3]
            out.append((title, body, SITES[n % 3], published, author))
            n += 1
    # Long enough that positions are lost (16,383 at most, 256 per syllable): the
    # phrases at its end are found only by the check on the stored text.
    filler = " ".join(["và rồi thì là mà"] * 3500)
    out.append(("Bài rất dài", filler + " khoa học công nghệ đội tuyển Việt Nam thắng",
                "tin.example.vn", date(2024, 5, 1), None))
    out.append(("Không gian-thời gian", "Con đường không gian-thời gian là một đường cong.",
                "bao.example.vn", date(2021, 3, 3), None))
    return out


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """One library for the whole module (it is only read)."""
    library = Library.open(tmp_path_factory.mktemp("equivalence") / "lib")
    drafts = [make_draft(t, b, site=s, published=p, author=a) for t, b, s, p, a in _articles()]
    library.articles.add_many(drafts)
    ids = [d.id for d in drafts]
    annotate(library, ids[0], "ghi chú về khoa học công nghệ", ["chinh-tri", "the-thao/bong-da"])
    annotate(library, ids[3], "cần kiểm tra số liệu", ["the-thao"])
    annotate(library, ids[5], "", ["kinh-te"])
    yield library
    library.close()


@pytest.fixture(scope="module")
def both(
    filled: Library, pg_server: pgserver.Server
) -> Iterator[tuple[SearchIndex, PgSearchIndex]]:
    with pg_server.database() as dsn:
        whoosh = SearchIndex.open(filled, wait=2.0)
        server = PgSearchIndex.open(filled, dsn)
        yield whoosh, server
        whoosh.close()
        server.close()


QUERIES = [
    "hà nội",
    "ha noi",
    '"hà nội"',
    '"ha noi"',
    '"thành phố hồ chí minh"',
    '"đội tuyển việt nam"',
    '"khoa học công nghệ"',
    '"khoa hoc cong nghe"',
    '"việt nam thắng"',
    "doi moi",
    '"đổi mới"',
    '"đôi mới"',
    "đổi mới sáng tạo",
    "title:hà",
    'title:"hà nội"',
    "author:an",
    'author:"trần thị"',
    "note:khoa",
    'note:"số liệu"',
    "site:bao.example.vn",
    "site:news*",
    "tag:the-thao",
    "tag:chinh*",
    "published:2021",
    "published:2020-05",
    "published:[2020-01-01 TO 2021-12-31]",
    "published:[2022 TO *]",
    "khoa NEAR nông",
    "đội NEAR/2 thắng",
    '"khoa học công nghệ"~3',
    "hà NEAR/1 nội",
    "xăng OR học phí",
    "việt nam -hà",
    'việt nam -"hà nội"',
    "NOT tuyển",
    "tuy*",
    "tuyen~",
    "thàng~1",
    "không gian-thời gian",
    "Con đường không gian-thời gian nào được xem là một đường cong trong không gian?",
    "xyzzy hà",
    '"hà sài"',
    "vàng AND",
    'Bộ trưởng nói: "không',
    "giá xăng (tăng",
    "http://vnexpress.net/abc",
    "(khoa OR công) nghệ -nông",
    '"việt nam" "đội tuyển"',
]


def _facets(result: object) -> dict[str, dict[str, int]]:
    facets = result.facets  # type: ignore[attr-defined]
    return {k: v for k, v in facets.items() if v}


@pytest.mark.parametrize("query", QUERIES)
def test_the_server_answers_like_the_whoosh_index(
    both: tuple[SearchIndex, PgSearchIndex], query: str
) -> None:
    whoosh, server = both
    request = SearchRequest(query=query, limit=200)
    expected = whoosh.search(request)
    got = server.search(request)
    assert got.total == expected.total
    assert {h.id for h in got.hits} == {h.id for h in expected.hits}
    assert _facets(got) == _facets(expected)
    assert got.notice == expected.notice
    assert set(server.all_ids(request)) == set(whoosh.all_ids(request))


def test_the_queries_are_not_trivial(both: tuple[SearchIndex, PgSearchIndex]) -> None:
    """Nearly every query finds something, and the totals differ (the comparison
    above means something)."""
    _, server = both
    totals = {q: server.search(SearchRequest(query=q, facets=False)).total for q in QUERIES}
    found = [q for q, n in totals.items() if n]
    assert len(found) >= len(QUERIES) - 2
    assert len(set(totals.values())) >= 12


@pytest.mark.parametrize(
    "query", [q for q in QUERIES if '"' in q and "~" not in q and q.count('"') == 2]
)
def test_phrase_totals_equal_an_exhaustive_count(
    filled: Library, both: tuple[SearchIndex, PgSearchIndex], query: str
) -> None:
    _, server = both
    request = SearchRequest(query=query, limit=200)
    scanned = search_store(filled, request)
    got = server.search(request)
    assert got.total == scanned.total
    assert {h.id for h in got.hits} == {h.id for h in scanned.hits}


@pytest.mark.parametrize(
    "filters",
    [
        {"site": ("tin.example.vn",)},
        {"year": ("2021", "2022")},
        {"tag": ("the-thao",)},
        {"site": ("bao.example.vn",), "year": ("2020",)},
    ],
)
def test_facet_filters_agree(
    both: tuple[SearchIndex, PgSearchIndex], filters: dict[str, tuple[str, ...]]
) -> None:
    whoosh, server = both
    for query in ("", "việt nam", '"hà nội"'):
        request = SearchRequest(query=query, limit=200, filters=filters)
        expected, got = whoosh.search(request), server.search(request)
        assert got.total == expected.total
        assert {h.id for h in got.hits} == {h.id for h in expected.hits}
        assert _facets(got) == _facets(expected)


def test_the_long_article_is_lossy_and_still_found(
    both: tuple[SearchIndex, PgSearchIndex],
) -> None:
    _, server = both
    lossy = server.conn.run("SELECT count(*) FROM search_docs WHERE lossy")[0][0]
    assert lossy == 1
    titles = {h.title for h in server.search(SearchRequest(query='"việt nam thắng"')).hits}
    assert "Bài rất dài" in titles
