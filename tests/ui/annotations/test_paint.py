"""Painting many annotations: opening paints with layout off, edits repaint only what changed.

The painted result is checked character by character against what the rule says
(the last annotation, in text order, covering a character gives its background;
the focused one underlines), after opening and after every kind of edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from desktop.core.annotations.models import PALETTE, color_hex
from desktop.core.annotations.store import AnnotationStore
from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.reader.view import ReaderView
from desktop.ui.textoffsets import utf16_len

# Long enough to need scrolling, with emoji (two UTF-16 units) all through it.
BODY = "\n\n".join(
    f"Đoạn {i} 🐷: đội tuyển Việt Nam tập luyện ☕ trên sân trước trận đấu quan trọng."
    for i in range(300)
)


@pytest.fixture
def opened(qtbot, library: Library) -> Iterator[tuple[ReaderView, AnnotationController, str]]:
    raw = BODY.encode()
    draft = ArticleDraft(
        id=article_id_for(raw), title="Dài", body=BODY, source_path="dai.txt", kind="text",
        original=Original(data=raw),
    )
    library.articles.add(draft)
    store = AnnotationStore(library.conn)
    colors = list(PALETTE)
    step = len(BODY) // 150
    for i in range(150):  # overlapping neighbours: each reaches into the next
        start = i * step + 3
        store.create(draft.id, start, start + step + 10, color=colors[i % len(colors)])
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 500)
    reader.show()
    qtbot.waitExposed(reader)
    controller = AnnotationController(reader, lambda: library, editor=lambda *a: None)
    qtbot.addWidget(controller.panel)
    qtbot.addWidget(controller.view)
    reader.show_article(library.articles.get(draft.id))
    yield reader, controller, draft.id


Looks = list[tuple[str | None, bool]]  # (background, underlined) per UTF-16 position


def painted(reader: ReaderView) -> Looks:
    """(background, underlined) of every UTF-16 position of the body, from the document.

    Paragraph separators carry no character format of their own; they read as unpainted.
    """
    out: Looks = []
    block = reader.body_edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            bg = (
                fmt.background().color().name()
                if fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush) else None
            )
            out.extend([(bg, fmt.fontUnderline())] * frag.length())
            it += 1
        if block.next().isValid():
            out.append((None, False))  # the paragraph separator
        block = block.next()
    return out


def expected(controller: AnnotationController, focused: str | None) -> Looks:
    out: Looks = [(None, False)] * utf16_len(BODY)
    for ann in controller.store().for_article(controller.reader.current_article().id):
        if ann.status != "anchored":
            continue
        start = utf16_len(BODY[: ann.start])
        end = start + utf16_len(ann.exact)
        for i in range(start, end):
            out[i] = (QColor(color_hex(ann.color)).name(), out[i][1] or ann.id == focused)
    newlines = {utf16_len(BODY[:m.start()]) for m in re.finditer("\n", BODY)}
    return [(None, False) if i in newlines else v for i, v in enumerate(out)]


def test_opening_paints_every_annotation_and_keeps_the_layout_width(opened) -> None:
    reader, controller, _ = opened
    assert controller.article_model.rowCount() == 150
    assert painted(reader) == expected(controller, None)
    doc = reader.body_edit.document()
    assert doc.textWidth() == reader.body_edit.viewport().width()
    # The whole article is laid out on demand: the end can be scrolled to and shown.
    reader.scroll_to_offset(len(BODY) - 5)
    assert reader.body_edit.verticalScrollBar().value() > 0
    end = QTextCursor(doc)
    end.setPosition(reader.offset_map.to_utf16(len(BODY) - 5))
    assert reader.body_edit.viewport().rect().contains(reader.body_edit.cursorRect(end).center())


def test_edits_repaint_only_what_changed_with_the_same_result(opened, qtbot) -> None:
    reader, controller, article_id = opened
    store = controller.store()
    anns = store.for_article(article_id)
    middle = BODY.index("Đoạn 150 ")
    reader.scroll_to_offset(middle)
    qtbot.wait(50)  # let the lazy layout run
    bar = reader.body_edit.verticalScrollBar()
    scrolled = bar.value()
    assert scrolled > 0

    outer = anns[75]
    made = controller.create(article_id, outer.start + 5, outer.start + 25, color="purple")
    assert made is not None
    assert painted(reader) == expected(controller, None)
    # Another one inside the same outer passage, after the first: repainting around it
    # must not paint the outer colour back over the first one.
    tail = controller.create(article_id, outer.start + 40, outer.start + 45, color="orange")
    assert tail is not None
    assert painted(reader) == expected(controller, None)
    controller.edit(anns[75].id, color="green")
    assert painted(reader) == expected(controller, None)
    controller.delete(anns[76].id)
    assert painted(reader) == expected(controller, None)
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert painted(reader) == expected(controller, None)
    controller.show_annotation(anns[10].id)  # focus underlines once the article is repainted
    controller.reload_article()
    assert painted(reader) == expected(controller, anns[10].id)
    controller.delete(made.id)
    controller.delete(anns[0].id)
    controller.delete(anns[-1].id)  # a change at both ends repaints the whole stretch
    assert painted(reader) == expected(controller, anns[10].id)

    reader.scroll_to_offset(middle)
    scrolled = bar.value()
    controller.edit(anns[80].id, color="blue")
    qtbot.wait(20)
    assert bar.value() == scrolled  # the view did not move


def test_a_new_article_starts_from_a_clean_document(opened, library: Library) -> None:
    reader, controller, _ = opened
    other = "Bài khác 🎉 không có ghi chú nào."
    raw = other.encode()
    draft = ArticleDraft(
        id=article_id_for(raw), title="Khác", body=other, source_path="b.txt", kind="text",
        original=Original(data=raw),
    )
    library.articles.add(draft)
    reader.show_article(library.articles.get(draft.id))
    assert controller.article_model.rowCount() == 0
    assert painted(reader) == [(None, False)] * utf16_len(other)
    made = controller.create(draft.id, 0, 3, color="yellow")
    assert made is not None
    assert painted(reader)[:4] == [(QColor(color_hex("yellow")).name(), False)] * 3 + [
        (None, False)
    ]



def test_showing_the_same_article_again_with_a_query_paints_only_the_annotations(
    opened,
) -> None:
    reader, controller, article_id = opened
    current = reader.current_article()
    assert current is not None and current.id == article_id
    # The text cursor ends up inside a highlight (as after creating one from a selection).
    reader.select_span(current.body.index("Đoạn 1 ") + 2, current.body.index("Đoạn 1 ") + 3)
    for query in ("đội tuyển", "trận đấu", None):
        reader.show_article(current, query=query)
        assert painted(reader) == expected(controller, None)
