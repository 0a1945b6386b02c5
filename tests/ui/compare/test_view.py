"""``CompareView``: painting, navigation, synchronized scrolling, swap and export."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextEdit

from desktop.core.compare import compare_texts
from desktop.core.models import Article
from desktop.core.store import Library
from desktop.ui.compare import view as view_module
from desktop.ui.compare.view import CompareView
from tests.helpers.compare import add, make_body, variant

A = (
    "Hôm nay trời đẹp ở Hà Nội 😀. Ông An đi chợ mua rau từ sáng sớm. "
    "Giá rau tăng mạnh trong tuần qua.\n\n"
    "Đoạn hai nói về thời tiết ở miền Bắc. Mưa lớn kéo dài nhiều ngày liền."
)
B = (
    "Đoạn hai nói về thời tiết ở miền Bắc. Mưa lớn kéo dài nhiều ngày liền.\n\n"
    "Hôm nay trời rất đẹp ở Hà Nội 😀. Giá rau tăng mạnh trong tuần vừa qua. "
    "Một câu mới hoàn toàn khác biệt được thêm vào."
)


def articles(library: Library, *bodies: str) -> list[Article]:
    ids = add(library, list(bodies))
    return [library.articles.get(i) for i in ids]


@pytest.fixture
def view(qtbot) -> CompareView:
    v = CompareView()
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def painted(pane: QTextEdit) -> list[str]:
    return [s.cursor.selectedText() for s in pane.extraSelections()]


def test_shows_both_texts_with_tints_and_figures(view: CompareView, library: Library) -> None:
    a, b = articles(library, A, B)
    view.set_articles(a, b)
    result = view.result()
    assert result is not None
    assert view.pane_a.toPlainText() == A and view.pane_b.toPlainText() == B
    texts_a = painted(view.pane_a)
    # Offsets survive the emoji (two UTF-16 units): every passage paints its exact text.
    assert "Hôm nay trời đẹp ở Hà Nội 😀." in texts_a
    assert "Ông An đi chợ mua rau từ sáng sớm." in texts_a
    assert "rất" in painted(view.pane_b) and "vừa" in painted(view.pane_b)
    header = view.header.text()
    assert f"{result.similarity.a_in_b:.1%}" in header
    assert f"{result.similarity.b_in_a:.1%}" in header
    assert "1 only in A" in header and "1 only in B" in header
    assert "B: Bài 1" in view.title_b.text()


def test_next_and_previous_difference_cycle(view: CompareView, library: Library) -> None:
    a, b = articles(library, A, B)
    view.set_articles(a, b)
    kinds = [p.kind for p in view.differences()]
    assert sorted(kinds) == ["changed", "changed", "only_a", "only_b"]
    assert view.current_difference() == -1
    view.next_difference()
    assert view.current_difference() == 0 and view.position.text() == "Difference 1 of 4"
    view.previous_difference()
    assert view.current_difference() == 3
    view.next_difference()
    assert view.current_difference() == 0
    current = view.differences()[0]
    # The current difference is painted in its own colour on its side(s).
    span = current.a or current.b
    pane = view.pane_a if current.a else view.pane_b
    colours = {
        s.format.background().color().name()
        for s in pane.extraSelections()
        if (s.cursor.selectionStart(), s.cursor.selectionEnd()) == pane.map.span_to_utf16(*span)
    }
    assert "#ffb74d" in colours


def test_swap_exchanges_sides_without_realigning(view: CompareView, library: Library) -> None:
    a, b = articles(library, A, B)
    view.set_articles(a, b)
    before = view.result()
    assert before is not None
    view.swap()
    after = view.result()
    assert after is not None
    assert view.article_a == b and view.article_b == a
    assert view.pane_a.toPlainText() == B
    assert after.similarity.a_in_b == before.similarity.b_in_a
    assert "Một câu mới hoàn toàn khác biệt được thêm vào." in painted(view.pane_a)


def test_large_pairs_align_in_the_background_and_stale_results_are_dropped(
    qtbot, view: CompareView, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view_module, "SYNC_LIMIT_CHARS", 0)
    a, b, c = articles(library, A, B, A + "\n\nThêm một đoạn cuối hoàn toàn mới.")
    with qtbot.waitSignal(view.compared, timeout=10000) as blocker:
        view.set_articles(a, b)
        assert view.is_busy() and not view.export_action.isEnabled()
        view.set_articles(a, c)
    qtbot.wait(100)
    assert view.article_b == c
    assert blocker.args[0] is view.result()
    assert view.result() == compare_texts(a.body, c.body).model_copy(
        update={"took_ms": view.result().took_ms}
    )


def long_pair(rng: random.Random) -> tuple[str, str]:
    paragraphs = [make_body(rng, 5) for _ in range(30)]
    moved = paragraphs[20:] + paragraphs[:20]
    return "\n\n".join(paragraphs), "\n\n".join(variant(p, rng, 1) for p in moved)


def test_scrolling_one_pane_brings_the_partner_passage_into_the_other(
    qtbot, view: CompareView, library: Library
) -> None:
    text_a, text_b = long_pair(random.Random(3))
    a, b = articles(library, text_a, text_b)
    view.set_articles(a, b)
    result = view.result()
    assert result is not None
    # A passage that starts a paragraph in both texts, a third of the way into A.
    target = next(
        p for p in result.pairs
        if p.a and p.b and p.a[0] > len(text_a) // 3
        and text_a[p.a[0] - 1] == "\n" and text_b[p.b[0] - 1] == "\n"
    )
    assert target.a is not None and target.b is not None
    view.pane_a.scroll_offset_to(target.a[0] + 5, view.pane_a.reading_y())
    qtbot.wait(20)
    line = view.pane_a.fontMetrics().lineSpacing()
    cp_a = view.pane_a.offset_at(view.pane_a.reading_y())
    assert target.a[0] <= cp_a < target.a[1]
    partner = view.partner_offset("a", cp_a)
    assert target.b[0] <= partner <= target.b[1]
    # B shows the partner at the same height as A shows the passage.
    assert abs(view.pane_b.y_of(partner) - view.pane_a.y_of(cp_a)) <= line
    # Not the same pixel offset: the partner lies elsewhere in B.
    bars = view.pane_a.verticalScrollBar(), view.pane_b.verticalScrollBar()
    assert abs(bars[0].value() - bars[1].value()) > 5 * line
    # And back: scrolling B moves A to B's partner.
    view.pane_b.scroll_offset_to(target.b[0] + 5, view.pane_b.reading_y())
    qtbot.wait(20)
    cp_b = view.pane_b.offset_at(view.pane_b.reading_y())
    partner = view.partner_offset("b", cp_b)
    assert target.a[0] <= partner <= target.a[1]
    assert abs(view.pane_a.y_of(partner) - view.pane_b.y_of(cp_b)) <= line
    # Turned off, the panes scroll independently.
    view.sync_action.setChecked(False)
    before = view.pane_b.verticalScrollBar().value()
    view.pane_a.verticalScrollBar().setValue(0)
    assert view.pane_b.verticalScrollBar().value() == before


def test_partner_offset_maps_one_sided_passages_to_the_nearest_aligned_one(
    view: CompareView, library: Library
) -> None:
    a, b = articles(library, A, B)
    view.set_articles(a, b)
    only_a = next(p for p in view.result().pairs if p.kind == "only_a")
    before = view.result().pairs[view.result().pairs.index(only_a) - 1]
    assert view.partner_offset("a", only_a.a[0] + 3) == before.b[1]


def test_export_html(view: CompareView, library: Library, tmp_path: Path, qtbot) -> None:
    a, b = articles(library, A, B)
    view.set_articles(a, b)
    target = tmp_path / "so-sanh.html"
    with qtbot.waitSignal(view.exported) as blocker:
        assert view.export_html(target) == target
    assert blocker.args == [str(target)]
    html = target.read_text(encoding="utf-8")
    assert "<ins>rất</ins>" in html and "Bài 0" in html
    with qtbot.waitSignal(view.failed):
        assert view.export_html(tmp_path / "missing" / "x.html") is None


def test_screenshot(view: CompareView, library: Library, tmp_path: Path) -> None:
    text_a, text_b = long_pair(random.Random(8))
    a, b = articles(library, A + "\n\n" + text_a, B + "\n\n" + text_b)
    view.set_articles(a, b)
    view.next_difference()
    path = tmp_path / "compare-view.png"
    assert view.grab().save(str(path))
    assert path.stat().st_size > 10_000
