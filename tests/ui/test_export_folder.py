"""Export dialogs start in the Documents folder, then in the folder last exported to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from desktop.core.store import Library
from tests.helpers.ui_library import seed
from tests.helpers.window import wait_ready


def test_exports_start_in_documents_then_remember_the_folder(
    qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda _location: str(documents))
    )
    library = Library.open(tmp_path / "lib")
    ids = seed(library, 4)
    window = make_window(library, use_index=False)
    wait_ready(qtbot, window)
    starts: list[str] = []
    chosen = tmp_path / "exports" / "notes.jsonld"
    chosen.parent.mkdir()

    def fake_save(_parent, _caption, start, _filters=""):
        starts.append(start)
        return str(chosen.with_name(Path(start).name)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))

    # Annotations: the first export starts in Documents.
    annotations = window.extensions["annotations"]
    annotations.create(ids[0], 0, 4, note="ghi chú")
    annotations.export_with_dialog()
    assert Path(starts[-1]) == documents / "annotations.jsonld"
    assert (chosen.parent / "annotations.jsonld").exists()

    # The compare report then starts where the annotations went.
    view = window.extensions["compare"].compare(ids[0], ids[1])
    qtbot.waitUntil(lambda: view.result() is not None, timeout=20000)
    assert view.export_html() is not None
    assert Path(starts[-1]).parent == chosen.parent

    # So does a bundle export, and the app settings keep the folder.
    dialog = window.bundles.export_library_dialog()
    qtbot.addWidget(dialog)
    assert Path(dialog.path_edit.text()).parent == chosen.parent
    assert window.settings.last_export_dir == chosen.parent
