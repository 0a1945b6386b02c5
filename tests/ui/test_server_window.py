"""The window on a real server library: search, reader, annotations from a second
instance within two seconds, import, bundles, and a server that goes away.

These tests need the test PostgreSQL server and skip, saying why, without one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.core.server.library import ServerLibrary
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.roles import Role
from tests.core.ingest._builders import article_html
from tests.helpers.pgserver import Server, reader_role
from tests.helpers.search import make_draft

# Articles of our own: two about a flood, one about a market.
DRAFTS = [
    make_draft(
        "Lũ lớn ở miền Trung",
        "Mưa kéo dài làm nước sông dâng cao, nhiều xã ở miền Trung bị ngập sâu.\n\n"
        "Người dân được sơ tán lên vùng đất cao trước khi lũ đạt đỉnh.",
        site="tin.example.vn",
        published=date(2023, 10, 5),
    ),
    make_draft(
        "Sau lũ, nông dân gieo lại mạ",
        "Khi nước rút, nông dân miền Trung bắt đầu gieo lại mạ trên những cánh đồng.\n\n"
        "Chính quyền hỗ trợ giống lúa cho các hộ bị thiệt hại vì lũ.",
        site="bao.example.vn",
        published=date(2023, 11, 1),
    ),
    make_draft(
        "Chợ nổi mùa khô",
        "Chợ nổi trên sông đông vui từ sáng sớm, ghe thuyền chở đầy trái cây.",
        site="tin.example.vn",
        published=date(2024, 2, 14),
    ),
]


@pytest.fixture
def team(pg_dsn: str) -> Iterator[str]:
    """A server library holding ``DRAFTS``; its address."""
    ServerLibrary.init(pg_dsn)
    with ServerLibrary.open(pg_dsn) as lib:
        lib.articles.add_many(DRAFTS)
    yield pg_dsn


def _window(make_window, address: str, user: str):  # type: ignore[no-untyped-def]
    library = ServerLibrary.open(address)
    library.user = user
    return make_window(library, use_index=True)


def _result_ids(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.results_model
    return [model.index(r, 0).data(Role.ID) for r in range(model.rowCount())]


def _annotation_ids(controller: AnnotationController) -> set[str]:
    model = controller.view.model
    return {model.index(r, 0).data(Role.ID) for r in range(model.rowCount())}


def test_the_window_searches_reads_and_annotates_a_server_library(
    qtbot, make_window, team: str
) -> None:
    window = _window(make_window, team, "an")
    assert window.library.is_server
    assert window.library_label.text().startswith("postgresql://")
    window.search.set_query('"miền Trung"')
    qtbot.waitUntil(
        lambda: window.search.last_result is not None
        and window.search.last_result.query == '"miền Trung"',
        timeout=10000,
    )
    assert sorted(_result_ids(window)) == sorted(d.id for d in DRAFTS[:2])
    # The facets come from the server's search too.
    assert window.search.last_result.facets["site"] == {"tin.example.vn": 1, "bao.example.vn": 1}
    window.search.set_query("mien trung lu")  # diacritics optional
    qtbot.waitUntil(lambda: window.search.query == "mien trung lu", timeout=5000)
    qtbot.waitUntil(
        lambda: window.search.last_result is not None
        and window.search.last_result.query == "mien trung lu",
        timeout=10000,
    )
    assert set(_result_ids(window)) == {d.id for d in DRAFTS[:2]}

    article = window.open_article(DRAFTS[0].id)
    assert article is not None and window.reader.current_article().id == DRAFTS[0].id
    controller = window.extensions["annotations"]
    assert isinstance(controller, AnnotationController)
    made = controller.create(DRAFTS[0].id, 0, 4, note="ghi chú trên máy chủ", tags=["lũ"])
    assert made is not None
    with ServerLibrary.open(team) as other:
        stored = other.annotations.list_all()
    assert [(a.note, a.author) for a in stored] == [("ghi chú trên máy chủ", "an")]


def test_another_instance_s_annotation_on_the_server_appears_within_two_seconds(
    qtbot, make_window, team: str
) -> None:
    window = _window(make_window, team, "an")
    controller = window.extensions["annotations"]
    assert isinstance(controller, AnnotationController)
    window.open_article(DRAFTS[1].id)
    own = controller.create(DRAFTS[1].id, 0, 3, note="của tôi")
    assert own is not None
    qtbot.waitUntil(lambda: _annotation_ids(controller) == {own.id}, timeout=2000)

    other = ServerLibrary.open(team)
    other.user = "bình"
    try:
        began = time.monotonic()
        theirs = other.annotations.create(DRAFTS[1].id, 5, 9, note="của Bình")
        qtbot.waitUntil(lambda: _annotation_ids(controller) == {own.id, theirs.id}, timeout=2000)
        assert time.monotonic() - began < 2.0
        listed = controller.article_model
        qtbot.waitUntil(lambda: listed.rowCount() == 2, timeout=2000)
        assert any(listed.index(r, 0).data().endswith("— bình") for r in range(2))
    finally:
        other.close()


def test_import_and_bundles_on_a_server_library(
    qtbot, make_window, team: str, tmp_path: Path
) -> None:
    window = _window(make_window, team, "an")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cau.html").write_text(
        article_html(
            "Cây cầu tạm qua sông",
            ["Người dân dựng cây cầu tạm bằng tre để học sinh qua sông đi học mỗi sáng.",
             "Cầu tạm sẽ được thay bằng cầu bê tông vào năm sau."],
        ),
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.importer.finished, timeout=60000):
        assert window.import_paths([str(folder)])
    with ServerLibrary.open(team) as check:
        assert check.articles.count() == len(DRAFTS) + 1
    window.search.set_query("cầu tạm")
    qtbot.waitUntil(
        lambda: window.search.last_result is not None
        and window.search.last_result.query == "cầu tạm"
        and window.search.last_result.total == 1,
        timeout=10000,
    )

    bundle = tmp_path / "team.zip"
    bundles = window.bundles
    with qtbot.waitSignal(bundles.finished, timeout=60000):
        assert bundles.start_export(bundle, _whole_library(), with_originals=False)
    assert bundle.is_file()
    with qtbot.waitSignal(bundles.finished, timeout=60000):
        assert bundles.start_import(bundle)  # the same articles: all duplicates
    with ServerLibrary.open(team) as check:
        assert check.articles.count() == len(DRAFTS) + 1


def _whole_library():  # type: ignore[no-untyped-def]
    from desktop.ui.bundles.controller import ExportScope

    return ExportScope()


def test_a_server_that_goes_away_shows_the_bar_and_retry_recovers(
    qtbot, make_window, pg_server: Server
) -> None:
    with pg_server.database() as throwaway:
        ServerLibrary.init(throwaway)
        with ServerLibrary.open(throwaway) as lib:
            lib.articles.add_many(DRAFTS)
        window = _window(make_window, throwaway, "an")
        window.search_bar.edit.setText("chợ nổi")
        window.search_bar.flush()
        qtbot.waitUntil(
            lambda: window.search.last_result is not None
            and window.search.last_result.total == 1,
            timeout=10000,
        )
        database = throwaway.rsplit("/", 1)[1]
        pg_server.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        )
        assert window.open_article(DRAFTS[2].id) is None
        qtbot.waitUntil(lambda: window.unreachable_bar.isVisibleTo(window), timeout=5000)
        assert window.search_bar.text() == "chợ nổi"  # what was typed is kept

        with qtbot.waitSignal(window.server_answered, timeout=10000):
            window.unreachable_bar.retry_button.click()
        assert not window.unreachable_bar.isVisibleTo(window)
        assert window.open_article(DRAFTS[2].id) is not None
        window.shutdown()
        window.library.close()


def test_a_read_only_account_searches_and_reads_and_is_told_it_cannot_change(
    qtbot, make_window, pg_server: Server, team: str
) -> None:
    with ServerLibrary.open(team) as lib:  # the search tables exist before the reader comes
        from desktop.core.search.interface import catch_up_search

        catch_up_search(lib)
    with reader_role(pg_server, team) as reader:
        library = ServerLibrary.open(reader)
        assert library.read_only
        window = make_window(library, use_index=True)
        assert window.windowTitle().endswith("(read-only)")
        assert "server library" in window.read_only_notice()
        assert not window.actions_.import_files.isEnabled()
        controller = window.extensions["annotations"]
        assert isinstance(controller, AnnotationController)
        assert not controller.annotate_action.isEnabled()
        window.search.set_query("chợ nổi")
        qtbot.waitUntil(
            lambda: window.search.last_result is not None
            and window.search.last_result.query == "chợ nổi",
            timeout=10000,
        )
        assert _result_ids(window) == [DRAFTS[2].id]
        assert window.open_article(DRAFTS[2].id) is not None
        assert not window.import_paths([__file__])
        window.shutdown()
        library.close()


def test_the_window_s_jobs_find_similar_articles_and_export_citations_from_a_server(
    team: str, tmp_path: Path
) -> None:
    from desktop.ui.citations import run_citation_export
    from desktop.ui.compare.jobs import find_clusters, find_similar

    reposted = make_draft(
        DRAFTS[0].title + " (đăng lại)", DRAFTS[0].body + "\n\nTheo báo địa phương."
    )
    with ServerLibrary.open(team) as library:
        library.articles.add_many([reposted])
        found = find_similar(library.reopen, reposted.id, 5)
        assert found and found[0].id == DRAFTS[0].id and found[0].kind == "near-duplicate"
        clusters = find_clusters(library.reopen)
        assert [sorted(m.id for m in c) for c in clusters] == [
            sorted([DRAFTS[0].id, reposted.id])
        ]
        out = tmp_path / "lu.ris"
        report = run_citation_export(library.reopen, out, "ris", None, "lũ", {})
    assert report.citations == 3 and out.read_text(encoding="utf-8").count("TY  -") == 3


def test_closing_the_window_leaves_no_timer_to_fire_on_the_closed_server(
    qtbot, make_window, team: str
) -> None:
    window = _window(make_window, team, "an")
    window.open_article(DRAFTS[1].id)  # the read mark waits on its timer
    window.shutdown()
    qtbot.wait(2000)  # past the read delay: a write on the closed connection would raise here
    with ServerLibrary.open(team) as check:
        assert not check.reading_state.get(DRAFTS[1].id).read
