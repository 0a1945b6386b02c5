"""The app imports PDF, EPUB, DOCX, MHTML and e-mail, and reads a PDF with its page."""

from __future__ import annotations

from desktop.core.store import Library
from tests.helpers.documents import docx_bytes, email_bytes, epub_bytes, mhtml_bytes
from tests.helpers.pdf import browser_printed_pdf, encrypt_pdf, text_pdf
from tests.helpers.window import search_for, wait_ready


def test_document_formats_import_from_the_window(qtbot, tmp_path, make_window) -> None:
    library = Library.open(tmp_path / "lib")
    window = make_window(library)
    wait_ready(qtbot, window)
    folder = tmp_path / "in"
    folder.mkdir()
    pages = [
        ["The harbour authority approved the dredging plan on Monday."],
        ["Dredging starts in the spring, before the rainy season."],
    ]
    (folder / "plan.pdf").write_bytes(browser_printed_pdf(
        "Harbour plan", "https://news.example.org/harbour", "3/17/23, 8:05 AM", pages
    ))
    (folder / "locked.pdf").write_bytes(encrypt_pdf(text_pdf(pages), "secret"))
    (folder / "book.epub").write_bytes(epub_bytes([("Chương một", ["Làng gốm cổ."])]))
    (folder / "report.docx").write_bytes(docx_bytes(["Báo cáo năm của đơn vị."]))
    (folder / "page.mhtml").write_bytes(mhtml_bytes())
    (folder / "mail.eml").write_bytes(email_bytes())
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        assert window.import_paths([folder])
    report = blocker.args[0]
    assert report.imported == 5
    assert [f.path.rsplit("/", 1)[-1] for f in report.failed] == ["locked.pdf"]
    assert "encrypted" in report.failed[0].error
    result = search_for(qtbot, window, "dredging")
    assert result.total == 1
    article = window.open_article(result.hits[0].id)
    assert article.kind == "pdf" and article.url == "https://news.example.org/harbour"
    assert window.reader.page_action.isVisible()
    assert window.reader.page_indicator.text() == "page 1 of 2"
