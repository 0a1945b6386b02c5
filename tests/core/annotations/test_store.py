"""AnnotationStore: create, read, update, delete, restore, filters, tag counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from desktop.core.annotations.models import AnnotationFilter
from desktop.core.annotations.store import AnnotationStore
from desktop.core.errors import NotFoundError, UserError
from desktop.core.store import Library
from desktop.core.store.connection import current_generation
from tests.helpers.annotations import BODY, AddArticle


def article_gen(library: Library, article_id: str) -> int:
    row = library.conn.execute("SELECT gen FROM articles WHERE id = ?", (article_id,)).fetchone()
    return int(row[0])


def test_create_from_span_keeps_quote_context_and_bumps_generation(
    library: Library, add_article: AddArticle
) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    gen_before = current_generation(library.conn)
    start = BODY.index("Kinh phí")
    ann = store.create(aid, start, start + 8, note="**quan trọng**", tags=["policy/funding"],
                       color="green")
    assert ann.exact == "Kinh phí"
    assert ann.quote.prefix == BODY[start - 32 : start]
    assert ann.quote.suffix == BODY[start + 8 : start + 40]
    assert ann.content_hash == library.articles.get(aid).content_hash
    assert current_generation(library.conn) == gen_before + 1
    assert article_gen(library, aid) == gen_before + 1
    # Another connection sees it at once: the write is committed.
    other = AnnotationStore(library.connect())
    assert other.get(ann.id) == ann


def test_offsets_count_code_points_with_emoji_and_combining_marks(
    library: Library, add_article: AddArticle
) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    made = store.create_from_quote(aid, "cà phê ☕ là")
    assert BODY[made.annotation.start : made.annotation.end] == "cà phê ☕ là"
    # "q" + combining acute has no precomposed form: two code points even in NFC.
    made2 = store.create_from_quote(aid, "q\u0301 là")
    assert made2.annotation.end - made2.annotation.start == 5


def test_bad_spans_and_unknown_articles_are_user_errors(
    library: Library, add_article: AddArticle
) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    for start, end in ((5, 5), (-1, 3), (0, len(BODY) + 1), (9, 3)):
        with pytest.raises(UserError):
            store.create(aid, start, end)
    with pytest.raises(NotFoundError):
        store.create("nope", 0, 3)
    with pytest.raises(NotFoundError):
        store.create_from_quote(aid, "không có trong bài")
    with pytest.raises(UserError):
        store.create(aid, 0, 3, color="rainbow")
    assert store.count() == 0


def test_quote_ambiguity_and_context(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    first = store.create_from_quote(aid, "Kinh phí cho nghiên cứu khoa học")
    assert first.match.ambiguous and first.match.occurrences == 2
    assert first.annotation.start == BODY.index("Kinh phí")
    second = store.create_from_quote(
        aid, "Kinh phí cho nghiên cứu khoa học", suffix=" được công khai"
    )
    assert not second.match.ambiguous
    assert second.annotation.start == BODY.rindex("Kinh phí")
    # A quote copied across a line break still matches.
    spanning = store.create_from_quote(aid, "tổng kết. Kinh phí")
    assert spanning.match.whitespace_flexible
    assert spanning.annotation.exact == "tổng kết.\n\nKinh phí"


def test_update_delete_restore(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create(aid, 0, 6, tags=["a"])
    same = store.update(ann.id, note=None, tags=["a"])
    assert same == ann
    gen = current_generation(library.conn)
    edited = store.update(ann.id, note="ghi chú", tags=["b", "a/x"], color="#112233")
    assert (edited.note, edited.tags, edited.color) == ("ghi chú", ("a/x", "b"), "#112233")
    assert edited.modified >= ann.modified and edited.created == ann.created
    assert article_gen(library, aid) == gen + 1
    removed = store.delete(ann.id)
    assert store.find(ann.id) is None
    assert library.conn.execute("SELECT COUNT(*) FROM annotation_tags").fetchone()[0] == 0
    store.restore(removed)
    assert store.get(ann.id) == edited
    with pytest.raises(NotFoundError):
        store.delete("missing")
    assert store.resolve_id(ann.id[:8]) == ann.id


def test_list_in_text_order_and_filters(library: Library, add_article: AddArticle) -> None:
    a1 = add_article()
    a2 = add_article(body="Đội tuyển Việt Nam thắng. Chính sách mới về thuế.", title="Hai")
    store = AnnotationStore(library.conn)
    late = store.create(a1, 100, 110, tags=["policy/funding"], color="blue")
    early = store.create(a1, 0, 6, tags=["policy"], note="Đội tuyển mạnh")
    other = store.create(a2, 0, 9, tags=["sport"], color="blue")
    assert [a.id for a in store.for_article(a1)] == [early.id, late.id]

    def ids(**kw: object) -> set[str]:
        return {a.id for a in store.list_all(AnnotationFilter(**kw))}  # type: ignore[arg-type]

    assert ids() == {early.id, late.id, other.id}
    assert ids(tag="policy") == {early.id, late.id}
    assert ids(tag="Policy/Funding") == {late.id}
    assert ids(tag="pol") == set()
    assert ids(color="blue") == {late.id, other.id}
    assert ids(article_id=a2) == {other.id}
    assert ids(article_ids=(a1,)) == {early.id, late.id}
    # Free text, accent-insensitive, over quotes and notes.
    assert ids(text="doi tuyen") == {early.id, other.id}
    today = date.today()
    assert ids(created_from=today - timedelta(days=1), created_to=today + timedelta(days=1)) == {
        early.id, late.id, other.id,
    }
    assert ids(created_from=today + timedelta(days=2)) == set()
    assert store.tag_counts() == {"policy": 2, "policy/funding": 1, "sport": 1}
    assert store.all_tags() == ["policy", "policy/funding", "sport"]
    assert store.tags_for_article(a1) == ["policy", "policy/funding"]
    assert store.notes_for_article(a1) == ["Đội tuyển mạnh"]


def test_annotations_outlive_their_article(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create(aid, 0, 6)
    library.articles.delete([aid])
    assert store.get(ann.id).exact == BODY[:6]


def test_read_back_models_behave_like_validated_ones(
    library: Library, add_article: AddArticle
) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    made = store.create(aid, 3, 9, note="n", tags=["b", "a"], color="#aabbcc")
    read = store.get(made.id)
    assert read == made and hash(read.position) == hash(made.position)
    assert type(read).model_validate(read.model_dump()) == read
    assert read.model_copy(update={"note": "x"}).note == "x"
    with pytest.raises(ValidationError):
        read.note = "frozen"  # type: ignore[misc]
