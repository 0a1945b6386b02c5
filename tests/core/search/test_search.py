"""Search behaviour on small libraries built in the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from desktop.core.errors import QuerySyntaxError
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.search.query import FALLBACK_ANY as FALLBACK_NOTICE
from tests.helpers.search import AddFn, run, titles

FILLER = "Bài viết có thêm vài câu để độ dài các bài gần bằng nhau."


def test_exact_diacritics_rank_above_folded_matches(add: AddFn, open_index) -> None:
    add("Bài một", f"Sông ha chảy qua. {FILLER}")
    add("Bài hai", f"Sông hạ chảy qua. {FILLER}")
    add("Bài ba", f"Sông hà chảy qua. {FILLER}")
    ix = open_index()
    result = run(ix, "hà")
    assert result.total == 3
    assert titles(result)[0] == "Bài ba"
    # Without diacritics in the query all three match; none is preferred for accents.
    assert run(ix, "ha").total == 3


def test_adjacent_syllables_rank_first(add: AddFn, open_index) -> None:
    add("Xa nhau", "Giá hạ ở nơi này. " + FILLER + " Hạ tầng ở nơi khác cũng hạ giá.")
    add("Thủ đô", "Người dân Hà Nội đi chơi. " + FILLER)
    ix = open_index()
    assert titles(run(ix, "ha noi")) == ["Thủ đô", "Xa nhau"]


def test_phrases_need_adjacent_words(add: AddFn, open_index) -> None:
    add("Liền", "Chương trình đổi mới sáng tạo quốc gia.")
    add("Rời", "Sáng nay trời đẹp, họ sáng lập và tạo ra công ty.")
    ix = open_index()
    result = run(ix, '"sáng tạo"')
    assert titles(result) == ["Liền"]
    assert result.total == 1 and result.total_is_exact
    assert titles(run(ix, '"sang tao"')) == ["Liền"]
    assert sorted(titles(run(ix, "sáng tạo"))) == ["Liền", "Rời"]
    assert titles(run(ix, 'sáng -"sáng tạo"')) == ["Rời"]


def test_boolean_operators(add: AddFn, open_index) -> None:
    add("A", "mưa lớn ở Huế")
    add("B", "nắng nóng ở Huế")
    add("C", "mưa phùn ở Hà Nội")
    ix = open_index()
    assert sorted(titles(run(ix, "mưa OR nắng"))) == ["A", "B", "C"]
    assert sorted(titles(run(ix, "mưa -huế"))) == ["C"]
    assert sorted(titles(run(ix, "mưa NOT huế"))) == ["C"]
    assert sorted(titles(run(ix, "(mưa OR nắng) huế"))) == ["A", "B"]
    assert sorted(titles(run(ix, "-mưa"))) == ["B"]
    assert sorted(titles(run(ix, "mưa AND huế"))) == ["A"]


def test_field_filters(add: AddFn, open_index) -> None:
    add("Bóng đá Việt Nam", "Trận đấu hay.", site="thethao.vn", author="Minh Anh",
        published=date(2023, 5, 1))
    add("Kinh tế", "Bóng đá kéo theo du lịch.", site="kinhte.vn", author="Lan",
        published=date(2023, 7, 15))
    add("Cũ", "Bóng đá năm xưa.", site="thethao.vn", published=date(2019, 1, 2))
    ix = open_index()
    assert titles(run(ix, "title:bong")) == ["Bóng đá Việt Nam"]
    assert sorted(titles(run(ix, "bóng site:thethao.vn"))) == ["Bóng đá Việt Nam", "Cũ"]
    assert titles(run(ix, "author:minh")) == ["Bóng đá Việt Nam"]
    assert sorted(titles(run(ix, "published:2023"))) == ["Bóng đá Việt Nam", "Kinh tế"]
    assert titles(run(ix, "published:2023-07")) == ["Kinh tế"]
    assert titles(run(ix, "published:2023-05-01")) == ["Bóng đá Việt Nam"]
    assert sorted(titles(run(ix, "published:[2019-01-01 TO 2023-06-30]"))) == [
        "Bóng đá Việt Nam", "Cũ",
    ]
    assert titles(run(ix, "published:[2023-06 TO *]")) == ["Kinh tế"]
    assert run(ix, "site:other.vn").total == 0


def test_prefix_and_fuzzy(add: AddFn, open_index) -> None:
    add("A", "Thủ tướng phát biểu.")
    add("B", "Thủy điện xả lũ.")
    add("C", "Tuyển thủ ghi bàn.")
    ix = open_index()
    assert sorted(titles(run(ix, "thu*"))) == ["A", "B", "C"]
    assert titles(run(ix, "thủy*")) == ["B"]
    assert titles(run(ix, "tuy*")) == ["C"]
    assert titles(run(ix, "thuyy~")) == ["B"]
    assert sorted(titles(run(ix, "thuyy~2"))) == ["A", "B", "C"]
    assert titles(run(ix, "tuyển~")) == ["C"]


def test_fallback_to_partial_matches_sets_notice(add: AddFn, open_index) -> None:
    add("A", "mưa lớn ở Huế")
    add("B", "nắng ở Huế")
    ix = open_index()
    full = run(ix, "mưa huế")
    assert full.notice is None and titles(full) == ["A"]
    partial = run(ix, "mưa bão lụt")
    assert partial.notice == FALLBACK_NOTICE
    assert titles(partial) == ["A"]
    nothing = run(ix, "tuyết rơi")
    assert nothing.total == 0 and nothing.hits == [] and nothing.notice is None


def test_facets_count_all_matches_not_just_the_page(add: AddFn, open_index) -> None:
    for n in range(7):
        add(f"Bài {n}", f"Tin bão số {n}.", site="a.vn" if n < 5 else "b.vn",
            published=date(2020 + n % 2, 1, 1 + n))
    add("Khác", "Không liên quan.", site="c.vn", published=date(2022, 1, 1))
    ix = open_index()
    result = run(ix, "bão", limit=2)
    assert result.total == 7 and len(result.hits) == 2
    assert result.facets["site"] == {"a.vn": 5, "b.vn": 2}
    assert result.facets["year"] == {"2021": 3, "2020": 4}


def test_sorting_and_paging(add: AddFn, open_index) -> None:
    days = [date(2021, 3, 1), date(2023, 1, 1), None, date(2019, 6, 1)]
    for n, day in enumerate(days):
        add(f"Bài {n}", f"Tin lũ số {n}.", published=day)
    ix = open_index()
    assert titles(run(ix, "lũ", sort="newest")) == ["Bài 1", "Bài 0", "Bài 3", "Bài 2"]
    assert titles(run(ix, "lũ", sort="oldest")) == ["Bài 3", "Bài 0", "Bài 1", "Bài 2"]
    everything = titles(run(ix, "lũ", sort="relevance", limit=10))
    pages = []
    for offset in range(0, 4, 2):
        page = run(ix, "lũ", sort="relevance", limit=2, offset=offset)
        assert page.total == 4 and page.offset == offset
        pages.extend(titles(page))
    assert pages == everything
    assert run(ix, "lũ", offset=10).hits == []


def test_empty_query_with_filters_lists_newest_first(add: AddFn, open_index) -> None:
    add("Cũ", "Một.", site="a.vn", published=date(2020, 1, 1))
    add("Mới", "Hai.", site="a.vn", published=date(2024, 1, 1))
    add("Khác", "Ba.", site="b.vn", published=date(2022, 1, 1))
    ix = open_index()
    result = ix.search(SearchRequest(query="", filters={"site": ("a.vn",)}))
    assert titles(result) == ["Mới", "Cũ"]
    assert run(ix, "").total == 3
    by_year = ix.search(SearchRequest(query="", filters={"year": ("2022", "2024")}))
    assert sorted(titles(by_year)) == ["Khác", "Mới"]
    both = ix.search(SearchRequest(query="", filters={"site": ("a.vn",), "year": ("2020",)}))
    assert titles(both) == ["Cũ"]
    with pytest.raises(QuerySyntaxError):
        ix.search(SearchRequest(query="", filters={"colour": ("red",)}))


def test_snippets_escape_html_and_mark_accented_words(add: AddFn, open_index) -> None:
    add("A", "Giá <b>xăng</b> & dầu: đổi mới sáng tạo ở Đà Nẵng.")
    ix = open_index()
    hit = run(ix, "doi moi da nang").hits[0]
    # Neighbouring query syllables that form a word are one mark.
    assert "<mark>đổi mới</mark>" in hit.snippet
    assert "<mark>Đà Nẵng</mark>" in hit.snippet
    assert "&lt;b&gt;xăng&lt;/b&gt; &amp; dầu" in hit.snippet
    phrase_hit = run(ix, '"sang tao"').hits[0]
    assert "<mark>sáng tạo</mark>" in phrase_hit.snippet


def test_long_body_snippet_is_a_window_around_the_match(add: AddFn, open_index) -> None:
    body = " ".join(["Mở đầu dài dòng."] * 60) + " Ở giữa có Hội An rất đẹp. " + " ".join(
        ["Kết thúc dài dòng."] * 60
    )
    add("A", body)
    ix = open_index()
    snippet = run(ix, "hoi an").hits[0].snippet
    assert "<mark>Hội An</mark>" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) < 400


def test_highlight_spans_are_code_point_offsets(add: AddFn, open_index) -> None:
    ix = open_index()
    body = "Đội tuyển Việt Nam thắng. Đội bạn thua."
    spans = ix.highlight_spans(body, "doi tuyen")
    assert [body[s:e] for s, e in spans] == ["Đội", "tuyển", "Đội"]
    assert [body[s:e] for s, e in ix.highlight_spans(body, '"viet nam"')] == ["Việt Nam"]
    assert ix.highlight_spans(body, "") == []
    assert [body[s:e] for s, e in ix.highlight_spans(body, '"viet')] == ["Việt"]


def test_more_like_this(add: AddFn, open_index) -> None:
    a = add("Lũ miền Trung", "Lũ lụt miền Trung gây ngập nặng, người dân sơ tán vì lũ lụt.")
    add("Lũ lụt", "Miền Trung lũ lụt kéo dài, nước ngập sâu, sơ tán khẩn cấp.")
    add("Bóng đá", "Đội tuyển thắng đậm trong trận giao hữu.")
    add("Chứng khoán", "Thị trường chứng khoán tăng điểm mạnh.")
    ix = open_index()
    hits = ix.more_like_this(a, limit=2)
    assert hits and hits[0].title == "Lũ lụt"
    assert all(h.id != a for h in hits)


def test_power_user_field_errors_still_raise(add: AddFn, open_index) -> None:
    add("A", "x")
    ix = open_index()
    for bad in ("published:2023-99", "published:[2024 TO 2023]"):
        with pytest.raises(QuerySyntaxError):
            run(ix, bad)


def test_natural_queries_give_results_or_a_notice(add: AddFn, open_index) -> None:
    add("Xăng", "Giá xăng tăng mạnh. Bộ trưởng nói: không có lý do.")
    add("Vàng", "Giá vàng hôm nay.")
    add("Link", "Nguồn: http://vnexpress.net/abc đăng lại.")
    ix = open_index()
    quote = run(ix, 'Bộ trưởng nói: "không')
    assert titles(quote) == ["Xăng"] and quote.notice and "quote" in quote.notice
    assert titles(run(ix, "giá xăng (tăng")) == ["Xăng"]
    assert titles(run(ix, "giá xăng) tăng]")) == ["Xăng"]
    assert titles(run(ix, "vàng AND")) == ["Vàng"]
    assert titles(run(ix, "OR vàng NOT")) == ["Vàng"]
    assert titles(run(ix, "http://vnexpress.net/abc")) == ["Link"]
    unknown = run(ix, "colour:vàng")
    assert titles(unknown) == ["Vàng"] and unknown.notice is not None
    nothing = run(ix, "!!! ()")
    assert nothing.total == 0 and nothing.notice and "no words" in nothing.notice


def test_compound_falls_back_to_its_words(add: AddFn, open_index) -> None:
    add("Vật lý", "Thời gian và không gian cong trong thuyết tương đối.")
    ix = open_index()
    exact = run(ix, "thời-gian")
    assert titles(exact) == ["Vật lý"] and exact.notice is None
    loose = run(ix, "gian-thời gian")
    assert titles(loose) == ["Vật lý"] and loose.notice is not None
    question = run(ix, "Con đường không gian-thời gian nào được xem là một đường cong?")
    assert titles(question) == ["Vật lý"] and question.notice is not None


def test_unmatched_phrase_falls_back_to_words(add: AddFn, open_index) -> None:
    add("A", "Khoa học và công nghệ phát triển.")
    ix = open_index()
    result = run(ix, '"khoa học công nghệ"')
    assert titles(result) == ["A"] and result.notice is not None


def test_proximity(add: AddFn, open_index) -> None:
    add("Gần", "Khoa học và công nghệ phát triển.")
    add("Xa", "Khoa học là nền tảng. " + "Lời dẫn dài dòng khác nhau ở đây. " * 3
        + "Công nghệ mới.")
    ix = open_index()
    assert titles(run(ix, '"khoa học công nghệ"~2')) == ["Gần"]
    assert sorted(titles(run(ix, '"khoa học công nghệ"~50'))) == ["Gần", "Xa"]
    assert titles(run(ix, "học NEAR/2 công")) == ["Gần"]
    assert titles(run(ix, "học NEAR/1 công")) == ["Gần"]
    too_far = run(ix, "học NEAR/0 công")
    # Too far apart everywhere: the fallback to the words, with a notice.
    assert sorted(titles(too_far)) == ["Gần", "Xa"] and too_far.notice is not None
    assert sorted(titles(run(ix, "khoa NEAR công"))) == ["Gần"]
    assert sorted(titles(run(ix, "khoa NEAR/40 mới"))) == ["Xa"]


def test_phrase_facets_count_only_true_phrase_matches(add: AddFn, open_index) -> None:
    add("Liền", "Chương trình đổi mới sáng tạo.", site="a.vn", published=date(2021, 1, 1))
    add("Rời", "Sáng nay họ tạo ra công ty.", site="b.vn", published=date(2022, 1, 1))
    ix = open_index()
    result = run(ix, '"sáng tạo"')
    assert result.total == 1
    assert result.facets["site"] == {"a.vn": 1}
    assert result.facets["year"] == {"2021": 1}
    newest = run(ix, '"sáng tạo"', sort="newest")
    assert titles(newest) == ["Liền"] and newest.facets["site"] == {"a.vn": 1}


def test_reader_hits_count_terms_and_phrases_not_syllables(add: AddFn, open_index) -> None:
    add("KH", "Khoa học và công nghệ. Ngành khoa học phát triển. Học sinh đi học.")
    add("ĐM", "Đổi mới sáng tạo là động lực. Mỗi sáng họ đều tập thể dục.")
    add("KH2", "Viện khoa học xã hội.")
    add("ĐM2", "Chương trình đổi mới sáng tạo quốc gia.")
    ix = open_index()
    body = "Khoa học và công nghệ. Ngành khoa học phát triển. Học sinh đi học."
    spans = ix.highlight_spans(body, "khoa học")
    assert [body[s:e] for s, e in spans] == ["Khoa học", "khoa học"]
    assert len(ix.highlight_spans(body, '"khoa học"')) == 2
    text = "Đổi mới sáng tạo là động lực. Mỗi sáng họ đều tập thể dục."
    marked = [text[s:e] for s, e in ix.highlight_spans(text, "đổi mới sáng tạo")]
    assert marked == ["Đổi mới", "sáng tạo"]
    # Typed without diacritics, the folded matches count (still not "Sáng" alone).
    assert [text[s:e] for s, e in ix.highlight_spans(text, "doi moi sang tao")] == [
        "Đổi mới", "sáng tạo"
    ]


def test_exact_diacritics_are_marked_when_present(add: AddFn, open_index) -> None:
    ix = open_index()
    text = "Mỗi người một ý, nhưng ý tưởng mới thì hay."
    assert [text[s:e] for s, e in ix.highlight_spans(text, "mới")] == ["mới"]
    assert [text[s:e] for s, e in ix.highlight_spans(text, "moi")] == ["Mỗi", "mới"]
    # No exact spelling in the text: the folded matches are marked instead.
    assert [text[s:e] for s, e in ix.highlight_spans(text, "mợi")] == ["Mỗi", "mới"]


def test_a_long_question_matches_articles_with_most_of_its_words(
    add: AddFn, open_index
) -> None:
    add("Vật lý", "Không gian và thời gian cong trong thuyết tương đối.")
    add("Trời", "Vì sao trời xanh? Vì sao biển mặn?")
    ix = open_index()
    result = run(ix, "Vì sao không gian và thời gian cong?")
    assert titles(result) == ["Vật lý"] and result.total == 1
    assert result.notice is not None and "at least 4 of its 7 words" in result.notice
    # Short queries keep AND.
    assert run(ix, "vì sao cong").notice is not None  # the partial-match fallback


def test_a_question_finds_the_article_with_only_its_content_words(
    add: AddFn, open_index
) -> None:
    # The answer has 4 of the question's 7 words: none of "có phải ... không".
    add("Giá", "Tuần này giá xăng tăng mạnh ở mọi nơi.")
    add("Khác", "Họ có phải đi làm sớm không thì chưa rõ.")
    ix = open_index()
    result = run(ix, "Có phải giá xăng tăng mạnh không?")
    assert titles(result)[0] == "Giá"
    assert result.notice is not None and "at least 4 of its 7 words" in result.notice


def test_long_phrase_totals_count_every_spelling_and_only_whole_syllables(
    add: AddFn, open_index: Callable[[], SearchIndex]
) -> None:
    add("Một", "Thủ tướng Chính phủ họp.")
    add("Hai", "THỦ TƯỚNG CHÍNH PHỦ nói.")
    add("Ba", "thu tuong chinh phu, không dấu.")
    add("Bốn", "Thủ tướng chính phủi bụi.")  # "phủi" is another syllable
    add("Năm", "Ông thủ tướng, chính phủ và dân.")  # a comma is still a gap
    add("Sáu", "Thủ tướng nói chính phủ.")  # not adjacent
    add("Bảy", "xthủ tướng chính phủ")  # glued to another syllable
    ix = open_index()
    for query in ('"thủ tướng chính phủ"', '"thu tuong chinh phu"', '"THỦ TƯỚNG chính phủ"'):
        result = run(ix, query, limit=20)
        assert sorted(titles(result)) == sorted(["Một", "Hai", "Ba", "Năm"]), query
        assert result.total == 4
