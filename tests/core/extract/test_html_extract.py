"""HTML pages to article fields (desktop.core.extract.html)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from desktop.core.errors import ExtractionError
from desktop.core.extract.html import extract_html
from tests.core.ingest._builders import PARAGRAPHS, article_html, cp1258_bytes


def test_article_fields_from_a_page() -> None:
    page = article_html().encode("utf-8")
    got = extract_html(page, url="https://www.baothethao.vn/tin/cup.html")
    assert got.title == "Đội tuyển trường giành cúp vô địch"
    assert got.body.split("\n\n") == PARAGRAPHS
    assert got.published == date(2023, 3, 17)
    assert got.author == "Nguyễn Văn An"
    assert got.site == "baothethao.vn"
    assert got.url == "https://www.baothethao.vn/tin/cup.html"
    assert got.language == "vi"


def test_menus_and_footer_are_not_body() -> None:
    got = extract_html(article_html())
    assert "Trang chủ" not in got.body
    assert "Mọi quyền được bảo lưu" not in got.body


def test_missing_title_is_derived_from_the_text_and_capture_date_is_the_fallback() -> None:
    page = article_html(with_title=False, published=None, author=None)
    got = extract_html(page, fallback_date=date(2020, 1, 2), title_hint=None)
    assert got.title.startswith("Đội tuyển bóng đá của trường")
    assert len(got.title) <= 121
    assert got.published == date(2020, 1, 2)
    assert got.author is None


def test_title_hint_is_used_when_the_page_has_no_title() -> None:
    page = article_html(with_title=False)
    got = extract_html(page, title_hint="Trang tin thể thao")
    assert got.title == "Trang tin thể thao"


def test_meta_charset_windows_1258_is_honoured() -> None:
    html = article_html(charset="windows-1258")
    got = extract_html(cp1258_bytes(html))
    assert got.title == "Đội tuyển trường giành cúp vô địch"
    assert PARAGRAPHS[1] in got.body


def test_nfd_markup_comes_out_nfc() -> None:
    import unicodedata

    got = extract_html(unicodedata.normalize("NFD", article_html()))
    assert got.body == unicodedata.normalize("NFC", got.body)
    assert PARAGRAPHS[0] in got.body


@pytest.mark.parametrize(
    "page",
    [b"", b"   \n", b"<html><head><title>x</title></head><body></body></html>", b"\x00\x01" * 50],
)
def test_pages_without_text_raise_a_clear_error(page: bytes) -> None:
    with pytest.raises(ExtractionError):
        extract_html(page)


def test_corpus_html_pages(corpus: Path) -> None:
    """The 110 real pages: none crashes, nearly all give a title and a body."""
    good = 0
    with zipfile.ZipFile(corpus / "html-pages.zip") as zf:
        names = [n for n in zf.namelist() if n.endswith(".html")]
        for name in names:
            try:
                got = extract_html(zf.read(name))
            except ExtractionError:
                continue
            if got.title.strip() and len(got.body) > 200:
                good += 1
    assert len(names) == 110
    assert good >= 100


def test_page_trafilatura_finds_no_text_in_is_read_as_a_text_dump() -> None:
    # trafilatura drops everything inside a comments block; the page's text remains.
    sentence = (
        "Das Ministerium für Club-Kultur informiert alle Mitglieder, dass die Petition "
        "jetzt unterschrieben werden kann, bevor die Frist endet."
    )
    page = (
        "<html><body>"
        f'<div id="comments"><h2>Petition gegen die Tarifreform</h2><p>{sentence}</p></div>'
        "<script>var x = 1;</script></body></html>"
    )
    got = extract_html(page)
    assert got.body == sentence
    assert got.title == "Petition gegen die Tarifreform"
    assert "var x" not in got.body
