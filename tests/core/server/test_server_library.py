"""The server library: initialising, opening, roles, and a server that goes away."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from desktop.core.errors import LibraryError, ServerUnreachable
from desktop.core.server import schema as server_schema
from desktop.core.server.library import ServerLibrary
from desktop.core.store import schema
from desktop.core.store.faults import ReadOnlyLibraryError
from desktop.core.store.locations import open_library
from tests.helpers import pgserver
from tests.helpers.pgserver import Server, reader_role
from tests.helpers.search import make_draft


def test_every_store_migration_has_a_server_translation() -> None:
    for n, migration in enumerate(schema.MIGRATIONS, 1):
        statements = schema.sql_statements(migration)
        assert statements, f"migration {n} has no SQL form"
        for statement in statements:
            translated = server_schema.translate(statement)
            assert "AUTOINCREMENT" not in translated and "BLOB" not in translated


def test_the_end_column_is_quoted_for_postgresql() -> None:
    out = server_schema.translate("CREATE TABLE t (\n    start INTEGER,\n    end INTEGER\n)")
    assert '"end" BIGINT' in out and "start BIGINT" in out


def test_a_database_never_initialised_says_what_to_run(pg_dsn: str) -> None:
    with pytest.raises(LibraryError, match="archive-browser server init"):
        open_library(pg_dsn)


def test_init_gives_the_store_schema_version_and_is_idempotent(pg_dsn: str) -> None:
    assert ServerLibrary.init(pg_dsn) == schema.latest_version()
    assert ServerLibrary.init(pg_dsn) == schema.latest_version()
    with ServerLibrary.open(pg_dsn) as lib:
        assert server_schema.current_version(lib.conn) == schema.latest_version()
        assert server_schema.missing_extensions(lib.conn) == []
        assert lib.read_only is False
        assert lib.user == "postgres"


def test_an_import_is_kept_across_connections(pg_dsn: str) -> None:
    ServerLibrary.init(pg_dsn)
    drafts = [make_draft(f"Bài {i}", f"nội dung số {i}") for i in range(3)]
    with open_library(pg_dsn) as lib:
        lib.articles.add_many(drafts)
    with open_library(pg_dsn) as again:
        assert sorted(again.articles.all_ids()) == sorted(d.id for d in drafts)
        assert again.articles.get(drafts[1].id).body == "nội dung số 1"
        assert again.articles.original(drafts[1].id).data == drafts[1].original.data


def test_a_select_only_role_opens_read_only_and_writes_are_refused(
    pg_server: Server, pg_dsn: str
) -> None:
    ServerLibrary.init(pg_dsn)
    with ServerLibrary.open(pg_dsn) as lib:
        lib.articles.add_many([make_draft("Bài", "nội dung")])
    with reader_role(pg_server, pg_dsn) as reader_dsn:
        with ServerLibrary.open(reader_dsn) as reader:
            assert reader.read_only is True
            assert reader.user.startswith("reader_")
            assert reader.articles.count() == 1
            with pytest.raises(ReadOnlyLibraryError, match="read-only"):
                reader.articles.add_many([make_draft("Khác", "nội dung khác")])
            assert reader.articles.count() == 1


def test_a_port_nobody_listens_on_is_unreachable_in_one_line(pg_server: Server) -> None:
    parts = urlsplit(pg_server.dsn)
    with pytest.raises(ServerUnreachable, match="refused") as caught:
        open_library(f"postgresql://postgres@{parts.hostname}:1/postgres")
    assert "\n" not in str(caught.value)


def test_an_unknown_host_is_unreachable() -> None:
    with pytest.raises(ServerUnreachable, match="unknown host|Cannot reach"):
        open_library("postgresql://postgres@no-such-host.invalid/team")


def test_a_missing_database_is_unreachable(pg_server: Server) -> None:
    with pytest.raises(ServerUnreachable, match="no database"):
        open_library(pg_server.dsn_for("ab_no_such_database"))


def test_a_connection_lost_mid_command_is_unreachable(
    pg_server: Server, pg_dsn: str
) -> None:
    ServerLibrary.init(pg_dsn)
    with ServerLibrary.open(pg_dsn) as lib:
        assert lib.articles.count() == 0
        database = urlsplit(pg_dsn).path.lstrip("/")
        pg_server.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        )
        with pytest.raises(ServerUnreachable, match="Lost the connection|Cannot reach"):
            lib.articles.count()


def test_bulk_writes_keep_every_character_and_byte(pg_dsn: str) -> None:
    ServerLibrary.init(pg_dsn)
    body = "cột\tmột\\hai\r\nba \\N bốn\n\\t"
    drafts = [make_draft(f"Tiêu đề\t{i}\\", body + str(i)) for i in range(3)]
    raw = bytes(range(256))
    drafts[0] = drafts[0].model_copy(
        update={"original": drafts[0].original.model_copy(update={"data": raw})}
    )
    with ServerLibrary.open(pg_dsn) as lib:
        lib.articles.add_many(drafts)
        for d in drafts:
            stored = lib.articles.get(d.id)
            assert (stored.title, stored.body, stored.author) == (d.title, d.body, None)
        assert lib.articles.original(drafts[0].id).data == raw


def test_a_stopped_server_is_unreachable_mid_session_and_on_open() -> None:
    try:
        cluster = pgserver.Cluster()
        server = cluster.start()
    except pgserver.NoServer as exc:
        pytest.skip(f"no PostgreSQL server of its own: {exc}")
    try:
        server.admin('CREATE DATABASE "team"')
        dsn = server.dsn_for("team")
        ServerLibrary.init(dsn)
        lib = ServerLibrary.open(dsn)
        lib.articles.add_many([make_draft("Bài", "nội dung")])
        cluster.stop()  # the whole cluster goes away, folder and all
        with pytest.raises(ServerUnreachable) as caught:
            lib.articles.count()
        assert "\n" not in str(caught.value)
        lib.close()
        with pytest.raises(ServerUnreachable, match="refused"):
            open_library(dsn)
    finally:
        cluster.stop()


def test_an_import_cut_short_keeps_its_committed_chunks(
    pg_dsn: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.ingest import import_paths
    from desktop.core.store.articles import ArticleStore

    ServerLibrary.init(pg_dsn)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Tin số {i}\n\nNội dung riêng của bài số {i}.\n", "utf-8")
    real = ArticleStore.add_many_with_holders
    calls: list[int] = []

    def dies_on_the_second_chunk(self: ArticleStore, drafts: Any) -> Any:
        calls.append(len(drafts))
        if len(calls) == 2:
            raise KeyboardInterrupt  # as a kill would, mid-chunk
        return real(self, drafts)

    monkeypatch.setattr(ArticleStore, "add_many_with_holders", dies_on_the_second_chunk)
    with ServerLibrary.open(pg_dsn) as lib, pytest.raises(KeyboardInterrupt):
        import_paths(lib, [folder], chunk_size=2, workers=0)
    monkeypatch.undo()
    with ServerLibrary.open(pg_dsn) as again:
        assert again.articles.count() == calls[0] == 2
        report = import_paths(again, [folder], chunk_size=2, workers=0)
        assert (report.imported, report.duplicates) == (4, 2)


def test_init_by_a_role_that_may_not_create_extensions_says_what_to_run(
    pg_server: Server, pg_dsn: str
) -> None:
    database = urlsplit(pg_dsn).path.lstrip("/")
    role = "weak_" + database[-8:]
    pg_server.admin(f'CREATE ROLE "{role}" LOGIN')
    try:
        with pytest.raises(LibraryError, match="as a superuser run") as caught:
            ServerLibrary.init(pg_server.dsn_for(database, user=role))
        assert "\n" not in str(caught.value)
    finally:
        pg_server.admin(f'DROP ROLE "{role}"')
