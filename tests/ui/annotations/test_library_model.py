"""The library-wide annotations table sorts itself and keeps its order across refreshes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.core.annotations.models import Annotation, TextPositionSelector, TextQuoteSelector
from desktop.ui.annotations.library_view import AnnotationsView
from desktop.ui.annotations.models import Column
from desktop.ui.roles import Role

T0 = datetime(2024, 5, 1, tzinfo=UTC)


def _ann(n: int, quote: str, author: str = "") -> Annotation:
    return Annotation(
        id=f"id{n}", article_id="a", quote=TextQuoteSelector(exact=quote),
        position=TextPositionSelector(start=0, end=len(quote)), content_hash="h",
        created=T0 + timedelta(minutes=n), modified=T0 + timedelta(minutes=n), author=author,
    )


def test_sorting_is_kept_when_the_list_is_refreshed(qtbot) -> None:
    view = AnnotationsView()
    qtbot.addWidget(view)
    first = [_ann(1, "Bò"), _ann(2, "an"), _ann(3, "Cá", "lan")]
    view.set_annotations(first, {"a": "Bài"}, [], "lan")

    def order() -> list[str]:
        return [view.proxy.index(r, 0).data(Role.ID) for r in range(view.proxy.rowCount())]

    assert order() == ["id3", "id2", "id1"]  # newest first, as the view starts
    view.table.sortByColumn(Column.QUOTE, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(3)] == ["an", "Bò", "Cá"]
    view.set_annotations([*first, _ann(4, "Ba")], {"a": "Bài"}, [], "lan")  # someone added one
    assert [view.proxy.index(r, 0).data() for r in range(4)] == ["an", "Ba", "Bò", "Cá"]
    view.table.sortByColumn(Column.CREATED, Qt.SortOrder.AscendingOrder)
    assert order() == ["id1", "id2", "id3", "id4"]
    authors = {view.proxy.index(r, 0).data(Role.ID): view.proxy.index(r, Column.AUTHOR).data()
               for r in range(4)}
    assert authors["id3"] == "lan (you)" and authors["id1"] == "unknown"
    view.text_edit.setText("ca")  # filters still apply to the sorted rows
    assert order() == ["id3"]
