"""Indexing an import while it runs: the follower indexes what is committed, and the
catch-up after it leaves the index exactly in line with the store."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.ingest import import_paths
from desktop.core.search import follow as follow_module
from desktop.core.search import index as index_module
from desktop.core.search.follow import IndexFollower
from desktop.core.search.index import SearchIndex
from desktop.core.search.state import read_state
from desktop.core.store import Library
from tests.helpers.search import make_draft, run, titles


def _following(library: Library) -> tuple[threading.Thread, threading.Event, list[int]]:
    """A follower on its own connection and thread, like the follower process."""
    done = threading.Event()
    written: list[int] = []
    other = Library.open(library.root, create=False)
    index = SearchIndex.open(other)

    def body() -> None:
        try:
            written.append(index.follow(done.is_set, poll=0.01))
        finally:
            index.close()
            other.close()

    thread = threading.Thread(target=body)
    thread.start()
    return thread, done, written


def test_articles_stored_while_following_are_indexed_in_segments(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "SEGMENT_DOCS", 10)
    library.articles.add_many([make_draft("Trước", "Bài có trước khi nhập.")])
    thread, done, written = _following(library)
    for batch in range(5):
        library.articles.add_many(
            [make_draft(f"Bài {batch}-{n}", f"Mưa lớn ở Huế, đợt {batch} số {n}.")
             for n in range(7)]
        )
    done.set()
    thread.join()
    assert written == [35]
    state = read_state(library.index_dir)
    assert state is not None and state.generation == library.articles.generation()
    ix = SearchIndex.open(library)
    try:
        assert ix.sync() == 0
        assert ix.doc_count() == 36
        assert run(ix, '"mưa lớn"', limit=100).total == 35
        assert len(list(ix.searcher().reader().leaf_readers())) >= 4
    finally:
        ix.close()


def test_an_article_changed_again_is_left_to_the_catch_up(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "SEGMENT_DOCS", 1)  # each article committed at once
    first = make_draft("Cũ", "Nội dung cũ về bão.")
    thread, done, _ = _following(library)
    library.articles.add_many([first])
    # Wait until the follower has indexed it, then change it.
    for _ in range(1000):
        ix = SearchIndex.open_as_is(library) if read_state(library.index_dir) else None
        seen = ix is not None and ix.doc_count() == 1
        if ix is not None:
            ix.close()
        if seen:
            break
        threading.Event().wait(0.01)
    assert seen
    library.articles.update_text(
        first.id, title="Mới", body="Nội dung mới về nắng.", published=None,
        site=None, author=None, url=None, language=None,
    )
    library.articles.add_many([make_draft("Khác", "Bài khác về bão.")])
    done.set()
    thread.join()
    ix = SearchIndex.open(library)  # catches up what the follower left
    try:
        assert ix.doc_count() == 2
        assert titles(run(ix, "nang")) == ["Mới"]
        assert titles(run(ix, "bao")) == ["Khác"]
    finally:
        ix.close()


def test_a_removed_article_stops_the_follower_and_the_catch_up_removes_it(
    library: Library,
) -> None:
    kept, gone = make_draft("Giữ", "Bài giữ lại."), make_draft("Xoá", "Bài bị xoá.")
    library.articles.add_many([kept, gone])
    ix = SearchIndex.open(library)
    ix.close()
    thread, done, _ = _following(library)
    library.articles.delete([gone.id])
    library.articles.add_many([make_draft("Sau", "Bài thêm sau.")])
    done.set()
    thread.join()
    ix = SearchIndex.open(library)
    try:
        assert sorted(titles(run(ix, "bai"))) == ["Giữ", "Sau"]
    finally:
        ix.close()


def _write_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(
            f"Tin số {n} về khoa học\nBài viết số {n}: khoa học công nghệ ở Hà Nội.\n",
            encoding="utf-8",
        )


def test_a_large_import_is_indexed_by_the_follower_process(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(follow_module, "FOLLOW_MIN_DOCUMENTS", 10)
    _write_articles(tmp_path / "in", 30)
    with IndexFollower(library.root) as follower:
        report = import_paths(library, [tmp_path / "in"], alongside=follower)
        assert follower.started
    assert report.imported == 30
    # The follower wrote the index up to the store's generation: nothing is left.
    state = read_state(library.index_dir)
    assert state is not None and state.generation == library.articles.generation()
    ix = SearchIndex.open(library)
    try:
        assert ix.sync() == 0
        assert run(ix, '"khoa học công nghệ"', limit=50).total == 30
    finally:
        ix.close()


def test_a_small_import_starts_no_follower(library: Library, tmp_path: Path) -> None:
    _write_articles(tmp_path / "in", 3)
    follower = IndexFollower(library.root)
    calls: list[int] = []
    planned: Callable[[int], None] = follower.planned
    follower.planned = lambda n: (calls.append(n), planned(n))[1]  # type: ignore[method-assign]
    with follower:
        import_paths(library, [tmp_path / "in"], alongside=follower)
        assert calls == [3] and not follower.started
