"""The reader: offsets in code points, hit navigation, find bar, zoom, fonts, host actions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QDesktopServices, QTextCharFormat

from desktop.core.models import Article, content_hash_for
from desktop.ui.reader.view import BASE_POINT_SIZE, ReaderView


def article(
    body: str, *, title: str = "Tiêu đề", url: str | None = "https://vd.example.vn/a"
) -> Article:
    return Article(
        id="a" * 20,
        content_hash=content_hash_for(body),
        title=title,
        body=body,
        published=date(2021, 3, 12),
        site="vd.example.vn",
        url=url,
        author="Trần Văn Đức",
        language="vi",
        source_path="/in/a.txt",
        kind="text",
        imported_at=datetime.now(UTC),
    )


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


EMOJI_BODY = "Mở đầu 😀 rồi đội tuyển 🎉 thắng.\n\nĐội tuyển về nước 😀😀 trong đêm."


def test_header_and_body(reader: ReaderView) -> None:
    a = article(EMOJI_BODY)
    with_signal = []
    reader.article_changed.connect(with_signal.append)
    reader.show_article(a)
    assert reader.current_article() == a
    assert reader.body_edit.toPlainText() == EMOJI_BODY
    assert reader.header.title.text() == "Tiêu đề"
    assert "2021-03-12" in reader.header.meta.text() and "Trần Văn Đức" in reader.header.meta.text()
    assert "/in/a.txt" in reader.header.source.text()
    assert with_signal == [a.id]
    assert reader.body_edit.isReadOnly()


def test_url_opens_only_when_clicked(reader: ReaderView, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    reader.show_article(article("Nội dung."))
    assert opened == []
    assert "https://vd.example.vn/a" in reader.header.url.text()
    reader.header.url.linkActivated.emit("https://vd.example.vn/a")
    assert opened == ["https://vd.example.vn/a"]


def test_selection_is_reported_in_code_points(reader: ReaderView) -> None:
    reader.show_article(article(EMOJI_BODY))
    spans: list[tuple[int, int]] = []
    reader.selection_changed.connect(lambda s, e: spans.append((s, e)))
    start = EMOJI_BODY.index("thắng")
    reader.select_span(start, start + len("thắng"))
    assert reader.selected_span() == (start, start + 5)
    assert spans[-1] == (start, start + 5)
    # The Qt cursor counts UTF-16 units: two emoji before it shift it by two.
    assert reader.body_edit.textCursor().selectionStart() == start + 2
    assert reader.body_edit.textCursor().selectedText() == "thắng"


def test_hits_next_and_previous(reader: ReaderView) -> None:
    body = EMOJI_BODY
    reader.show_article(article(body), query="doi tuyen")
    hits = reader.hit_spans()
    assert [body[s:e].lower() for s, e in hits] == ["đội", "tuyển", "đội", "tuyển"]
    assert reader.current_hit() == 0
    assert reader.hit_label.text() == "hit 1 of 4"
    reader.next_hit()
    reader.next_hit()
    assert reader.current_hit() == 2
    assert reader.body_edit.extraSelections()[-1].cursor.selectedText() == "Đội"
    reader.previous_hit()
    assert reader.current_hit() == 1 and reader.hit_label.text() == "hit 2 of 4"
    reader.previous_hit()
    reader.previous_hit()
    assert reader.current_hit() == 3  # wraps around
    reader.show_article(article("không có gì"), query="doi tuyen")
    assert reader.hit_spans() == [] and reader.hit_label.text() == "no hits"
    assert not reader.next_hit_action.isEnabled()


def test_spans_for_another_article_are_ignored(reader: ReaderView) -> None:
    requests: list[tuple[str, str]] = []
    reader.span_source = lambda a, q: requests.append((a.id, q))
    reader.show_article(article(EMOJI_BODY), query="thắng")
    assert requests == [("a" * 20, "thắng")]
    reader.set_hit_spans("someone-else", [(0, 3)])
    assert reader.hit_spans() == []
    reader.set_hit_spans("a" * 20, [(0, 3), (5, 2000)])  # out-of-range spans dropped
    assert reader.hit_spans() == [(0, 3)]


def test_find_bar(qtbot, reader: ReaderView) -> None:
    reader.show_article(article(EMOJI_BODY))
    reader.activateWindow()
    qtbot.waitUntil(reader.isActiveWindow, timeout=5000)
    qtbot.keyClick(reader.body_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible()
    qtbot.keyClicks(reader.find_bar.edit, "doi")
    matches = reader.find_matches()
    assert [EMOJI_BODY[s:e] for s, e in matches] == ["đội", "Đội"]
    assert reader.find_bar.count.text() == "1 / 2"
    assert reader.body_edit.textCursor().selectedText() == "đội"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return)
    assert reader.current_find() == 1 and reader.body_edit.textCursor().selectedText() == "Đội"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current_find() == 0
    reader.find_bar.edit.setText("xyz")
    assert reader.find_matches() == [] and reader.find_bar.count.text() == "no match"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.find_matches() == []


def test_find_searches_the_article_now_shown(reader: ReaderView) -> None:
    """The folded copy used by find is made on first use and belongs to one article."""
    reader.show_article(article(EMOJI_BODY))
    reader.open_find()
    reader.find_bar.edit.setText("doi")
    assert len(reader.find_matches()) == 2
    other = "Một đội 🎉 khác."
    reader.show_article(article(other))  # the find bar stays open: it searches the new text
    assert [other[s:e] for s, e in reader.find_matches()] == ["đội"]
    reader.find_bar.edit.setText("khac")
    assert [other[s:e] for s, e in reader.find_matches()] == ["khác"]


def test_zoom_and_font_choice(reader: ReaderView) -> None:
    reader.show_article(article("Chữ."))
    size = reader.body_edit.document().defaultFont().pointSizeF()
    assert size == BASE_POINT_SIZE
    reader.zoom_in()
    reader.zoom_in()
    assert reader.body_edit.document().defaultFont().pointSizeF() == BASE_POINT_SIZE + 2
    reader.zoom_out()
    assert reader.body_edit.document().defaultFont().pointSizeF() == BASE_POINT_SIZE + 1
    reader.reset_zoom()
    assert reader.body_edit.document().defaultFont().pointSizeF() == BASE_POINT_SIZE
    reader.set_font_family("sans")
    assert reader.font_family() == "sans" and not reader.serif_action.isChecked()
    assert (
        reader.body_edit.document().defaultFont().styleHint()
        == reader.body_edit.font().StyleHint.SansSerif
    )
    reader.serif_action.setChecked(True)
    assert reader.font_family() == "serif"


def test_scroll_to_offset(reader: ReaderView) -> None:
    body = "\n\n".join(f"Đoạn {i}: " + "chữ " * 40 for i in range(200))
    reader.show_article(article(body))
    bar = reader.body_edit.verticalScrollBar()
    assert bar.value() == 0
    target = body.index("Đoạn 150:")
    reader.scroll_to_offset(target)
    assert bar.value() > 0
    cursor = reader.body_edit.cursorForPosition(reader.body_edit.viewport().rect().center())
    visible_cp = reader.offset_map.to_codepoint(cursor.position())
    assert abs(visible_cp - target) < 2000


def test_host_actions_and_highlight_layers(reader: ReaderView) -> None:
    action = QAction("Annotate", reader)
    reader.add_action(action)
    assert action in reader.toolbar.actions()
    assert action in reader.body_edit.extra_actions
    reader.show_article(article(EMOJI_BODY), query="thắng")
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#aaddff"))
    reader.set_highlight_layer("annotations", [(0, 2)], fmt)
    selections = reader.body_edit.extraSelections()
    texts = [s.cursor.selectedText() for s in selections]
    assert "Mở" in texts and "thắng" in texts  # neither owner clears the other
    reader.clear_highlight_layer("annotations")
    assert "Mở" not in [s.cursor.selectedText() for s in reader.body_edit.extraSelections()]
