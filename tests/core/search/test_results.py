"""Ranking (``results``): what the score of a hit is made of."""

from __future__ import annotations

import random
from collections.abc import Callable

from desktop.core.search.analysis import syllables
from desktop.core.search.docsets import DocSets
from desktop.core.search.highlight import phrase_regex
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from desktop.core.textnorm import fold
from tests.helpers.search import AddFn, make_draft

FILLER = "Bài viết có thêm vài câu để độ dài các bài gần bằng nhau."


def _scores(ix: SearchIndex, query: str) -> dict[str, float]:
    result = ix.search(SearchRequest(query=query, limit=50, snippets=False, facets=False))
    return {hit.title: hit.score for hit in result.hits}


def test_scores_are_the_same_over_several_segments_as_over_one(
    library: Library, add: AddFn, open_whoosh: Callable[[], SearchIndex]
) -> None:
    add("Liền", f"Chương trình đổi mới sáng tạo quốc gia. {FILLER}")
    add("Rời", f"Sáng nay họ đổi ý, mới tạo ra công ty. {FILLER}")
    open_whoosh().close()
    # A second segment: the reader now spans two, and every signal must still count.
    library.articles.add_many(
        [make_draft("Sau", f"Đổi mới sáng tạo ở địa phương. {FILLER}"),
         make_draft("Khác", f"Một bài không liên quan. {FILLER}")]
    )
    ix = open_whoosh()
    assert len(list(ix.searcher().reader().leaf_readers())) == 2
    queries = ["đổi mới sáng tạo", "doi moi sang tao", "sáng tạo"]
    several = {q: _scores(ix, q) for q in queries}
    ix.rebuild()
    assert len(list(ix.searcher().reader().leaf_readers())) == 1
    one = {q: _scores(ix, q) for q in queries}
    assert several == one
    # The adjacent pairs count: the article with the phrase beats the one with the words.
    assert several["doi moi sang tao"]["Liền"] > 2 * several["doi moi sang tao"]["Rời"]


def test_a_rare_pair_typed_with_diacritics_prefers_its_exact_spelling(
    add: AddFn, open_index: Callable[[], SearchIndex]
) -> None:
    # Both articles have the pair "doi moi" and each of the four syllables as typed;
    # only the spelling of the adjacent pair tells them apart. Pairs this rare have no
    # term of their own in the index (they share hashed buckets).
    add("Đổi mới", f"Chương trình đổi mới công nghệ. Đôi giày cũ. {FILLER}")
    add("Đôi mới", f"Một đôi mới tinh cho bé. Họ đổi ý ngay. {FILLER}")
    ix = open_index()
    assert list(_scores(ix, "đổi mới")) == ["Đổi mới", "Đôi mới"]
    assert list(_scores(ix, "đôi mới")) == ["Đôi mới", "Đổi mới"]
    folded = _scores(ix, "doi moi")
    assert set(folded) == {"Đổi mới", "Đôi mới"}


def test_words_close_together_rank_above_the_same_words_apart(
    add: AddFn, open_whoosh: Callable[[], SearchIndex]
) -> None:
    # The same syllables as often in both, the same length, and no pair of the query
    # adjacent in either: only how close the words lie tells them apart. The later
    # article would win a tie.
    filler = ("một hai ba bốn năm sáu bảy tám chín mười người dân nơi đây vẫn "
              "sống nhờ nghề cá ven biển suốt nhiều đời nay cùng nhau").split()
    close = ["bão", "to", "lũ", "về", "trung", *filler]
    apart = ["bão", *filler[:14], "to", "lũ", *filler[14:], "về", "trung"]
    assert sorted(close) == sorted(apart)
    add("Gần", " ".join(close))
    add("Xa", " ".join(apart))
    ix = open_whoosh()
    for query in ("bão lũ trung", "bao lu trung"):
        assert list(_scores(ix, query)) == ["Gần", "Xa"], query


def test_phrases_decided_by_counting_are_in_the_text(
    library: Library, add: AddFn, open_whoosh: Callable[[], SearchIndex]
) -> None:
    """A long phrase is settled from pair and syllable counts where they prove it, and
    on the text otherwise; both give the exhaustive count."""
    rng = random.Random(5)
    alphabet = ["mưa", "Mưa", "to", "gió", "lớn", "lơn"]
    texts: dict[str, str] = {}
    for n in range(90):
        body = " ".join(rng.choice(alphabet) for _ in range(rng.randint(6, 24)))
        texts[add(f"Bài {n}", body)] = fold(f"Bài {n}\n{body}")
    ix = open_whoosh()
    docsets = DocSets(ix.searcher())
    decided = 0
    for phrase in ("mưa to gió", "to gió lớn", "mưa to gió lớn", "gió gió mưa", "lớn to to"):
        syls = tuple(syllables(phrase))
        rx = phrase_regex(syls)
        exhaustive = {i for i, text in texts.items() if rx.search(text)}
        certain = {
            docsets.searcher.stored_fields(d)["id"] for d in docsets.certain_phrase(syls).tolist()
        }
        assert certain <= exhaustive, phrase
        decided += len(certain)
        result = ix.search(SearchRequest(query=f'"{phrase}"', limit=1, facets=False))
        assert result.total == len(exhaustive), phrase
    assert decided > 0


def test_a_short_page_is_the_head_of_a_longer_one(
    add: AddFn, open_whoosh: Callable[[], SearchIndex]
) -> None:
    # Enough hits that the rerank skips some for the short page; the order must not move.
    rng = random.Random(7)
    words = ("đổi mới sáng tạo công nghệ người dân thành phố kinh tế phát triển "
             "học sinh giáo viên mỗi sáng họ tập thể dục").split()
    for n in range(60):
        body = " ".join(rng.choice(words) for _ in range(40 + n % 17))
        add(f"Bài {n}", f"{body} đổi ý mới lạ, sáng nay tạo ra. {FILLER}")
    ix = open_whoosh()
    for query in ("đổi mới sáng tạo", "doi moi sang tao", "công nghệ người dân"):
        long = ix.search(SearchRequest(query=query, limit=40, snippets=False))
        for size in (1, 5, 12):
            short = ix.search(SearchRequest(query=query, limit=size, snippets=False))
            assert [h.id for h in short.hits] == [h.id for h in long.hits[:size]], query
            assert short.total == long.total
