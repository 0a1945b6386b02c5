"""Vietnamese date forms, context years and range validation."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.extract import vndate


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ngày cập nhật 13/01/2023", date(2023, 1, 13)),
        ("Ngày đăng: 14-06-2024", date(2024, 6, 14)),
        ("31-01-2018", date(2018, 1, 31)),
        ("Thứ hai, 13/01/2023 10:20 GMT+7", date(2023, 1, 13)),
        ("Cập nhật lúc 08:15 ngày 02.11.2020", date(2020, 11, 2)),
        ("ngày 17 tháng 3 năm 2023", date(2023, 3, 17)),
        ("2021-09-08", date(2021, 9, 8)),
    ],
)
def test_date_lines(line: str, expected: date) -> None:
    assert vndate.parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Truy cập tổng 1.983.286",  # a counter, not a date
        "Ngày đăng: 31-02-2023",  # no 31 February
        "Ngày đăng: 12-13-2023",  # no month 13
        "Ngày đăng: 01-01-1850",  # out of range
        "Hội nghị tổng kết ngày 12/01/2023 tại Huế",  # a date inside wording
        "ĐT: 0233.3550 382",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert vndate.parse_date_line(line) is None


def test_trailing_date_is_split_from_a_title() -> None:
    title, found = vndate.split_trailing_date("HỘI NGHỊ TỔNG KẾT NĂM 2017   31-01-2018")
    assert (title, found) == ("HỘI NGHỊ TỔNG KẾT NĂM 2017", date(2018, 1, 31))


def test_date_in_the_wording_of_a_title_stays() -> None:
    line = "Lịch cắt điện ngày 9 và 10/2/2017"
    assert vndate.split_trailing_date(line) == (line, None)
    line = "Kết quả xổ số ngày 12/5/2017"
    assert vndate.split_trailing_date(line) == (line, None)


@pytest.mark.parametrize(
    ("lead", "context", "expected"),
    [
        ("Chiều 24/01/2024, Sở Khoa học và Công nghệ tổ chức", "", date(2024, 1, 24)),
        ("(binhdinh.gov.vn) - Ngày 17/3, tại Trung tâm", "Hội nghị năm 2023", date(2023, 3, 17)),
        ("Sáng ngày 12/01, Sở tổ chức hội nghị", "Kế hoạch năm 2023", date(2023, 1, 12)),
        ("TPO - Tối 20.6, tại Hà Nội", "Giải thưởng năm 2017", date(2017, 6, 20)),
        ("Ngày 19/01/2018, UBND tỉnh đã tổ chức", "", date(2018, 1, 19)),
        ("HÀ NỘI, ngày 5/3/2023 - Bộ Y tế cho biết", "", date(2023, 3, 5)),
        ("Hà Nội, sáng 6/3, Bộ Y tế họp", "Kế hoạch năm 2023", date(2023, 3, 6)),
    ],
)
def test_lead_dates(lead: str, context: str, expected: date) -> None:
    assert vndate.parse_lead_date(lead, context) == expected


@pytest.mark.parametrize(
    ("lead", "context"),
    [
        ("Ngày 17/3, tại Trung tâm Hội nghị", ""),  # no year anywhere
        ("2-3 người bị thương", "năm 2017"),  # not a date
        ("Ngày 31/2, một sự kiện", "năm 2023"),  # impossible date
        ("Ngày 7/6, cơ quan điều tra", "Nghi phạm sinh năm 1990"),  # a birth year is no context
        ("Năm 2023, 5/3 số xã đạt chuẩn", "năm 2023"),
        ("Hà Nội, 5/3 số trường học nghỉ", "năm 2023"),
    ],
)
def test_lead_dates_rejected(lead: str, context: str) -> None:
    assert vndate.parse_lead_date(lead, context) is None


def test_make_date_validates() -> None:
    assert vndate.make_date(2024, 2, 29) == date(2024, 2, 29)
    assert vndate.make_date(2023, 2, 29) is None
    assert vndate.make_date(2023, 0, 1) is None
    assert vndate.make_date(date.today().year + 5, 1, 1) is None
