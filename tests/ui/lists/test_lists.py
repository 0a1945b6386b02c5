"""Saved searches, history, collections and reading state in the window (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.core.store.collections import CollectionStore
from desktop.core.store.reading_state import ReadingStateStore
from desktop.core.store.saved_searches import SavedSearchStore, SearchHistory
from desktop.ui.roles import Role
from tests.helpers.ui_library import make_draft
from tests.helpers.window import search_for, wait_ready


def _lists(window):
    return window.extensions["lists"]


def _select(window, rows: list[int]) -> list[str]:
    model, selection = window.results_model, window.results.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    return window.results.selected_ids()


def test_save_a_search_and_see_new_articles_since_last_opened(
    qtbot, seeded_library, make_window
) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    search_for(qtbot, window, "lua chiu man")
    window.facets.toggle("site", "baomoi.example.vn")
    qtbot.waitUntil(lambda: window.search.filters == {"site": ("baomoi.example.vn",)})
    assert lists.save_current_search("Lúa mặn") == "Lúa mặn"
    saved = SavedSearchStore(seeded_library.conn).get("lúa mặn")
    assert saved.query == "lua chiu man" and saved.filters == {"site": ("baomoi.example.vn",)}
    index = lists.model.entry_index("saved", "Lúa mặn")
    assert index.data(Role.KIND) == "saved" and index.data(Role.NAME) == "Lúa mặn"
    qtbot.waitUntil(lambda: lists.model.entry_index("saved", "Lúa mặn").data(Role.NEW) == 0)

    # New matching articles arrive (as an import would add them): the count shows them.
    seeded_library.articles.add_many([make_draft(i) for i in range(1000, 1012)])
    window.after_bundle_import()
    qtbot.waitSignal(window.index_synced, timeout=60000)
    qtbot.waitUntil(
        lambda: (lists.model.entry_index("saved", "Lúa mặn").data(Role.NEW) or 0) > 0,
        timeout=20000,
    )
    new = lists.model.entry_index("saved", "Lúa mặn").data(Role.NEW)
    assert new == 1  # of the twelve, one is about rice on that site
    assert f"({new} new)" in lists.model.entry_index("saved", "Lúa mặn").data()

    # Opening it elsewhere restores the query and filters, and nothing is new afterwards.
    window.facets.clear_filters()
    search_for(qtbot, window, "gom")
    with qtbot.waitSignal(
        window.search.results_changed, check_params_cb=lambda r: r.query == "lua chiu man",
        timeout=15000,
    ):
        lists.activate("saved", "Lúa mặn")
    assert window.search_bar.text() == "lua chiu man"
    assert window.search.filters == {"site": ("baomoi.example.vn",)}
    assert lists.model.entry_index("saved", "Lúa mặn").data(Role.NEW) == 0
    assert SavedSearchStore(seeded_library.conn).get("Lúa mặn").seen_seq > saved.seen_seq


def test_recent_queries_are_offered_in_the_search_box(qtbot, seeded_library, make_window):
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    search_for(qtbot, window, "gom")
    window.search_bar.edit.open_requested.emit()  # Enter: the query was used
    search_for(qtbot, window, "doi tuyen")
    qtbot.waitUntil(lambda: lists.completer.recent()[:1] == ["doi tuyen"], timeout=5000)
    assert lists.completer.recent() == ["doi tuyen", "gom"]
    assert SearchHistory(seeded_library.conn).recent() == ["doi tuyen", "gom"]
    assert window.search_bar.edit.completer() is lists.completer
    lists.completer.setCompletionPrefix("TUY")
    assert lists.completer.currentCompletion() == "doi tuyen"
    lists.clear_history_action.trigger()
    assert lists.completer.recent() == [] and SearchHistory(seeded_library.conn).recent() == []


def test_collections_from_selected_results(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    search_for(qtbot, window, "gom")
    chosen = _select(window, [0, 2, 3])
    asked: list[list[str]] = []

    def ask(_title, _label, choices, _suggested):
        asked.append(choices)
        return "Nghề gốm"

    lists.ask_name = ask
    assert lists.add_to_collection_action in window.results.actions()
    lists.add_to_collection_action.trigger()
    assert asked == [[]]
    assert sorted(CollectionStore(seeded_library.conn).article_ids("nghề gốm")) == sorted(chosen)
    index = lists.model.entry_index("collection", "Nghề gốm")
    assert index.data() == "Nghề gốm (3)"

    with qtbot.waitSignal(
        window.search.results_changed,
        check_params_cb=lambda r: r.query == 'collection:"Nghề gốm"', timeout=15000,
    ) as blocker:
        lists.activate("collection", "Nghề gốm")
    assert blocker.args[0].total == 3
    assert sorted(window.results_model.ids()) == sorted(chosen)
    # Remove one from the collection while it is shown: the list follows.
    _select(window, [0])
    removed_id = window.results.selected_ids()[0]
    with qtbot.waitSignal(window.search.results_changed, timeout=15000):
        assert lists.remove_selected_from_collection("Nghề gốm") == 1
    assert removed_id not in window.results_model.ids()
    assert lists.model.entry_index("collection", "Nghề gốm").data() == "Nghề gốm (2)"
    menu = lists.panel.menu_for(index)
    assert menu is not None and len(menu.actions()) == 5


def test_unread_results_are_bold_and_can_be_filtered(qtbot, seeded_library, make_window):
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    lists.tracker.set_read_delay(600_000)  # only the actions mark articles here
    result = search_for(qtbot, window, "gom")
    total = result.total
    model = window.results_model
    assert all(model.index(r, 0).data(Role.UNREAD) for r in range(model.rowCount()))
    ids = _select(window, [1, 2])
    lists.mark_read_action.trigger()
    assert [model.index(r, 0).data(Role.UNREAD) for r in range(3)] == [True, False, False]
    assert ReadingStateStore(seeded_library.conn).read_among(ids) == set(ids)

    with qtbot.waitSignal(window.search.results_changed, timeout=15000) as blocker:
        lists.unread_only_action.setChecked(True)
    assert blocker.args[0].total == total - 2
    assert not set(ids) & set(model.ids())
    # Facet changes keep the unread filter.
    with qtbot.waitSignal(window.search.results_changed, timeout=15000):
        window.facets.toggle("year", "2018")
    assert window.search.all_filters()["read"] == ("unread",)
    with qtbot.waitSignal(window.search.results_changed, timeout=15000):
        window.facets.clear_filters()
    with qtbot.waitSignal(window.search.results_changed, timeout=15000):
        lists.unread_only_action.setChecked(False)
    _select(window, [1])
    lists.mark_unread_action.trigger()
    assert model.index(1, 0).data(Role.UNREAD) is True


def test_an_article_shown_for_a_moment_counts_as_read(qtbot, seeded_library, make_window):
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    model = window.results_model
    qtbot.waitUntil(lambda: window.reader.current_article() is not None)
    first = window.reader.current_article().id
    qtbot.waitUntil(lambda: ReadingStateStore(seeded_library.conn).get(first).read, timeout=5000)
    row = model.ids().index(first)
    assert model.index(row, 0).data(Role.UNREAD) is False
    # Stepping on quickly does not mark the next ones.
    window.results.move_current(1)
    window.results.move_current(1)
    second = window.reader.current_article().id
    qtbot.wait(300)
    window.results.move_current(1)
    assert not ReadingStateStore(seeded_library.conn).get(second).read


def test_scroll_position_is_remembered_per_article(qtbot, tmp_path, make_window) -> None:
    from desktop.core.store import Library

    library = Library.open(tmp_path / "long")
    body = "\n\n".join(f"Đoạn {n}: nội dung dài về làng gốm và lò nung số {n}." for n in range(400))
    library.articles.add_many([make_draft(0, body=body), make_draft(1)])
    window = make_window(library)
    window.resize(1200, 800)
    window.show()
    wait_ready(qtbot, window)
    long_id = make_draft(0, body=body).id
    window.open_article(long_id)
    offset = body.index("Đoạn 200:")
    from desktop.ui.lists.reading import scroll_top_to, top_offset

    scroll_top_to(window.reader, offset)
    assert abs(top_offset(window.reader) - offset) < 80
    qtbot.waitUntil(
        lambda: ReadingStateStore(library.conn).get(long_id).position > 0, timeout=3000
    )
    window.open_article(make_draft(1).id)
    assert window.reader.body_edit.verticalScrollBar().value() == 0
    window.open_article(long_id)
    assert abs(top_offset(window.reader) - offset) < 80
    library.close()


def test_closing_the_window_saves_the_position_scrolled_to_just_before(
    qtbot, tmp_path, make_window
) -> None:
    from desktop.core.store import Library
    from desktop.ui.lists.reading import scroll_top_to

    body = "\n\n".join(f"Đoạn {n}: chuyện làng nghề dệt chiếu số {n}." for n in range(400))
    library = Library.open(tmp_path / "closing")
    library.articles.add_many([make_draft(0, body=body)])
    window = make_window(library)
    window.resize(1200, 800)
    window.show()
    wait_ready(qtbot, window)
    article_id = make_draft(0, body=body).id
    window.open_article(article_id)
    scroll_top_to(window.reader, body.index("Đoạn 300:"))
    window.shutdown()  # before the position's save timer runs
    with Library.open(tmp_path / "closing") as reopened:
        assert reopened.reading_state.get(article_id).position > body.index("Đoạn 250:")


def test_read_only_library_shows_lists_but_writes_nothing(qtbot, tmp_path, make_window):
    from desktop.core.store import Library

    root = tmp_path / "ro"
    with Library.open(root) as lib:
        lib.articles.add_many([make_draft(i) for i in range(4)])
        ids = lib.articles.all_ids()
        CollectionStore(lib.conn).add("Đã chọn", ids[:2])
        SavedSearchStore(lib.conn).add("Gốm", "gom")
    library = Library.open(root, create=False, read_only=True)
    window = make_window(library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    assert lists.model.entry_index("collection", "Đã chọn").data() == "Đã chọn (2)"
    assert lists.model.entry_index("saved", "Gốm").isValid()
    for action in (lists.save_search_action, lists.add_to_collection_action,
                   lists.mark_read_action, lists.mark_unread_action):
        assert not action.isEnabled()
    assert lists.tracker.mark(ids[:1], True) == 0
    with qtbot.waitSignal(
        window.search.results_changed, check_params_cb=lambda r: r.query == "gom",
        timeout=15000,
    ):
        assert lists.open_saved("Gốm")
    library.close()


def test_unread_only_on_the_library_listing(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    lists.tracker.set_read_delay(600_000)
    total = window.search.last_result.total
    ReadingStateStore(seeded_library.conn).mark(seeded_library.articles.all_ids()[:5])
    with qtbot.waitSignal(window.search.results_changed, timeout=15000) as blocker:
        lists.unread_only_action.setChecked(True)
    assert blocker.args[0].query == "" and blocker.args[0].total == total - 5


def test_lists_speak_vietnamese_and_switch_at_once(qtbot, seeded_library, make_window):
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_translations

    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    SavedSearchStore(seeded_library.conn).add("Gốm", "gom")
    lists.reload()
    qtbot.waitUntil(lambda: lists.model.entry_index("saved", "Gốm").data(Role.NEW) == 0)
    lists.model.set_new_count("Gốm", 2)  # as if two articles had arrived
    app = QApplication.instance()
    try:
        install_translations(app, "vi")
        qtbot.waitUntil(lambda: lists.save_search_action.text() == "Lưu tìm kiếm…", timeout=3000)
        assert lists.unread_only_action.text() == "Chỉ bài chưa đọc"
        assert lists.clear_history_action.text() == "Xoá lịch sử tìm kiếm"
        assert lists.model.group_index("saved").data() == "Tìm kiếm đã lưu"
        assert lists.model.group_index("collection").data() == "Bộ sưu tập"
        assert "Lưu tìm kiếm" in lists.model.group_index("saved").data(Qt.ItemDataRole.ToolTipRole)
        assert lists.model.entry_index("saved", "Gốm").data() == "Gốm (2 mới)"
    finally:
        install_translations(app, "en")
    qtbot.waitUntil(lambda: lists.save_search_action.text() == "Save Search…", timeout=3000)
    assert lists.model.entry_index("saved", "Gốm").data() == "Gốm (2 new)"


def test_unread_only_with_everything_read_is_not_an_empty_library(
    qtbot, tmp_path, make_window
) -> None:
    from desktop.core.store import Library

    library = Library.open(tmp_path / "allread")
    library.articles.add_many([make_draft(i) for i in range(3)])
    ReadingStateStore(library.conn).mark(library.articles.all_ids())
    window = make_window(library)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.search.results_changed, timeout=15000) as blocker:
        _lists(window).unread_only_action.setChecked(True)
    assert blocker.args[0].total == 0
    assert window.stack.currentWidget() is window.browse_page
    assert window.statusBar().currentMessage() != "0 article(s) in this library"
    library.close()


def test_lists_follow_a_library_switch(qtbot, seeded_library, tmp_path, make_window) -> None:
    from desktop.core.store import Library

    other = tmp_path / "other"
    with Library.open(other) as lib:
        lib.articles.add_many([make_draft(i) for i in range(3)])
        CollectionStore(lib.conn).add("Khác", lib.articles.all_ids()[:1])
        SavedSearchStore(lib.conn).add("Sông", "song")
    CollectionStore(seeded_library.conn).add("Ở đây", seeded_library.articles.all_ids()[:2])
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    lists.unread_only_action.setChecked(True)
    assert [e.name for e in lists.model.entries("collection")] == ["Ở đây"]
    assert window.switch_library(other)
    wait_ready(qtbot, window)
    assert [e.name for e in lists.model.entries("collection")] == ["Khác"]
    assert window.search.all_filters() == {"read": ("unread",)}
    qtbot.waitUntil(lambda: lists.model.entry_index("saved", "Sông").data(Role.NEW) == 0,
                    timeout=10000)
    assert lists.add_selected_to_collection("Mới") >= 1
    assert CollectionStore(window.library.conn).names() == ["Khác", "Mới"]


def test_export_a_collection_as_a_bundle_from_the_sidebar(qtbot, seeded_library, make_window):
    from desktop.ui.bundles.options_dialog import ExportOptionsDialog

    ids = seeded_library.articles.all_ids()[:4]
    CollectionStore(seeded_library.conn).add("Xuất", ids)
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    index = lists.model.entry_index("collection", "Xuất")
    menu = lists.panel.menu_for(index)
    [export] = [a for a in menu.actions() if a.text() == "Export as Bundle…"]
    export.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(ExportOptionsDialog)), timeout=15000)
    dialog = window.findChildren(ExportOptionsDialog)[-1]
    assert "4 article(s)" in dialog.summary.text()
    assert window.search.query == 'collection:"Xuất"'
    dialog.reject()


def test_unread_check_box_and_menu_action_agree(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    with qtbot.waitSignal(window.search.results_changed, timeout=15000):
        lists.panel.unread_box.setChecked(True)
    assert lists.unread_only_action.isChecked()
    assert window.search.all_filters() == {"read": ("unread",)}
    with qtbot.waitSignal(window.search.results_changed, timeout=15000):
        lists.unread_only_action.setChecked(False)
    assert not lists.panel.unread_box.isChecked()
    assert window.search.all_filters() == {}


def test_rename_from_the_sidebar_menu_for_both_kinds(qtbot, seeded_library, make_window) -> None:
    ids = seeded_library.articles.all_ids()[:2]
    CollectionStore(seeded_library.conn).add("Cũ", ids)
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    lists = _lists(window)
    search_for(qtbot, window, "gom")
    assert lists.save_current_search("Gốm") == "Gốm"
    asked: list[tuple[str, str]] = []

    def ask(title, _label, _choices, suggested):
        asked.append((title, suggested))
        return f"{suggested} mới"

    lists.ask_name = ask
    for kind, name in (("saved", "Gốm"), ("collection", "Cũ")):
        menu = lists.panel.menu_for(lists.model.entry_index(kind, name))
        [rename] = [a for a in menu.actions() if a.text() == "Rename…"]
        rename.trigger()
    assert asked == [("Rename saved search", "Gốm"), ("Rename collection", "Cũ")]
    assert SavedSearchStore(seeded_library.conn).find("Gốm mới") is not None
    assert sorted(CollectionStore(seeded_library.conn).article_ids("Cũ mới")) == sorted(ids)
    assert lists.model.entry_index("collection", "Cũ mới").data() == "Cũ mới (2)"
    assert lists.model.entry_index("saved", "Gốm").isValid() is False

    lists.ask_name = lambda *_args: None  # cancelled: nothing changes
    assert lists.rename("collection", "Cũ mới") is False
    assert CollectionStore(seeded_library.conn).names() == ["Cũ mới"]
