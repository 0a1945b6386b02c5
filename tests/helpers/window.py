"""Waiting on the main window in UI tests: until it is ready, until a search is answered."""

from __future__ import annotations


def wait_ready(qtbot, window) -> None:
    """Wait for the first listing and for the start-up index catch-up to finish."""
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=15000)
    qtbot.waitUntil(lambda: not window.importer.is_busy(), timeout=60000)
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=15000)


def search_for(qtbot, window, text: str, timeout: int = 15000):
    """Type ``text`` in the search box and return the first-page result for it."""
    with qtbot.waitSignal(
        window.search.results_changed,
        check_params_cb=lambda r: r.query == text,
        timeout=timeout,
    ) as blocker:
        window.search_bar.edit.clear()
        if text.isascii():
            qtbot.keyClicks(window.search_bar.edit, text)
        else:  # QTest can only type ASCII
            window.search_bar.edit.setText(text)
    return blocker.args[0]
