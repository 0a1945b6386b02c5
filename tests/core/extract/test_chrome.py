"""Line features, chrome phrases and cross-document line counts."""

from __future__ import annotations

import pytest

from desktop.core.extract.chrome import LineKind, LineStats, classify, features


def kind(line: str) -> LineKind:
    return classify(features(line))


@pytest.mark.parametrize(
    "line",
    [
        "Thống kê truy cập",
        "Truy cập tổng 1.983.286",
        "Truy cập hiện tại 1.712",
        "Số người online: 8",
        "Hôm nay: 1163",
        "Online: 24",
        "Bỏ qua Lệnh Ruy-băng Bỏ qua nội dung chính",
        "A- A A+ | Tăng tương phản Giảm tương phản",
        "Chọn một ngày từ lịch.",
        "ĐĂNG NHẬP",
        "Tin nổi bật Tin nổi bật",
        "Các tin khác",
        "© CỔNG THÔNG TIN ĐIỆN TỬ TỈNH",
        "Chịu trách nhiệm: Trần Văn Lân, Giám đốc Sở. Địa chỉ: 20 Lê Lợi, Huế; ĐT: 0234.3822 111.",
        "lượt đánh giá: , trung bình:Tin liên quan",
        "Mã xác thực không đúng.",
        "• Lãnh đạo Sở làm việc với...",
        "Trang chủ | Giới thiệu | Tin tức | Liên hệ",
        "|",
        "• :",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert kind(line) in (LineKind.CHROME, LineKind.END)


@pytest.mark.parametrize(
    "line",
    [
        "Các tin khác",
        "Thống kê truy cập",
        "In nội dung",
        "Bình luận",
        "© 2023 Sở Khoa học và Công nghệ",
        "Tin nổi bật Tin nổi bật",
    ],
)
def test_end_markers(line: str) -> None:
    assert kind(line) is LineKind.END


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Ngày 19/01/2018, UBND tỉnh đã tổ chức hội nghị tổng kết hoạt động khoa học. "
            "Tham dự có lãnh đạo các sở, ngành.",
            LineKind.TEXT,
        ),
        ("Phó Chủ tịch UBND tỉnh phát biểu tại hội nghị", LineKind.SHORT),
        ("HỘI NGHỊ TỔNG KẾT HOẠT ĐỘNG KH&CN NĂM 2017; TRIỂN KHAI NHIỆM VỤ", LineKind.SHORT),
        ("Bỏ qua những khó khăn ban đầu, hợp tác xã đã có lãi ngay trong năm đầu tiên.",
         LineKind.TEXT),
        ("Bình luận viên Quang Huy dẫn chương trình", LineKind.SHORT),
        ("Gọi ngay 0923.006757 để phản ánh thông tin thi THPT", LineKind.SHORT),
    ],
)
def test_article_lines_are_not_chrome(line: str, expected: LineKind) -> None:
    assert kind(line) is expected


def test_line_stats_counts_documents_not_occurrences() -> None:
    stats = LineStats()
    stats.observe("Menu trang\nMenu trang\nBài một.")
    stats.observe("Menu  trang\nBài hai.")
    stats.observe("MENU TRANG\nBài ba.")
    assert stats.documents == 3
    assert stats.count("menu trang") == 3
    assert stats.is_repeated("Menu trang")
    assert not stats.is_repeated("Bài một.")


def test_line_stats_needs_a_share_of_the_batch() -> None:
    stats = LineStats(min_docs=3, min_share=0.5)
    for i in range(10):
        stats.observe(("Dòng lặp lại\n" if i < 3 else "") + f"Bài số {i}.")
    assert stats.count("Dòng lặp lại") == 3
    assert not stats.is_repeated("Dòng lặp lại")  # 3 of 10 < 50%


def test_line_stats_per_site_share() -> None:
    stats = LineStats(min_docs=3, min_share=0.5)
    for i in range(4):
        stats.observe(f"https://a.example.gov.vn/\nChân trang của trang A\nBài A{i}.")
    for i in range(10):
        stats.observe(f"Bài B{i}.")
    # 4 of 14 documents overall, but all 4 documents of its site.
    assert stats.is_repeated("Chân trang của trang A", "a.example.gov.vn")
    assert not stats.is_repeated("Chân trang của trang A")


def test_line_stats_normalizes_nfd() -> None:
    import unicodedata

    stats = LineStats()
    for _ in range(3):
        stats.observe(unicodedata.normalize("NFD", "Liên kết hữu ích\nNội dung."))
    assert stats.is_repeated("Liên kết hữu ích")


def test_line_stats_pickles_compactly_with_same_answers() -> None:
    import pickle

    stats = LineStats()
    for i in range(6):
        stats.observe(f"https://b.example.vn/\nDòng chung của trang\nDòng riêng số {i}\n")
    copy = pickle.loads(pickle.dumps(stats))
    assert copy.documents == 6
    assert copy.is_repeated("Dòng chung của trang", "b.example.vn")
    assert copy.is_repeated("Dòng chung của trang")
    assert not copy.is_repeated("Dòng riêng số 1")
    assert copy.count("Dòng chung của trang") == 6
    assert copy.count("Dòng riêng số 1") == 0  # too rare to be kept in the copy
    assert len(pickle.dumps(stats)) < len(pickle.dumps(stats.__dict__))


def _page(n: int) -> str:
    """A page of a batch; on page 2 a reader's comment follows the related-posts heading."""
    comment = (
        "Ein Leser schrieb dazu, dass er die Entscheidung für falsch halte und beim "
        "nächsten Mal anders abstimmen würde, wenn er gefragt würde.\n"
        if n == 2
        else ""
    )
    return (
        "Startseite\nKontakt\n\n"
        f"Bericht Nummer {n} über den Stadtrat\n\n"
        f"Der Stadtrat hat am Montag über den Haushalt Nummer {n} beraten und ihn nach langer "
        "Debatte mit knapper Mehrheit beschlossen, wie die Verwaltung mitteilte.\n\n"
        "Noch mehr aus dem Rathaus\n\n"
        f"{comment}"
        f"Haushalt {n + 1} im Rat\nNeue Schule {n}\n"
    )


def test_a_repeated_line_below_the_prose_of_its_pages_follows_the_article() -> None:
    from desktop.core.extract.chrome import LineStats

    stats = LineStats()
    for n in range(4):
        stats.observe(_page(n))
    assert stats.follows_prose("Noch mehr aus dem Rathaus")
    assert not stats.follows_prose("Startseite")  # above the prose
    assert not stats.follows_prose("Bericht Nummer 1 über den Stadtrat")  # not repeated


def test_the_learnt_marker_ends_the_article() -> None:
    from desktop.core.extract.chrome import LineStats
    from desktop.core.extract.textdump import extract_text_dump

    pages = [_page(n) for n in range(4)]
    assert "Ein Leser schrieb" in extract_text_dump(pages[2]).body  # alone: one block
    stats = LineStats()
    for page in pages:
        stats.observe(page)
    e = extract_text_dump(pages[2], stats=stats)
    assert e.body.startswith("Der Stadtrat hat am Montag")
    assert "Ein Leser schrieb" not in e.body
    assert "Noch mehr aus dem Rathaus" not in e.body
    assert e.title == "Bericht Nummer 2 über den Stadtrat"


def test_a_long_line_without_punctuation_is_a_tag_cloud_not_prose() -> None:
    from desktop.core.extract.chrome import features

    cloud = " ".join(["Alltag Architektur Auto Bahn Bahnhof Basel Baum Beton"] * 5)
    assert not features(cloud).sentence_like
    prose = ("Der Rat hat am Montag lange beraten, und " * 5).strip()
    assert features(prose).sentence_like  # long, with commas, though no final period


def test_inline_script_text_is_not_prose() -> None:
    from desktop.core.extract.chrome import LineKind, classify, features

    script = (
        'function o(e,t){if(!(e instanceof t))throw new TypeError("Cannot call a class as '
        'a function")}var r=n(2),i=(n.n(r),{a:1,b:[2,3]});return e.exports=r;'
    )
    assert classify(features(script)) is not LineKind.TEXT
    prose = "The city will build a new bridge (the third) across the harbour from March."
    assert classify(features(prose)) is LineKind.TEXT


def test_a_style_sheet_printed_as_text_is_not_prose() -> None:
    from desktop.core.extract.chrome import LineKind, classify, features

    rule = (
        "display: flex; padding: 10px; flex-direction: row; align-items: center; } "
        ".message_row .message_title { margin: 0 auto; color: black; line-height: 1.5em; }"
    )
    assert classify(features(" ".join([rule] * 3))) is not LineKind.TEXT
    prose = (
        "Der Rat hat zwei Fragen: wann die Brücke gebaut wird (die dritte am Hafen) und wer "
        "sie bezahlt. Die Antwort soll im März kommen, sagte der Bürgermeister am Montag; "
        "bis dahin prüft die Stadt, ob der Bund die Hälfte der Kosten trägt, und legt dem "
        "Rat einen Plan vor: erst die Pfeiler, dann die Fahrbahn, zuletzt die Radwege."
    )
    assert classify(features(prose)) is LineKind.TEXT


def test_a_line_in_guillemets_is_a_quote_not_a_bullet() -> None:
    assert not features("»Haltet die Seen und Flüsse sauber«").bullet
    assert kind("»Haltet die Seen und Flüsse sauber«") is LineKind.SHORT
    assert features("» Weitere Meldungen aus der Region").bullet


def test_chinese_and_japanese_prose_counts_its_characters_as_words() -> None:
    from desktop.core.extract.chrome import LineKind, classify, features

    sentence = "新的法律规定，父母不得以教育孩子为由体罚孩子，专家将帮助有困难的家庭。"
    assert features(sentence).words >= 15
    assert classify(features(sentence)) is LineKind.TEXT
    japanese = "新しい法律では、親が子どもを教育するために体罰をしてはいけないことになりました。"
    assert classify(features(japanese)) is LineKind.TEXT
    assert classify(features("国内新闻")) is not LineKind.TEXT  # a menu item
    assert features("Straßenbahn").words == 1  # one long word is still one word
