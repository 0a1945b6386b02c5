"""Searching while the index is rebuilt, and rebuilds that fail half way."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.search.state import read_state
from desktop.core.store import Library
from tests.helpers.search import make_draft
from tests.hostile._index_support import fill

REPO = Path(__file__).resolve().parents[2]


def _folders(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "index").iterdir() if p.is_dir())


def test_search_during_a_long_rebuild_answers_from_the_last_index_at_once(
    tmp_path: Path,
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 8)
    try:
        SearchIndex.open(lib).close()
        old = read_state(root / "index")
        assert old is not None
        started, release = threading.Event(), threading.Event()
        errors: list[BaseException] = []

        def slow(done: int, total: int) -> None:
            started.set()
            if not release.wait(20):
                raise TimeoutError("never released")

        def rebuild() -> None:
            other = Library.open(root)
            ix = SearchIndex(other, other.index_dir, wait=1.0)
            try:
                ix.rebuild(slow)
            except BaseException as exc:  # noqa: BLE001 - recorded for the assert
                errors.append(exc)
            finally:
                ix.close()
                other.close()

        writer = threading.Thread(target=rebuild)
        writer.start()
        try:
            assert started.wait(20)
            # The rebuild holds the write lock; a reader must not wait for it.
            reader = SearchIndex.open(lib, wait=30.0)
            try:
                assert reader.search(SearchRequest(query="mua")).total == 8
                assert reader.whoosh_dir.name == old.dir
            finally:
                release.set()
                writer.join(30)
            assert not errors
            # The finished rebuild was swapped in; the reader follows it.
            new = read_state(root / "index")
            assert new is not None and new.dir != old.dir
            assert reader.search(SearchRequest(query="mua")).total == 8
            assert reader.whoosh_dir.name == new.dir
            reader.close()
            assert _folders(root) == [new.dir]
        finally:
            release.set()
            writer.join(30)
    finally:
        lib.close()


def test_a_rebuild_that_fails_half_way_keeps_the_working_index(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 6)
    try:
        SearchIndex.open(lib).close()
        before = read_state(root / "index")
        folders = _folders(root)
        lib.articles.add_many([make_draft("Mới", "Bài mới về mưa.")])

        def boom(done: int, total: int) -> None:
            if done:
                raise RuntimeError("interrupted")

        ix = SearchIndex(lib, lib.index_dir)
        try:
            with pytest.raises(RuntimeError):
                ix.rebuild(boom)
        finally:
            ix.close()
        assert read_state(root / "index") == before
        assert _folders(root) == folders
        ix = SearchIndex.open(lib)
        try:
            assert ix.search(SearchRequest(query="mua")).total == 7
        finally:
            ix.close()
    finally:
        lib.close()


KILL_DURING_REINDEX = """
import os, signal, sys
from pathlib import Path
from desktop.core.search.index import SearchIndex
from desktop.core.store import Library

lib = Library.open(Path(sys.argv[1]))
ix = SearchIndex(lib, lib.index_dir)

def die(done, total):
    if done:
        os.kill(os.getpid(), signal.SIGKILL)

ix.rebuild(die)
"""


def test_a_reindex_killed_half_way_leaves_the_old_index_usable(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 600)
    try:
        SearchIndex.open(lib).close()
        before = read_state(root / "index")
        proc = subprocess.run(
            [sys.executable, "-c", KILL_DURING_REINDEX, str(root)], cwd=REPO, timeout=120
        )
        assert proc.returncode == -9
        assert read_state(root / "index") == before
        ix = SearchIndex.open(lib)
        try:
            assert ix.search(SearchRequest(query="mua")).total == 600
            assert ix.whoosh_dir.name == before.dir  # type: ignore[union-attr]
        finally:
            ix.close()
        # The next rebuild removes what the killed one left behind.
        ix = SearchIndex(lib, lib.index_dir)
        try:
            ix.rebuild()
        finally:
            ix.close()
        assert len(_folders(root)) == 1
    finally:
        lib.close()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from desktop.core.search.locking import index_write_lock
with index_write_lock(Path(sys.argv[1]), wait=5):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_import_during_a_long_reindex_keeps_the_articles_and_catches_up_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.search import index as index_module
    from tests.hostile._index_support import cli

    root = tmp_path / "lib"
    fill(root, 3).close()
    assert cli(capsys, "--library", str(root), "search", "mua")[0] == 0
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bão\n\nCơn bão đổ bộ vào Huế.\n")
    monkeypatch.setattr(index_module, "DEFAULT_WAIT", 0.5)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(root / "index"), "60"],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        code, out, err = cli(capsys, "--library", str(root), "import", str(folder), "--json")
        assert code == 0 and "Traceback" not in err and "reindex" not in err
        assert "will catch up" in err
        # Search meanwhile answers at once from the last committed index.
        code, out, err = cli(capsys, "--library", str(root), "search", "mua")
        assert code == 0 and "3 result(s)" in out
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    code, out, _ = cli(capsys, "--library", str(root), "search", "bao")
    assert code == 0 and "1 result(s)" in out
