"""Text-dump extraction on hand-written dumps: fields, chrome, batches, bad input."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from desktop.core.errors import ExtractionError
from desktop.core.extract.fields import Extracted
from desktop.core.extract.textdump import LineStats, extract_text_dump


def dump(fixtures: Path, name: str, stats: LineStats | None = None) -> Extracted:
    text = (fixtures / "textdump" / name).read_text(encoding="utf-8")
    return extract_text_dump(text, stats=stats, source_name=name)


def paragraphs(e: Extracted) -> list[str]:
    return e.body.split("\n\n")


def test_caps_title_trailing_date_signed_author(fixtures: Path) -> None:
    e = dump(fixtures, "caps_title_signed.txt")
    assert e.title == (
        "TẬP HUẤN ỨNG DỤNG TIẾN BỘ KỸ THUẬT TRONG SẢN XUẤT CÀ PHÊ BỀN VỮNG "
        "CHO NÔNG DÂN CÁC HUYỆN PHÍA TÂY TỈNH NĂM 2022"
    )
    assert e.published == date(2022, 3, 5)  # the publication date, not "Ngày 02/3/2022"
    assert e.author == "Nguyễn Thị Thu Hằng"
    assert e.language == "vi"
    assert e.site == "CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐẮK NÔNG"
    body = e.body
    assert body.startswith("Ngày 02/3/2022, Trung tâm Ứng dụng")
    assert "Các đại biểu tham quan mô hình tưới nhỏ giọt" in body  # a caption
    assert "diện tích cà phê già cỗi cần tái canh" in body
    for chrome in ("Ruy-băng", "Tăng tương phản", "ĐĂNG NHẬP", "Trang chủ", "Hội thảo khoa học",
                   "Nội dung", "In nội dung", "Chọn một ngày", "online", "1.204.377",
                   "Chịu trách nhiệm", "Lê Văn Bình", "©"):
        assert chrome not in body, chrome
    assert e.author != "Lê Văn Bình"


def test_missing_title_is_derived_from_first_sentence(fixtures: Path) -> None:
    e = dump(fixtures, "no_title_lead_date.txt")
    assert e.title.startswith("Chiều 08/9/2021, Sở Khoa học và Công nghệ tổ chức hội nghị")
    assert e.title.endswith("…")
    assert len(e.title) <= 121
    assert e.body.startswith(e.title[:-1])
    assert e.published == date(2021, 9, 8)
    assert e.author == "Văn phòng Sở"
    assert paragraphs(e)[0].startswith("Chiều 08/9/2021, Sở Khoa học")
    assert "Quang cảnh hội nghị tại điểm cầu chính." in paragraphs(e)
    for chrome in ("Đánh giá", "Bình luận", "Mã xác thực", "Thống kê", "402.118", "Online"):
        assert chrome not in e.body, chrome


def test_paren_domain_and_year_from_title(fixtures: Path) -> None:
    e = dump(fixtures, "paren_domain.txt")
    assert e.title == "Khai mạc Hội chợ công nghệ và thiết bị vùng Tây Nguyên năm 2022"
    assert e.site == "daklak.gov.vn"
    assert e.url is None
    assert e.published == date(2022, 3, 17)  # "Ngày 17/3" + "năm 2022" in the title
    assert e.author == "NTH"
    assert paragraphs(e)[0].startswith("(daklak.gov.vn) - Ngày 17/3")
    assert "Các đại biểu cắt băng khai mạc hội chợ" in paragraphs(e)
    for chrome in ("Tăng tương phản", "Tin nổi bật", "•", "|"):
        assert chrome not in e.body, chrome


def test_url_line_update_date_and_duplicate_caption(fixtures: Path) -> None:
    e = dump(fixtures, "url_line.txt")
    assert e.title == "Sở Khoa học và Công nghệ ký kết hợp tác với Trường Đại học Nông Lâm"
    assert e.published == date(2020, 11, 2)  # "Ngày cập nhật", not "Sáng ngày 30/10"
    assert e.site == "skhcn.example.gov.vn"
    assert e.url == "https://www.skhcn.example.gov.vn/tin-tuc/ky-ket-hop-tac-dai-hoc-nong-lam-123.html"
    assert paragraphs(e).count("Hai bên trao biên bản ghi nhớ hợp tác") == 1
    for chrome in ("Tìm kiếm", "Liên kết", "CỔNG DỊCH VỤ CÔNG", "https://", "Các tin khác",
                   "Truy cập", "Ngày cập nhật"):
        assert chrome not in e.body, chrome


def test_vn_news_title_lead_body(fixtures: Path) -> None:
    e = dump(fixtures, "vn_news.txt")
    lines = (fixtures / "textdump" / "vn_news.txt").read_text(encoding="utf-8").splitlines()
    assert e.title == lines[0]
    assert paragraphs(e) == [lines[1], lines[2].strip()]
    assert e.author == "Hoàng Nam"
    assert e.published is None  # "Từ ngày 1/7" has no year anywhere


def test_body_paragraphs_are_separated_by_one_blank_line(fixtures: Path) -> None:
    for name in ("caps_title_signed.txt", "url_line.txt", "paren_domain.txt"):
        body = dump(fixtures, name).body
        assert "\n\n\n" not in body
        assert all(p and p == " ".join(p.split()) for p in body.split("\n\n"))


# -- cross-document evidence ---------------------------------------------------

_ARTICLE = """Cổng thông tin điện tử của Sở Nông nghiệp, cập nhật tin tức nông nghiệp hằng ngày.
Chuyên mục nông nghiệp
{title}
Ngày đăng: 0{n}-05-2023

Sáng ngày 0{n}/5, đoàn công tác của Sở đã kiểm tra mô hình số {n} tại xã miền núi của tỉnh.

Liên hệ quảng cáo phân bón chính hãng

Mô hình số {n} giúp người dân tăng thu nhập nhờ áp dụng quy trình canh tác mới, giảm chi phí.

Mọi thông tin chi tiết xin liên hệ phòng Hành chính của Sở Nông nghiệp tỉnh để được hướng dẫn.
"""


def _batch() -> list[str]:
    return [_ARTICLE.format(n=n, title=f"Kiểm tra mô hình nông nghiệp số {n}") for n in range(1, 6)]


def test_repeated_line_across_batch_is_chrome() -> None:
    docs = _batch()
    stats = LineStats()
    for doc in docs:
        stats.observe(doc)
    e = extract_text_dump(docs[2], stats=stats)
    assert "Liên hệ quảng cáo phân bón chính hãng" not in e.body
    assert "Cổng thông tin điện tử" not in e.body  # a stock sentence away from the article
    assert e.title == "Kiểm tra mô hình nông nghiệp số 3"
    assert e.published == date(2023, 5, 3)
    # A sentence that repeats inside the article is real text and stays.
    assert "Mọi thông tin chi tiết xin liên hệ phòng Hành chính" in e.body
    assert "Mô hình số 3 giúp người dân" in e.body


def test_same_line_in_a_single_dump_is_kept() -> None:
    doc = _batch()[2]
    alone = extract_text_dump(doc)
    assert "Liên hệ quảng cáo phân bón chính hãng" in alone.body
    stats = LineStats()
    stats.observe(doc)
    assert "Liên hệ quảng cáo phân bón chính hãng" in extract_text_dump(doc, stats=stats).body


def test_repeated_title_of_title_lead_body_files_is_kept() -> None:
    title = "Giá xăng giảm mạnh từ chiều nay"
    docs = [
        f"{title}\nLiên bộ Công Thương - Tài chính vừa điều chỉnh giá xăng dầu kỳ {n}.\n"
        f"Theo đó, giá xăng giảm {n}00 đồng mỗi lít, giá dầu giảm nhẹ từ 15 giờ hôm nay. Minh Anh"
        for n in range(1, 5)
    ]
    stats = LineStats()
    for doc in docs:
        stats.observe(doc)
    e = extract_text_dump(docs[0], stats=stats)
    assert e.title == title
    assert e.body.startswith("Liên bộ Công Thương - Tài chính")


# -- normalization and bad input -------------------------------------------------


def test_nfd_input_comes_out_nfc(fixtures: Path) -> None:
    text = (fixtures / "textdump" / "paren_domain.txt").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    e = extract_text_dump(nfd)
    assert unicodedata.is_normalized("NFC", e.body)
    assert unicodedata.is_normalized("NFC", e.title)
    assert e == extract_text_dump(text)


def test_stray_combining_marks_are_reattached() -> None:
    text = (
        "Giá thi ̣t lợn tăng mạnh\n"
        "Giá thi ̣t lợn hơi tại các tỉnh phía Bắc tăng thêm 5.000 đồng mỗi ký trong tuần qua.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Giá thịt lợn tăng mạnh"
    assert "thịt lợn hơi" in e.body
    assert not any(unicodedata.combining(ch) for ch in e.body + e.title)


def test_crlf_and_tabs() -> None:
    text = (
        "Tiêu đề bài viết thử nghiệm\r\n"
        "\tĐoạn mở đầu  của bài   viết này khá dài và có dấu chấm câu.\r\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Tiêu đề bài viết thử nghiệm"
    assert e.body == "Đoạn mở đầu của bài viết này khá dài và có dấu chấm câu."


@pytest.mark.parametrize("text", ["", "   \n\n\t\n", "\ufeff\u200b"])
def test_empty_document_raises(text: str) -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract_text_dump(text, source_name="a.txt")


def test_only_chrome_raises_with_source_name() -> None:
    text = (
        "Bỏ qua Lệnh Ruy-băng Bỏ qua nội dung chính\n"
        "Trang chủ\nGiới thiệu\nTin tức\nLiên hệ\n"
        "Thống kê truy cập\nTruy cập tổng 1.983.286\nSố người online: 8\n"
        "© CỔNG THÔNG TIN ĐIỆN TỬ\n"
    )
    with pytest.raises(ExtractionError, match=r"chrome\.txt: no article text"):
        extract_text_dump(text, source_name="chrome.txt")


def test_short_document_without_prose_keeps_its_lines() -> None:
    e = extract_text_dump("Clip hài hước cuối tuần\nNhững tình huống khó đỡ nhất tuần qua\n")
    assert e.title == "Clip hài hước cuối tuần"
    assert e.body == "Những tình huống khó đỡ nhất tuần qua"
    single = extract_text_dump("Một dòng duy nhất\n")
    assert single.title == "Một dòng duy nhất"
    assert single.body == "Một dòng duy nhất"


def test_impossible_publication_date_is_ignored() -> None:
    text = (
        "Tiêu đề bài viết về lịch\nNgày đăng: 31-02-2023\n\n"
        "Nội dung bài viết nói về một ngày không có thật trong lịch, và đó là ngày 31 tháng 2.\n"
    )
    assert extract_text_dump(text).published is None


def test_english_page_dump(fixtures: Path) -> None:
    e = dump(fixtures, "english_blog.txt")
    assert e.title == "Rice farmers test salt-tolerant seeds as the dry season begins"
    assert e.published == date(2023, 3, 17)
    assert e.author == "Laura Chen"
    assert e.language == "en"
    assert e.site == "Field Notes"
    assert "A farmer checks seedlings in a test field" in paragraphs(e)
    assert paragraphs(e)[-1].startswith('"We lost half of our crop')
    for chrome in ("Skip to content", "Home", "Share this", "Facebook", "Related posts",
                   "Drought season", "Leave a Reply", "All rights reserved", "By Laura"):
        assert chrome not in e.body, chrome


def test_publication_line_beats_page_top_date_and_related_list_dates() -> None:
    text = (
        "Thứ Hai, 20/11/2023\n"
        "Trang chủ\nTin tức\n\n"
        "Nông dân thu hoạch lúa sớm tránh lũ\n"
        "Ngày đăng: 14-11-2023\n\n"
        "Sáng ngày 12/11, nông dân các xã ven sông đã khẩn trương thu hoạch lúa để tránh lũ.\n\n"
        "Các tin khác\n"
        "Giá lúa tăng nhẹ\n"
        "01/11/2023\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Nông dân thu hoạch lúa sớm tránh lũ"
    assert e.published == date(2023, 11, 14)
    assert "Giá lúa tăng nhẹ" not in e.body


_JUNK = [
    "", " ", "\t", "•", "|", "((((((((", "1-1-1-1-1-1-1-1-1-1-1-1", "Ngày " * 50,
    "https://" + "a." * 200 + "vn", "\u0301\u0301", "Theo " + "A " * 100, ". " * 500, "©",
    "x" * 5000, "9" * 3000, "Tin nổi bật " * 40, "(a.vn)" * 100, "Chiều " + "1/" * 200,
    "ngày 1 tháng " * 100, "\x00\x07", "\ud7ff\ue000",
]


def test_random_mixtures_never_crash(fixtures: Path) -> None:
    import random

    rng = random.Random(1234)
    pool = [
        line
        for path in sorted((fixtures / "textdump").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
    ]
    stats = LineStats()
    docs = []
    for _ in range(300):
        n = rng.randint(0, 30)
        docs.append("\n".join(rng.choice(pool) if rng.random() < 0.7 else rng.choice(_JUNK)
                              for _ in range(n)))
        stats.observe(docs[-1])
    for doc in docs:
        for s in (None, stats):
            try:
                e = extract_text_dump(doc, stats=s)
            except ExtractionError:
                continue
            assert e.body and e.title
            assert "\n\n\n" not in e.body
            assert unicodedata.is_normalized("NFC", e.body)


def test_caption_between_title_and_lead_stays_in_body() -> None:
    text = (
        "Trang chủ\nTin tức\n\n"
        "Khánh thành cầu treo dân sinh ở xã vùng cao\n"
        "Ngày đăng: 03-12-2022\n\n"
        "Người dân đi trên cầu mới - Ảnh: TL\n\n"
        "Sáng ngày 2/12, huyện đã khánh thành cây cầu treo dài 120 mét nối hai bản ở hai bờ suối.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Khánh thành cầu treo dân sinh ở xã vùng cao"
    assert paragraphs(e)[0] == "Người dân đi trên cầu mới - Ảnh: TL"
    assert e.published == date(2022, 12, 3)


def test_metadata_bar_and_breadcrumb() -> None:
    text = (
        "Trang chủ > Tin tức > Hoạt động của Sở\n"
        "Xem với cỡ chữ\n"
        "Tăng cường kiểm tra an toàn thực phẩm dịp Tết\n"
        "Tác giả: Minh Anh | Ngày đăng: 05-01-2024 | Lượt xem: 1.204\n\n"
        "Sở Y tế vừa thành lập 5 đoàn kiểm tra liên ngành về an toàn thực phẩm trên địa bàn tỉnh.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Tăng cường kiểm tra an toàn thực phẩm dịp Tết"
    assert e.author == "Minh Anh"
    assert e.published == date(2024, 1, 5)
    assert e.body == (
        "Sở Y tế vừa thành lập 5 đoàn kiểm tra liên ngành về an toàn thực phẩm trên địa bàn tỉnh."
    )


_SITE_TITLES = [f"Hợp tác xã số {n} đưa máy bay không người lái vào đồng ruộng" for n in range(6)]


def _site_page(n: int) -> str:
    sidebar = "\n".join(_SITE_TITLES)
    others = "\n".join(t for k, t in enumerate(_SITE_TITLES) if k != n)
    return (
        "Trang chủ\nGiới thiệu\nTin tức\nTin mới\n"
        f"{sidebar}\n\n"
        f"{_SITE_TITLES[n]}\n"
        f"Ngày đăng: 1{n}-04-2023\n\n"
        f"Hợp tác xã số {n} vừa đưa vào sử dụng máy bay phun thuốc, giảm một nửa công lao động.\n\n"
        f"Máy bay của hợp tác xã số {n} phun thuốc trên cánh đồng\n\n"
        f"Theo ban giám đốc, mỗi máy bay phun được 30 héc ta mỗi ngày, gấp 20 lần sức người.\n\n"
        f"Các tin khác\n{others}\n"
    )


def test_title_also_listed_on_the_sites_other_pages() -> None:
    pages = [_site_page(n) for n in range(6)]
    stats = LineStats()
    for page in pages:
        stats.observe(page)
    for n, page in enumerate(pages):
        e = extract_text_dump(page, stats=stats)
        assert e.title == _SITE_TITLES[n]
        assert e.published == date(2023, 4, 10 + n)
        assert len(paragraphs(e)) == 3
        assert all(t not in e.body for t in _SITE_TITLES)


def test_a_page_saved_several_times_in_one_batch() -> None:
    page = _site_page(2)
    stats = LineStats()
    for _ in range(4):
        stats.observe(page)
    assert extract_text_dump(page, stats=stats) == extract_text_dump(page)


def test_short_title_lead_signature_file() -> None:
    lead = "Hàng chục nghìn khán giả có mặt từ sớm để cổ vũ"
    e = extract_text_dump(f"Ca sĩ biểu diễn trên sân vận động\n{lead}\nDuy Nguyễn \n")
    assert e.title == "Ca sĩ biểu diễn trên sân vận động"
    assert e.body == f"{lead}\n\nDuy Nguyễn"
    assert e.author == "Duy Nguyễn"


def test_long_photo_series_does_not_split_the_article() -> None:
    captions = "\n\n".join(f"Ảnh {n}: Các vận động viên thi đấu ở nội dung {n}" for n in range(12))
    text = (
        "Giải chạy việt dã toàn tỉnh năm 2023\n\n"
        "Sáng 5/3, hơn 2.000 vận động viên đã tham gia giải chạy việt dã truyền thống của tỉnh.\n\n"
        f"{captions}\n\n"
        "Ban tổ chức đã trao 60 bộ huy chương cho các vận động viên xuất sắc nhất ở các nội dung.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Giải chạy việt dã toàn tỉnh năm 2023"
    assert e.published == date(2023, 3, 5)
    assert len(paragraphs(e)) == 14
    assert paragraphs(e)[-1].startswith("Ban tổ chức đã trao 60 bộ huy chương")


@pytest.mark.timeout(30)
def test_long_unbroken_tokens_stay_linear() -> None:
    # Quadratic regex backtracking on such input would take minutes, not milliseconds.
    first = "Dòng đầu tiên " * 15 + "x" * 60000 + " kết thúc ở đây. Câu sau.\n\n"
    e = extract_text_dump(first + ("y" * 60000 + ". ") * 3 + "9" * 60000 + "\n")
    assert e.title.startswith("Dòng đầu tiên") and e.title.endswith("…")
    assert len(e.body) > 200000


def test_derived_title_lends_no_year() -> None:
    text = (
        "(Dân trí) - Sáng 3/4, Bộ Giáo dục công bố phương án thi tốt nghiệp năm 2024 với "
        "nhiều điểm mới.\nTheo đó, thí sinh sẽ thi 4 môn, trong đó có 2 môn bắt buộc.\n"
    )
    e = extract_text_dump(text)
    assert e.title.startswith("Sáng 3/4, Bộ Giáo dục công bố")
    assert e.published is None  # "năm 2024" is the exam's year, not necessarily the article's


def test_long_article_url_line() -> None:
    url = "https://www.baomoi.example.vn/" + "tin-tuc/" * 12 + "bai-viet-dai-123456.epi"
    assert len(url) > 100
    text = (
        "Tiêu đề một bài báo thử nghiệm\n\n"
        "Nội dung bài viết đủ dài để được xem là đoạn văn của bài báo thử nghiệm này.\n\n"
        f"{url}\n"
    )
    e = extract_text_dump(text)
    assert (e.site, e.url) == ("baomoi.example.vn", url)
    assert "https://" not in e.body


def test_site_chrome_found_through_the_sites_own_documents() -> None:
    stats = LineStats()
    site_docs = [
        f"Tiêu đề bài số {n} của tỉnh\n\n"
        f"(tinh-a.gov.vn) - Ngày 1{n}/5, tỉnh tổ chức hoạt động số {n} cho người dân ở đây.\n\n"
        "Khung thông báo của tỉnh\n\n"
        f"Hoạt động số {n} thu hút hàng trăm người tham gia và sẽ được tổ chức hằng năm.\n"
        for n in range(3)
    ]
    for doc in site_docs:
        stats.observe(doc)
    for n in range(997):  # other sites' documents: the line is in 3 of 1,000
        stats.observe(f"Bài khác {n}\nMột câu khác số {n} của một trang khác.")
    assert not stats.is_repeated("Khung thông báo của tỉnh")
    assert stats.is_repeated("Khung thông báo của tỉnh", "tinh-a.gov.vn")
    e = extract_text_dump(site_docs[1], stats=stats)
    assert e.site == "tinh-a.gov.vn"
    assert e.title == "Tiêu đề bài số 1 của tỉnh"
    assert "Khung thông báo" not in e.body
    assert len(paragraphs(e)) == 2
    assert "Khung thông báo của tỉnh" in paragraphs(extract_text_dump(site_docs[1]))


def test_posted_date_breadcrumb_footer(fixtures: Path) -> None:
    e = dump(fixtures, "posted_date_footer.txt")
    assert e.title == "Nông dân xã Cam Thành chuyển đổi 50 héc ta lúa sang trồng rau hữu cơ"
    assert e.published == date(2023, 8, 21)
    assert e.author is None  # the footer's "Chịu trách nhiệm" is no author
    assert e.site == "CỔNG THÔNG TIN ĐIỆN TỬ SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"
    assert paragraphs(e) == [
        "Sau hai vụ thử nghiệm thành công, nông dân xã Cam Thành quyết định mở rộng diện tích "
        "rau hữu cơ lên 50 héc ta.",
        "Cán bộ khuyến nông hướng dẫn người dân ủ phân hữu cơ - Ảnh: HT",
        "Theo lãnh đạo xã, mỗi héc ta rau hữu cơ cho thu nhập gấp ba lần trồng lúa, trong khi "
        "chi phí phân bón giảm đáng kể nhờ tận dụng phụ phẩm nông nghiệp.",
        "Thời gian tới, xã sẽ liên kết với doanh nghiệp để bao tiêu sản phẩm và xây dựng nhãn "
        "hiệu rau sạch của địa phương.",
    ]


def test_lead_date_takes_year_from_title(fixtures: Path) -> None:
    e = dump(fixtures, "lead_date_year_from_title.txt")
    assert e.title == "Triển khai kế hoạch chuyển đổi số ngành giáo dục năm 2023"
    assert e.published == date(2023, 1, 12)
    assert paragraphs(e)[0].startswith("Sáng ngày 12/01, Sở Giáo dục và Đào tạo")
    assert len(paragraphs(e)) == 2


def test_title_is_the_headline_sharing_words_with_the_article_not_a_caption() -> None:
    text = (
        "   Zugreiseblog\n\n"
        "     * Startseite\n     * Kontakt\n\n"
        "Stadtwerke erhöhen die Preise für Fernwärme\n\n"
        "   von Anna Muster · 18. Oktober 2019\n\n"
        "   Ein Heizkraftwerk am Stadtrand\n\n"
        "   * Drucken\n\n"
        "   Die Stadtwerke erhöhen zum Jahreswechsel die Preise für Fernwärme um zwölf Prozent, "
        "wie das Unternehmen am Freitag mitteilte.\n\n"
        "   Begründet wird der Schritt mit gestiegenen Kosten für Erdgas und für den Betrieb "
        "der Leitungen im gesamten Netz der Stadt.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Stadtwerke erhöhen die Preise für Fernwärme"
    assert e.body.startswith("Die Stadtwerke erhöhen zum Jahreswechsel")
    for chrome in ("Anna Muster", "Heizkraftwerk", "Drucken", "Startseite"):
        assert chrome not in e.body, chrome


def test_a_link_title_line_at_the_top_names_the_headline() -> None:
    text = (
        "   #Stadtblog » Feed Stadtblog » Neubau für den Hafen Kommentar-Feed\n\n"
        "Neubau für den Hafen\n\n"
        "   Alte Brücke am Hafen wird ab März abgerissen\n\n"
        "   Die alte Brücke am Hafen wird ab März abgerissen und bis zum Herbst durch einen "
        "Neubau ersetzt, teilte die Stadt am Montag mit.\n\n"
        "   Während der Bauzeit wird der Verkehr über die Ringstraße umgeleitet, Busse "
        "halten an Ersatzhaltestellen.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Neubau für den Hafen"
    assert e.body.startswith("Die alte Brücke am Hafen")


def test_a_headline_the_page_repeats_beats_a_nearer_caption() -> None:
    text = (
        "Startseite → Politik → Neue Regeln für Busse am Bahnhof\n\n"
        "Neue Regeln für Busse am Bahnhof\n\n"
        "Busse am Bahnhof warten auf Fahrgäste\n\n"
        "Der Verkehrsverbund ändert zum Sommer die Regeln für Busse am Bahnhof, damit "
        "Fahrgäste schneller umsteigen können.\n\n"
        "Die Busse sollen künftig im Takt der Züge fahren und an allen Haltestellen "
        "länger warten, wenn ein Zug verspätet ist.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Neue Regeln für Busse am Bahnhof"


def _article_then_comments(heading: str) -> str:
    """A short article, a comments heading, and a longer thread of readers' comments."""
    comments = "".join(
        f"   Marie {i}\n\n   Je ne suis pas d'accord avec cette décision, car les habitants du "
        f"quartier n'ont jamais été consultés et le projet numéro {i} coûtera bien plus cher "
        "que prévu, comme toujours dans cette ville.\n\n"
        for i in range(4)
    )
    return (
        "Un nouveau pont pour le port\n\n"
        "   La ville construira un nouveau pont au-dessus du port à partir du mois de mars, "
        "a annoncé le maire lundi devant le conseil municipal réuni en séance publique.\n\n"
        "   Les travaux dureront deux ans et la circulation sera déviée par le boulevard "
        "circulaire pendant toute cette période, selon les services techniques.\n\n"
        f"{heading}\n\n{comments}"
    )


@pytest.mark.parametrize("heading", ["Commentaires", "4 Kommentare", "Komentarze (4)"])
def test_a_longer_comment_thread_after_the_article_does_not_win(heading: str) -> None:
    e = extract_text_dump(_article_then_comments(heading))
    assert e.body.startswith("La ville construira un nouveau pont")
    assert "Les travaux dureront deux ans" in e.body
    assert "pas d'accord" not in e.body
    assert heading not in e.body


def test_a_teaser_label_inside_the_article_is_dropped_and_does_not_split_it() -> None:
    text = (
        "Nowy most w porcie\n\n"
        "   Miasto zbuduje nowy most nad portem od marca, poinformował w poniedziałek "
        "prezydent miasta podczas sesji rady.\n\n"
        "   Czytaj też: Stary most zamknięty dla ciężarówek\n\n"
        "   Budowa potrwa dwa lata, a ruch zostanie w tym czasie skierowany na obwodnicę, "
        "jak podały służby techniczne miasta.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Nowy most w porcie"
    assert e.body.startswith("Miasto zbuduje nowy most")
    assert "Budowa potrwa dwa lata" in e.body
    assert "Czytaj też" not in e.body



def test_a_cookie_notice_longer_than_the_article_does_not_win() -> None:
    notice = "".join(
        f"   We use cookies of type {i} to measure how visitors use this site, to remember "
        "your settings and to show you offers that match your interests across the web.\n\n"
        for i in range(5)
    )
    text = (
        "New bridge for the harbour\n\n"
        "   The city will build a new bridge across the harbour from March, the mayor told "
        "the council on Monday in a public session.\n\n"
        "   The works will take two years and traffic will use the ring road meanwhile.\n\n"
        f"   © 2024 Harbour News\n\n{notice}"
    )
    e = extract_text_dump(text)
    assert e.body.startswith("The city will build a new bridge")
    assert "cookies" not in e.body


def test_a_lead_cut_off_by_a_box_of_links_stays_with_its_article() -> None:
    body = "".join(
        f"   Im Abschnitt {i} der Planung geht es um die Frage, wie der Verkehr während der "
        "Bauzeit über die Ringstraße geführt wird und welche Haltestellen die Busse dann "
        "anfahren, damit niemand lange Umwege gehen muss.\n\n"
        for i in range(4)
    )
    text = (
        "   * Startseite\n   * Politik\n\n"
        "Neue Brücke für den Hafen\n\n"
        "   Die Stadt baut ab März eine neue Brücke über den Hafen, teilte der Bürgermeister "
        "am Montag im Rat mit.\n\n"
        "Related\n\n"
        "   * Alte Brücke gesperrt\n   * Fähren fahren länger\n   * Baustellen im Überblick\n\n"
        f"{body}"
    )
    e = extract_text_dump(text)
    assert e.title == "Neue Brücke für den Hafen"
    assert e.body.startswith("Die Stadt baut ab März eine neue Brücke")
    assert "Im Abschnitt 3 der Planung" in e.body
    for chrome in ("Related", "Fähren fahren länger", "Startseite"):
        assert chrome not in e.body, chrome


def test_short_lines_below_nearly_all_the_prose_close_the_article() -> None:
    body = "".join(
        f"   Im Abschnitt {i} der Planung geht es um die Frage, wie der Verkehr während der "
        "Bauzeit über die Ringstraße geführt wird und welche Haltestellen die Busse dann "
        "anfahren, damit niemand lange Umwege gehen muss.\n\n"
        for i in range(4)
    )
    text = (
        "Neue Brücke für den Hafen\n\n"
        f"{body}"
        "   Die Pläne als Broschüre\n\n"
        "   Anna Muster schreibt seit zehn Jahren über Verkehr und Stadtplanung.\n"
    )
    e = extract_text_dump(text)
    assert "Im Abschnitt 0 der Planung" in e.body
    assert "Im Abschnitt 3 der Planung" in e.body
    assert "Broschüre" not in e.body


def test_a_newsletter_prompt_between_paragraphs_leaves_the_body() -> None:
    text = (
        "New bridge for the harbour\n\n"
        "   The city will build a new bridge across the harbour from March, the mayor told "
        "the council on Monday in a public session.\n\n"
        "   Get our weekly newsletter with the best stories from the harbour, every Friday.\n\n"
        "   The works will take two years and traffic will use the ring road meanwhile, "
        "the city's engineers said.\n"
    )
    e = extract_text_dump(text)
    assert "The works will take two years" in e.body
    assert "newsletter" not in e.body


def test_a_few_words_on_a_line_are_kept_only_as_a_subheading_between_paragraphs() -> None:
    text = (
        "New bridge for the harbour\n\n"
        "   The city will build a new bridge across the harbour from March, the mayor told "
        "the council on Monday in a public session.\n\n"
        "   Anna Smith\n"
        "   Share\n\n"
        "   The works will take two years and traffic will use the ring road meanwhile, "
        "the city's engineers said.\n\n"
        "Costs\n\n"
        "   The bridge will cost forty million, of which the state pays half, the council "
        "was told by the treasurer.\n"
    )
    e = extract_text_dump(text)
    assert "The works will take two years" in e.body
    assert "\n\nCosts\n\n" in e.body
    assert "Anna Smith" not in e.body


def test_the_headline_above_its_byline_beats_a_standfirst_nearer_the_text() -> None:
    text = (
        "   * Startseite\n   * Aktuelles\n\n"
        "Solidarität im Viertel\n"
        "von Martina Muster\n"
        "31. März 2020\n"
        "Nachbarn rufen zur gegenseitigen Hilfe beim Einkaufen und bei Behördengängen auf\n"
        "   Die Pandemie trifft vor allem ältere Menschen, die nicht mehr selbst einkaufen "
        "gehen sollten, wie der Verein am Dienstag mitteilte.\n"
        "   Wer helfen will, meldet sich beim Stadtteilbüro, das die Hilfe an Nachbarn in "
        "der Umgebung vermittelt und auch Einkaufslisten entgegennimmt.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Solidarität im Viertel"


def test_lynx_link_titles_on_the_first_line_are_no_article_text() -> None:
    text = (
        "   #Hafenblog » Feed Hafenblog » Kommentar-Feed Hafenblog » Die neue Brücke über den "
        "Hafen wird im März gebaut, und alle Bürger sollen ihre Meinung sagen Kommentar-Feed "
        "Hafenblog » Der alte Hafen Kommentar-Feed\n\n"
        "   * Startseite\n   * Kontakt\n   * Archiv\n\n"
        "Die Brücke kommt\n\n"
        "   Die Stadt baut ab März eine neue Brücke über den Hafen, teilte der Bürgermeister "
        "am Montag im Rat mit.\n\n"
        "   Während der Bauzeit wird der Verkehr über die Ringstraße umgeleitet, Busse "
        "halten an Ersatzhaltestellen.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Die Brücke kommt"
    assert e.body.startswith("Die Stadt baut ab März")
    assert "Feed" not in e.body


def test_a_blurb_at_the_foot_of_a_long_page_does_not_beat_a_short_article() -> None:
    menu = "".join(f"   * Rubrik {i}\n" for i in range(30))
    links = "".join(f"   * Archiv {i}\n" for i in range(30))
    text = (
        f"{menu}\n"
        "Sternhaufen im Winter\n\n"
        "   Die Plejaden stehen im Winter hoch am Abendhimmel und sind schon mit bloßem "
        "Auge gut zu sehen.\n\n"
        f"{links}\n"
        "   Dieses Magazin erschien zwanzig Jahre lang für Leserinnen und Leser, die den "
        "Himmel selbst beobachten, und wird heute nur noch als Archiv im Netz gepflegt, "
        "damit seine Beiträge weiter gelesen werden können.\n"
    )
    e = extract_text_dump(text)
    assert e.body.startswith("Die Plejaden stehen im Winter")
    assert "Magazin erschien" not in e.body


def test_two_sentence_headline_opening_the_article_is_its_title() -> None:
    # A headline read as prose (two sentences) opens the article region, below a menu.
    menu = "\n".join(f"* Section {n}" for n in range(8))
    headline = "The Harbour Is Closed. Is the Ferry Next?"
    body = (
        "The harbour of the small town closed on Monday after the storm had damaged its "
        "piers, and the ferry company said it would review its timetable this week.\n\n"
        "Fishermen said they had expected the closure for months, since the council had "
        "warned about the state of the old wooden piers in the spring and in the summer."
    )
    page = f"{menu}\n\nLike Us Follow Us\n\n{headline}\n\n{body}\n"
    e = extract_text_dump(page)
    assert e.title == headline
    assert not paragraphs(e)[0].startswith("The Harbour Is Closed")


def test_headline_heads_its_dek_and_photo_caption() -> None:
    # Headline, byline, a long teaser without a final period, a photo's alt text and
    # caption (the same line twice), then the article.
    header = (
        "* News\n* Sport\n* Weather\n\n"
        "Harbour Closes After Storm\n\n"
        "Jane Doe\n\n"
        "After the storm of last week the town council decided to close the old harbour for "
        "the rest of the season and beyond\n\n"
        "Old piers of the harbour at low tide\n\n"
        "Old piers of the harbour at low tide\n\n"
    )
    body = (
        "The harbour of the small town closed on Monday after the storm had damaged its "
        "piers, and the ferry company said it would review its timetable this week.\n\n"
        "Fishermen said they had expected the closure for months, since the council had "
        "warned about the state of the old wooden piers in the spring and in the summer."
    )
    e = extract_text_dump(header + body + "\n")
    assert e.title == "Harbour Closes After Storm"


def test_labels_and_buttons_below_the_article_end_it_captions_stay() -> None:
    body = (
        "Heavy Rain Floods The Valley\n\n"
        "The river rose by two metres overnight and flooded the lower streets of the town, "
        "where the fire brigade pumped out cellars until the early morning hours.\n\n"
        "The mayor said the new dam upstream had prevented worse damage to the old town "
        "and asked residents to stay away from the banks for the rest of the week.\n\n"
        "The old bridge at dawn, seen from the north bank.\n\n"
        "Send it to a friend\n\n"
        "Subscribe to our weekly letter\n\n"
        "Topics\n"
    )
    e = extract_text_dump(body)
    assert paragraphs(e)[-1] == "The old bridge at dawn, seen from the north bank."


def test_article_of_one_headline_shaped_paragraph_keeps_it_as_body() -> None:
    page = (
        "* Home\n* Rooms\n* Magazine\n\n"
        "Your browser is out of date. Download a newer one for free, just click on its icon"
        "\n\n* [icon-one.png]\n* [icon-two.png]\n"
    )
    e = extract_text_dump(page)
    assert paragraphs(e) == [
        "Your browser is out of date. Download a newer one for free, just click on its icon"
    ]


def test_a_standfirst_between_the_headline_and_the_article_stays_in_the_body() -> None:
    text = (
        "   * Startseite\n   * Kontakt\n\n"
        "Neue Fähre über den See ab Mai\n\n"
        "   Was seit Wochen im Rathaus besprochen wurde, ist nun vom Stadtrat "
        "beschlossen worden\n\n"
        "   Die neue Fähre verbindet ab Mai die beiden Ufer des Sees im Stundentakt, teilte "
        "die Stadt am Dienstag nach der Sitzung des Stadtrats mit.\n\n"
        "   Der Fahrpreis bleibt für Kinder und Schüler frei, Erwachsene zahlen zwei Euro "
        "für jede einfache Fahrt über den See.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Neue Fähre über den See ab Mai"
    assert e.body.startswith("Was seit Wochen im Rathaus besprochen wurde")
    assert "Startseite" not in e.body


def test_a_short_caption_above_the_article_is_no_standfirst() -> None:
    text = (
        "Neue Fähre über den See ab Mai\n\n"
        "   Die Fähre am Anleger im Norden\n\n"
        "   Die neue Fähre verbindet ab Mai die beiden Ufer des Sees im Stundentakt, teilte "
        "die Stadt am Dienstag nach der Sitzung des Stadtrats mit.\n\n"
        "   Der Fahrpreis bleibt für Kinder und Schüler frei, Erwachsene zahlen zwei Euro "
        "für jede einfache Fahrt über den See.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Neue Fähre über den See ab Mai"
    assert e.body.startswith("Die neue Fähre verbindet")


def test_a_list_that_a_sentence_introduces_stays_in_the_article() -> None:
    text = (
        "   * Startseite\n   * Kontakt\n\n"
        "Umzug des Servers auf das neue Rechenzentrum\n\n"
        "   Der Umzug des Servers auf das neue Rechenzentrum ist seit gestern abgeschlossen, "
        "und alle Dienste laufen wieder wie gewohnt.\n\n"
        "   Am aufwändigsten war beim ganzen Umzug auf die neuen Rechner dies:\n"
        "     * Die Umstellung der Adressen\n"
        "     * Kalender\n"
        "     * Das Einrichten der Sicherungen für jede Nacht\n\n"
        "   Insgesamt hat der Umzug zwei Wochen gedauert, weniger als wir beim Planen im "
        "Frühjahr gedacht hatten.\n\n"
        "   * Impressum\n   * Datenschutz\n"
    )
    e = extract_text_dump(text)
    body = paragraphs(e)
    for item in ("* Die Umstellung der Adressen", "* Kalender",
                 "* Das Einrichten der Sicherungen für jede Nacht"):
        assert item in body, item
    assert body[-1].startswith("Insgesamt hat der Umzug")
    assert "Impressum" not in e.body and "Startseite" not in e.body


def test_a_headline_starts_in_the_first_column_not_an_indented_cell() -> None:
    text = (
        "Startseite | Kontakt | Suche\n\n"
        "Fähre ab Mai\n\n"
        "            Die neue Fähre verbindet ab Mai die Ufer des Sees im Stundentakt\n\n"
        "Die neue Fähre verbindet ab Mai die beiden Ufer des Sees im Stundentakt, teilte "
        "die Stadt am Dienstag nach der Sitzung des Stadtrats mit.\n\n"
        "Der Fahrpreis bleibt für Kinder und Schüler frei, Erwachsene zahlen zwei Euro "
        "für jede einfache Fahrt über den See.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Fähre ab Mai"


def test_the_article_feed_in_the_link_titles_names_a_short_headline() -> None:
    text = (
        "   #Stadtblog » Feed Stadtblog » Kommentar-Feed Stadtblog » Hafen (2) "
        "Kommentar-Feed Stadtblog » Hafen (1) alternate\n\n"
        "Stadtblog\n\n"
        "Hafen (2)\n\n"
        "Die alte Brücke am Hafen wird abgerissen\n\n"
        "   Die alte Brücke am Hafen wird ab März abgerissen und bis zum Herbst durch einen "
        "Neubau ersetzt, teilte die Stadt am Montag mit.\n\n"
        "   Während der Bauzeit wird der Verkehr über die Ringstraße umgeleitet, Busse "
        "halten an Ersatzhaltestellen.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Hafen (2)"
    assert "Hafen (2)" not in e.body


def test_a_photo_credit_between_headline_and_text_is_no_title() -> None:
    # w3m starts every line in the first column: the caption with its credit sits
    # nearer the text, is longer and shares more of its words than the headline does.
    text = (
        "Startseite\n\n"
        "Sicher durch die Stadt\n"
        "Von Anna Berger\n\n"
        "Radfahren in der Altstadt von Salzburg © Tourismus Salzburg GmbH\n\n"
        "Die Stadt Salzburg baut bis zum Sommer neue Radwege durch die Altstadt, damit "
        "Radfahren zwischen Bahnhof und Dom sicherer wird.\n\n"
        "Radfahren soll so für Pendler und Gäste der Altstadt attraktiver werden, sagte "
        "die Bürgermeisterin am Montag in Salzburg.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Sicher durch die Stadt"
    assert "Sicher durch die Stadt" not in e.body


def test_short_punctuated_lines_opening_the_article_paragraph_stay() -> None:
    # The first lines of a poem (or short sentences) in the same paragraph as the
    # article's first line of prose belong to the article, not to the chrome above it.
    text = (
        "   * Startseite\n   * Gedichte\n   * Kontakt\n\n"
        "Abend in der Stadt\n\n"
        "   Die Stadt steht schwarz und schweiget,\n"
        "   der Mond hängt tief und rot.\n"
        "   Über den Dächern der stillen Gassen am Fluss zieht der Nebel, und keiner geht "
        "mehr über die Brücke, die im Dunkeln liegt.\n\n"
        "   Erst am Morgen kehren die Stimmen zurück, die Läden öffnen und die Glocken "
        "rufen über den Platz vor dem alten Rathaus.\n\n"
        "   * Impressum\n   * Datenschutz\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Abend in der Stadt"
    assert paragraphs(e)[:2] == ["Die Stadt steht schwarz und schweiget,",
                                 "der Mond hängt tief und rot."]
    assert "Impressum" not in e.body and "Gedichte" not in e.body


def test_the_articles_table_of_contents_does_not_cut_off_its_lead() -> None:
    # The contents list sits between the lead and the rest of the article; its items come
    # back as the article's subheadings, so it is no menu that ends the article.
    items = ["Was ist eine Vorsatzschale?", "Welche Platten eignen sich?",
             "Wie wird sie befestigt?", "Was kostet eine Vorsatzschale?"]
    text = (
        "   * Startseite\n   * Ratgeber\n   * Kontakt\n\n"
        "Vorsatzschale selber bauen\n\n"
        "Eine Vorsatzschale verbessert den Schallschutz einer Wand und lässt sich mit etwas "
        "Geschick an einem Wochenende selbst bauen, wie unser Ratgeber zeigt.\n\n"
        "Inhaltsverzeichnis\n"
        + "".join(f"  • {item}\n" for item in items)
        + "\n"
        + "".join(
            f"{item}\n\nZu dieser Frage gibt es im Handel viele Antworten, doch mit den "
            f"richtigen Platten, Profilen und Schrauben gelingt die Wand auch Laien, die "
            f"zum ersten Mal selbst eine Vorsatzschale im eigenen Haus bauen ({n}).\n\n"
            for n, item in enumerate(items, 1)
        )
        + "   * Impressum\n   * Datenschutz\n"
    )
    e = extract_text_dump(text)
    body = paragraphs(e)
    assert body[0].startswith("Eine Vorsatzschale verbessert den Schallschutz")
    assert e.title == "Vorsatzschale selber bauen"
    assert "• Was ist eine Vorsatzschale?" not in body  # the contents are no article text
    assert "Was ist eine Vorsatzschale?" in body  # its subheadings are
    assert "Impressum" not in e.body


def test_a_photo_credit_inside_the_article_leaves_the_body() -> None:
    text = (
        "   * Startseite\n   * Kontakt\n\n"
        "Stau auf der Ringstraße\n\n"
        "   Auf der Ringstraße staute sich der Verkehr am Montagmorgen über vier Kilometer, "
        "weil eine Ampel an der Kreuzung zur Hauptstraße ausgefallen war.\n\n"
        "   Stau am Morgen © Max Muster / Bildagentur\n\n"
        "   Die Polizei regelte den Verkehr bis zum Mittag von Hand, dann war die Ampel "
        "wieder in Betrieb und der Stau löste sich rasch auf.\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Stau auf der Ringstraße"
    assert "©" not in e.body
    assert paragraphs(e)[-1].startswith("Die Polizei regelte den Verkehr")


def test_a_labelled_link_to_another_article_leaves_the_body_a_quote_stays() -> None:
    text = (
        "   * Inicio\n   * Contacto\n\n"
        "El puente nuevo abre en mayo\n\n"
        "   El puente nuevo sobre el río abrirá en mayo, anunció el alcalde el lunes después "
        "de la reunión del consejo municipal en el ayuntamiento.\n\n"
        "   Mire: Los Tigres ganan la final de la liga en el último minuto\n\n"
        "   Alcalde Pérez: “Vamos a terminar las obras antes del verano”\n\n"
        "   Las obras costaron doce millones y durante la construcción los autobuses "
        "tomaron el camino por el puerto viejo.\n"
    )
    e = extract_text_dump(text)
    assert "Los Tigres" not in e.body
    assert "Alcalde Pérez: “Vamos a terminar las obras antes del verano”" in paragraphs(e)
    assert paragraphs(e)[-1].startswith("Las obras costaron")


def test_a_list_under_a_label_between_paragraphs_stays_in_the_article() -> None:
    text = (
        "   * Startseite\n   * Garten\n   * Kontakt\n\n"
        "Die Zaubernuss im Winter\n\n"
        "Die Zaubernuss blüht mitten im Winter, wenn sonst im Garten kaum etwas blüht, und "
        "verträgt dabei auch strengen Frost ohne jeden Schaden.\n"
        "Das Wichtigste in Kürze:\n"
        "  • sehr winterhart\n"
        "  • Blütezeit im Januar\n"
        "  • keine Winterpflege nötig\n"
        "Wer sie pflanzen will, wählt am besten einen sonnigen Platz mit lockerem Boden, "
        "der im Sommer nicht austrocknet.\n\n"
        "Mehr aus dem Garten:\n"
        "  • Zehn Stauden, die auch im Schatten prächtig blühen\n"
        "  • So überwintern Sie Ihre Kübelpflanzen ohne Gewächshaus\n"
        "  • Rosen schneiden im Frühjahr Schritt für Schritt erklärt\n"
        "Im nächsten Monat zeigen wir an dieser Stelle, wie man die Zaubernuss nach der "
        "Blüte richtig schneidet und vermehrt.\n\n"
        "   * Impressum\n   * Datenschutz\n"
    )
    e = extract_text_dump(text)
    body = paragraphs(e)
    for item in ("• sehr winterhart", "• Blütezeit im Januar", "• keine Winterpflege nötig"):
        assert item in body, item
    assert any(p.startswith("Wer sie pflanzen will") for p in body)
    assert "Stauden" not in e.body  # other articles' headlines under a label are no list


def test_bulleted_items_of_running_text_stay_menu_items_do_not() -> None:
    text = (
        "   • Startseite\n   • Energie\n   • Über uns\n\n"
        "Weniger Öl eingeführt\n\n"
        "Im vergangenen Jahr ist der Absatz von Mineralöl in Deutschland leicht gesunken, "
        "wie das Bundesamt am Dienstag nach seiner jährlichen Erhebung mitteilte.\n\n"
        "  • die Einfuhr von Rohöl sank um drei Prozent\n"
        "  • der Absatz von Heizöl ging um ein Zehntel zurück\n"
        "  • nur bei Flugbenzin stieg die Nachfrage wieder\n\n"
        "Für das laufende Jahr rechnet das Bundesamt mit einem ähnlichen Verlauf, weil die "
        "Preise hoch bleiben und viele Betriebe sparen.\n\n"
        "  • Neue Zahlen zum Strompreis im Winter\n"
        "  • Warum Heizöl im Herbst teurer wird\n"
    )
    e = extract_text_dump(text)
    body = paragraphs(e)
    assert "• die Einfuhr von Rohöl sank um drei Prozent" in body
    assert "• nur bei Flugbenzin stieg die Nachfrage wieder" in body
    assert "Strompreis" not in e.body and "Startseite" not in e.body


def test_a_short_box_after_the_article_and_its_share_buttons_is_no_body() -> None:
    paragraph = (
        "Der Hafen wird in den nächsten Jahren umgebaut, damit größere Schiffe anlegen "
        "können und die Kais bei Sturmflut nicht mehr überschwemmt werden, sagte der "
        "Hafenmeister am Montag bei der Vorstellung der Pläne im Rathaus der Stadt. "
    )
    text = (
        "   * Startseite\n   * Kontakt\n\n"
        "Der Hafen wird umgebaut\n\n"
        + "".join(f"{paragraph}Teil {n}.\n\n" for n in range(1, 9))
        + "Teilen\nFacebook\nTwitter\nE-Mail\n\n"
        "Ich bin Anna, Redakteurin für Wirtschaft, und schreibe hier seit zehn Jahren über "
        "Häfen, Schiffe und den Handel an der Küste, am liebsten mit Reportagen von den "
        "Kais.\n\n"
        "   * Impressum\n"
    )
    e = extract_text_dump(text)
    assert paragraphs(e)[-1].endswith("Teil 8.")
    assert "Ich bin Anna" not in e.body


@pytest.mark.parametrize("bullet", ["", "• "])
def test_a_run_of_quantities_is_the_articles_list_not_a_menu(bullet: str) -> None:
    # Bare or bulleted (a bulleted line reads as a menu item until its list is known).
    items = ("500 g Äpfel", "250 g Mehl", "125 g Butter", "2 Eier", "1/2 TL Zimt")
    text = (
        "   * Start\n   * Rezepte\n   * Kontakt\n\n"
        "Apfelkuchen vom Blech\n\n"
        "Zutaten\n\n"
        + "".join(f"   {bullet}{item}\n" for item in items)
        + "\nDie Äpfel schälen, entkernen und in dünne Spalten schneiden. Mehl, Butter und "
        "Eier zu einem glatten Teig verkneten und auf dem Blech ausrollen.\n\n"
        "Die Äpfel darauf verteilen, mit Zimt bestreuen und den Kuchen bei 180 Grad etwa "
        "40 Minuten backen, bis er goldbraun ist.\n\n"
        "   * Impressum\n   * Datenschutz\n"
    )
    e = extract_text_dump(text)
    body = paragraphs(e)
    for item in items:
        assert f"{bullet}{item}" in body, item
    assert "Impressum" not in e.body and "Rezepte" not in e.body


def test_a_headline_below_a_site_blurb_and_a_column_of_labels_is_found() -> None:
    # The region opens with the site's welcome blurb; the headline sits ten lines below it.
    text = (
        "   * Start\n   * Kontakt\n\n"
        "Willkommen beim Heimatverein: Hier berichten wir seit vielen Jahren über das Leben "
        "im Dorf, über Feste, Vereine und alles, was die Nachbarn bewegt.\n\n"
        + "".join(f"{label}\n\n" for label in (
            "Termine", "Mitglied werden", "Spenden", "Presse", "Archiv", "Fotos", "Kalender"
        ))
        + "Der Dorfladen am Markt öffnet wieder\n\n"
        "Nach einem halben Jahr Umbau öffnet der Dorfladen am Markt am Montag wieder seine "
        "Türen, mit längeren Öffnungszeiten und einer eigenen Theke für Brot aus der "
        "Region.\n\n"
        "Der Laden wird von einer Genossenschaft getragen, in der fast zweihundert Familien "
        "aus dem Dorf Mitglied sind, und soll auch ein Treffpunkt für ältere Nachbarn sein.\n\n"
        "   * Impressum\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Der Dorfladen am Markt öffnet wieder"
    assert e.title not in paragraphs(e)


def test_a_centred_headline_counts_as_set_off_like_one_in_the_first_column() -> None:
    # lynx indents paragraphs by three columns and centres a heading across its width.
    pad = " " * 180
    text = (
        "   * Start\n   * Wirtschaft\n   * Kontakt\n\n"
        f"{pad}Der Hafen bekommt einen neuen Kran\n\n"
        "Blick über das Hafenbecken am frühen Morgen\n\n"
        "   Der Hafen bekommt im Sommer einen neuen Kran, der doppelt so schwere Container "
        "heben kann wie der alte, teilte die Stadt am Dienstag mit.\n\n"
        "   Der alte Kran stammt aus den Siebzigerjahren und wird nach dem Umbau an ein Museum "
        "in der Nachbarstadt verkauft, wo er wieder aufgebaut werden soll.\n\n"
        "   Die Arbeiten beginnen im Mai und sollen bis zum Herbst dauern, der Betrieb im "
        "Hafen läuft in dieser Zeit weiter.\n\n"
        "   * Impressum\n"
    )
    e = extract_text_dump(text)
    assert e.title == "Der Hafen bekommt einen neuen Kran"


def test_two_lines_opening_with_a_number_are_no_list() -> None:
    text = (
        "   * Start\n   * Kontakt\n\n"
        "Neue Brücke eröffnet\n\n"
        "Die neue Brücke über den Fluss ist am Samstag nach zwei Jahren Bauzeit für den "
        "Verkehr freigegeben worden, teilte die Stadt am Sonntag mit.\n\n"
        "3 Kommentare\n"
        "12 Leser\n\n"
        "   * Impressum\n"
    )
    e = extract_text_dump(text)
    assert "Kommentare" not in e.body and "Leser" not in e.body


def test_a_box_of_links_inside_the_article_does_not_end_it() -> None:
    paragraph = (
        "The new drive stores twice as much data on the same platters, the maker said on "
        "Tuesday, because its heads write narrower tracks than any drive sold so far. "
    )
    text = (
        "   * Home\n   * Reviews\n   * News\n\n"
        "Hard drives get denser\n\n"
        + paragraph * 3 + "\n\n"
        "Related\n\n"
        "   * Ten laptops we liked this year\n"
        "   * The best cheap monitors\n\n"
        "Conventional recording reaches about one terabit per square inch today, and the "
        "maker expects to double that within three years with heat-assisted writing.\n\n"
        "   * Privacy\n   * Terms\n"
    )
    e = extract_text_dump(text)
    assert "Conventional recording reaches" in e.body
    assert "Ten laptops" not in e.body and "Privacy" not in e.body


def test_a_comment_thread_under_its_heading_stays_out() -> None:
    paragraph = (
        "The new drive stores twice as much data on the same platters, the maker said on "
        "Tuesday, because its heads write narrower tracks than any drive sold so far. "
    )
    text = (
        "   * Home\n   * News\n\n"
        "Hard drives get denser\n\n"
        + paragraph * 3 + "\n\n"
        "2 Comments\n\n"
        "   1. Manfred says:\n"
        "   2. February 1, 2022 at 21:53\n\n"
        "I bought one of these last year and it has been running without a single problem "
        "ever since, so I can only recommend it to anyone who needs the space.\n"
    )
    e = extract_text_dump(text)
    assert "I bought one" not in e.body
