"""Re-anchoring after the article text changed: kept, moved, fuzzy, orphaned."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from desktop.core.annotations.anchoring import orphan_missing, reanchor_article
from desktop.core.annotations.matching import anchor, locate_quote
from desktop.core.annotations.models import TextPositionSelector, quote_for_span
from desktop.core.annotations.store import AnnotationStore
from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library
from desktop.core.textnorm import tidy_body
from tests.helpers.annotations import BODY, AddArticle


def set_body(library: Library, article_id: str, body: str) -> None:
    a = library.articles.get(article_id)
    library.articles.update_text(
        article_id, title=a.title, body=body, published=a.published, site=a.site,
        author=a.author, url=a.url, language=a.language,
    )


def test_unchanged_text_keeps_everything(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(aid, "Đội tuyển Việt Nam").annotation
    gen = library.articles.generation()
    counts = reanchor_article(library.annotations, library.articles.get(aid))
    assert (counts.kept, counts.moved, counts.fuzzy, counts.orphaned) == (1, 0, 0, 0)
    assert store.get(ann.id) == ann
    assert library.articles.generation() == gen  # nothing written


def test_inserted_text_moves_annotations(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(aid, "Đội tuyển Việt Nam").annotation
    emoji = store.create_from_quote(aid, "🐷 và cà phê ☕").annotation
    set_body(library, aid, "Tin mới 📰 cập nhật.\n\n" + BODY)
    gen = library.articles.generation()
    counts = reanchor_article(library.annotations, library.articles.get(aid))
    assert (counts.moved, counts.orphaned) == (2, 0)
    body = library.articles.get(aid).body
    for old in (ann, emoji):
        new = store.get(old.id)
        assert body[new.start : new.end] == old.exact
        assert new.start == old.start + len("Tin mới 📰 cập nhật.\n\n")
        assert new.status == "anchored" and new.modified == old.modified
    row = library.conn.execute("SELECT gen FROM articles WHERE id = ?", (aid,)).fetchone()
    assert row[0] == gen + 1


def test_repeated_quote_prefers_its_own_context(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    second = store.create_from_quote(
        aid, "Kinh phí cho nghiên cứu khoa học", suffix=" được công khai"
    ).annotation
    # Remove the first paragraph: both occurrences shift, the context picks the right one.
    set_body(library, aid, BODY.split("\n\n", 1)[1])
    reanchor_article(library.annotations, library.articles.get(aid))
    new = store.get(second.id)
    body = library.articles.get(aid).body
    assert new.start == body.rindex("Kinh phí cho nghiên cứu khoa học")


def test_edited_passage_is_found_fuzzily(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(
        aid, "Kinh phí cho nghiên cứu khoa học tăng 12% so với năm trước"
    ).annotation
    edited = BODY.replace("tăng 12% so với năm trước", "tăng 15% so vơi năm trước")
    set_body(library, aid, "Mở đầu.\n\n" + edited)
    counts = reanchor_article(library.annotations, library.articles.get(aid))
    assert counts.fuzzy == 1
    new = store.get(ann.id)
    body = library.articles.get(aid).body
    assert body[new.start : new.end] == "Kinh phí cho nghiên cứu khoa học tăng 15% so vơi năm trước"
    assert new.exact == body[new.start : new.end]


def test_removed_passage_is_orphaned_not_deleted(
    library: Library, add_article: AddArticle
) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    ann = store.create_from_quote(aid, "Đội tuyển Việt Nam được hỗ trợ đào tạo.").annotation
    set_body(library, aid, "Một bài hoàn toàn khác, không liên quan gì đến nội dung cũ cả.")
    counts = reanchor_article(library.annotations, library.articles.get(aid))
    assert counts.orphaned == 1
    orphan = store.get(ann.id)
    assert orphan.status == "orphaned" and orphan.exact == ann.exact
    assert [a.id for a in store.for_article(aid)] == [ann.id]
    # The text comes back: the annotation is anchored again.
    set_body(library, aid, BODY)
    counts = reanchor_article(library.annotations, library.articles.get(aid))
    assert counts.moved == 1 and store.get(ann.id).status == "anchored"


def test_short_quotes_are_never_matched_fuzzily() -> None:
    text = "abc xyz"
    q = quote_for_span("the cat sat", 4, 7)
    assert anchor(text, q, TextPositionSelector(start=4, end=7)) is None


def test_orphan_missing_article(library: Library, add_article: AddArticle) -> None:
    aid = add_article()
    store = AnnotationStore(library.conn)
    store.create(aid, 0, 5)
    library.articles.delete([aid])
    assert orphan_missing(library.annotations, aid) == 1
    assert store.for_article(aid)[0].status == "orphaned"


def test_locate_quote_flags_ties() -> None:
    m = locate_quote("ab ab ab", "ab", prefix="x")
    assert m is not None and m.ambiguous and m.occurrences == 3


@pytest.mark.corpus
def test_reanchoring_on_real_articles(library: Library, corpus: Path) -> None:
    """Annotate real articles, edit them the way re-extraction does, re-anchor."""
    rng = random.Random(7)
    with zipfile.ZipFile(corpus / "vn-news-35k.zip") as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))
        picked = [n for n in rng.sample(names, 60) if zf.getinfo(n).file_size > 2000][:20]
        texts = [zf.read(n).decode("utf-8") for n in picked]
    store = AnnotationStore(library.conn)
    total = found = 0
    for raw in texts:
        lines = raw.splitlines()
        body = tidy_body("\n".join(lines[1:]))
        draft = ArticleDraft(
            id=article_id_for(raw.encode()), title=lines[0], body=body, source_path="x.txt",
            kind="text", original=Original(data=raw.encode()),
        )
        library.articles.add(draft)
        spans = []
        for _ in range(5):
            start = rng.randrange(0, len(body) - 80)
            spans.append(store.create(draft.id, start, start + rng.randrange(20, 80)))
        # Re-extraction: a chrome line added on top, one paragraph's spacing changed.
        edited = "Trang chủ | Tin tức | Liên hệ\n\n" + body.replace(". ", ".  ", 1)
        set_body(library, draft.id, edited)
        counts = reanchor_article(library.annotations, library.articles.get(draft.id))
        total += counts.total
        found += counts.total - counts.orphaned
        for old in spans:
            new = store.get(old.id)
            if new.status == "anchored":
                assert edited[new.start : new.end] == new.exact
                assert abs(len(new.exact) - len(old.exact)) <= 2
    assert total == 100
    assert found >= 98


def test_short_quotes_need_some_context_to_move() -> None:
    old = "Ông Nguyễn Văn A, giám đốc sở, cho biết kinh phí sẽ tăng trong năm tới."
    start = old.index("cho biết")
    q = quote_for_span(old, start, start + len("cho biết"))
    pos = TextPositionSelector(start=start, end=start + len("cho biết"))
    unrelated = "Một bài khác hẳn: bà B cho biết trời mưa to suốt cả tuần qua ở miền Trung."
    assert anchor(unrelated, q, pos) is None
    # The menu in front changed, but what follows the quote is still there.
    rechromed = "TRANG CHỦ | LIÊN HỆ\n" + old[start:]
    found = anchor(rechromed, q, pos)
    assert found is not None and rechromed[found.start : found.end] == "cho biết"


def test_fuzzy_needs_the_context_of_short_quotes() -> None:
    old = "Mô-men xoắn cực đại 9,9 Nm tại 6.000 vòng/phút, kết hợp hộp số sàn 5 cấp."
    start = old.index("cực đại 9,9 Nm")
    end = start + len("cực đại 9,9 Nm tại")
    q = quote_for_span(old, start, end)
    pos = TextPositionSelector(start=start, end=end)
    other_car = "Bản máy dầu đạt cực đại 140 Nm tại 4.200 vòng/phút. Giá bán chưa công bố."
    assert anchor(other_car, q, pos) is None
    corrected = old.replace("9,9 Nm", "9,8 Nm")
    found = anchor(corrected, q, pos)
    assert found is not None and found.method == "fuzzy"
    assert corrected[found.start : found.end] == "cực đại 9,8 Nm tại"
