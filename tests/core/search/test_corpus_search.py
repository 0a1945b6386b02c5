"""Search over a slice of the real Vietnamese news corpus (skipped when it is absent)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.search.analysis import fold_text, syllables
from desktop.core.search.highlight import phrase_regex
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from desktop.core.textnorm import normalize_text, tidy_body

pytestmark = pytest.mark.corpus

SLICE = 400
NFD_MEMBER = "vn-news/22652214.txt"


@pytest.fixture(scope="module")
def news_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, SearchIndex]]:
    from tests.helpers.paths import CORPUS

    zip_path = CORPUS / "vn-news-35k.zip"
    if not zip_path.is_file():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    lib = Library.open(Path(tmp_path_factory.mktemp("news")) / "lib")
    with zipfile.ZipFile(zip_path) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))[:SLICE]
        if NFD_MEMBER in zf.namelist() and NFD_MEMBER not in names:
            names.append(NFD_MEMBER)
        drafts = []
        for name in names:
            data = zf.read(name)
            title, _, rest = normalize_text(data.decode("utf-8")).partition("\n")
            body = tidy_body(rest)
            if body:
                drafts.append(ArticleDraft(
                    id=article_id_for(data), title=title.strip(), body=body,
                    source_path=zip_path.name, source_member=name, kind="text",
                    original=Original(data=data),
                ))
    lib.articles.add_many(drafts)
    ix = SearchIndex.open(lib)
    yield lib, ix
    ix.close()
    lib.close()


def _brute_force(lib: Library, words: list[str]) -> set[str]:
    out = set()
    for article in lib.articles.iter_articles():
        present = set(syllables(article.title + "\n" + article.body))
        if all(w in present for w in words):
            out.add(article.id)
    return out


def _all_ids(ix: SearchIndex, query: str) -> set[str]:
    result = ix.search(SearchRequest(query=query, limit=10_000, snippets=False))
    assert result.total == len(result.hits)
    return {h.id for h in result.hits}


@pytest.mark.parametrize("query", ["bóng đá", "hoc sinh", "đội tuyển", "ở", "an"])
def test_totals_match_a_brute_force_scan(news_index, query: str) -> None:
    lib, ix = news_index
    expected = _brute_force(lib, syllables(query))
    assert expected, "the slice should contain the words"
    assert _all_ids(ix, query) == expected


def test_folded_and_accented_queries_agree_and_rank_the_place_first(news_index) -> None:
    _, ix = news_index
    assert _all_ids(ix, "ha noi") == _all_ids(ix, "hà nội")
    result = ix.search(SearchRequest(query="ha noi", limit=10))
    together = phrase_regex(["ha", "noi"])
    for hit in result.hits:
        plain = hit.snippet.replace("<mark>", "").replace("</mark>", "")
        assert together.search(fold_text(plain)) or together.search(fold_text(hit.title)), (
            hit.title
        )
        assert "<mark>" in hit.snippet


def test_phrase_hits_contain_the_phrase(news_index) -> None:
    lib, ix = news_index
    phrase = ix.search(SearchRequest(query='"thành phố"', limit=10_000))
    loose = ix.search(SearchRequest(query="thành phố", limit=10_000))
    assert 0 < phrase.total <= loose.total
    rx = phrase_regex(["thanh", "pho"])
    bodies = {a.id: fold_text(a.title + "\n" + a.body) for a in lib.articles.get_many(
        [h.id for h in phrase.hits])}
    assert all(rx.search(bodies[h.id]) for h in phrase.hits)
    assert phrase.total_is_exact
    assert {h.id for h in phrase.hits} == _phrase_scan(lib, ["thanh", "pho"])


def _phrase_scan(lib: Library, syls: list[str]) -> set[str]:
    """Every article with the syllables adjacent in its title or body (exhaustive)."""
    rx = phrase_regex(syls)
    return {
        a.id for a in lib.articles.iter_articles()
        if rx.search(fold_text(a.title)) or rx.search(fold_text(a.body))
    }


@pytest.mark.parametrize(
    "query",
    ['"hà nội"', '"ha noi"', '"việt nam"', '"thành phố hồ chí minh"', '"đội tuyển việt nam"',
     '"khoa học công nghệ"', '"giá xăng"', '"tai nạn giao thông"', '"người dân"',
     '"bóng đá"', '"ở"'],
)
def test_phrase_totals_and_facets_equal_an_exhaustive_count(news_index, query: str) -> None:
    lib, ix = news_index
    expected = _phrase_scan(lib, syllables(query))
    result = ix.search(SearchRequest(query=query, limit=10_000, snippets=False))
    if not expected:  # not in this slice: the fallback to the words says so
        assert result.notice is not None
        return
    assert result.notice is None
    assert result.total_is_exact and result.total == len(expected)
    assert {h.id for h in result.hits} == expected
    years = sum(result.facets.get("year", {}).values())
    undated = sum(1 for a in lib.articles.get_many(list(expected)) if a.published is None)
    assert years + undated == len(expected)
    # The same phrase excluded: exactly the other articles.
    rest = ix.search(SearchRequest(query=f"-{query}", limit=10_000, snippets=False))
    assert rest.total == lib.articles.count() - len(expected)


def test_nfd_article_is_found_by_its_words(news_index) -> None:
    lib, ix = news_index
    row = lib.conn.execute(
        "SELECT id, title FROM articles WHERE source_member = ?", (NFD_MEMBER,)
    ).fetchone()
    if row is None:
        pytest.skip("the NFD article is not in this corpus")
    words = " ".join(row["title"].split()[:4])
    assert row["id"] in _all_ids(ix, words)
