"""The reader shows the page of a PDF article at the top of its view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.extract.pages import encode_pages
from desktop.ui.reader.view import ReaderView
from tests.ui.reader.test_reader import article


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_page_indicator_follows_the_scroll(reader) -> None:
    pages = [f"Trang {n}: " + "Nội dung của trang này khá dài. " * 40 for n in range(1, 5)]
    pages.append("Trang 5: " + "Trang cuối rất dài. " * 400)
    body = "\n\n".join(pages)
    starts = [body.index(f"Trang {n}:") for n in range(1, 6)]
    reader.hints_loader = lambda _id: {"pages": encode_pages(starts)}
    reader.show_article(article(body))
    QApplication.processEvents()
    assert reader.page_action.isVisible()
    assert reader.page_indicator.text() == "page 1 of 5"
    reader.scroll_to_offset(starts[3] + 5)
    QApplication.processEvents()
    assert reader.page_indicator.page in (3, 4)  # the page at the top of the view
    reader.body_edit.verticalScrollBar().setValue(reader.body_edit.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert reader.page_indicator.text() == "page 5 of 5"


def test_articles_without_pages_show_no_indicator(reader) -> None:
    reader.hints_loader = lambda _id: {}
    reader.show_article(article("Một bài viết không có trang."))
    assert not reader.page_action.isVisible()
    assert reader.page_indicator.page is None
