"""With a bundle open read-only, no editing action can open the editor or lose a note.

Right-click ▸ Annotate and Ctrl+Shift+A opened the editor; OK then threw the
note away with an ``attempt to write a readonly database`` traceback.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core.annotations.store import AnnotationStore
from desktop.core.bundles import close_bundle, export_bundle, open_bundle_readonly
from desktop.core.store import Library
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.reader.view import ReaderView
from tests.helpers.annotations import make_draft


class Editor:
    """Stands in for the modal editor and records every time it is opened."""

    def __init__(self) -> None:
        self.opened = 0

    def __call__(self, *args: object) -> tuple[str, tuple[str, ...], str]:
        self.opened += 1
        return ("a note that could not be saved", (), "yellow")


@pytest.fixture
def bundle_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    source = Library.open(tmp_path / "source")
    draft = make_draft()
    source.articles.add(draft)
    AnnotationStore(source.conn).create_from_quote(draft.id, "Kinh phí", note="giữ nguyên")
    export_bundle(source, tmp_path / "b.zip")
    source.close()
    lib = open_bundle_readonly(tmp_path / "b.zip")
    yield lib
    close_bundle(lib)


@pytest.fixture
def setup(qtbot, bundle_library: Library) -> tuple[ReaderView, AnnotationController, Editor]:
    reader = ReaderView()
    qtbot.addWidget(reader)
    editor = Editor()
    controller = AnnotationController(reader, lambda: bundle_library, editor=editor)
    qtbot.addWidget(controller.panel)
    qtbot.addWidget(controller.view)
    article = bundle_library.articles.get(bundle_library.articles.all_ids()[0])
    reader.show_article(article)
    start = article.body.index("Đội tuyển") if "Đội tuyển" in article.body else 0
    reader.select_span(start, start + 5)
    return reader, controller, editor


def test_annotate_stays_disabled_and_says_why(qtbot, setup) -> None:
    reader, controller, editor = setup
    messages: list[str] = []
    controller.message.connect(messages.append)
    action = controller.annotate_action
    assert not action.isEnabled()  # also after an article is shown
    assert "read-only" in action.toolTip() and "Import bundle" in action.toolTip()
    assert action in reader.body_edit.extra_actions  # the context menu shows it disabled
    reader.show()
    qtbot.waitExposed(reader)
    qtbot.keyClick(
        reader.body_edit, Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    action.trigger()
    assert controller.annotate_selection() is None
    assert editor.opened == 0
    assert messages and "read-only" in messages[-1]


def test_edit_delete_and_import_refuse_and_keep_the_note(
    setup, bundle_library: Library, tmp_path: Path
) -> None:
    _reader, controller, editor = setup
    messages: list[str] = []
    controller.message.connect(messages.append)
    (ann,) = AnnotationStore(bundle_library.conn).list_all()
    assert controller.edit_with_dialog(ann.id) is None
    assert controller.edit(ann.id, note="changed") is None
    assert controller.delete(ann.id) is None
    controller.panel.list.setCurrentIndex(controller.article_model.index(0, 0))
    assert not controller.delete_action.isEnabled()
    controller.delete_action.trigger()  # the Delete key: disabled, nothing happens
    path = tmp_path / "in.jsonld"
    path.write_text(json.dumps({"type": "AnnotationCollection", "items": []}), encoding="utf-8")
    assert controller.import_file(path) is None
    assert controller.create(ann.article_id, 0, 3, note="x") is None
    assert editor.opened == 0
    assert len(messages) == 5 and all("read-only" in m for m in messages)
    (still,) = AnnotationStore(bundle_library.conn).list_all()
    assert still.note == "giữ nguyên"
    assert not controller.view.import_button.isEnabled()
    assert "read-only" in controller.view.import_button.toolTip()
    assert not controller.panel.edit_button.isVisible()
    assert controller.article_model.rowCount() == 1  # the panel still shows the note
