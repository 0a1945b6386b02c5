"""The Tags facet follows every annotation add, undo and redo, and lists parent tags everywhere."""

from __future__ import annotations

from desktop.core.store import Library
from desktop.ui.roles import Role
from tests.helpers.ui_library import seed
from tests.helpers.window import search_for, wait_ready


def _tag_counts(window) -> dict[str, int]:
    model = window.facets.facet_model
    group = model.group_index("tag")
    return {
        model.index(r, 0, group).data(Role.VALUE): model.index(r, 0, group).data(Role.COUNT)
        for r in range(model.rowCount(group))
    }


def _tag_filter_items(window) -> list[str]:
    box = window.extensions["annotations"].view.tag_box
    return [box.itemData(i) for i in range(1, box.count())]


def test_tags_facet_follows_add_undo_redo(qtbot, make_window, tmp_path) -> None:
    library = Library.open(tmp_path / "lib")
    ids = seed(library, 6)
    window = make_window(library)
    wait_ready(qtbot, window)
    controller = window.extensions["annotations"]
    window.open_article(ids[1])
    assert _tag_counts(window) == {}

    controller.create(ids[1], 0, 5, tags=["policy/funding"])
    qtbot.waitUntil(
        lambda: _tag_counts(window) == {"policy": 1, "policy/funding": 1}, timeout=15000
    )
    assert window.reader.current_article().id == ids[1]  # the reader stays where it was
    # The annotation view's tag filter lists the parent too, as the facet does.
    assert _tag_filter_items(window) == ["policy", "policy/funding"]

    controller.create(ids[2], 0, 5, tags=["policy/health"])
    qtbot.waitUntil(lambda: _tag_counts(window).get("policy") == 2, timeout=15000)
    assert _tag_counts(window)["policy/health"] == 1

    controller.undo_action.trigger()
    qtbot.waitUntil(
        lambda: _tag_counts(window) == {"policy": 1, "policy/funding": 1}, timeout=15000
    )
    controller.undo_action.trigger()
    qtbot.waitUntil(lambda: _tag_counts(window) == {}, timeout=15000)
    assert _tag_filter_items(window) == []
    controller.redo_action.trigger()
    qtbot.waitUntil(
        lambda: _tag_counts(window) == {"policy": 1, "policy/funding": 1}, timeout=15000
    )
    assert _tag_filter_items(window) == ["policy", "policy/funding"]


def test_tags_facet_follows_changes_under_a_query(qtbot, make_window, tmp_path) -> None:
    library = Library.open(tmp_path / "lib")
    ids = seed(library, 6)
    window = make_window(library)
    wait_ready(qtbot, window)
    search_for(qtbot, window, "bài")
    controller = window.extensions["annotations"]
    controller.create(ids[3], 0, 5, tags=["vùng/miền trung"])
    qtbot.waitUntil(
        lambda: _tag_counts(window) == {"vùng": 1, "vùng/miền trung": 1}, timeout=15000
    )


def test_a_parent_tag_filters_the_listing_like_a_search(qtbot, make_window, tmp_path) -> None:
    library = Library.open(tmp_path / "lib")
    ids = seed(library, 6)
    window = make_window(library)
    wait_ready(qtbot, window)
    controller = window.extensions["annotations"]
    controller.create(ids[1], 0, 5, tags=["Policy/Funding"])
    controller.create(ids[4], 0, 5, tags=["policy/health"])
    qtbot.waitUntil(lambda: _tag_counts(window).get("policy") == 2, timeout=15000)
    with qtbot.waitSignal(window.search.results_changed, timeout=10000):
        window.facets.toggle("tag", "policy")
    assert sorted(window.results_model.ids()) == sorted([ids[1], ids[4]])
    assert _tag_counts(window)["policy/funding"] == 1  # one spelling in every view
