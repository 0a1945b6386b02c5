"""A damaged search index, or something else where the index folder belongs."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop.core.search import results
from desktop.core.search.index import READ_ONLY_DAMAGED_NOTICE, REBUILDING_NOTICE, SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.search.state import read_state
from desktop.core.store import Library
from tests.helpers.search import make_draft
from tests.hostile._index_support import cli, fill


def _total(ix: SearchIndex, query: str) -> int:
    return ix.search(SearchRequest(query=query)).total


def _segment_files(root: Path) -> list[Path]:
    state = read_state(root / "index")
    assert state is not None and state.files
    folder = root / "index" / state.dir
    return [folder / name for name in state.files]


def _reads_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every read of the index fails the way a damaged Whoosh segment does."""

    def broken(self: results.ResultBuilder) -> object:
        raise Exception("Block tag error")  # what Whoosh raises, bare

    monkeypatch.setattr(results.ResultBuilder, "run", broken)


@pytest.fixture
def held_rebuild(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Background rebuilds wait for this event before writing (so tests see them run)."""
    release = threading.Event()
    real = SearchIndex._write_all

    def held(self: SearchIndex, *args: Any, **kwargs: Any) -> int:
        if threading.current_thread() is not threading.main_thread():
            assert release.wait(30), "the test never released the rebuild"
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SearchIndex, "_write_all", held)
    return release


def test_a_garbled_byte_of_the_same_size_is_caught_by_the_checksum(
    tmp_path: Path, held_rebuild: threading.Event
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 20)
    try:
        SearchIndex.open(lib).close()
        biggest = max(_segment_files(root), key=lambda p: p.stat().st_size)
        data = bytearray(biggest.read_bytes())
        middle = len(data) // 2
        data[middle] ^= 0x01  # one flipped bit: Whoosh itself would not notice
        biggest.write_bytes(bytes(data))
        old_dir = read_state(root / "index").dir  # type: ignore[union-attr]
        ix = SearchIndex.open(lib)
        try:
            # Opening does not wait for the rebuild: the store answers meanwhile.
            assert ix.rebuilding()
            meanwhile = ix.search(SearchRequest(query="mua"))
            assert meanwhile.total == 20 and meanwhile.total_is_exact
            assert REBUILDING_NOTICE in (meanwhile.notice or "")
            held_rebuild.set()
            ix.finish_rebuild()
            assert read_state(root / "index").dir != old_dir  # type: ignore[union-attr]
            after = ix.search(SearchRequest(query="mua"))
            assert after.total == 20 and not after.notice
        finally:
            ix.close()
    finally:
        lib.close()


def test_any_exception_while_reading_is_damage_and_the_store_answers_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held_rebuild: threading.Event
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 4)
    lib.articles.add_many([make_draft("Lũ", "Lũ lớn ở miền Trung, trời đã tạnh.")])
    try:
        ix = SearchIndex.open(lib)
        try:
            calls = {"n": 0}
            real_run = results.ResultBuilder.run

            def broken_once(self: results.ResultBuilder) -> object:
                calls["n"] += 1
                if calls["n"] == 1:
                    raise Exception("Block tag error")  # what Whoosh raises, bare
                return real_run(self)

            monkeypatch.setattr(results.ResultBuilder, "run", broken_once)
            old_dir = ix.whoosh_dir
            first = ix.search(SearchRequest(query="mua", limit=2))
            assert first.total == 4 and len(first.hits) == 2
            assert REBUILDING_NOTICE in (first.notice or "")
            assert first.facets["site"] == {"tin.example.vn": 4}
            # Every later search is answered from the store too, until the rebuild is done.
            assert ix.search(SearchRequest(query='"mien trung"')).total == 5
            assert ix.rebuilding() and calls["n"] == 1
            held_rebuild.set()
            ix.finish_rebuild()
            assert ix.whoosh_dir != old_dir and not old_dir.exists()
            after = ix.search(SearchRequest(query="mua"))
            assert after.total == 4 and not after.notice and calls["n"] == 2
        finally:
            ix.close()
    finally:
        lib.close()


def test_a_rebuild_that_fails_keeps_answering_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 3)
    try:
        ix = SearchIndex.open(lib)
        try:
            def failing(self: SearchIndex, *args: Any, **kwargs: Any) -> int:
                raise OSError("input/output error")

            _reads_fail(monkeypatch)
            monkeypatch.setattr(SearchIndex, "_write_all", failing)
            assert ix.search(SearchRequest(query="mua")).total == 3
            ix.finish_rebuild()
            later = ix.search(SearchRequest(query="mua"))
            assert later.total == 3
            assert "could not be rebuilt (input/output error)" in (later.notice or "")
            assert "archive-browser reindex" in (later.notice or "")
        finally:
            ix.close()
    finally:
        lib.close()


def test_closing_abandons_a_rebuild_when_asked_and_leaves_the_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 1200)  # several batches, so the rebuild notices it is abandoned
    try:
        ix = SearchIndex.open(lib)
        old_dir = ix.whoosh_dir

        _reads_fail(monkeypatch)
        assert ix.search(SearchRequest(query="mua", limit=1)).total == 1200
        ix.close(abandon_rebuild=True)
        assert read_state(root / "index").dir == old_dir.name  # type: ignore[union-attr]
        assert [p for p in (root / "index").iterdir() if p.is_dir()] == [old_dir]
    finally:
        lib.close()


def test_a_one_shot_search_on_a_damaged_index_answers_then_leaves_it_repaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    fill(root, 6).close()
    assert cli(capsys, "--library", str(root), "reindex")[0] == 0
    for path in _segment_files(root):
        path.write_bytes(path.read_bytes()[:10])
    code, out, err = cli(capsys, "--library", str(root), "search", "mua", "--json")
    assert code == 0 and "Traceback" not in err
    data = json.loads(out)
    assert data["total"] == 6 and "being rebuilt" in data["notice"]
    code, out, err = cli(capsys, "--library", str(root), "check")
    assert code == 0, out + err
    code, out, _ = cli(capsys, "--library", str(root), "search", "mua", "--json")
    assert json.loads(out)["total"] == 6 and not json.loads(out)["notice"]


@pytest.mark.parametrize("damage", ["garble", "truncate", "delete"])
def test_batch_search_over_damaged_segments_gives_right_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 12)
    lib.articles.add_many([make_draft("Việt Nam", "Đội tuyển Việt Nam thắng.")])
    lib.close()
    assert cli(capsys, "--library", str(root), "reindex")[0] == 0
    for n, path in enumerate(sorted(_segment_files(root))):
        data = path.read_bytes()
        if damage == "garble":
            path.write_bytes(bytes((b * 7 + n) % 256 for b in data))
        elif damage == "truncate":
            path.write_bytes(data[: len(data) // 3])
        else:
            path.unlink()
    batch = tmp_path / "queries.txt"
    batch.write_text("mua\nviet nam\n\"mien trung\"\n", encoding="utf-8")
    code, out, err = cli(capsys, "--library", str(root), "search", "--batch", str(batch))
    assert code == 0 and "Traceback" not in err
    totals = [json.loads(line)["total"] for line in out.splitlines()]
    assert totals == [12, 1, 12]


def test_index_folder_as_a_plain_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    fill(root, 3).close()
    (root / "index").write_text("not a folder")
    code, out, err = cli(capsys, "--library", str(root), "search", "mua", "--json")
    assert code == 0 and "Traceback" not in err
    data = json.loads(out)
    assert data["total"] == 3 and "is a file, not a folder" in data["notice"]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bão\n\nCơn bão đổ bộ vào Huế.\n")
    code, out, err = cli(capsys, "--library", str(root), "import", str(folder), "--json")
    assert "Traceback" not in err and json.loads(out)["imported"] == 1
    code, _, err = cli(capsys, "--library", str(root), "reindex")
    assert code == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "is a file, not a folder" in err
    # Nothing stored was lost, and the file was left alone.
    assert (root / "index").read_text() == "not a folder"
    lib = Library.open(root)
    try:
        assert lib.articles.count() == 4
    finally:
        lib.close()


def test_a_read_only_library_with_a_damaged_index_answers_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 5)
    SearchIndex.open(lib).close()
    lib.close()
    ro = Library.open(root, read_only=True)
    try:
        ix = SearchIndex.open_as_is(ro)
        try:
            _reads_fail(monkeypatch)
            answer = ix.search(SearchRequest(query="mua"))
            assert answer.total == 5 and not ix.rebuilding()
            assert READ_ONLY_DAMAGED_NOTICE in (answer.notice or "")
        finally:
            ix.close()
    finally:
        ro.close()


def test_a_second_reader_that_finds_the_same_damage_does_not_rebuild_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 8)
    try:
        SearchIndex.open(lib).close()
        for path in _segment_files(root):
            path.write_bytes(path.read_bytes()[:10])
        builds = {"n": 0}
        real = SearchIndex._rebuild_locked

        def counted(self: SearchIndex, *args: Any, **kwargs: Any) -> int:
            builds["n"] += 1
            return real(self, *args, **kwargs)

        monkeypatch.setattr(SearchIndex, "_rebuild_locked", counted)
        first = SearchIndex.open(lib)
        second = SearchIndex.open(lib)  # both found the damaged folder
        try:
            first.finish_rebuild()
            second.finish_rebuild()
            assert builds["n"] == 1
            assert first.whoosh_dir == second.whoosh_dir
            assert second.search(SearchRequest(query="mua")).total == 8
        finally:
            first.close()
            second.close()
    finally:
        lib.close()
