"""Phrase checks on the stored text, kept with the index reader (``checked``)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from desktop.core.search.checked import check_key, known, record
from desktop.core.search.index import SearchIndex
from desktop.core.store import Library
from tests.helpers.search import AddFn, run, titles


class _Reader:
    """Stands for an index reader: the cache is keyed by the reader object."""


def test_known_outcomes_are_those_recorded_and_merge_over_searches() -> None:
    reader = _Reader()
    key = check_key(("khoa", "hoc", "cong"), ["title", "body"])
    docs = np.asarray([1, 3, 5, 7], dtype=np.int64)
    yes, no = known(reader, key, docs)
    assert not yes.any() and not no.any()
    record(reader, key, {5: True, 1: False})
    record(reader, key, {7: True, 5: True})
    yes, no = known(reader, key, docs)
    assert yes.tolist() == [False, False, True, True]
    assert no.tolist() == [True, False, False, False]
    # Another phrase, or the same one in other fields, knows nothing yet.
    other = check_key(("khoa", "hoc", "cong"), ["title"])
    assert not known(reader, other, docs)[0].any()
    assert not known(_Reader(), key, docs)[0].any()


@pytest.fixture
def phrase_library(add: AddFn) -> None:
    # Each has every pair of the phrase; the counts prove neither, so both are read.
    add("Liền", "Khoa học công nghệ phát triển. Học sinh đi học, công nhân đi làm.")
    add("Rời", "Khoa học hay. Học công phu. Công nghệ số.")


def test_a_phrase_checked_once_is_not_read_again_on_the_same_reader(
    library: Library,
    phrase_library: None,
    open_whoosh: Callable[[], SearchIndex],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ix = open_whoosh()
    reads: list[int] = []
    texts = library.articles.texts

    def counted(ids: list[str]) -> list[tuple[str, str, str, str | None]]:
        reads.append(len(ids))
        return texts(ids)

    monkeypatch.setattr(library.articles, "texts", counted)
    first = run(ix, '"khoa học công nghệ"')
    assert titles(first) == ["Liền"] and first.total == 1 and first.notice is None
    assert sum(reads) == 2
    reads.clear()
    again = run(ix, '"khoa học công nghệ"', sort="newest")
    assert titles(again) == ["Liền"] and again.total == 1
    assert not reads
    # Inside a larger query the outcomes count too; a NOT of the phrase keeps the other.
    assert titles(run(ix, '-"khoa học công nghệ" khoa')) == ["Rời"]
    assert not reads


def test_a_new_reader_checks_the_new_articles(
    library: Library, add: AddFn, phrase_library: None, open_whoosh: Callable[[], SearchIndex]
) -> None:
    ix = open_whoosh()
    assert run(ix, '"khoa học công nghệ"').total == 1
    add("Mới", "Khoa học công nghệ mới. Học thêm, công việc nhiều.")
    ix.close()
    ix = open_whoosh()
    assert sorted(titles(run(ix, '"khoa học công nghệ"'))) == ["Liền", "Mới"]
