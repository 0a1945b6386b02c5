"""Annotation widgets offscreen: highlighter, controller with undo, panel, library view, editor.

Bodies hold emoji (two UTF-16 units each) and combining marks, so any mix-up
between code points and UTF-16 offsets shows up as a shifted highlight.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QTextCursor

from desktop.core.annotations.models import PALETTE
from desktop.core.annotations.store import AnnotationStore
from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.annotations.editor import AnnotationEditor
from desktop.ui.reader.view import ReaderView
from desktop.ui.roles import Role

BODY = (
    "Mở đầu 🐷🐷 bài viết.\n\n"
    "Đội tuyển Việt Nam 🇻🇳 được hỗ trợ đào tạo; q\u0301 là dấu rời.\n\n"
    "Kinh phí cho nghiên cứu khoa học tăng 12% so với năm trước ☕."
)


def add(library: Library, body: str = BODY, title: str = "Bài thử") -> str:
    raw = (title + body).encode()
    draft = ArticleDraft(
        id=article_id_for(raw), title=title, body=body, source_path="a.txt", kind="text",
        original=Original(data=raw),
    )
    library.articles.add(draft)
    return draft.id


def background_at(reader: ReaderView, cp: int) -> QColor | None:
    """The annotation background of the character at code point ``cp``."""
    cursor = QTextCursor(reader.body_edit.document())
    cursor.setPosition(reader.offset_map.to_utf16(cp) + 1)  # format of the char before
    fmt = cursor.charFormat()
    return fmt.background().color() if fmt.hasProperty(fmt.Property.BackgroundBrush) else None


class Answers:
    """Stands in for the modal editor: returns preset answers and records calls."""

    def __init__(self) -> None:
        self.answer: tuple[str, tuple[str, ...], str] | None = ("", (), "yellow")
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> tuple[str, tuple[str, ...], str] | None:
        self.calls.append(args)
        return self.answer


@pytest.fixture
def setup(qtbot, library: Library) -> Iterator[tuple[ReaderView, AnnotationController, Answers]]:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(800, 600)
    answers = Answers()
    controller = AnnotationController(reader, lambda: library, editor=answers)
    qtbot.addWidget(controller.panel)
    qtbot.addWidget(controller.view)
    yield reader, controller, answers


def test_highlights_land_on_the_right_characters(setup, library: Library) -> None:
    reader, controller, _ = setup
    aid = add(library)
    store = AnnotationStore(library.conn)
    flag = store.create_from_quote(aid, "Việt Nam 🇻🇳 được", color="green").annotation
    mark = store.create_from_quote(aid, "q\u0301 là", color="#123456").annotation
    reader.show_article(library.articles.get(aid))
    assert controller.article_model.rowCount() == 2
    green = QColor(PALETTE["green"])
    assert background_at(reader, flag.start) == green
    assert background_at(reader, flag.end - 1) == green
    assert background_at(reader, flag.start - 1) is None
    assert background_at(reader, flag.end) is None
    assert background_at(reader, mark.start) == QColor("#123456")
    assert background_at(reader, mark.end) is None
    # The document's text is untouched by the formats.
    assert reader.body_edit.toPlainText() == BODY


def test_create_edit_delete_with_undo(setup, library: Library) -> None:
    reader, controller, _ = setup
    aid = add(library)
    reader.show_article(library.articles.get(aid))
    store = AnnotationStore(library.conn)
    start = BODY.index("Kinh phí")
    made = controller.create(aid, start, start + 8, note="n", tags=["a/b"], color="pink")
    assert made is not None and store.count() == 1
    assert background_at(reader, start) == QColor(PALETTE["pink"])

    edited = controller.edit(made.id, note="mới", color="blue")
    assert edited is not None and store.get(made.id).note == "mới"
    assert background_at(reader, start) == QColor(PALETTE["blue"])
    controller.undo_stack.undo()
    assert store.get(made.id) == made
    assert background_at(reader, start) == QColor(PALETTE["pink"])
    controller.undo_stack.redo()
    assert store.get(made.id).note == "mới"

    controller.delete(made.id)
    assert store.count() == 0 and controller.article_model.rowCount() == 0
    assert background_at(reader, start) is None
    controller.undo_stack.undo()  # undelete
    assert store.get(made.id).note == "mới"
    controller.undo_stack.undo()  # unedit
    controller.undo_stack.undo()  # uncreate
    assert store.count() == 0 and background_at(reader, start) is None
    controller.undo_stack.redo()
    assert store.get(made.id) == made  # same id and times come back


def test_annotate_selection_uses_code_points(setup, library: Library) -> None:
    reader, controller, answers = setup
    aid = add(library)
    reader.show_article(library.articles.get(aid))
    start = BODY.index("🐷🐷 bài")
    reader.select_span(start, start + 6)
    answers.answer = ("ghi chú", ("lợn",), "orange")
    made = controller.annotate_selection()
    assert made is not None and made.exact == "🐷🐷 bài"
    assert answers.calls[0][0] == "🐷🐷 bài"
    assert (made.note, made.tags, made.color) == ("ghi chú", ("lợn",), "orange")
    # Cancelled dialogs and empty selections create nothing.
    answers.answer = None
    reader.select_span(0, 3)
    assert controller.annotate_selection() is None
    reader.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
    messages: list[str] = []
    controller.message.connect(messages.append)
    assert controller.annotate_selection() is None and messages
    assert AnnotationStore(library.conn).count() == 1


def test_panel_click_selects_the_passage(setup, library: Library, qtbot) -> None:
    reader, controller, _ = setup
    aid = add(library)
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(aid, "tăng 12% so với năm trước ☕").annotation
    store.create_from_quote(aid, "Mở đầu")
    reader.show_article(library.articles.get(aid))
    panel = controller.panel
    rows = [panel.model.index(r, 0).data(Role.ID) for r in range(panel.model.rowCount())]
    assert rows[1] == ann.id  # text order
    panel.list.clicked.emit(panel.model.index(1, 0))
    assert reader.selected_span() == (ann.start, ann.end)
    # Clicking inside a highlight selects it in the panel.
    reader.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
    assert panel.current_id() == rows[0]


def test_orphans_are_listed_but_not_painted(setup, library: Library) -> None:
    reader, controller, _ = setup
    aid = add(library)
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(aid, "Mở đầu").annotation
    library.conn.execute("UPDATE annotations SET status='orphaned' WHERE id=?", (ann.id,))
    reader.show_article(library.articles.get(aid))
    assert controller.article_model.rowCount() == 1
    assert "⚠" in controller.article_model.index(0, 0).data()
    assert background_at(reader, 0) is None


def test_library_view_filters_and_opens(setup, library: Library, qtbot) -> None:
    _, controller, _ = setup
    a1 = add(library)
    a2 = add(library, body="Chính sách thuế mới về đất đai.", title="Thuế")
    store = AnnotationStore(library.conn)
    x = store.create_from_quote(a1, "Đội tuyển", tags=["sport"], color="green").annotation
    y = store.create_from_quote(a1, "Kinh phí", tags=["policy/funding"]).annotation
    z = store.create_from_quote(a2, "thuế mới", tags=["policy"], note="đất đai").annotation
    controller.refresh_library_view()
    view = controller.view

    def shown() -> set[str]:
        return {a.id for a in view.visible_annotations()}

    assert shown() == {x.id, y.id, z.id}
    view.tag_box.setCurrentIndex(view.tag_box.findData("policy"))
    assert shown() == {y.id, z.id}
    view.tag_box.setCurrentIndex(0)
    view.color_box.setCurrentIndex(view.color_box.findData("green"))
    assert shown() == {x.id}
    view.color_box.setCurrentIndex(0)
    view.text_edit.setText("dat dai")
    assert shown() == {z.id}
    view.text_edit.clear()
    view.article_box.setCurrentIndex(view.article_box.findData(a1))
    assert shown() == {x.id, y.id}
    view.article_box.setCurrentIndex(0)
    tomorrow = date.today() + timedelta(days=1)
    view.from_edit.setDate(tomorrow)
    assert shown() == set()
    view.from_edit.setDate(view.from_edit.minimumDate())
    assert len(shown()) == 3
    # Sorting by quote.
    view.table.sortByColumn(0, view.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    quotes = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert quotes == sorted(quotes, key=str.casefold)
    with qtbot.waitSignal(controller.open_requested) as blocker:
        row = next(r for r in range(view.proxy.rowCount())
                   if view.proxy.index(r, 0).data() == "thuế mới")
        view.table.activated.emit(view.proxy.index(row, 0))
    assert blocker.args == [a2, z.start]


def test_editor_dialog_values(qtbot) -> None:
    dialog = AnnotationEditor(
        "Đội tuyển", note="cũ", tags=["a"], color="#abcdef", known_tags=["policy/funding"]
    )
    qtbot.addWidget(dialog)
    assert dialog.color() == "#abcdef"  # custom colours survive an edit of the note
    dialog.note_edit.setPlainText("  Ghi **chú**  ")
    dialog.tags_edit.setText("policy/funding,  sport , , a/ b")
    assert dialog.note() == "Ghi **chú**"
    assert dialog.tags() == ("policy/funding", "sport", "a/b")
    dialog.findChild(type(dialog.colors.buttons()[0]), "color_purple").click()
    assert dialog.color() == "purple"
    completer = dialog.tags_edit.completer()
    assert completer.splitPath("sport, pol") == ["pol"]


def test_read_only_library_disables_editing(qtbot, tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "ro")
    add(lib)
    lib.close()
    ro = Library.open(tmp_path / "ro", read_only=True)
    try:
        reader = ReaderView()
        qtbot.addWidget(reader)
        controller = AnnotationController(reader, lambda: ro, editor=Answers())
        qtbot.addWidget(controller.panel)
        qtbot.addWidget(controller.view)
        assert not controller.annotate_action.isEnabled()
    finally:
        ro.close()


def test_export_shown_and_import_back(setup, library: Library, tmp_path: Path) -> None:
    reader, controller, _ = setup
    aid = add(library)
    store = AnnotationStore(library.conn)
    keep = store.create_from_quote(aid, "Đội tuyển", tags=["sport"]).annotation
    store.create_from_quote(aid, "Kinh phí", tags=["policy"])
    controller.refresh_library_view()
    view = controller.view
    view.tag_box.setCurrentIndex(view.tag_box.findData("sport"))
    report = controller.export_visible(tmp_path / "shown.jsonld", "w3c")
    assert report is not None and report.annotations == 1
    # Delete it (Delete key in the panel), then bring it back from the file.
    reader.show_article(library.articles.get(aid))
    controller.panel.select(keep.id)
    controller.delete_action.trigger()
    assert store.find(keep.id) is None
    merged = controller.import_file(tmp_path / "shown.jsonld")
    assert merged is not None and merged.added == 1
    assert store.get(keep.id) == keep
    assert controller.article_model.row_of(keep.id) >= 0
    messages: list[str] = []
    controller.message.connect(messages.append)
    assert controller.import_file(tmp_path / "missing.jsonld") is None
    assert messages and "Cannot read" in messages[-1]
    assert controller.export_visible(tmp_path / "no" / "x.csv", "csv") is None
