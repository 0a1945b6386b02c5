"""``SimilarArticlesList`` and ``ReusedTextView``: filled off the GUI thread, signals out."""

from __future__ import annotations

import random

import pytest

from desktop.core.store import Library
from desktop.ui.compare.reuse_view import ReusedTextView
from desktop.ui.compare.similar_list import SimilarArticlesList
from desktop.ui.roles import Role
from tests.helpers.compare import add, make_body, variant


@pytest.fixture
def reuse_library(library: Library) -> tuple[Library, list[str], list[str]]:
    rng = random.Random(11)
    base = [make_body(rng) for _ in range(10)]
    ids = add(library, base)
    copies = add(library, [variant(base[0], rng), variant(base[0], rng, 7), variant(base[3], rng)],
                 "Bản sao")
    return library, ids, copies


def test_similar_list_shows_near_duplicates_and_emits(qtbot, reuse_library) -> None:
    library, ids, copies = reuse_library
    widget = SimilarArticlesList()
    qtbot.addWidget(widget)
    widget.opener = library.reopen
    with qtbot.waitSignal(widget.loaded, timeout=20000):
        widget.set_article(ids[0])
    items = widget.items()
    assert {s.id for s in items if s.kind == "near-duplicate"} == set(copies[:2])
    model = widget.tree.model()
    kinds = [model.index(n, 0).data(Role.KIND) for n in range(len(items))]
    assert kinds == [s.kind for s in items]
    assert model.rowCount() == len(items)
    first = model.index(0, 0)
    assert first.data() == f"{items[0].similarity:.0%}"
    assert first.siblingAtColumn(1).data().startswith("Bản sao")
    # The most similar is preselected; Compare emits it, activation opens it.
    assert widget.selected_id() == items[0].id
    with qtbot.waitSignal(widget.compare_requested) as blocker:
        widget.compare_button.click()
    assert blocker.args == [items[0].id]
    with qtbot.waitSignal(widget.open_requested) as blocker:
        widget.tree.activated.emit(first)
    assert blocker.args == [items[0].id]


def test_similar_list_without_matches_and_stale_answers(qtbot, reuse_library) -> None:
    library, ids, copies = reuse_library
    widget = SimilarArticlesList()
    qtbot.addWidget(widget)
    widget.opener = library.reopen
    with qtbot.waitSignal(widget.loaded, timeout=20000) as blocker:
        widget.set_article(ids[0])
        widget.set_article(ids[5])  # the first answer arrives late and is dropped
    assert blocker.args == [ids[5]]
    qtbot.wait(200)
    assert widget.article_id == ids[5] and widget.items() == []
    assert "No similar" in widget.status.text()
    assert not widget.compare_button.isEnabled()


def test_reused_text_view_lists_clusters_and_compares(qtbot, reuse_library) -> None:
    library, ids, copies = reuse_library
    view = ReusedTextView()
    qtbot.addWidget(view)
    view.opener = library.reopen
    with qtbot.waitSignal(view.loaded, timeout=30000) as blocker:
        view.refresh()
        assert view.is_busy() and not view.scan_button.isEnabled()
    assert blocker.args == [2]
    model = view.model
    assert model.rowCount() == 2
    first = model.index(0, 0)
    assert model.rowCount(first) == 3 and "3 articles" in model.index(0, 0).data()
    members = {model.index(r, 0, first).data(Role.ID) for r in range(3)}
    assert members == {ids[0], *copies[:2]}
    rep = model.index(0, 0, first).data(Role.ID)
    other = model.index(1, 0, first)
    assert model.index(0, 1, first).data() == "100%"
    with qtbot.waitSignal(view.compare_requested) as sig:
        view.tree.activated.emit(other)
    assert sig.args == [rep, other.data(Role.ID)]
    with qtbot.waitSignal(view.open_requested) as sig:
        view.tree.activated.emit(model.index(0, 0, first))
    assert sig.args == [rep]
    assert "2 groups" in view.status.text()
