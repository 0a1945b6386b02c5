"""Clicking a site or year in the sidebar filters the results; clicking again removes it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.roles import Role
from tests.helpers.window import search_for, wait_ready


def all_rows(qtbot, window, role):
    model = window.results_model
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model._fetching, timeout=10000)
    return [model.index(r, 0).data(role) for r in range(model.rowCount())]


def test_site_and_year_filters(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    expected = seeded_library.articles.site_counts()
    item = window.facets.value_item("site", "tintuc.example.vn")
    assert item is not None and f"({expected['tintuc.example.vn']:,})" in item.data()

    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        window.facets.model().setData(item, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.search.filters == {"site": ("tintuc.example.vn",)}
    assert blocker.args[0].total == expected["tintuc.example.vn"]
    assert set(all_rows(qtbot, window, Role.SITE)) == {"tintuc.example.vn"}

    # The year counts now describe the filtered results; add a year filter on top.
    year_item = window.facets.value_item("year", "2018")
    assert year_item is not None
    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        window.facets.toggle("year", "2018")
    dates = all_rows(qtbot, window, Role.DATE)
    assert dates and all(d.startswith("2018") for d in dates)
    assert set(all_rows(qtbot, window, Role.SITE)) == {"tintuc.example.vn"}
    assert blocker.args[0].total == len(dates)

    # Clicking again removes the filter.
    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        window.facets.toggle("site", "tintuc.example.vn")
    assert window.search.filters == {"year": ("2018",)}
    assert len(set(all_rows(qtbot, window, Role.SITE))) > 1

    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        window.facets.clear_filters()
    assert blocker.args[0].total == 121


def test_filters_combine_with_a_query(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    unfiltered = search_for(qtbot, window, "gom")
    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        window.facets.toggle("site", "baomoi.example.vn")
    filtered = blocker.args[0]
    assert 0 < filtered.total < unfiltered.total
    assert {h.site for h in filtered.hits} == {"baomoi.example.vn"}
    assert filtered.query == "gom"


def test_tags_facet_appears_with_annotations(qtbot, seeded_library, make_window) -> None:
    article_id = seeded_library.articles.all_ids()[0]
    conn = seeded_library.conn
    conn.execute(
        "INSERT INTO annotations (id, article_id, start, end, exact, content_hash, created, "
        "modified) VALUES ('a1', ?, 0, 3, 'Bài', 'h', '2024-01-01', '2024-01-01')",
        (article_id,),
    )
    conn.execute("INSERT INTO annotation_tags (annotation_id, tag) VALUES ('a1', 'quan-trong')")
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    item = window.facets.value_item("tag", "quan-trong")
    assert item is not None and "(1)" in item.data()
    with qtbot.waitSignal(window.search.results_changed, timeout=10000) as blocker:
        window.facets.toggle("tag", "quan-trong")
    assert [h.id for h in blocker.args[0].hits] == [article_id]
