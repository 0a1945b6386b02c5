"""The SQLite store: schema, migrations, dedup, originals, change tracking."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.core.errors import LibraryError, NotFoundError
from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import AddOutcome, Library, schema


def draft(body: str, raw: bytes | None = None, **kw: object) -> ArticleDraft:
    raw = raw if raw is not None else body.encode()
    fields: dict[str, object] = {
        "id": article_id_for(raw),
        "title": "Tiêu đề",
        "body": body,
        "source_path": "x.txt",
        "kind": "text",
        "original": Original(data=raw, media_type="text/plain"),
    }
    fields.update(kw)
    return ArticleDraft(**fields)  # type: ignore[arg-type]


def test_library_is_wal_with_foreign_keys(library: Library) -> None:
    assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema.current_version(library.conn) == schema.latest_version()


def test_duplicates_by_id_and_by_body(library: Library) -> None:
    a = draft("Hà Nội mùa thu")
    same_body_other_bytes = draft("Hà Nội   mùa thu", raw=b"other bytes")
    out = library.articles.add_many([a, a, same_body_other_bytes])
    # The same bytes again are a plain duplicate; other bytes with the same text are
    # a distinct original, recorded on the stored article.
    assert out == [AddOutcome.ADDED, AddOutcome.DUPLICATE, AddOutcome.SOURCE]
    assert library.articles.count() == 1


def test_a_distinct_original_with_the_same_body_is_kept_as_a_source(library: Library) -> None:
    a = draft("Hà Nội mùa thu", source_path="a.txt")
    b = draft("Hà Nội mùa thu", raw=b"cookie banner page", source_path="b.txt")
    assert library.articles.add_many_with_holders([a]) == [(AddOutcome.ADDED, a.id)]
    assert library.articles.add_many_with_holders([b]) == [(AddOutcome.SOURCE, a.id)]
    [source] = library.sources.sources_of(a.id)
    assert (source.id, source.source, source.kind) == (b.id, "b.txt", "text")
    assert library.sources.original(b.id).data == b"cookie banner page"
    # Importing the second file again records nothing new.
    assert library.articles.add_many_with_holders([b]) == [(AddOutcome.DUPLICATE, a.id)]
    assert len(library.sources.sources_of(a.id)) == 1
    # Deleting the article deletes its sources with it.
    library.articles.delete([a.id])
    assert library.conn.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 0


def test_original_round_trips_compressed(library: Library) -> None:
    raw = ("<p>Đà Nẵng</p>" * 200).encode()
    d = draft("Đà Nẵng", raw=raw)
    library.articles.add(d)
    stored = library.conn.execute("SELECT length(data) FROM originals").fetchone()[0]
    assert stored < len(raw) / 5
    assert library.articles.original(d.id).data == raw


def test_get_unknown_and_prefix(library: Library) -> None:
    d = draft("một")
    library.articles.add(d)
    assert library.articles.resolve_id(d.id[:6]) == d.id
    with pytest.raises(NotFoundError):
        library.articles.get("nope")
    with pytest.raises(NotFoundError):
        library.articles.resolve_id("zzzz")


def test_sort_newest_puts_undated_last(library: Library) -> None:
    library.articles.add_many(
        [
            draft("a", published=date(2020, 1, 1), title="old"),
            draft("b", title="undated"),
            draft("c", published=date(2023, 5, 1), title="new"),
        ]
    )
    titles = [s.title for s in library.articles.summaries("newest")]
    assert titles == ["new", "old", "undated"]


def test_generation_tracks_changes_and_removals(library: Library) -> None:
    g0 = library.articles.generation()
    a, b = draft("a"), draft("b")
    library.articles.add_many([a, b])
    g1 = library.articles.generation()
    assert g1 > g0
    assert {x.id for x in library.articles.changed_since(g0)} == {a.id, b.id}
    assert list(library.articles.changed_since(g1)) == []
    library.articles.update_text(
        a.id, title="new", body="a2", published=None, site=None, author=None, url=None,
        language=None,
    )
    assert [x.id for x in library.articles.changed_since(g1)] == [a.id]
    g2 = library.articles.generation()
    library.articles.delete([b.id])
    assert library.articles.removed_since(g2) == [b.id]
    with pytest.raises(NotFoundError):
        library.articles.original(b.id)


def test_migrations_from_every_earlier_version(tmp_path: Path) -> None:
    for start in range(schema.latest_version()):
        db = tmp_path / f"v{start}.sqlite3"
        conn = sqlite3.connect(db, isolation_level=None)
        schema.migrate(conn, target=start)
        assert schema.current_version(conn) == start
        conn.close()
        root = tmp_path / f"lib{start}"
        root.mkdir()
        db.rename(root / "library.sqlite3")
        with Library.open(root) as lib:
            assert schema.current_version(lib.conn) == schema.latest_version()
            lib.articles.add(draft(f"body {start}"))
            assert lib.articles.count() == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        lib.conn.execute(f"PRAGMA user_version = {schema.latest_version() + 5}")
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(tmp_path / "lib")


def test_garbage_database_is_a_clear_error(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "library.sqlite3").write_bytes(b"\x00garbage" * 100)
    with pytest.raises(LibraryError, match="is damaged"):
        Library.open(root)


def test_file_instead_of_folder(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(LibraryError):
        Library.open(f)


def _stored_rows(library: Library) -> list[tuple[object, ...]]:
    return [
        tuple(r)
        for r in library.conn.execute(
            "SELECT a.id, a.content_hash, a.title, a.body, a.published, a.kind, a.gen, "
            "o.media_type, o.encoding, o.hints FROM articles a "
            "JOIN originals o ON o.article_id = a.id ORDER BY a.seq"
        )
    ]


def test_add_batch_matches_add_many(tmp_path: Path) -> None:
    from desktop.core.store.connection import bump_generation, transaction

    stored = draft("Đã có từ trước")
    batch = [
        draft("Hà Nội mùa thu", published=date(2017, 3, 1)),
        draft("Hà Nội   mùa thu", raw=b"other bytes"),  # same body, other id
        stored,  # same id as a stored article
        draft("Đã có từ trước", raw=b"again"),  # same body as a stored article
        draft("Sông Hồng", original=Original(data=b"x", media_type="text/html", hints={"u": "1"})),
    ]
    results = []
    libraries = []
    for name in ("many", "batch"):
        lib = Library.open(tmp_path / name)
        libraries.append(lib)
        lib.articles.add(stored)
        if name == "many":
            results.append(lib.articles.add_many(batch))
        else:
            with transaction(lib.conn):
                gen = bump_generation(lib.conn)
                results.append(lib.articles.add_batch(batch, gen))
    many, bulk = libraries
    assert results[0] == results[1] == [
        AddOutcome.ADDED, AddOutcome.SOURCE, AddOutcome.DUPLICATE,
        AddOutcome.SOURCE, AddOutcome.ADDED,
    ]
    assert _stored_rows(bulk) == _stored_rows(many)
    for lib in libraries:
        assert [s.id for s in lib.sources.sources_of(batch[0].id)] == [batch[1].id]
        assert [s.id for s in lib.sources.sources_of(stored.id)] == [batch[3].id]
    assert bulk.articles.generation() == many.articles.generation() == 2
    assert bulk.articles.original(batch[4].id) == many.articles.original(batch[4].id)
    for lib in libraries:
        lib.close()


def test_add_batch_keeps_precompressed_originals_and_clears_removals(library: Library) -> None:
    import zlib

    from desktop.core.store.connection import bump_generation, transaction

    raw = ("<p>Đà Nẵng</p>" * 50).encode()
    packed = zlib.compress(raw, 1)
    d = draft("Đà Nẵng", original=Original(data=raw, zlib_data=packed))
    library.articles.add(d)
    library.articles.delete([d.id])
    assert library.articles.removed_since(0) == [d.id]
    with transaction(library.conn):
        gen = bump_generation(library.conn)
        assert library.articles.add_batch([d], gen) == [AddOutcome.ADDED]
    assert library.articles.removed_since(0) == []
    stored = library.conn.execute("SELECT data FROM originals").fetchone()[0]
    assert bytes(stored) == packed
    assert library.articles.original(d.id).data == raw
    assert [a.id for a in library.articles.changed_since(gen - 1)] == [d.id]


def test_reopen_gives_another_library_on_the_same_folder_in_the_same_mode(
    library: Library,
) -> None:
    with library.reopen() as again:
        assert again is not library and again.root == library.root
        assert not again.read_only
    library.close()
    with Library.open(library.root, read_only=True) as ro, ro.reopen() as again:
        assert again.read_only
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            again.conn.execute("CREATE TABLE t (x)")
