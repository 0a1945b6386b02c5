"""The app on a library folder that cannot be written: read-only, and it says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.search.index import SearchIndex
from desktop.core.store import Library
from desktop.core.store import library as library_module
from tests.helpers.ui_library import seed
from tests.helpers.window import wait_ready


def test_the_app_opens_an_unwritable_library_read_only(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_window
) -> None:
    from desktop.ui.app import open_library_for_app

    with Library.open(tmp_path / "lib") as lib:
        seed(lib, 40)
        SearchIndex.open(lib).close()
    monkeypatch.setattr(library_module, "writable", lambda path: False)
    root = tmp_path / "lib"
    library = open_library_for_app(root, None)
    assert isinstance(library, Library) and library.read_only
    window = make_window(library)
    wait_ready(qtbot, window)
    assert "read-only" in window.windowTitle()
    assert not window.actions_.import_files.isEnabled()
