"""Links from articles: only http(s) and mailto are ever opened or written as links,
and the Markdown export escapes HTML in every field it writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from desktop.core.annotations.exports import export_annotations
from desktop.core.annotations.store import AnnotationStore
from desktop.core.store import Library
from desktop.core.urls import link_target, openable_url
from desktop.ui.reader.header import ArticleHeader
from tests.helpers.annotations import make_draft

IMG = '<img src="http://tracker.example/pixel.png">'


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://vd.example.vn/a?b=1#c", True),
        ("HTTP://VD.EXAMPLE.VN/", True),
        ("  http://vd.example.vn/a  ", True),
        ("mailto:toasoan@example.vn", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("ms-settings:privacy", False),
        ("smb://host/share", False),
        ("http:///nohost", False),
        ("https://example.vn/\nline", False),
        ("mailto:", False),
        ("", False),
        (None, False),
    ],
)
def test_openable_url(url: str | None, ok: bool) -> None:
    assert (openable_url(url) is not None) == ok


def test_link_target_cannot_end_a_link_early() -> None:
    target = link_target('https://example.vn/a"><img src=x> b')
    assert target is not None and not set('<>" ') & set(target)


@pytest.fixture
def header(qtbot, monkeypatch: pytest.MonkeyPatch) -> tuple[ArticleHeader, list[str]]:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    widget = ArticleHeader()
    qtbot.addWidget(widget)
    return widget, opened


def _show(widget: ArticleHeader, library: Library, url: str) -> None:
    draft = make_draft(url=url)
    library.articles.add(draft)
    widget.show_article(library.articles.get(draft.id))


def test_reader_header_never_opens_javascript(
    header: tuple[ArticleHeader, list[str]], library: Library
) -> None:
    widget, opened = header
    _show(widget, library, "javascript:alert(document.cookie)")
    assert "<a " not in widget.url.text()  # shown as text, not as a link
    assert "javascript:alert" in widget.url.text()
    widget.url.linkActivated.emit("javascript:alert(document.cookie)")
    widget.url.linkActivated.emit("file:///etc/passwd")
    assert opened == []


def test_reader_header_opens_http_links(
    header: tuple[ArticleHeader, list[str]], library: Library
) -> None:
    widget, opened = header
    _show(widget, library, "https://vd.example.vn/tin")
    assert '<a href="https://vd.example.vn/tin">' in widget.url.text()
    widget.url.linkActivated.emit("https://vd.example.vn/tin")
    widget.url.linkActivated.emit("mailto:toasoan@example.vn")
    assert opened == ["https://vd.example.vn/tin", "mailto:toasoan@example.vn"]


def test_markdown_export_escapes_html_in_every_field(library: Library, tmp_path: Path) -> None:
    draft = make_draft(
        title=f"Tin {IMG}", site=f"site{IMG}", url="javascript:alert(1)",
        body=f"Mở đầu {IMG} kết thúc.",
    )
    library.articles.add(draft)
    store = AnnotationStore(library.conn)
    made = [
        store.create_from_quote(
            draft.id, IMG, note=f"**Ghi chú** {IMG}\n> trích <script>alert(1)</script>",
            tags=[f"x{IMG}"],
        ).annotation
    ]
    other = make_draft(body="Bài hai", title="Hai", url='https://ex.vn/a"><img src=x>')
    library.articles.add(other)
    made.append(store.create(other.id, 0, 3, note="ok"))
    out = tmp_path / "a.md"
    export_annotations(library.articles, made, "markdown", out)
    text = out.read_text(encoding="utf-8")
    # No tag of any kind except the export's own annotation comments and URL autolinks.
    tags = re.findall(r"<[^>]*>", text)
    assert all(t.startswith(("<!-- annotation", "<https://")) for t in tags), tags
    assert "<img" not in text and "<script" not in text
    assert "<javascript:" not in text
    assert "- URL: javascript:alert(1)" in text  # written as text, not as a link
    assert "## Tin &lt;img" in text and "**Ghi chú** &lt;img" in text
    assert "> trích &lt;script>" in text  # the note's Markdown quote still works
