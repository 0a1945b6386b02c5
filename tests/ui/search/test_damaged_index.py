"""A damaged index in the app: searches answer from the library while it is rebuilt."""

from __future__ import annotations

import itertools
import threading
import time
from typing import Any

from desktop.core.search import results
from desktop.core.search.index import REBUILDING_NOTICE, SearchIndex
from tests.helpers.window import search_for, wait_ready


def test_searching_over_a_damaged_index_answers_and_says_so_until_it_is_rebuilt(
    qtbot, seeded_library, make_window, monkeypatch
) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    release = threading.Event()
    real_write, real_run = SearchIndex._write_all, results.ResultBuilder.run
    calls = {"n": 0}

    def held(self: SearchIndex, *args: Any, **kwargs: Any) -> int:
        assert release.wait(30)
        return real_write(self, *args, **kwargs)

    def broken_once(self: results.ResultBuilder) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise Exception("Block tag error")  # what a damaged segment gives
        return real_run(self)

    monkeypatch.setattr(SearchIndex, "_write_all", held)
    monkeypatch.setattr(results.ResultBuilder, "run", broken_once)
    result = search_for(qtbot, window, "lua chiu man")
    assert result.total == 30 and REBUILDING_NOTICE in (result.notice or "")
    assert window.results.message.isVisibleTo(window)
    assert window.results_model.rowCount() == 30
    # Still rebuilding: the next search is answered from the library too.
    assert REBUILDING_NOTICE in (search_for(qtbot, window, "gốm").notice or "")
    release.set()
    # Each search differs from the one before, so each one really runs.
    queries = itertools.cycle(["lua", "gom", "lua chiu", "chiu man"])
    deadline = time.monotonic() + 60
    while search_for(qtbot, window, next(queries)).notice is not None:
        assert time.monotonic() < deadline, "the rebuilt index never answered"
        qtbot.wait(200)
    again = search_for(qtbot, window, "gốm")
    assert again.total == 30 and not again.notice
    assert not window.results.message.isVisibleTo(window)
