"""``PgSearchIndex``: catching up with the store, the factory, failures in one line."""

from __future__ import annotations

import pytest

from desktop.core.errors import ServerUnreachable
from desktop.core.search.index import SearchIndex
from desktop.core.search.interface import open_search
from desktop.core.search.models import SearchRequest
from desktop.core.search.pg.connection import connect
from desktop.core.search.pg.index import PgSearchIndex
from desktop.core.store import Library
from tests.helpers.search import annotate, huge_body, make_draft


def _total(ix: PgSearchIndex, query: str) -> int:
    return ix.search(SearchRequest(query=query)).total


def test_it_catches_up_by_generation(library: Library, pg_dsn: str) -> None:
    first = make_draft("Hà Nội", "Mùa thu Hà Nội")
    library.articles.add_many([first])
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        assert ix.doc_count() == 1
        assert ix.sync() == 0  # nothing new
        second = make_draft("Sài Gòn", "Thành phố Hồ Chí Minh")
        library.articles.add_many([second])
        assert ix.sync() == 1
        assert _total(ix, '"hồ chí minh"') == 1
        annotate(library, first.id, "ghi chú riêng", ["lich-su"])
        ix.sync()
        assert _total(ix, "note:riêng") == 1
        assert _total(ix, "tag:lich-su") == 1
        library.articles.delete([second.id])
        ix.sync()
        assert ix.indexed_ids() == {first.id}
        assert _total(ix, '"hồ chí minh"') == 0
    finally:
        ix.close()


def test_the_word_counts_follow_changes(library: Library, pg_dsn: str) -> None:
    drafts = [make_draft(f"Bài {n}", f"khoa học số {n}") for n in range(3)]
    library.articles.add_many(drafts)
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        assert ix._df(["khoa", "khoa_hoc"]) == {"khoa": 3, "khoa_hoc": 3}
        library.articles.delete([drafts[0].id])
        ix.sync()
        assert ix._df(["khoa", "khoa_hoc"]) == {"khoa": 2, "khoa_hoc": 2}
    finally:
        ix.close()


def test_tables_of_another_library_are_rebuilt(tmp_path, pg_dsn: str) -> None:
    one = Library.open(tmp_path / "one")
    two = Library.open(tmp_path / "two")
    try:
        one.articles.add_many([make_draft("Một", "chỉ trong thư viện một")])
        two.articles.add_many([make_draft("Hai", "chỉ trong thư viện hai")])
        PgSearchIndex.open(one, pg_dsn).close()
        ix = PgSearchIndex.open(two, pg_dsn)
        try:
            assert _total(ix, "hai") == 1
            assert _total(ix, "một") == 0
        finally:
            ix.close()
    finally:
        one.close()
        two.close()


def test_the_factory_picks_the_backend(library: Library, pg_dsn: str) -> None:
    library.articles.add_many([make_draft("Hà Nội", "Mùa thu")])
    folder = open_search(library)
    server = open_search(library, dsn=pg_dsn)
    try:
        assert isinstance(folder, SearchIndex)
        assert isinstance(server, PgSearchIndex)
        assert server.doc_count() == folder.doc_count() == 1
    finally:
        folder.close()
        server.close()


def test_an_unreachable_server_is_one_line(library: Library) -> None:
    with pytest.raises(ServerUnreachable) as caught:
        open_search(library, dsn="postgresql://nobody:secret@127.0.0.1:1/none")
    message = str(caught.value)
    assert "\n" not in message
    assert "secret" not in message
    assert "127.0.0.1" in message


def test_a_lost_connection_is_one_line(library: Library, pg_dsn: str) -> None:
    library.articles.add_many([make_draft("Hà Nội", "Mùa thu")])
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        pid = ix.conn.run("SELECT pg_backend_pid()")[0][0]
        admin = connect(pg_dsn)
        try:
            admin.run("SELECT pg_terminate_backend(:p)", p=pid)
        finally:
            admin.close()
        with pytest.raises(ServerUnreachable):
            ix.search(SearchRequest(query="hà"))
    finally:
        ix.close()


def test_a_read_only_role_searches_and_says_when_behind(
    library: Library, pg_server, pg_dsn: str
) -> None:
    library.articles.add_many([make_draft("Hà Nội", "Mùa thu Hà Nội")])
    PgSearchIndex.open(library, pg_dsn).close()
    database = pg_dsn.rsplit("/", 1)[1]
    admin = connect(pg_dsn)
    try:
        admin.run("DROP ROLE IF EXISTS ab_reader")
        admin.run("CREATE ROLE ab_reader LOGIN")
        admin.run("GRANT SELECT ON ALL TABLES IN SCHEMA public TO ab_reader")
    finally:
        admin.close()
    reader_dsn = pg_server.dsn_for(database, user="ab_reader")
    try:
        ix = PgSearchIndex.open(library, reader_dsn)
        try:
            result = ix.search(SearchRequest(query="hà nội"))
            assert result.total == 1 and result.notice is None
        finally:
            ix.close()
        library.articles.add_many([make_draft("Huế", "Mùa thu Huế")])
        ix = PgSearchIndex.open(library, reader_dsn)
        try:
            result = ix.search(SearchRequest(query="mùa thu"))
            assert result.total == 1  # the new article is not in the tables yet
            assert result.notice is not None and "only read" in result.notice
        finally:
            ix.close()
    finally:
        admin = connect(pg_dsn)
        try:
            admin.run("REASSIGN OWNED BY ab_reader TO postgres")
            admin.run("DROP OWNED BY ab_reader")
            admin.run("DROP ROLE ab_reader")
        finally:
            admin.close()


def test_pages_past_the_ranked_candidates_follow_them(
    library: Library, pg_dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.search.pg import index as pg_index

    drafts = [make_draft(f"Bài {n}", "mưa " * (n + 1) + "ở Huế") for n in range(5)]
    library.articles.add_many(drafts)
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        monkeypatch.setattr(pg_index, "RANK_ALL", 2)
        pages = [
            ix.search(SearchRequest(query="mưa", limit=2, offset=at, snippets=False))
            for at in (0, 2, 4)
        ]
        ids = [h.id for page in pages for h in page.hits]
        assert all(page.total == 5 for page in pages)
        assert sorted(ids) == sorted(d.id for d in drafts)  # each once, none lost
        assert ix.all_ids(SearchRequest(query="mưa")) == ids
        assert [h.score > 0 for h in pages[0].hits] == [True, True]  # ranked
        assert [h.score for h in pages[1].hits + pages[2].hits] == [0.0, 0.0, 0.0]
    finally:
        ix.close()


def test_facets_count_every_match(library: Library, pg_dsn: str) -> None:
    from datetime import date

    library.articles.add_many([
        make_draft("Một", "lũ lụt", site="a.example.vn", published=date(2020, 5, 1)),
        make_draft("Hai", "lũ lụt miền Trung", site="a.example.vn"),
        make_draft("Ba", "lũ lụt miền Bắc", site=None, published=date(2021, 1, 2)),
        make_draft("Bốn", "nắng nóng", site="b.example.vn", published=date(2021, 3, 3)),
    ])
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        result = ix.search(SearchRequest(query="lũ lụt", facets=True))
        assert result.total == 3
        assert result.facets["site"] == {"a.example.vn": 2}
        assert result.facets["year"] == {"2021": 1, "2020": 1}
    finally:
        ix.close()


def test_an_article_too_large_for_its_pairs_is_searched_exactly(
    library: Library, pg_dsn: str
) -> None:
    """Its pairs past a tsvector's 1 MB are cut (the row is lossy): the fill goes on, and
    a phrase among the cut pairs is found on the stored text, with exact totals."""
    huge = make_draft("Bài rất dài", huge_body(150_000) + " zzyx zzwv cuối")
    small = make_draft("Bài ngắn", "Hôm nay zzyx zzwv ở đây")
    other = make_draft("Bài khác", "Trời đẹp")
    library.articles.add_many([huge, small, other])
    ix = PgSearchIndex.open(library, pg_dsn)
    try:
        assert ix.doc_count() == 3
        assert _total(ix, '"zzyx zzwv"') == 2
        assert _total(ix, '"zzyx zzwv cuối"') == 1
        # Both syllables in the long article, never in that order.
        assert _total(ix, '"zzwv zzyx" OR "hôm nay"') == 1
        assert _total(ix, 'bài -"zzyx zzwv"') == 1
        assert _total(ix, '"aaaa aaab"') == 1  # a pair that was kept
    finally:
        ix.close()
