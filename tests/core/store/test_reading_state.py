"""Reading state: read flags and scroll positions."""

from __future__ import annotations

from desktop.core.store import Library
from desktop.core.store.reading_state import ReadingState, ReadingStateStore
from tests.helpers.search import make_draft


def test_positions_and_read_flags_are_independent(library: Library) -> None:
    drafts = [make_draft("A", "một"), make_draft("B", "hai"), make_draft("C", "ba")]
    library.articles.add_many(drafts)
    a, b, c = (d.id for d in drafts)
    store = ReadingStateStore(library.conn)
    assert store.get(a) == ReadingState(read=False, position=0)
    store.set_position(a, 120)
    store.set_position(a, -5)
    store.set_position(b, 40)
    assert store.get(a).position == 0
    assert store.mark([b, c, b]) == 2
    assert store.mark([b]) == 0
    assert store.get(b) == ReadingState(read=True, position=40)
    assert store.read_among([a, b, c]) == {b, c}
    assert store.unread_count() == 1
    assert store.mark([c, a], read=False) == 1
    assert sorted(store.read_ids()) == [b]
