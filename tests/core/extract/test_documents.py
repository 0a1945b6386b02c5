"""MHTML, SingleFile, EPUB, DOCX and e-mail extraction, good files and broken ones."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from desktop.core.errors import ExtractionError, UserError
from desktop.core.extract.docx import extract_docx
from desktop.core.extract.email_msg import extract_email
from desktop.core.extract.epub import extract_epub
from desktop.core.extract.mhtml import extract_mhtml
from desktop.core.extract.singlefile import singlefile_header
from desktop.core.ingest.extractors import extract_fields
from tests.core.ingest._builders import PARAGRAPHS, article_html
from tests.helpers.documents import (
    docx_bytes,
    email_bytes,
    epub_bytes,
    mhtml_bytes,
    singlefile_html,
)

# -- MHTML -------------------------------------------------------------------


def test_mhtml_takes_the_html_part_url_and_capture_date() -> None:
    extracted = extract_mhtml(mhtml_bytes())
    assert extracted.title == "Đội tuyển trường giành cúp vô địch"
    assert PARAGRAPHS[1] in extracted.body
    assert "Trang chủ" not in extracted.body
    assert extracted.url == "https://baochi.example.vn/tin/doi-tuyen"
    assert extracted.site == "baochi.example.vn"
    assert extracted.published == date(2023, 3, 17)  # the page's own date
    assert extracted.hints["date"] == "2023-03-18"  # the capture
    assert extracted.author == "Nguyễn Văn An"


def test_mhtml_without_a_page_date_is_dated_by_its_capture() -> None:
    extracted = extract_mhtml(mhtml_bytes(article_html(published=None)))
    assert extracted.published == date(2023, 3, 18)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n binary", "no HTML page"),
        (mhtml_bytes()[:420], "HTML part .* empty|no HTML page|no article text"),
    ],
    ids=["empty", "wrong-extension", "truncated"],
)
def test_broken_mhtml_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_mhtml(data)


# -- SingleFile --------------------------------------------------------------


def test_singlefile_header_gives_url_site_and_capture_date() -> None:
    page = singlefile_html()
    header = singlefile_header(page)
    assert header is not None
    assert header.url == "https://www.baochi.example.vn/tin/doi-tuyen"
    assert header.saved == "2023-03-18"
    extracted, _ = extract_fields("html", page.encode("utf-8"), hints={})
    assert extracted.url == "https://www.baochi.example.vn/tin/doi-tuyen"
    assert extracted.site == "baochi.example.vn"
    assert extracted.published == date(2023, 3, 18)
    assert extracted.hints == {"date": "2023-03-18"}


def test_singlefile_iso_dates_and_pages_without_the_header() -> None:
    header = singlefile_header(singlefile_html(saved="2024-02-01T10:00:00.000Z"))
    assert header is not None and header.saved == "2024-02-01"
    assert singlefile_header(article_html()) is None
    bad = singlefile_header(singlefile_html(url="javascript:alert(1)", saved="soon"))
    assert bad is not None and (bad.url, bad.saved) == (None, None)


# -- EPUB --------------------------------------------------------------------

CHAPTERS = [
    ("Chương một", ["Làng gốm Bát Tràng có lịch sử hơn năm trăm năm.", "Nghề gốm truyền đời."]),
    ("Chương hai", ["Ngày nay làng đón nhiều khách du lịch trong và ngoài nước."]),
]


def test_epub_follows_the_spine_with_metadata_from_the_opf() -> None:
    extracted = extract_epub(epub_bytes(CHAPTERS, spine_order=[1, 0]))
    assert extracted.title == "Lịch sử làng gốm"
    assert extracted.author == "Lê Văn Cường"
    assert extracted.published == date(2019, 8, 1)
    assert extracted.language == "vi"
    body = extracted.body
    assert body.index("Chương hai") < body.index("Chương một")  # spine order, not file order
    assert "Nghề gốm truyền đời." in body
    assert "margin" not in body  # styles are not text


def test_epub_chapters_may_use_html_entities_and_the_toc_is_left_out() -> None:
    data = epub_bytes(
        [("Mở&nbsp;đầu", ["Gốm &amp; sứ, từ&nbsp;xưa.", "Đoạn <b>đậm</b> giữa."])],
        with_nav=True,
    )
    extracted = extract_epub(data)
    assert extracted.body.split("\n\n") == ["Mở đầu", "Gốm & sứ, từ xưa.", "Đoạn đậm giữa."]


def _without(data: bytes, member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"<html>not a book</html>", "not a readable EPUB"),
        (epub_bytes(CHAPTERS)[:300], "not a readable EPUB"),
        (_without(epub_bytes(CHAPTERS), "META-INF/container.xml"), "container.xml is missing"),
        (epub_bytes([]), "no text"),
    ],
    ids=["empty", "wrong-extension", "truncated", "no-container", "no-text"],
)
def test_broken_epubs_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_epub(data)


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(name, content)
    return out.getvalue()


def _encryption_xml(uri: str, algorithm: str) -> bytes:
    return (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        f'<enc:EncryptionMethod Algorithm="{algorithm}"/>'
        f'<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    ).encode()


def test_drm_encrypted_epub_is_an_error_but_obfuscated_fonts_are_fine() -> None:
    book = epub_bytes(CHAPTERS)
    drm = _with_member(book, "META-INF/encryption.xml", _encryption_xml(
        "OEBPS/text/ch0.xhtml", "http://www.w3.org/2001/04/xmlenc#aes128-cbc"))
    with pytest.raises(ExtractionError, match="encrypted"):
        extract_epub(drm)
    fonts = _with_member(book, "META-INF/encryption.xml", _encryption_xml(
        "OEBPS/fonts/a.otf", "http://www.idpf.org/2008/embedding"))
    assert "Nghề gốm truyền đời." in extract_epub(fonts).body


def test_epub_zip_bomb_parts_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("META-INF/container.xml", b"<a>" + b" " * (70 * 1024 * 1024) + b"</a>")
    with pytest.raises(UserError, match="limit"):
        extract_epub(out.getvalue())


# -- DOCX --------------------------------------------------------------------


def test_docx_paragraphs_tables_and_core_properties() -> None:
    data = docx_bytes(
        ["Năm qua, đơn vị đã hoàn thành các chỉ tiêu chính.", "Kế hoạch năm tới gồm ba mục."],
        table=[["Chỉ tiêu", "Kết quả"], ["Doanh thu", "12 tỷ"]],
    )
    extracted = extract_docx(data)
    assert extracted.title == "Báo cáo tổng kết năm"
    assert extracted.author == "Phạm Minh Đức"
    assert extracted.published == date(2024, 1, 15)
    assert extracted.body.split("\n\n") == [
        "Năm qua, đơn vị đã hoàn thành các chỉ tiêu chính.",
        "Kế hoạch năm tới gồm ba mục.",
        "Chỉ tiêu | Kết quả",
        "Doanh thu | 12 tỷ",
    ]
    assert extracted.language == "vi"


def test_docx_without_a_title_takes_the_first_sentence() -> None:
    extracted = extract_docx(docx_bytes(["Biên bản họp ngày mười lăm."], title=None))
    assert extracted.title.startswith("Biên bản họp")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"PK\x03\x04 truncated", "not a readable DOCX"),
        (docx_bytes(["Một đoạn."])[:200], "not a readable DOCX"),
        (_without(docx_bytes(["Một đoạn."]), "word/document.xml"), "document.xml is missing"),
        (docx_bytes([]), "no text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password protected"),
    ],
    ids=["empty", "wrong-extension", "truncated", "no-document", "no-text", "encrypted"],
)
def test_broken_docx_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_docx(data)


# -- e-mail ------------------------------------------------------------------


def test_email_subject_sender_date_and_text_part() -> None:
    extracted = extract_email(email_bytes(html="<p>HTML version</p>"))
    assert extracted.title == "Bản tin tuần: hội thảo khoa học"
    assert extracted.author == "Ban biên tập"
    assert extracted.published == date(2024, 5, 6)
    assert extracted.body.startswith("Kính gửi quý độc giả,")
    assert "HTML version" not in extracted.body  # the plain part wins


def test_a_long_html_newsletter_goes_through_the_html_extractor() -> None:
    paragraphs = [f"{p} (số {n})" for n in range(4) for p in PARAGRAPHS]
    html = article_html(paragraphs=paragraphs)
    extracted = extract_email(email_bytes(text=None, html=html, sender="a@b.vn"))
    assert paragraphs[0] in extracted.body and paragraphs[-1] in extracted.body
    assert "Trang chủ" not in extracted.body  # the menu is chrome
    assert extracted.author == "a@b.vn"


def test_a_short_html_mail_is_kept_whole() -> None:
    html = (
        '<html><head><meta charset="utf-8"><style>p {color: red}</style></head><body>'
        "<p>Chào anh,</p><p>Họp lúc 9 giờ sáng mai tại phòng 204.</p><script>x()</script>"
        "</body></html>"
    )
    extracted = extract_email(email_bytes(text=None, html=html))
    assert extracted.body == "Chào anh,\n\nHọp lúc 9 giờ sáng mai tại phòng 204."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not an e-mail"),
        (b"%PDF-1.4 not a message", "not an e-mail"),
        (email_bytes(text=None, attachments=[("a.bin", b"x")]), "no text"),
    ],
    ids=["empty", "wrong-extension", "no-text"],
)
def test_broken_messages_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_email(data)
