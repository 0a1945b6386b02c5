"""Show original: HTML is sanitized and nothing remote is ever loaded."""

from __future__ import annotations

import base64

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from desktop.core.models import Original
from desktop.ui.reader.original import OfflineTextBrowser, render_original
from desktop.ui.reader.sanitize import sanitize_html
from tests.helpers.ui_library import REMOTE_HTML

PNG_1PX = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
).decode()


def test_sanitize_removes_active_and_remote_content() -> None:
    safe = sanitize_html(REMOTE_HTML).lower()
    for banned in (
        "<script",
        "<iframe",
        "<form",
        "<input",
        "<link",
        "<style",
        "onload",
        "onclick",
        "steal()",
        "evil()",
        "document.write",
        "http://tracker",
        "http://images",
        "http://frames",
        "http://forms",
        "http://cdn",
    ):
        assert banned not in safe, banned
    assert "trang gốc" in safe and "<b>gốc</b>" in safe
    assert "liên kết" in safe and "[ảnh]" in safe


def test_sanitize_keeps_data_images_and_survives_junk() -> None:
    safe = sanitize_html(f'<p>x<img src="data:image/png;base64,{PNG_1PX}"></p>')
    assert "data:image/png;base64," in safe
    assert "<body></body>" in sanitize_html("   ")
    assert isinstance(sanitize_html("<<<>>>\x00<p"), str)


def test_browser_never_loads_remote_resources(qtbot) -> None:
    browser = OfflineTextBrowser()
    qtbot.addWidget(browser)
    # Straight HTML (not sanitized) with remote references: all are refused.
    browser.setHtml(
        '<img src="http://images.example.net/a.jpg"><p>chữ</p>'
        '<link rel="stylesheet" href="https://cdn.example.net/x.css">'
    )
    browser.show()
    qtbot.waitExposed(browser)
    assert any("images.example.net" in u for u in browser.blocked_urls)
    data_url = QUrl(f"data:image/png;base64,{PNG_1PX}")
    assert browser.loadResource(QTextDocument.ResourceType.ImageResource.value, data_url)
    assert browser.loadResource(2, QUrl("https://x.example.net/i.png")) is None
    assert not browser.openLinks() and not browser.openExternalLinks()


def test_render_original_by_media_type() -> None:
    kind, text = render_original(Original(data=REMOTE_HTML.encode(), media_type="text/html"))
    assert kind == "html" and "<script" not in text
    kind, text = render_original(
        Original(
            data="Dòng một\nDòng hai".encode("utf-16"), media_type="text/plain", encoding="utf-16"
        )
    )
    assert kind == "text" and text == "Dòng một\nDòng hai"
    kind, text = render_original(Original(data=b"\x00\x01binary", media_type="application/warc"))
    assert kind == "text" and "application/warc" in text


def test_reader_shows_sanitized_original(qtbot) -> None:
    from desktop.ui.reader.view import ReaderView
    from tests.ui.reader.test_reader import article

    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.original_loader = lambda _id: Original(data=REMOTE_HTML.encode(), media_type="text/html")
    reader.show_article(article("Trang gốc."))
    reader.original_action.trigger()
    assert reader.is_showing_original()
    shown = reader.original_view.toPlainText()
    assert "Trang gốc" in shown and "bad" not in shown and "document.write" not in shown
    assert all("example.net" not in u for u in reader.original_view.blocked_urls)
    reader.original_action.trigger()
    assert not reader.is_showing_original()


def test_render_original_of_document_formats() -> None:
    from desktop.core.ingest.formats import DOCUMENT_FORMATS
    from desktop.core.ingest.mail import EMAIL_MEDIA_TYPE
    from tests.helpers.documents import docx_bytes, email_bytes, mhtml_bytes
    from tests.helpers.pdf import text_pdf

    pdf = Original(data=text_pdf([["Hello."]]), media_type=DOCUMENT_FORMATS["pdf"][1])
    kind, text = render_original(pdf)
    assert kind == "text" and text.startswith("[PDF document,") and "%PDF" not in text
    docx = Original(data=docx_bytes(["Một."]), media_type=DOCUMENT_FORMATS["docx"][1])
    kind, text = render_original(docx)  # its media type holds "xml": not shown as markup
    assert kind == "text" and text.startswith("[Word document,")
    page = Original(data=mhtml_bytes(), media_type=DOCUMENT_FORMATS["mhtml"][1])
    kind, text = render_original(page)
    assert kind == "html" and "Đội tuyển bóng đá" in text and "=3D" not in text
    mail = Original(data=email_bytes(), media_type=EMAIL_MEDIA_TYPE)
    kind, text = render_original(mail)
    assert kind == "text" and "Subject: Bản tin tuần" in text and "Kính gửi quý độc giả" in text
