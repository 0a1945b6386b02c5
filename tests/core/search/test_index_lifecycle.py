"""The index as a cache: catching up, rebuilding, recovering, one writer at a time."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.core.search.index import WHOOSH_DIR, SearchIndex
from desktop.core.search.locking import IndexBusyError, index_write_lock
from desktop.core.search.schema import SCHEMA_VERSION
from desktop.core.search.state import read_state
from desktop.core.store import Library
from tests.helpers.search import AddFn, make_draft, run, titles

REPO = Path(__file__).resolve().parents[3]


def test_open_builds_and_records_state(library: Library, add: AddFn) -> None:
    add("A", "mưa lớn")
    calls: list[tuple[int, int]] = []
    ix = SearchIndex.open(library, progress=lambda d, t: calls.append((d, t)))
    try:
        assert titles(run(ix, "mua")) == ["A"]
        state = read_state(library.index_dir)
        assert state is not None
        assert state.schema_version == SCHEMA_VERSION
        assert state.generation == library.articles.generation()
        assert calls and calls[-1] == (1, 1)
    finally:
        ix.close()


def test_healthy_index_with_more_terms_than_documents_is_reused(
    library: Library, add: AddFn
) -> None:
    add("A", "một hai ba bốn năm sáu bảy tám chín mười")
    SearchIndex.open(library).close()
    calls: list[tuple[int, int]] = []
    ix = SearchIndex.open(library, progress=lambda d, t: calls.append((d, t)))
    try:
        assert calls == []  # nothing was rebuilt
        assert titles(run(ix, "bay tam")) == ["A"]
    finally:
        ix.close()


def test_sync_catches_up_with_adds_updates_and_deletes(library: Library, add: AddFn) -> None:
    a = add("A", "mưa lớn")
    ix = SearchIndex.open(library)
    try:
        b = add("B", "mưa nhỏ")
        library.articles.update_text(
            a, title="A", body="nắng gắt", published=None, site=None, author=None, url=None,
            language=None,
        )
        assert ix.sync() == 2
        assert titles(run(ix, "mua")) == ["B"]
        assert titles(run(ix, "nang")) == ["A"]
        library.articles.delete([b])
        assert ix.sync() == 0
        assert run(ix, "mua").total == 0
        assert ix.sync() == 0
        assert ix.doc_count() == 1
    finally:
        ix.close()


def test_store_changed_behind_its_back_is_caught_up_on_open(library: Library, add: AddFn) -> None:
    add("A", "mưa lớn")
    SearchIndex.open(library).close()
    add("B", "mưa nhỏ")
    other = Library.open(library.root)
    other.articles.add_many([make_draft("C", "mưa rào")])
    other.close()
    ix = SearchIndex.open(library)
    try:
        assert sorted(titles(run(ix, "mua"))) == ["A", "B", "C"]
    finally:
        ix.close()


@pytest.mark.parametrize("damage", ["delete_dir", "delete_state", "garbage", "truncate",
                                     "schema", "ahead", "empty_files"])
def test_missing_or_corrupt_index_is_rebuilt(library: Library, add: AddFn, damage: str) -> None:
    add("A", "mưa lớn")
    add("B", "nắng gắt")
    SearchIndex.open(library).close()
    index_dir = library.index_dir
    whoosh_dir = index_dir / WHOOSH_DIR
    state_file = index_dir / "state.json"
    if damage == "delete_dir":
        for f in whoosh_dir.iterdir():
            f.unlink()
        whoosh_dir.rmdir()
    elif damage == "delete_state":
        state_file.unlink()
    elif damage == "garbage":
        for f in whoosh_dir.iterdir():
            f.write_bytes(b"\x00garbage\xff" * 50)
    elif damage == "truncate":
        for f in whoosh_dir.iterdir():
            if f.suffix in (".seg", ".trm", ".pst", ".toc"):
                f.write_bytes(f.read_bytes()[:10])
    elif damage == "schema":
        state = json.loads(state_file.read_text())
        state["schema_version"] = SCHEMA_VERSION + 99
        state_file.write_text(json.dumps(state))
    elif damage == "ahead":
        state = json.loads(state_file.read_text())
        state["generation"] = 10_000
        state_file.write_text(json.dumps(state))
    elif damage == "empty_files":
        (whoosh_dir / "junk.seg").write_bytes(b"")
        state_file.write_text("{not json")
    before = library.articles.count()
    ix = SearchIndex.open(library)
    try:
        assert titles(run(ix, "mua")) == ["A"]
        assert titles(run(ix, "nang")) == ["B"]
        assert ix.doc_count() == 2
    finally:
        ix.close()
    assert library.articles.count() == before


def test_rebuild_returns_count_and_keeps_results(library: Library, add: AddFn) -> None:
    for n in range(5):
        add(f"Bài {n}", f"Tin số {n} về bão.")
    ix = SearchIndex.open(library)
    try:
        assert ix.rebuild() == 5
        assert run(ix, "bao").total == 5
    finally:
        ix.close()


def test_one_writer_in_process_waits_for_the_other(library: Library, add: AddFn) -> None:
    add("A", "mưa")
    ix = SearchIndex.open(library, wait=0.2)
    try:
        with index_write_lock(library.index_dir, wait=0):
            with pytest.raises(IndexBusyError, match="busy"):
                ix.sync()
            errors: list[BaseException] = []

            def writer() -> None:
                try:
                    ix.rebuild()
                except BaseException as exc:  # noqa: BLE001 - recorded for the assert
                    errors.append(exc)

            t = threading.Thread(target=writer)
            t.start()
            t.join()
            assert errors and isinstance(errors[0], IndexBusyError)
        assert ix.rebuild() == 1
    finally:
        ix.close()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from desktop.core.search.locking import index_write_lock
with index_write_lock(Path(sys.argv[1]), wait=5):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_second_process_writer_gets_index_busy_but_reader_does_not(
    library: Library, add: AddFn
) -> None:
    add("A", "mưa")
    SearchIndex.open(library).close()
    add("B", "mưa to")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(library.index_dir), "30"],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        # A reader answers from the last committed index, at once, and says it is behind.
        reader = SearchIndex.open(library, wait=0.3)
        try:
            result = run(reader, "mua")
            assert titles(result) == ["A"]
            assert result.notice is not None and "being updated" in result.notice
            with pytest.raises(IndexBusyError, match="another Archive Browser process"):
                reader.sync()
        finally:
            reader.close()
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    ix = SearchIndex.open(library, wait=5)
    ix.close()


def test_search_from_a_worker_thread_with_its_own_library(library: Library, add: AddFn) -> None:
    add("A", "mưa lớn ở Huế")
    SearchIndex.open(library).close()
    found: list[list[str]] = []

    def worker() -> None:
        lib = Library.open(library.root)
        ix = SearchIndex.open(lib)
        try:
            found.append(titles(run(ix, "hue")))
            found.append(titles(run(ix, "mua")))
        finally:
            ix.close()
            lib.close()

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert found == [["A"], ["A"]]


def test_searcher_sees_changes_written_by_another_index_object(
    library: Library, add: AddFn
) -> None:
    add("A", "mưa")
    reader = SearchIndex.open(library)
    try:
        assert run(reader, "mua").total == 1
        add("B", "mưa to")
        writer = SearchIndex.open(library)
        writer.close()
        assert run(reader, "mua").total == 2
    finally:
        reader.close()


def test_read_only_library_gets_a_private_index(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib")
    lib.articles.add_many([make_draft("A", "mưa lớn")])
    lib.close()
    ro = Library.open(tmp_path / "lib", read_only=True)
    try:
        ix = SearchIndex.open(ro)
        try:
            assert titles(run(ix, "mua")) == ["A"]
        finally:
            ix.close()
        assert not (tmp_path / "lib" / "index").exists()
    finally:
        ro.close()


def test_damage_found_while_searching_is_repaired(library: Library, add: AddFn) -> None:
    for n in range(30):
        add(f"Bài {n}", f"Tin bão số {n} ở miền Trung, mưa lớn kéo dài.")
    ix = SearchIndex.open(library)
    try:
        assert run(ix, "bao").total == 30
        ix.close()
        for f in (library.index_dir / WHOOSH_DIR).iterdir():
            if f.suffix == ".pst":
                data = bytearray(f.read_bytes())
                for i in range(8, len(data), 3):
                    data[i] = 0xFF
                f.write_bytes(bytes(data))
        ix = SearchIndex.open(library)
        assert run(ix, "bao").total == 30
        assert run(ix, "mua lon").total == 30
    finally:
        ix.close()


def test_reader_notices_a_rebuild_done_by_another_index_object(
    library: Library, add: AddFn
) -> None:
    a = add("A", "mưa")
    add("B", "mưa to")
    reader = SearchIndex.open(library)
    try:
        assert run(reader, "mua").total == 2
        library.articles.delete([a])
        other = SearchIndex(library, library.index_dir)
        other.rebuild()
        other.close()
        assert titles(run(reader, "mua")) == ["B"]
    finally:
        reader.close()
