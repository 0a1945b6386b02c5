"""Opening another library from the window, and opening a bundle read-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import UserError
from desktop.ui.app import open_library_for_app
from tests.helpers.ui_library import seed
from tests.helpers.window import search_for, wait_ready


def test_switch_to_another_library(qtbot, seeded_library, tmp_path, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    changed: list[str] = []
    window.library_changed.connect(changed.append)
    other = tmp_path / "other"
    assert window.switch_library(other, create=True)
    assert changed == [str(other)]
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=15000)
    assert window.search.last_result.total == 0 and window.results_model.rowCount() == 0
    assert window.stack.currentWidget() is window.empty_screen
    assert window.settings.last_library == other
    assert window.reader.current_article() is None
    assert not window.switch_library(tmp_path / "missing", create=False)
    assert window.library.root == other


def test_open_bundle_read_only(qtbot, tmp_path, library, make_window) -> None:
    from desktop.core.bundles.export import export_bundle

    seed(library, 12)
    bundle = tmp_path / "b.zip"
    export_bundle(library, bundle, with_originals=True)
    opened = open_library_for_app(tmp_path / "unused", str(bundle))
    window = make_window(opened)
    wait_ready(qtbot, window)
    assert opened.read_only and "read-only" in window.windowTitle()
    assert window.results_model.total == 13
    result = search_for(qtbot, window, "gom")
    assert result.total > 0
    window.open_article(result.hits[0].id)
    window.reader.original_action.trigger()
    assert window.reader.is_showing_original()


def test_bad_bundle_is_a_user_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(UserError):
        open_library_for_app(tmp_path / "unused", str(junk))
