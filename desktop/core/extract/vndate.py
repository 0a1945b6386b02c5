"""Vietnamese publication dates in scraped text.

Recognizes the forms found on Vietnamese news and government pages:
``Ngày cập nhật 13/01/2023``, ``Ngày đăng: 14-06-2024``, a bare ``31-01-2018``
(alone or after a title), ``Thứ hai, 13/01/2023 10:20``, ``ngày 17 tháng 3 năm 2023``,
and lead openings such as ``Chiều 24/01/2024,`` or ``Sáng ngày 12/01,`` whose
year may come from context (``năm 2023`` in the title). Every result is a valid
calendar date within a plausible range; impossible dates give ``None``.
"""

from __future__ import annotations

import re
from datetime import date

MIN_YEAR = 1990

_SEP = r"\s*[/.\-]\s*"
_DMY = re.compile(
    rf"(?<![\d/.\-])(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}((?:19|20)\d\d)(?![\d/\-]|\.\d)"
)
_YMD = re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_WORDS_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?năm\s+((?:19|20)\d\d))?", re.IGNORECASE
)

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"]
    )
    for name in names.split()
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_EN_MDY = re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_EN_DMY = re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+{_MONTH},?\s+(?P<y>(?:19|20)\d\d)\b", re.I)

# What may surround a date on a line that carries nothing but the date.
_DATE_LINE_NOISE = re.compile(
    r"ngày\s+(?:cập\s+nhật|đăng(?:\s+tin)?|xuất\s+bản|ban\s+hành|gửi)|cập\s+nhật(?:\s+lúc|\s+ngày)?"
    r"|đăng\s+(?:ngày|lúc|tải)|thời\s+gian(?:\s+đăng)?|xuất\s+bản|ngày|lúc|published|posted"
    r"|updated|date|on|by\s+[^\W\d_][\w.\-]*(?:\s+[^\W\d_][\w.\-]*){0,3}\s*$"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn"
    r"|\d{1,2}\s*(?:[:h]\s*\d{2}|giờ(?:\s*\d{1,2}\s*phút)?)(?:\s*:\s*\d{2})?(?:\s*(?:am|pm|sa|ch))?"
    r"|gmt\s*[+\-]\s*\d{1,2}(?::?00)?|utc|\(|\)|\||-|–|—|,|:|/"
    r"|(?:lượt (?:xem|đọc)|số lần xem|views?)\s*:?\s*[\d.,]+|[\d.,]+\s*(?:lượt xem|views?)",
    re.IGNORECASE,
)
_PUNCT_ONLY = re.compile(r"[\s.\-–—|:,;/()\[\]]*")

# A title that ends with its date: "HỘI NGHỊ ... KH&CN   31-01-2018".
_TRAILING_DATE = re.compile(
    rf"^(?P<title>.*?\S)(?:\s{{2,}}|\s*[\-–|(\[]\s*)(?P<date>(?<![\d/.\-])\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}"
    rf"(?:19|20)\d\d)\s*[)\]]?$"
)
_DATE_WORD_BEFORE = re.compile(
    r"(?:ngày|từ|đến|tới|hết|trước|sau|và|hoặc|,|-|–)\s*$", re.IGNORECASE
)

# The opening of a lead: optional "(domain) - " or "SOURCE - ", optional time of day,
# optional "ngày", then a date with or without year.
_LEAD_DATE = re.compile(
    r"^(?:\([^()]{1,60}\)\s*[-–—:]?\s*|[^\s,.;:]{1,20}(?:\s[^\s,.;:]{1,20}){0,3}\s*[-–—]\s+)?"
    # a dateline place: "HÀ NỘI, ngày 5/3/2023 - ..."
    r"(?:[^\W\d_][^,.;:()\d]{0,30},\s*(?=ngày|sáng|chiều|tối|trưa|đêm|hôm))?"
    r"(?P<when>(?:(?:rạng\s+)?sáng|chiều|tối|trưa|đêm|hôm|khuya|cuối\s+ngày|đầu\s+giờ\s+sáng)\s+"
    r"(?:nay\s+)?(?:qua\s+)?(?:ngày\s+)?|ngày\s+|hồi\s+[^,]{0,30}?ngày\s+)?"
    r"(?:thứ\s+\S+\s*,?\s*)?"
    rf"(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}})(?:{_SEP}(?P<y>(?:19|20)\d\d))?(?![\d/.\-]\d)",
    re.IGNORECASE,
)
# "năm 2023", but not a birth year or the start of a period ("sinh năm 1990", "từ năm 2011").
_DIGIT = re.compile(r"\d")
_YEAR_HINT = re.compile(
    r"(?<!sinh )(?<!từ )(?<!trước )(?<!sau )(?<!đến )\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE
)


def make_date(year: int, month: int, day: int, *, today: date | None = None) -> date | None:
    """A ``date`` when the parts form a real, plausible date, else ``None``."""
    latest = (today or date.today()).year + 1
    if not (MIN_YEAR <= year <= latest and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_matches(text: str) -> list[tuple[re.Match[str], date]]:
    """Every valid full date in ``text`` with its match, in pattern order."""
    found: list[tuple[re.Match[str], date]] = []
    for m in _DMY.finditer(text):
        d = make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m, d))
    for m in _WORDS_DATE.finditer(text):
        if m.group(3):
            d = make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                found.append((m, d))
    for m in _YMD.finditer(text):
        d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m, d))
    for pattern in (_EN_MDY, _EN_DMY):
        for m in pattern.finditer(text):
            d = make_date(int(m.group("y")), _MONTHS[m.group("mon").lower()], int(m.group("d")))
            if d:
                found.append((m, d))
    return found


def find_full_date(text: str) -> date | None:
    """The first valid day-month-year, ISO or English (``March 17, 2023``) date in ``text``."""
    found = _date_matches(text)
    return found[0][1] if found else None


def parse_date_line(line: str) -> date | None:
    """The date of a line that holds only a (labelled) date, e.g. ``Ngày đăng: 14-06-2024``."""
    if len(line) > 80 or not _DIGIT.search(line):
        return None
    found = _date_matches(line)
    if not found:
        return None
    match, when = found[0]
    rest = line[: match.start()] + " " + line[match.end() :]
    rest = _DATE_LINE_NOISE.sub(" ", rest)
    return when if _PUNCT_ONLY.fullmatch(rest) else None


def split_trailing_date(line: str) -> tuple[str, date | None]:
    """Split ``TITLE   31-01-2018`` into the title and its date (the line unchanged if none).

    The date must be set off by two or more spaces or by ``-``, ``|`` or ``(``, as
    page templates do; a date that is part of the wording stays in the title.
    """
    if not line or not (line[-1].isdigit() or line[-1] in ")]"):
        return line, None
    m = _TRAILING_DATE.match(line)
    if not m or _DATE_WORD_BEFORE.search(m.group("title")):
        return line, None
    found = find_full_date(m.group("date"))
    if found is None:
        return line, None
    return m.group("title").rstrip(" -–|,"), found


def year_hint(*texts: str) -> int | None:
    """The first year named as ``năm 2023`` in the given texts, in order."""
    for text in texts:
        m = _YEAR_HINT.search(text)
        if m:
            return int(m.group(1))
    return None


def parse_lead_date(lead: str, *context: str) -> date | None:
    """The date a lead opens with (``Chiều 24/01/2024, ...``, ``Ngày 17/3, ...``).

    A date without a year needs a time-of-day word or ``ngày`` before it and takes
    its year from ``context`` (title first); without a year hint it gives ``None``.
    """
    m = _LEAD_DATE.match(lead[:160])
    if not m:
        return None
    day, month = int(m.group("d")), int(m.group("m"))
    if m.group("y"):
        return make_date(int(m.group("y")), month, day)
    if not m.group("when"):
        return None
    year = year_hint(*context)
    if year is None:
        return None
    return make_date(year, month, day)
