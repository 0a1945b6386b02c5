"""The app's server parts: File ▸ Open Server Library…, the unreachable bar, read-only accounts.

No server runs here: ``open_library`` is replaced where a test needs a server
library (a folder library that says it is one) or an unreachable server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.core.annotations.store import AnnotationStore
from desktop.core.errors import ServerUnreachable
from desktop.core.store import Library
from desktop.ui import main_window as main_window_module
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.dialogs.server_dialog import ServerLibraryDialog
from desktop.ui.search.backend import Backend
from tests.helpers.ui_library import seed

ADDRESS = "postgresql://ana:hunter2@db.example/team"
SHOWN = "postgresql://ana@db.example/team"  # as shown: no password (nor the default port)
DOWN = "could not connect to the server db.example: Connection refused"


class ServerLibrary(Library):
    """A folder library standing in for a server library."""

    is_server = True

    @property
    def location(self) -> str:
        return SHOWN

    @property
    def name(self) -> str:
        return "team"


@pytest.fixture
def server_root(tmp_path: Path) -> Path:
    root = tmp_path / "team"
    with Library.open(root) as lib:
        seed(lib, 3)
    return root


def _unreachable(*_args: object, **_kwargs: object) -> Library:
    raise ServerUnreachable(DOWN)


def test_the_dialog_remembers_the_address_without_its_password(
    qtbot, make_window, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(library, 2)
    window = make_window(library, use_index=False)
    opened: list[str] = []
    monkeypatch.setattr(window, "open_server_library", lambda a: opened.append(a) or True)

    def accept(dialog: ServerLibraryDialog) -> int:
        assert dialog.address_edit.text() == ""
        dialog.address_edit.setText(ADDRESS)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ServerLibraryDialog, "exec", accept)
    assert window.choose_server_library()
    assert opened == [ADDRESS]  # the password is used for this connection
    assert window.settings.server_address == SHOWN
    window.settings.sync()
    assert "hunter2" not in window.settings.path.read_text(encoding="utf-8")
    assert SHOWN in window.settings.path.read_text(encoding="utf-8")

    def look(dialog: ServerLibraryDialog) -> int:
        assert dialog.address_edit.text() == SHOWN  # offered again next time
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ServerLibraryDialog, "exec", look)
    assert not window.choose_server_library()


def test_the_dialog_accepts_only_a_server_address(qtbot) -> None:
    dialog = ServerLibraryDialog()
    qtbot.addWidget(dialog)
    dialog.address_edit.setText("/home/ana/library")
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.isVisibleTo(dialog)
    assert "postgresql://" in dialog.error_label.text()
    dialog.address_edit.setText(" postgres://db.example/team ")
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.address() == "postgres://db.example/team"


def test_an_unreachable_server_shows_the_bar_and_retry_opens_it(
    qtbot, make_window, library: Library, server_root: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed(library, 2)
    window = make_window(library, use_index=False)
    window.search_bar.edit.setText("kinh tế")
    monkeypatch.setattr(main_window_module, "open_location", _unreachable)
    assert not window.open_server_library(ADDRESS)
    bar = window.unreachable_bar
    assert bar.isVisibleTo(window)
    assert bar.title.text() == "Server unreachable" and DOWN in bar.detail.text()
    assert window.library is library  # the library open now stays open
    assert window.search_bar.text() == "kinh tế"

    bar.retry_button.click()  # still down
    assert bar.isVisibleTo(window) and window.library is library

    asked: list[str] = []

    def reachable(address: str, **_kwargs: object) -> Library:
        asked.append(address)
        return ServerLibrary.open(server_root, create=False, read_only=True)

    monkeypatch.setattr(main_window_module, "open_location", reachable)
    qtbot.mouseClick(bar.retry_button, Qt.MouseButton.LeftButton)
    assert asked == [ADDRESS]
    assert not bar.isVisibleTo(window)
    assert isinstance(window.library, ServerLibrary)
    assert window.windowTitle() == "team (read-only)"
    assert window.library_label.text() == SHOWN
    assert window.search_bar.text() == "kinh tế"  # what was typed meanwhile is kept
    qtbot.waitUntil(lambda: window.search.query == "kinh tế", timeout=5000)
    # A read-only account is told so, in words that fit a server.
    controller = window.extensions["annotations"]
    assert isinstance(controller, AnnotationController)
    assert "server library" in controller.read_only_message()
    assert not controller.annotate_action.isEnabled()
    assert "server library" in window.read_only_notice()
    assert not window.import_paths([str(server_root)])


def test_a_refused_address_is_one_line_and_no_bar(
    qtbot, make_window, library: Library
) -> None:
    seed(library, 1)
    window = make_window(library, use_index=False)
    assert not window.open_server_library("postgresql://db.example/")  # names no database
    assert not window.unreachable_bar.isVisibleTo(window)
    message = window.statusBar().currentMessage()
    assert "names no database" in message and "\n" not in message


def test_a_server_lost_mid_session_keeps_the_annotation_being_written(
    qtbot, make_window, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed(library, 3)
    window = make_window(library, use_index=False)
    controller = window.extensions["annotations"]
    assert isinstance(controller, AnnotationController)
    window.open_article(ids[0])
    window.search_bar.edit.setText("đổi mới")

    real_create = AnnotationStore.create
    monkeypatch.setattr(AnnotationStore, "create", lambda *a, **k: _unreachable())
    made = controller.create(ids[0], 0, 5, note="ghi chú dài đang viết", tags=["a/b"])
    assert made is None
    assert window.unreachable_bar.isVisibleTo(window)
    assert AnnotationStore(library.conn).count() == 0
    assert window.search_bar.text() == "đổi mới"

    monkeypatch.setattr(AnnotationStore, "create", real_create)
    with qtbot.waitSignal(window.server_answered, timeout=2000):
        window.unreachable_bar.retry_button.click()
    assert not window.unreachable_bar.isVisibleTo(window)
    saved = AnnotationStore(library.conn).list_all()
    assert [(a.note, a.tags) for a in saved] == [("ghi chú dài đang viết", ("a/b",))]
    assert controller.pending is None
    assert window.search_bar.text() == "đổi mới"


def test_a_connection_that_stays_broken_is_opened_afresh_on_retry(
    qtbot, make_window, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed(library, 3)
    window = make_window(library, use_index=False)
    window.open_article(ids[1])
    window.search.set_query("bài")
    old = window.library
    monkeypatch.setattr(old.articles, "get", _unreachable)
    monkeypatch.setattr(old.articles, "generation", _unreachable)
    assert window.open_article(ids[2]) is None
    assert window.unreachable_bar.isVisibleTo(window)
    assert window.reader.current_article().id == ids[1]  # what was shown stays

    assert window.retry_server()
    assert window.library is not old and not window.unreachable_bar.isVisibleTo(window)
    assert window.search.query == "bài"
    assert window.reader.current_article().id == ids[1]


def test_an_unreachable_server_during_a_search_shows_the_bar(
    qtbot, make_window, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(library, 2)
    window = make_window(library, use_index=False)
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=10000)
    monkeypatch.setattr(Backend, "run", lambda *_a: _unreachable())
    window.search_bar.edit.setText("kinh tế")
    window.search_bar.flush()
    qtbot.waitUntil(lambda: window.unreachable_bar.isVisibleTo(window), timeout=5000)
    assert window.search_bar.text() == "kinh tế"


def test_open_library_says_a_server_that_does_not_answer_is_unreachable() -> None:
    from desktop.core.store.locations import open_library

    with pytest.raises(ServerUnreachable):
        open_library("postgresql://ana@127.0.0.1:1/team")  # nothing listens on port 1
