"""Fixtures for the UI tests: small libraries built from text written here, isolated settings.

The library's articles come from ``tests/helpers/ui_library``; waiting on a window is in
``tests/helpers/window``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.store import Library
from desktop.ui.settings import AppSettings
from tests.helpers.ui_library import seed


@pytest.fixture
def seeded_library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "seeded")
    seed(lib, 120)
    yield lib
    lib.close()


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings" / "test.ini")


@pytest.fixture
def make_window(qtbot, app_settings: AppSettings) -> Iterator[Callable[..., object]]:
    from desktop.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def factory(library: Library, settings: AppSettings | None = None, **kwargs: object):
        kwargs.setdefault("show_reports", False)
        kwargs.setdefault("isolate_writer", False)  # the child-process writer has its own test
        window = MainWindow(library, settings or app_settings, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.shutdown()
