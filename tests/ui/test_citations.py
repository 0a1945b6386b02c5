"""Export Citations… from the results: the selection, else the current results."""

from __future__ import annotations

import json
from unittest import mock

import bibtexparser
import rispy
from PySide6.QtCore import QItemSelectionModel

from desktop.ui.roles import Role
from tests.helpers.window import search_for, wait_ready


def test_citations_of_a_selection(qtbot, tmp_path, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    model, selection = window.results_model, window.results.selectionModel()
    selection.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection.select(model.index(3, 0), QItemSelectionModel.SelectionFlag.Select)
    chosen = window.results.selected_ids()
    assert "2 selected" in window.citations.caption()
    with qtbot.waitSignal(window.citations.finished, timeout=30000) as blocker:
        assert window.citations.start_export(tmp_path / "refs", "ris")
    report = blocker.args[0]
    assert report.citations == 2 and report.path.endswith("refs.ris")
    refs = rispy.loads((tmp_path / "refs.ris").read_text(encoding="utf-8"))
    assert [r["id"] for r in refs] == chosen
    assert "2 citation" in window.statusBar().currentMessage()


def test_citations_of_the_current_results(qtbot, tmp_path, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    result = search_for(qtbot, window, "gom")
    assert 0 < result.total < 121
    assert f"{result.total} current" in window.citations.caption()
    with qtbot.waitSignal(window.citations.finished, timeout=30000):
        window.citations.start_export(tmp_path / "gom.bib", "bibtex")
    parsed = bibtexparser.parse_string((tmp_path / "gom.bib").read_text(encoding="utf-8"))
    assert len(parsed.entries) == result.total
    assert parsed.failed_blocks == []


def test_the_menu_action_asks_for_a_file_and_format(
    qtbot, tmp_path, seeded_library, make_window
) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    csl_filter = next(f for f, fmt in window.citations.filters().items() if fmt == "csljson")
    out = tmp_path / "all.json"
    with mock.patch(
        "desktop.ui.citations.QFileDialog.getSaveFileName", return_value=(str(out), csl_filter)
    ), qtbot.waitSignal(window.citations.finished, timeout=30000):
        window.actions_.export_citations.trigger()
    items = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) == window.search.last_result.total
    assert all(item["id"] and item["type"] for item in items)
    assert items[0]["id"] == model_first_id(window)


def model_first_id(window) -> str:
    return str(window.results_model.index(0, 0).data(Role.ID))


def test_a_failed_export_is_a_warning(qtbot, tmp_path, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.citations.failed, timeout=30000) as blocker:
        window.citations.start_export(tmp_path / "missing-folder" / "x.ris", "ris")
    assert blocker.args[0]
    assert not window.citations.busy
