"""Bundles move a slice of a server library offline and its annotations back."""

from __future__ import annotations

from pathlib import Path

from desktop.core.bundles import export_bundle, import_bundle
from desktop.core.server.library import ServerLibrary
from desktop.core.store import Library
from tests.helpers.bundles import drafts


def test_a_server_library_round_trips_through_a_bundle(pg_dsn: str, tmp_path: Path) -> None:
    ServerLibrary.init(pg_dsn)
    with ServerLibrary.open(pg_dsn) as server:
        server.articles.add_many(drafts())
        ids = server.articles.all_ids()
        note = server.annotations.create(ids[0], 0, 4, note="trên máy chủ", tags=["nhóm"])
        server.collections.add("Chung", ids[:2])
        out = tmp_path / "slice.zip"
        report = export_bundle(server, out, with_originals=True)
        assert (report.articles, report.annotations) == (len(ids), 1)

    with Library.open(tmp_path / "laptop") as laptop:
        import_bundle(laptop, out)
        assert sorted(laptop.articles.all_ids()) == sorted(ids)
        assert laptop.annotations.get(note.id).note == "trên máy chủ"
        assert laptop.collections.article_ids("Chung") == ids[:2]
        offline = laptop.annotations.create(ids[1], 0, 3, note="ngoại tuyến")
        back = tmp_path / "back.zip"
        export_bundle(laptop, back)

    with ServerLibrary.open(pg_dsn) as server:
        result = import_bundle(server, back)
        assert result.duplicates == len(ids)
        assert server.annotations.get(offline.id).note == "ngoại tuyến"
        assert server.annotations.count() == 2
