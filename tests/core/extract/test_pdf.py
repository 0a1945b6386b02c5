"""PDF extraction: text per page, page offsets, metadata, browser print lines, broken files."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.core.errors import ExtractionError
from desktop.core.extract.pages import page_at, page_count
from desktop.core.extract.pdf import NOTICE_HINT, SCANNED_NOTICE, extract_pdf
from tests.helpers.pdf import (
    PdfPage,
    PdfSpec,
    browser_printed_pdf,
    encrypt_pdf,
    pdf_bytes,
    text_pdf,
    xmp_packet,
)

PAGE_ONE = [
    "The committee met on Tuesday to discuss the new budget for the river",
    "restoration project, which had been delayed for two years.",
    "Members agreed to publish the full report next month.",
]
PAGE_TWO = ["A second page about the hydrology survey and its findings."]
PAGE_THREE = ["The third page closes the report with recommendations."]


def test_text_comes_page_by_page_with_page_offsets() -> None:
    data = text_pdf([PAGE_ONE, PAGE_TWO, PAGE_THREE], info={"Title": "River report"})
    extracted = extract_pdf(data)
    assert extracted.title == "River report"
    # Hard-wrapped lines are joined back into one paragraph.
    assert (
        "for the river restoration project, which had been delayed for two years."
        in extracted.body
    )
    assert extracted.hints and page_count(extracted.hints) == 3
    body = extracted.body
    assert page_at(extracted.hints, body.index("Members agreed")) == 1
    assert page_at(extracted.hints, body.index("hydrology survey")) == 2
    assert page_at(extracted.hints, body.index("recommendations")) == 3
    assert body.index("hydrology") < body.index("recommendations")
    assert extracted.language == "en"


def test_document_information_gives_title_author_and_date() -> None:
    data = text_pdf(
        [PAGE_ONE],
        info={"Title": "Budget notes", "Author": "Trần Thị Bình",
              "CreationDate": "D:20230317080500+07'00'"},
    )
    extracted = extract_pdf(data)
    assert (extracted.title, extracted.author) == ("Budget notes", "Trần Thị Bình")
    assert extracted.published is not None and extracted.published.isoformat() == "2023-03-17"


def test_xmp_metadata_fills_what_the_information_lacks() -> None:
    spec = PdfSpec(
        [PdfPage(PAGE_ONE)],
        xmp=xmp_packet("XMP title", "Jane Roe", "2021-05-04T10:00:00Z"),
    )
    extracted = extract_pdf(pdf_bytes(spec))
    assert (extracted.title, extracted.author) == ("XMP title", "Jane Roe")
    assert extracted.published is not None and extracted.published.isoformat() == "2021-05-04"


def test_browser_print_lines_give_url_and_date_and_are_stripped() -> None:
    data = browser_printed_pdf(
        "River report - City News", "https://www.citynews.example.org/river-report",
        "3/17/23, 8:05 AM", [PAGE_ONE, PAGE_TWO, PAGE_THREE],
    )
    extracted = extract_pdf(data)
    assert extracted.url == "https://www.citynews.example.org/river-report"
    assert extracted.site == "citynews.example.org"
    assert extracted.published is not None and extracted.published.isoformat() == "2023-03-17"
    assert extracted.hints["date"] == "2023-03-17"
    assert "citynews" not in extracted.body
    assert "8:05" not in extracted.body and "1/3" not in extracted.body
    assert extracted.body.startswith("The committee met")
    assert page_at(extracted.hints, extracted.body.index("recommendations")) == 3


def test_repeated_lines_that_are_not_furniture_stay() -> None:
    pages = [[f"Chapter text that varies a lot on page {n}, for the record.",
              "Note: see the appendix."] for n in range(1, 4)]
    extracted = extract_pdf(text_pdf(pages))
    assert extracted.body.count("Note: see the appendix.") == 3


def test_scanned_pdf_imports_with_a_clear_notice() -> None:
    data = pdf_bytes(PdfSpec([PdfPage(image_only=True), PdfPage(image_only=True)]))
    extracted = extract_pdf(data, source_name="scan_0042.pdf")
    assert extracted.hints[NOTICE_HINT] == SCANNED_NOTICE
    assert SCANNED_NOTICE in extracted.body
    assert extracted.title == "scan 0042"
    assert page_count(extracted.hints) == 2
    # Two different scans never collapse into one article.
    other = extract_pdf(pdf_bytes(PdfSpec([PdfPage(image_only=True)] * 3)), source_name="x.pdf")
    assert other.body != extracted.body
    # A scan whose only text is its page numbers has no text layer either.
    numbered = extract_pdf(text_pdf([["1"], ["2"]]), source_name="numbered.pdf")
    assert numbered.hints[NOTICE_HINT] == SCANNED_NOTICE


def test_encrypted_pdf_is_an_error_unless_the_empty_password_opens_it() -> None:
    data = text_pdf([PAGE_ONE], info={"Title": "Locked"})
    with pytest.raises(ExtractionError, match="encrypted"):
        extract_pdf(encrypt_pdf(data, "secret"))
    opened = extract_pdf(encrypt_pdf(data, ""))
    assert "The committee met" in opened.body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a PDF"),
        (b"<html><body>not a pdf</body></html>", "not a PDF"),
        (text_pdf([PAGE_ONE])[:200], "cannot be read"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "cannot be read"),
    ],
    ids=["empty", "wrong-extension", "truncated", "garbage"],
)
def test_broken_pdfs_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_pdf(data)


def test_firefox_style_print_lines_are_recognized_too() -> None:
    pages = [PAGE_ONE, PAGE_TWO, PAGE_THREE]
    spec = PdfSpec([
        PdfPage(lines, header="River report    https://city.example.org/river",
                footer=f"Page {n} of 3    3/17/2023")
        for n, lines in enumerate(pages, start=1)
    ])
    extracted = extract_pdf(pdf_bytes(spec))
    assert extracted.url == "https://city.example.org/river"
    assert extracted.hints["date"] == "2023-03-17"
    assert "Page 1 of 3" not in extracted.body and "city.example.org" not in extracted.body


def test_vietnamese_text_and_day_first_print_dates() -> None:
    vi_pages = [
        ["Đổi mới sáng tạo là động lực phát triển của tỉnh Bình Định trong năm nay.",
         unicodedata.normalize("NFD", "Thịt lợn và cà phê là hai mặt hàng xuất khẩu chính.")],
        ["Trang hai nói về kế hoạch đầu tư công của tỉnh."],
    ]
    spec = PdfSpec(
        [
            PdfPage(lines, header="08:05 4/3/24    Bản tin tỉnh",
                    footer=f"https://binhdinh.example.vn/tin/1    {n}/2")
            for n, lines in enumerate(vi_pages, start=1)
        ],
        unicode=True,
    )
    extracted = extract_pdf(pdf_bytes(spec))
    assert extracted.language == "vi"
    assert "Thịt lợn và cà phê" in extracted.body  # NFC, whatever the PDF held
    assert unicodedata.is_normalized("NFC", extracted.body)
    assert extracted.hints["date"] == "2024-03-04"  # 4 March: Vietnamese dates are day first
    assert extracted.url == "https://binhdinh.example.vn/tin/1"
    assert "08:05" not in extracted.body


def test_titles_that_only_name_a_file_are_replaced() -> None:
    named = extract_pdf(text_pdf([PAGE_ONE], info={"Title": "Microsoft Word - minutes.docx"}))
    assert named.title.startswith("The committee met")
    prefixed = extract_pdf(text_pdf([PAGE_ONE], info={"Title": "Microsoft Word - Minutes"}))
    assert prefixed.title == "Minutes"


def test_headings_and_paragraphs_are_told_apart() -> None:
    lines = [
        "Introduction",
        "The committee met on Tuesday to discuss the new budget for the river",
        "restoration project, which had been delayed for two years, and the",
        "members agreed to publish the full report next month.",
        "Findings",
        "Water quality improved in every one of the twelve sampling stations",
        "along the river, a sign that the work upstream is paying off now.",
    ]
    extracted = extract_pdf(text_pdf([lines]))
    assert extracted.body.split("\n\n") == [
        "Introduction",
        "The committee met on Tuesday to discuss the new budget for the river restoration "
        "project, which had been delayed for two years, and the members agreed to publish "
        "the full report next month.",
        "Findings",
        "Water quality improved in every one of the twelve sampling stations along the river, "
        "a sign that the work upstream is paying off now.",
    ]
