"""A damaged search index, or something else where the index folder belongs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.search import results
from desktop.core.search.index import SearchIndex
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


def test_a_garbled_byte_of_the_same_size_is_caught_by_the_checksum(tmp_path: Path) -> None:
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
            assert _total(ix, "mua") == 20
            assert read_state(root / "index").dir != old_dir  # type: ignore[union-attr]
        finally:
            ix.close()
    finally:
        lib.close()


def test_any_exception_while_reading_is_damage_and_the_answer_comes_after_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 4)
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
            assert _total(ix, "mua") == 4
            assert ix.whoosh_dir != old_dir and not old_dir.exists()
        finally:
            ix.close()
    finally:
        lib.close()


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
