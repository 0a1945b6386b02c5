"""Typing searches after a short debounce; totals, errors and paging show in the window."""

from __future__ import annotations

from desktop.ui.plaintext import tooltip_text
from desktop.ui.roles import Role
from tests.helpers.window import search_for, wait_ready


def test_library_listed_newest_first(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    model = window.results_model
    assert model.total == seeded_library.articles.count() == 121
    dates = [model.index(r, 0).data(Role.DATE) for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert window.search_bar.status.text() == "121 article(s)"


def test_typing_runs_one_debounced_search(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    before = window.search.generation
    result = search_for(qtbot, window, "lua chiu man")
    # The whole word typed quickly makes one search, not one per key.
    assert window.search.generation == before + 1
    assert result.total == 30
    model = window.results_model
    titles = [model.index(r, 0).data(Role.TITLE) for r in range(model.rowCount())]
    assert titles and all("Giống lúa chịu mặn" in t for t in titles)
    assert window.search_bar.status.text() == "30 article(s)"
    # The reader follows the current result, with the hits highlighted.
    qtbot.waitUntil(lambda: bool(window.reader.hit_spans()), timeout=10000)
    article = window.reader.current_article()
    assert article is not None and article.id == model.index(0, 0).data(Role.ID)


def test_results_page_in_while_scrolling(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    model = window.results_model
    assert model.rowCount() == 50 < model.total
    window.results.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 50, timeout=10000)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model._fetching, timeout=10000)
    assert model.rowCount() == 121
    assert len(set(model.ids())) == 121


def test_query_errors_show_inline(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.search.error_shown, timeout=10000) as blocker:
        qtbot.keyClicks(window.search_bar.edit, "gom published:2023-13")
    message = blocker.args[0]
    assert message.startswith("Bad date")
    assert window.results.message.isVisibleTo(window)
    assert window.results.message.text() == message
    assert window.results_model.rowCount() > 0  # the previous results stay, marked stale
    assert window.results.message.stale
    result = search_for(qtbot, window, "gốm")
    assert result.total == 30 and not window.results.message.isVisibleTo(window)


def test_stale_answers_are_dropped(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    window.search.set_query("gốm")
    window.search.set_query("river")  # supersedes the first before it is answered
    qtbot.waitUntil(
        lambda: (
            window.search.last_result is not None and window.search.last_result.query == "river"
        ),
        timeout=10000,
    )
    qtbot.wait(200)
    assert window.search.last_result.query == "river"
    titles = {
        window.results_model.index(r, 0).data(Role.TITLE)
        for r in range(window.results_model.rowCount())
    }
    assert titles and all(t.startswith("River library") for t in titles)


def test_sort_oldest_first(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.search.results_changed, timeout=10000):
        window.search_bar.set_sort_key("oldest")
    model = window.results_model
    dates = [model.index(r, 0).data(Role.DATE) for r in range(model.rowCount())]
    assert dates == sorted(dates)


def test_a_query_error_marks_the_results_stale_and_keeps_the_layout(
    qtbot, seeded_library, make_window
) -> None:
    window = make_window(seeded_library)
    window.resize(1280, 800)
    window.show()
    wait_ready(qtbot, window)
    search_for(qtbot, window, "gốm")
    qtbot.wait(20)
    geometry = {
        name: widget.geometry()
        for name, widget in (
            ("box", window.search_bar.edit),
            ("status", window.search_bar.status),
            ("results", window.results),
            ("reader", window.reader),
        )
    }
    message = "Unbalanced quote in the query (a quote was opened and never closed)"
    # The search thread's answer to a query it cannot read.
    window.search_service.failed.emit(0, window.search.generation, message)
    qtbot.wait(20)
    shown = window.results.message
    assert shown.isVisible() and shown.text() == message and shown.stale
    assert shown.geometry().width() > 200  # whole, wrapped over the list, not squeezed
    assert window.results.viewport().graphicsEffect() is not None  # greyed
    assert window.search_bar.status.text()
    assert tooltip_text(window.search_bar.status.toolTip()) == message
    for name, widget in (
        ("box", window.search_bar.edit),
        ("status", window.search_bar.status),
        ("results", window.results),
        ("reader", window.reader),
    ):
        assert widget.geometry() == geometry[name], name
    search_for(qtbot, window, "gom")
    assert not shown.isVisible() and not shown.stale
    assert window.results.viewport().graphicsEffect() is None
