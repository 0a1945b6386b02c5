"""The bulk writer's syllable numbering gives exactly the terms of the analysis."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import numpy as np
import pytest

from desktop.core.search.analysis import PART_BREAK, pair_list, syllable_list
from desktop.core.search.index import SearchIndex
from desktop.core.search.numbering import SegmentSyllables
from tests.helpers.search import AddFn, run, titles

TEXTS = [
    "Đổi mới sáng tạo",
    "ĐỘI TUYỂN Việt Nam thắng, doi moi và đôi mới",
    unicodedata.normalize("NFD", "Khoa học công nghệ"),
    "thi \u0323t bò, café naïve e\u0301",
    "ΟΔΟΣ Σοφία ΣΑΣ",
    "İstanbul İİ straße ẞ Øresund Łódź",
    "東京 タワー x_y 3,5 ² ½ ﬁne ǅemal ǈ ǰ ΐ ＡＢＣ",
    "",
    "một",
    f"Tiêu đề{PART_BREAK}Tiêu đề{PART_BREAK}Thân bài ở đây{PART_BREAK}",
    f"{PART_BREAK}{PART_BREAK}a b",
]


def _terms(table: SegmentSyllables, numbers: list[int], ends: list[int]) -> tuple[
    list[str], list[str]
]:
    resolved = table.resolved()
    dense = resolved.dense[np.asarray(numbers, dtype=np.int64)].tolist()
    syllables = [resolved.plain_names[resolved.plain_of[d]] for d in dense]
    firsts: list[int] = []
    seconds: list[int] = []
    begin = 0
    for end in ends:
        for n in range(begin, end - 1):
            firsts.append(dense[n])
            seconds.append(dense[n + 1])
        begin = end
    return syllables, resolved.pair_names(firsts, seconds)


@pytest.mark.parametrize("text", TEXTS)
def test_each_text_gives_the_syllables_and_pairs_of_the_analysis(text: str) -> None:
    table = SegmentSyllables()
    numbers, ends = table.split(text)
    assert _terms(table, list(numbers), ends) == (syllable_list(text), pair_list(text))


def test_one_numbering_serves_every_text_of_a_segment() -> None:
    table = SegmentSyllables()
    splits = [(text, *table.split(text)) for text in TEXTS]
    for text, numbers, ends in splits:
        assert _terms(table, list(numbers), ends) == (syllable_list(text), pair_list(text))


def test_texts_of_single_syllables_index_without_pairs(
    add: AddFn, open_whoosh: Callable[[], SearchIndex]
) -> None:
    add("A", "mưa")
    add("B", "nắng")
    ix = open_whoosh()
    assert titles(run(ix, "mua")) == ["A"]
    assert list(ix.searcher().reader().lexicon("pairs")) == []
