"""The File menu's bundle actions: export, import, open read-only, and their errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel

from desktop.core.bundles import export_bundle, verify_bundle
from desktop.core.bundles.readonly import TEMP_PREFIX
from desktop.core.store import Library
from desktop.ui.bundles.controller import ExportScope
from desktop.ui.bundles.options_dialog import ExportOptionsDialog
from desktop.ui.roles import Role
from tests.core.bundles.tampering import rewrite
from tests.helpers.ui_library import make_draft, seed
from tests.helpers.window import search_for, wait_ready


def _accept_export(qtbot, window, dialog: ExportOptionsDialog, out: Path, **options: bool):
    dialog.path_edit.setText(str(out))
    for name, value in options.items():
        getattr(dialog, name).setChecked(value)
    with qtbot.waitSignal(window.bundles.finished, timeout=30000) as blocker:
        dialog.accept()
    assert blocker.args[0] == "export"
    return blocker.args[1]


def _wait_job(qtbot, window, kind: str, timeout: int = 30000):
    with qtbot.waitSignal(
        window.bundles.finished, check_params_cb=lambda k, _r: k == kind, timeout=timeout
    ) as blocker:
        pass
    return blocker.args[1]


def test_export_library_writes_a_valid_bundle(qtbot, tmp_path, library, make_window) -> None:
    seed(library, 8)
    window = make_window(library)
    wait_ready(qtbot, window)
    window.actions_.export_library.trigger()
    dialog = window.findChild(ExportOptionsDialog)
    assert dialog is not None
    report = _accept_export(qtbot, window, dialog, tmp_path / "whole", originals=True)
    out = tmp_path / "whole.zip"  # the dialog adds the .zip suffix
    assert Path(report.path) == out
    verified = verify_bundle(out)
    assert verified.ok and verified.scope == "library"
    assert verified.counts.articles == library.articles.count() == 9
    assert verified.counts.originals == 9 and verified.counts.index_files == 0
    assert not window.bundles.strip.isVisible()


def test_export_selection_and_results(qtbot, tmp_path, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    model, selection = window.results_model, window.results.selectionModel()
    assert window.results.selected_ids() == [model.index(0, 0).data(Role.ID)]
    selection.clearSelection()
    assert not window.actions_.export_selection.isEnabled()
    assert window.bundles.export_selection_dialog() is None
    selection.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection.select(model.index(4, 0), QItemSelectionModel.SelectionFlag.Select)
    assert window.actions_.export_selection.isEnabled()
    chosen = window.results.selected_ids()
    dialog = window.bundles.export_selection_dialog()
    _accept_export(qtbot, window, dialog, tmp_path / "sel.zip", originals=False)
    verified = verify_bundle(tmp_path / "sel.zip")
    assert verified.scope == "selection" and verified.counts.articles == len(chosen) == 2
    assert verified.counts.originals == 0

    result = search_for(qtbot, window, "gom")
    assert 0 < result.total < 121
    dialog = window.bundles.export_results_dialog()
    _accept_export(qtbot, window, dialog, tmp_path / "gom.zip")
    verified = verify_bundle(tmp_path / "gom.zip")
    assert verified.scope == "query" and verified.counts.articles == result.total

    site = "tintuc.example.vn"
    with qtbot.waitSignal(window.search.results_changed, timeout=15000) as blocker:
        window.search.set_filters({"site": (site,)})
    filtered = blocker.args[0]
    assert 0 < filtered.total < result.total
    dialog = window.bundles.export_results_dialog()
    _accept_export(qtbot, window, dialog, tmp_path / "gom-site.zip")
    verified = verify_bundle(tmp_path / "gom-site.zip")
    assert verified.counts.articles == filtered.total


def _other_bundle(tmp_path: Path) -> tuple[Path, list[str]]:
    other = Library.open(tmp_path / "other")
    drafts = [
        make_draft(900 + i, title=f"Lễ hội thuyền rồng {i}", body=f"Đua thuyền rồng lần {i}.")
        for i in range(3)
    ]
    other.articles.add_many(drafts)
    out = tmp_path / "other.zip"
    export_bundle(other, out, with_originals=True)
    other.close()
    return out, [d.id for d in drafts]


def test_import_bundle_merges_and_is_searchable(qtbot, tmp_path, library, make_window) -> None:
    seed(library, 5)
    bundle, ids = _other_bundle(tmp_path)
    window = make_window(library)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.index_synced, timeout=60000):
        assert window.bundles.start_import(bundle)
        strip = window.bundles.strip
        assert not strip.isHidden() and strip.label.text() == "Importing bundle"
        assert not window.bundles.start_open(bundle)  # one bundle task at a time
        report = _wait_job(qtbot, window, "import")
    assert report.imported == 3 and report.duplicates == 0
    assert window.bundles.strip.isHidden()
    assert library.articles.count() == 9
    result = search_for(qtbot, window, "thuyen rong")
    assert {hit.id for hit in result.hits} == set(ids)
    assert "3" in window.statusBar().currentMessage()

    # Dropping (or choosing) the same bundle as a file goes through the bundle import.
    with qtbot.waitSignal(window.index_synced, timeout=60000):
        assert window.import_paths([bundle])
        again = _wait_job(qtbot, window, "import")
    assert again.imported == 0 and again.duplicates == 3
    assert library.articles.count() == 9


def test_tampered_bundle_shows_the_error(qtbot, tmp_path, library, make_window) -> None:
    seed(library, 5)
    bundle, _ids = _other_bundle(tmp_path)
    bad = rewrite(
        bundle,
        tmp_path / "bad.zip",
        lambda name, data: data.replace("thuyền".encode(), "THUYỀN".encode())
        if name == "articles.jsonl"
        else data,
    )
    window = make_window(library)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.bundles.failed, timeout=30000) as blocker:
        assert window.bundles.start_import(bad)
    kind, message = blocker.args
    assert kind == "import" and "articles.jsonl" in message
    box = window.bundles.last_error
    assert box is not None and box.isVisible() and box.text() == message
    assert "Traceback" not in box.text()
    box.close()
    assert library.articles.count() == 6  # nothing of the damaged bundle was added
    assert not window.bundles.is_busy() and not window.bundles.strip.isVisible()


def test_open_bundle_read_only_from_the_menu(qtbot, tmp_path, library, make_window) -> None:
    seed(library, 5)
    bundle, ids = _other_bundle(tmp_path)
    window = make_window(library)
    wait_ready(qtbot, window)
    assert window.actions_.import_bundle.isEnabled()
    assert window.bundles.start_open(bundle)
    opened = _wait_job(qtbot, window, "open")
    assert window.library is opened and opened.read_only
    assert "read-only" in window.windowTitle() and "other.zip" in window.windowTitle()
    for action in (
        window.actions_.import_files,
        window.actions_.import_folder,
        window.actions_.import_bundle,
    ):
        assert not action.isEnabled()
    assert window.actions_.export_library.isEnabled()
    assert not window.import_paths([bundle])
    qtbot.waitUntil(lambda: window.results_model.total == 3, timeout=15000)
    copy = tmp_path / "copy.zip"  # a read-only bundle can be exported again
    assert window.bundles.start_export(copy, ExportScope(), with_originals=True)
    _wait_job(qtbot, window, "export")
    assert verify_bundle(copy).counts.articles == 3
    result = search_for(qtbot, window, "thuyen rong")
    assert {hit.id for hit in result.hits} == set(ids)
    assert not window.bundles.start_import(bundle)  # refused, nothing started
    temp_root = opened.root.parent
    assert temp_root.name.startswith(TEMP_PREFIX) and temp_root.is_dir()
    assert window.switch_library(library.root)
    assert not temp_root.exists()  # leaving the bundle removes its temporary copy
    assert window.actions_.import_bundle.isEnabled()


def test_broken_bundle_open_keeps_the_library(qtbot, tmp_path, library, make_window) -> None:
    seed(library, 3)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not a zip")
    window = make_window(library)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.bundles.failed, timeout=30000) as blocker:
        window.bundles.start_open(junk)
    assert blocker.args[0] == "open" and blocker.args[1]
    assert window.bundles.last_error.text() == blocker.args[1]
    window.bundles.last_error.close()
    assert window.library is library and not library.read_only
