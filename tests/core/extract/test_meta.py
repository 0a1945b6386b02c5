"""Site, author, title and language helpers."""

from __future__ import annotations

import pytest

from desktop.core.extract import meta


def test_site_from_url_line() -> None:
    assert meta.site_from_line("https://thuathienhue.gov.vn/") == ("thuathienhue.gov.vn", None)
    url = "https://www.example.gov.vn/tin-tuc/bai-viet-1.html"
    assert meta.site_from_line(url) == ("example.gov.vn", url)
    assert meta.site_from_line("Nguồn: binhdinh.gov.vn") == ("binhdinh.gov.vn", None)
    assert meta.site_from_line("Hai bên trao biên bản ghi nhớ.") == (None, None)


def test_site_from_lead() -> None:
    assert meta.site_from_lead("(binhdinh.gov.vn) - Ngày 17/3, tại") == "binhdinh.gov.vn"
    assert meta.site_from_lead("(Dân trí) - Ngày 17/3") is None


def test_footer_site_name() -> None:
    assert meta.footer_site_name("© CỔNG THÔNG TIN ĐIỆN TỬ TỈNH") == "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH"
    assert meta.footer_site_name("Các tin khác") is None
    assert meta.footer_site_name("© 2019 Hafenblatt, all rights reserved") == "Hafenblatt"
    assert meta.footer_site_name("Copyright THE HARBOUR GAZETTE ALL RIGHTS RESERVED") == (
        "THE HARBOUR GAZETTE"
    )


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("© 2013-2021 Hafenwerk Inc", "Hafenwerk Inc"),
        ("© Stadtarchiv 1999-2021", "Stadtarchiv"),
        ("Copyright 2023, Harbour Gazette", "Harbour Gazette"),
        ("© 2020 Hafenblatt Alle Rechte vorbehalten", "Hafenblatt"),
        ("© Gazette du Port, tous droits réservés", "Gazette du Port"),
        ("Copyright © 2023 | Magazine Theme by Example Themes", None),
        ("© 2021", None),
    ],
)
def test_footer_site_name_leaves_out_years_and_rights(line: str, name: str | None) -> None:
    assert meta.footer_site_name(line) == name


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Tác giả: DTD", "DTD"),
        ("Tác giả: Nguyễn Văn An", "Nguyễn Văn An"),
        ("Theo Minh Anh", "Minh Anh"),
        ("Theo VTC14", "VTC14"),
        ("Chịu trách nhiệm: Trần Văn Lân", None),
        ("Theo người yêu về nhà, bé gái bị lạc", None),
        ("Theo đó, các đơn vị phải báo cáo", None),
    ],
)
def test_labelled_author(line: str, author: str | None) -> None:
    assert meta.labelled_author(line) == author


@pytest.mark.parametrize(
    ("line", "signed"),
    [
        ("Cao Thị Ngọc Hà", True),
        ("LÂM THỎA (VnExpress)", True),
        ("Trung tâm Thông tin và Ứng dụng TBKHCN", True),
        ("Các đại biểu tham quan mô hình", False),
        ("Hai bên trao biên bản ghi nhớ hợp tác.", False),
        ("Chuyên mục số 5-2016", False),
    ],
)
def test_signed_name(line: str, signed: bool) -> None:
    assert (meta.signed_name(line) is not None) is signed


def test_trailing_signature_after_last_sentence() -> None:
    assert meta.trailing_signature("Xe đã lưu thông trở lại. Anh Tú") == "Anh Tú"
    assert meta.trailing_signature("Xe đã chạy. Đỗ Anh - Tuấn Linh") == "Đỗ Anh - Tuấn Linh"
    assert meta.trailing_signature("Xe đã chạy. Xuân Thắng -") == "Xuân Thắng"
    assert meta.trailing_signature("Xe đã chạy. TTXVN/Tin Tức") == "TTXVN/Tin Tức"
    assert meta.trailing_signature("Đã chạy. Theo Hằng (Dân Trí)") == "Hằng (Dân Trí)"
    assert meta.trailing_signature("Xe đã chạy. (Theo Reuters)") == "Reuters"
    assert meta.trailing_signature("Trận đấu diễn ra kịch tính. Theo PLO") == "PLO"
    assert meta.trailing_signature("Trận đấu diễn ra rất kịch tính.") is None


def test_derive_title_cuts_at_word_boundary() -> None:
    body = "Chiều 24/01/2024, " + "Sở tổ chức hội nghị tổng kết công tác " * 8 + "năm 2023. Sau đó"
    title = meta.derive_title(body)
    assert title.startswith("Chiều 24/01/2024, Sở tổ chức hội nghị")
    assert title.endswith("…")
    assert len(title) <= meta.TITLE_MAX_CHARS
    assert body.startswith(title[:-1])
    assert body[len(title) - 1] == " "  # cut between words


def test_derive_title_leaves_out_a_leading_source() -> None:
    assert meta.derive_title("(binhdinh.gov.vn) - Ngày 17/3, hội nghị khai mạc. Sau đó") == (
        "Ngày 17/3, hội nghị khai mạc"
    )


def test_derive_title_short_sentence_is_whole() -> None:
    assert meta.derive_title("Hà Nội mưa lớn. Nhiều tuyến phố ngập.") == "Hà Nội mưa lớn"
    # An abbreviation is not a sentence end.
    assert meta.derive_title("TP. HCM mở tuyến buýt mới. Giá vé rẻ.") == "TP. HCM mở tuyến buýt mới"


def test_guess_language() -> None:
    assert meta.guess_language("Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết") == "vi"
    assert meta.guess_language("The committee said that the plan is on track for the year") == "en"
    assert meta.guess_language("12 34 56") is None


def test_tracker_and_cdn_hosts_are_never_the_site() -> None:
    from desktop.core.extract.meta import foreign_host, site_from_line

    assert site_from_line("https://www.googletagmanager.com/ns.html?id=GTM-X") == (None, None)
    assert site_from_line("https://connect.facebook.net/en_US/sdk.js") == (None, None)
    assert site_from_line("taz.de") == ("taz.de", None)
    assert site_from_line("https://www.polityka.pl/swiat/1,2.html") == (
        "polityka.pl", "https://www.polityka.pl/swiat/1,2.html"
    )
    assert foreign_host("stats.g.doubleclick.net")
    assert not foreign_host("netzpolitik.org")
    # Embedded players and photo hosts are someone else's site too.
    assert foreign_host("www.youtube-nocookie.com") and foreign_host("player.vimeo.com")
