"""An unreachable server met by any slot becomes the window's bar, not a traceback."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QPushButton

from desktop.core.errors import ServerUnreachable
from desktop.ui.server_errors import route_server_errors


def test_a_slot_that_meets_an_unreachable_server_shows_the_reason(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed_on: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _k, exc, _tb: passed_on.append(exc))
    shown: list[str] = []
    route_server_errors(shown.append)
    button = QPushButton()
    qtbot.addWidget(button)

    def lost() -> None:
        raise ServerUnreachable("the connection to db.example was lost")

    button.clicked.connect(lost)
    button.click()
    assert shown == ["the connection to db.example was lost"]
    assert passed_on == []
    other = ValueError("a bug")
    sys.excepthook(ValueError, other, None)
    assert passed_on == [other] and len(shown) == 1
