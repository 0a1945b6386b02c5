"""``SimilarArticlesModel`` and the list's handling of answers that arrive late."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from desktop.core.compare.similar import SimilarArticle
from desktop.ui.compare import similar_list
from desktop.ui.compare.similar_list import SimilarArticlesList
from desktop.ui.compare.similar_model import SimilarArticlesModel, display_order
from desktop.ui.roles import Role


def near(article_id: str, similarity: float, title: str = "") -> SimilarArticle:
    return SimilarArticle(
        id=article_id, title=title or f"Bản sao {article_id}", similarity=similarity,
        kind="near-duplicate",
    )


def related(article_id: str, similarity: float = 0.0) -> SimilarArticle:
    return SimilarArticle(
        id=article_id, title=f"Liên quan {article_id}", similarity=similarity, kind="related"
    )


def column(model: SimilarArticlesModel, col: int, role: int = Qt.ItemDataRole.DisplayRole):
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_near_duplicates_first_by_similarity_then_related_in_rank_order(qtmodeltester) -> None:
    model = SimilarArticlesModel()
    qtmodeltester.check(model)
    items = [related("r1", 0.02), near("n1", 0.55), related("r2"), near("n2", 0.93)]
    model.set_items("a", items)
    assert model.article_id == "a"
    assert column(model, 0, Role.ID) == ["n2", "n1", "r1", "r2"]
    assert [s.id for s in model.items()] == ["n2", "n1", "r1", "r2"]
    assert display_order(items) == model.items()
    assert column(model, 0, Role.KIND) == ["near-duplicate"] * 2 + ["related"] * 2
    assert column(model, 1, Role.TITLE) == ["Bản sao n2", "Bản sao n1", "Liên quan r1",
                                           "Liên quan r2"]
    assert column(model, 0, Role.SIMILARITY) == [0.93, 0.55, 0.02, 0.0]
    assert model.near_duplicate_count() == 2
    model.set_items(None, [])
    assert model.rowCount() == 0 and model.article_id is None


def test_related_rows_show_no_percentage(qtmodeltester) -> None:
    model = SimilarArticlesModel()
    qtmodeltester.check(model)
    model.set_items("a", [near("n1", 0.874), related("r1", 0.0), related("r2", 0.03)])
    assert column(model, 0) == ["87%", "related", "related"]
    assert not any("%" in text for text in column(model, 0)[1:])
    tips = column(model, 0, Qt.ItemDataRole.ToolTipRole)
    assert "87%" in tips[0] and not any("%" in tip for tip in tips[1:])
    # Related rows are muted and italic; near-duplicates use the normal look.
    muted = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    for col in (0, 1):
        assert model.index(0, col).data(Qt.ItemDataRole.FontRole) is None
        assert model.index(0, col).data(Qt.ItemDataRole.ForegroundRole) is None
        assert model.index(1, col).data(Qt.ItemDataRole.FontRole).italic()
        assert model.index(1, col).data(Qt.ItemDataRole.ForegroundRole).color() == muted
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Similar"
    # A missing title falls back to the id.
    model.set_items("a", [SimilarArticle(id="x1", title="", similarity=0.4, kind="related")])
    assert column(model, 1) == ["x1"]


class SlowFinder:
    """Stands in for ``find_similar``: answers per article, one article held back."""

    def __init__(self, held: str):
        self.held = held
        self.release = threading.Event()
        self.started: list[str] = []

    def __call__(self, _opener, article_id: str, _limit: int) -> list[SimilarArticle]:
        self.started.append(article_id)
        if article_id == self.held:
            self.release.wait(10)
        return [near(f"{article_id}-copy", 0.8), related(f"{article_id}-topic")]


@pytest.fixture
def slow_list(qtbot, monkeypatch) -> tuple[SimilarArticlesList, SlowFinder]:
    finder = SlowFinder(held="A")
    monkeypatch.setattr(similar_list, "find_similar", finder)
    widget = SimilarArticlesList()
    qtbot.addWidget(widget)
    widget.opener = lambda: None  # type: ignore[assignment,return-value]
    yield widget, finder
    finder.release.set()


def test_an_answer_for_the_previous_article_is_dropped(qtbot, slow_list) -> None:
    widget, finder = slow_list
    shown: list[str] = []
    widget.loaded.connect(shown.append)
    widget.set_article("A")
    widget.set_article("B")
    assert widget.items() == [] and widget.article_id == "B"
    with qtbot.waitSignal(widget.loaded, timeout=10000) as blocker:
        finder.release.set()
    assert blocker.args == ["B"] and shown == ["B"]
    qtbot.wait(100)
    assert finder.started == ["A", "B"]
    assert {s.id for s in widget.items()} == {"B-copy", "B-topic"}
    assert widget.model.article_id == "B" and widget.selected_id() == "B-copy"


def test_a_late_answer_after_clear_or_show_items_is_dropped(qtbot, slow_list) -> None:
    widget, finder = slow_list
    shown: list[str] = []
    widget.loaded.connect(shown.append)
    widget.set_article("A")
    widget.clear()
    finder.release.set()
    qtbot.waitUntil(lambda: finder.started == ["A"])
    qtbot.wait(200)
    assert shown == [] and widget.items() == [] and widget.article_id is None
    assert not widget.compare_button.isEnabled()

    finder.release.clear()
    widget.set_article("A")
    widget.show_items("C", [near("C-copy", 0.9)])
    finder.release.set()
    qtbot.waitUntil(lambda: finder.started == ["A", "A"])
    qtbot.wait(200)
    assert shown == ["C"] and [s.id for s in widget.items()] == ["C-copy"]


def test_without_a_library_the_old_list_goes(qtbot) -> None:
    widget = SimilarArticlesList()
    qtbot.addWidget(widget)
    widget.show_items("A", [near("A-copy", 0.9)])
    widget.set_article("B")
    assert widget.items() == [] and widget.article_id == "B" and widget.selected_id() is None
    assert not widget.compare_button.isEnabled()


def test_keyboard_opens_and_compares_the_current_row(qtbot) -> None:
    widget = SimilarArticlesList()
    qtbot.addWidget(widget)
    widget.show()
    widget.show_items("A", [related("r1"), near("n1", 0.6)])
    assert widget.selected_id() == "n1" and widget.compare_button.isEnabled()
    widget.tree.setFocus()
    qtbot.keyClick(widget.tree, Qt.Key.Key_Down)
    assert widget.selected_id() == "r1"
    with qtbot.waitSignal(widget.open_requested) as blocker:
        qtbot.keyClick(widget.tree, Qt.Key.Key_Return)
    assert blocker.args == ["r1"]
    with qtbot.waitSignal(widget.compare_requested) as blocker:
        widget.compare_action.trigger()
    assert blocker.args == ["r1"]


def test_expecting_another_article_empties_the_list_at_once(qtbot, slow_list) -> None:
    widget, finder = slow_list
    widget.show_items("A0", [near("A0-copy", 0.9)])
    widget.set_article("A")
    widget.expect_article("B")  # the reader moved on; the search for B starts later
    assert widget.items() == [] and widget.selected_id() is None
    assert not widget.compare_button.isEnabled()
    finder.release.set()
    qtbot.waitUntil(lambda: finder.started == ["A"])
    qtbot.wait(200)
    assert widget.items() == [] and widget.article_id == "B"
    with qtbot.waitSignal(widget.loaded, timeout=10000) as blocker:
        widget.set_article("B")
    assert blocker.args == ["B"] and widget.selected_id() == "B-copy"


def test_the_panel_never_lists_the_previous_articles_matches(qtbot, make_window, library) -> None:
    import random

    from tests.helpers.compare import add, make_body, variant
    from tests.helpers.window import wait_ready

    rng = random.Random(5)
    base = [make_body(rng) for _ in range(6)]
    ids = add(library, base)
    copies = add(library, [variant(base[1], rng)], "Bản sao")
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    panel = window.extensions["compare"].similar
    with qtbot.waitSignal(panel.loaded, timeout=20000, check_params_cb=lambda i: i == ids[1]):
        window.open_article(ids[1])
    assert [s.id for s in panel.items()] == copies
    # The reader moves on: the list empties at once, before the pause and the new search.
    window.open_article(ids[4])
    assert window.reader.current_article().id == ids[4]
    assert panel.items() == [] and panel.selected_id() is None and panel.article_id == ids[4]
    with qtbot.waitSignal(panel.loaded, timeout=20000, check_params_cb=lambda i: i == ids[4]):
        pass
    assert copies[0] not in {s.id for s in panel.items()}
