"""Vietnamese analysis: NFC, no stop words, folding including đ."""

from __future__ import annotations

import unicodedata

from desktop.core.search.analysis import FoldingTokenizer, exact_syllables, syllables
from tests.helpers.search import AddFn, run, titles


def test_syllables_fold_and_keep_short_words() -> None:
    assert syllables("Phố cổ Hội An ở Quảng Nam, ý kiến") == [
        "pho", "co", "hoi", "an", "o", "quang", "nam", "y", "kien",
    ]
    assert syllables("Đội tuyển Việt Nam") == ["doi", "tuyen", "viet", "nam"]


def test_nfd_text_is_normalized_before_tokenizing() -> None:
    nfd = unicodedata.normalize("NFD", "Khoa học")
    assert syllables(nfd) == ["khoa", "hoc"]
    assert exact_syllables(nfd) == ["khoa", "học"]


def test_whoosh_tokenizer_yields_positions() -> None:
    toks = [(t.text, t.pos) for t in FoldingTokenizer()("Hà Nội ở", positions=True)]
    assert toks == [("ha", 0), ("noi", 1), ("o", 2)]


def test_an_and_one_letter_syllables_are_searchable(add: AddFn, open_index) -> None:
    add("Du lịch", "Phố cổ Hội An nằm ở Quảng Nam.")
    add("Góp ý", "Người dân cho ý kiến về dự thảo.")
    add("Khác", "Một bài không liên quan.")
    ix = open_index()
    assert titles(run(ix, "Hội An")) == ["Du lịch"]
    assert titles(run(ix, "an")) == ["Du lịch"]
    assert titles(run(ix, "ở")) == ["Du lịch"]
    assert titles(run(ix, "ý")) == ["Góp ý"]


def test_folded_queries_find_accented_text_including_d_stroke(add: AddFn, open_index) -> None:
    add("Đổi mới", "Chương trình đổi mới sáng tạo quốc gia.")
    add("Bóng đá", "Đội tuyển Việt Nam thắng trận.")
    add("Khác", "Dọi sáng tao nhã.")
    ix = open_index()
    assert titles(run(ix, "doi moi sang tao")) == ["Đổi mới"]
    assert titles(run(ix, "doi tuyen viet nam")) == ["Bóng đá"]
    assert titles(run(ix, "ĐỘI TUYỂN")) == ["Bóng đá"]


def test_bucket_numbers_of_many_pairs_match_those_of_each_pair() -> None:
    from desktop.core.search.analysis import pair_bucket_array, pair_bucket_numbers

    pairs = ["doi moi|đổi mới", "doi moi", "ha noi", "a b", "xin chao|xin chào", "2023 la"]
    assert pair_bucket_array(pairs).tolist() == [pair_bucket_numbers(p) for p in pairs]
    plain, accented = pair_bucket_array(["doi moi", "doi moi|đổi mới"]).tolist()
    assert plain == accented
