"""The app opens no network connection: start, import, search, read, show a remote original."""

from __future__ import annotations

import socket

import pytest

from desktop.core.store import Library
from tests.helpers.ui_library import REMOTE_HTML
from tests.helpers.window import search_for, wait_ready


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def fail(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"network use is forbidden in the app ({name})")

        return fail

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_whole_flow_stays_offline(qtbot, tmp_path, make_window, no_network) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "trang.html").write_text(REMOTE_HTML, encoding="utf-8")
    (folder / "tin.txt").write_text(
        "Tin gốm sứ\nLàng gốm mở hội chợ.\n\nHội chợ gốm năm nay có nhiều gian hàng mới.\n",
        encoding="utf-8",
    )
    library = Library.open(tmp_path / "lib")
    window = make_window(library)
    window.show()
    qtbot.waitExposed(window)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        window.import_paths([folder])
    assert blocker.args[0].imported == 2, blocker.args[0]
    html_id = next(s.id for s in library.articles.summaries() if s.source.endswith("trang.html"))
    result = search_for(qtbot, window, "gom")
    assert result.total >= 1
    window.open_article(html_id)
    window.reader.original_action.trigger()
    assert window.reader.is_showing_original()
    window.reader.original_view.repaint()
    qtbot.wait(50)
    assert "Trang gốc" in window.reader.original_view.toPlainText()
    assert no_network == []


def test_the_network_trap_works(no_network) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80))
    assert len(no_network) == 1
