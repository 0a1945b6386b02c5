"""Text-dump extraction on the real seed pages and vn-news members (skipped without corpus)."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop.core.extract.fields import Extracted
from desktop.core.extract.textdump import LineStats, extract_text_dump
from desktop.core.textnorm import normalize_text

pytestmark = pytest.mark.corpus

_DETACHED = re.compile(r"(?:^|\s)[\u0300-\u036f]")


@dataclass(frozen=True)
class Seed:
    prefix: str
    published: date
    site: str | None
    author: str | None
    title_start: str | None  # None: the title is derived from the first sentence
    chrome: tuple[str, ...]  # lines or phrases of page chrome that must be gone


SEEDS = [
    Seed("000_", date(2023, 1, 13), "thuathienhue.gov.vn", None,
         "Thúc đẩy phát triển khoa học, công nghệ và đổi mới sáng tạo tạo động lực",
         ("Tìm kiếm tin tức", "Liên kết website", "LỊCH TUẦN", "CỔNG DỊCH VỤ CÔNG",
          "Các tin khác", "Xem tin theo ngày", "Thống kê truy cập", "Truy cập tổng",
          "Truy cập hiện tại", "https://", "Ngày cập nhật")),
    Seed("001_", date(2024, 6, 14), "CỔNG THÔNG TIN ĐIỆN TỬ KHOA HỌC VÀ CÔNG NGHỆ QUẢNG TRỊ", None,
         "Nhiều giải pháp phát triển khoa học, công nghệ và đổi mới sáng tạo ở Đông Hà",
         ("Chi tiết tin", "Khơi dậy khát vọng", "Tin tức - Sự kiện", "Ngày đăng",
          "LỊCH CÔNG TÁC TUẦN", "CHUYÊN MỤC", "Số người online", "Tổng lượt truy cập",
          "Chịu trách nhiệm", "©")),
    Seed("002_", date(2023, 3, 17), "binhdinh.gov.vn", "DTD",
         "Hội nghị Giám đốc các Sở Khoa học và Công nghệ toàn quốc năm 2023",
         ("Tăng tương phản", "A- A A+", "Tin nổi bật", "•")),
    Seed("003_", date(2018, 1, 31), None, "Cao Thị Ngọc Hà",
         "HỘI NGHỊ TỔNG KẾT HOẠT ĐỘNG KH&CN NĂM 2017",
         ("Bỏ qua Lệnh Ruy-băng", "Tìm kiếm", "Video Clip", "HÌNH ẢNH HOẠT ĐỘNG", "•",
          "In nội dung", "Các tin đã đăng ngày", "Chọn một ngày từ lịch", "ĐĂNG NHẬP")),
    Seed("004_", date(2024, 1, 24), None, "Trung tâm Thông tin và Ứng dụng TBKHCN", None,
         ("Đánh giá", "lượt đánh giá", "Tin liên quan", "Bình luận", "Mã xác thực",
          "Thống kê", "Online")),
]


def _seed_path(corpus: Path, prefix: str) -> Path:
    [path] = sorted((corpus / "seeds").glob(f"{prefix}*.txt"))
    return path


def _seed_lines(path: Path) -> list[str]:
    text = normalize_text(path.read_text(encoding="utf-8"))
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _check_seed(seed: Seed, e: Extracted, lines: list[str]) -> None:
    assert e.published == seed.published
    assert e.site == seed.site
    assert e.author == seed.author
    assert e.language == "vi"
    if seed.title_start is None:
        first = e.body.split("\n\n")[0]
        assert e.title.endswith("…") and len(e.title) <= 121
        assert first.startswith(e.title[:-1])
    else:
        assert e.title.startswith(seed.title_start)
        assert e.title in lines or any(line.startswith(e.title) for line in lines)
        assert e.title not in e.body.split("\n\n")
    paragraphs = e.body.split("\n\n")
    # Nothing invented: every kept paragraph is a line of the page.
    assert all(p in lines for p in paragraphs)
    # Every long prose line of the page is kept (footers are not prose).
    for line in lines:
        if line.startswith((e.title, "Chịu trách nhiệm")):
            continue
        if len(line.split()) >= 30:
            assert line in paragraphs, line[:60]
    for chrome in seed.chrome:
        assert chrome not in e.body, chrome
    assert unicodedata.is_normalized("NFC", e.body)


@pytest.mark.parametrize("seed", SEEDS, ids=[s.prefix for s in SEEDS])
def test_seed_alone(corpus: Path, seed: Seed) -> None:
    path = _seed_path(corpus, seed.prefix)
    e = extract_text_dump(path.read_text(encoding="utf-8"), source_name=path.name)
    _check_seed(seed, e, _seed_lines(path))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.prefix for s in SEEDS])
def test_seed_in_a_batch(corpus: Path, seed: Seed) -> None:
    stats = LineStats()
    for path in sorted((corpus / "seeds").glob("*.txt")):
        stats.observe(path.read_text(encoding="utf-8"))
    path = _seed_path(corpus, seed.prefix)
    e = extract_text_dump(path.read_text(encoding="utf-8"), stats=stats, source_name=path.name)
    _check_seed(seed, e, _seed_lines(path))


def test_seed_captions_and_subheadings_kept(corpus: Path) -> None:
    e = extract_text_dump(_seed_path(corpus, "000_").read_text(encoding="utf-8"))
    paragraphs = e.body.split("\n\n")
    assert "Tạo bứt phá phát triển khoa học, công nghệ và đổi mới sáng tạo" in paragraphs
    assert any(p.startswith("Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Thanh Bình phát biểu")
               for p in paragraphs)
    e = extract_text_dump(_seed_path(corpus, "002_").read_text(encoding="utf-8"))
    assert "Phó Chủ tịch UBND tỉnh Lâm Hải Giang phát biểu tại hội nghị" in e.body.split("\n\n")


# -- vn-news: line 1 title, line 2 lead, then the body ----------------------------

VN_NEWS_MEMBERS = [
    "vn-news/21478642.txt",
    "vn-news/21481732.txt",
    "vn-news/22521913.txt",
    "vn-news/22756324.txt",
    "vn-news/21507491.txt",
]


def _read_members(corpus: Path, names: list[str]) -> dict[str, str]:
    with zipfile.ZipFile(corpus / "vn-news-35k.zip") as zf:
        return {n: zf.read(n).decode("utf-8") for n in names}


def test_vn_news_title_lead_body(corpus: Path) -> None:
    docs = _read_members(corpus, VN_NEWS_MEMBERS)
    stats = LineStats()
    for text in docs.values():
        stats.observe(text)
    for name, text in docs.items():
        lines = [" ".join(x.split()) for x in normalize_text(text).split("\n") if x.strip()]
        for s in (None, stats):
            e = extract_text_dump(text, stats=s, source_name=name)
            assert e.title == lines[0], name
            assert e.body == "\n\n".join(lines[1:]), name
            assert e.language == "vi"


def test_vn_news_nfd_member_comes_out_nfc(corpus: Path) -> None:
    name = "vn-news/22652214.txt"
    raw = _read_members(corpus, [name])[name]
    assert not unicodedata.is_normalized("NFC", raw)
    e = extract_text_dump(raw, source_name=name)
    assert unicodedata.is_normalized("NFC", e.title + e.body)
    assert e == extract_text_dump(unicodedata.normalize("NFC", raw))


def test_vn_news_stray_marks_are_reattached(corpus: Path) -> None:
    with zipfile.ZipFile(corpus / "vn-news-35k.zip") as zf:
        names = [n for n in zf.namelist() if n.endswith(".txt")]
        found = 0
        for n in names:
            raw = zf.read(n).decode("utf-8")
            nfc = unicodedata.normalize("NFC", raw)
            if not _DETACHED.search(nfc):
                continue
            e = extract_text_dump(raw, source_name=n)
            text = e.title + "\n" + e.body
            # No detached mark ("thi ̣t"); a mark NFC cannot compose ("ã́") may stay attached.
            assert not _DETACHED.search(text), n
            assert unicodedata.is_normalized("NFC", text), n
            found += 1
            if found == 5:
                break
    assert found == 5
