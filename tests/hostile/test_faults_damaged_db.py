"""A damaged or emptied database: one line naming the file, ``check`` and ``recover``."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.annotations.store import AnnotationStore
from desktop.core.errors import LibraryError
from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.search.index import SearchIndex
from desktop.core.store import Library
from desktop.core.store.recover import recover_library

ARTICLES = 120


def _build(root: Path) -> Path:
    with Library.open(root) as lib:
        for i in range(ARTICLES):
            body = (
                f"Bài số {i} viết về nông nghiệp và kinh tế của tỉnh. "
                + "Nông dân thu hoạch lúa sớm hơn mọi năm. " * 40
                + f"Mã số {i * 7919}."
            )
            raw = f"Tiêu đề {i}\n{body}".encode()
            lib.articles.add(ArticleDraft(
                id=article_id_for(raw), title=f"Tin kinh tế số {i}", body=body,
                source_path=f"/in/{i}.txt", kind="text",
                original=Original(data=raw, media_type="text/plain", encoding="utf-8"),
            ))
        first = lib.articles.all_ids()[0]
        AnnotationStore(lib.conn, "Hương").create(first, 0, 6, note="ghi chú", tags=["lúa"])
        SearchIndex.open(lib).close()
    return root


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("pristine") / "lib")


def _copy(pristine: Path, tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    shutil.copytree(pristine, root)
    return root


def _root_page(root: Path, table: str) -> int:
    conn = sqlite3.connect(root / "library.sqlite3")
    try:
        return int(conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0])
    finally:
        conn.close()


def _garble_page(root: Path, page: int) -> None:
    with open(root / "library.sqlite3", "r+b") as fh:
        fh.seek((page - 1) * 4096)
        fh.write(b"\xff" * 4096)


def _garble_text(root: Path) -> None:
    """Overwrite bytes inside stored text (the page structure stays sound)."""
    db = root / "library.sqlite3"
    data = bytearray(db.read_bytes())
    at = data.index("Nông dân".encode())
    data[at + 1:at + 3] = b"\xff\xfe"
    db.write_bytes(bytes(data))


def _run(root: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [["stats"], ["list"], ["search", "kinh"], ["reindex"]])
def test_a_garbled_page_gives_one_line_naming_the_file(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    root = _copy(pristine, tmp_path)
    _garble_page(root, _root_page(root, "articles"))
    code, _, err = _run(root, capsys, *command)
    assert code != 0
    assert err.count("\n") == 1
    assert str(root / "library.sqlite3") in err
    assert "damaged" in err and "recover" in err


def test_damaged_text_gives_one_line_not_a_decode_traceback(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    _garble_text(root)
    shutil.rmtree(root / "index")
    code, _, err = _run(root, capsys, "reindex")
    assert code == 1
    assert err.count("\n") == 1 and "damaged" in err
    assert "\ufffd" not in err  # the garbled text itself is not echoed


def test_check_says_ok_for_a_sound_library(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    code, out, _ = _run(root, capsys, "check")
    assert code == 0
    assert f"ok ({ARTICLES} articles)" in out
    assert f"ok ({ARTICLES} documents" in out


def test_check_finds_a_garbled_page(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    _garble_page(root, _root_page(root, "originals"))
    code, out, _ = _run(root, capsys, "check", "--json")
    assert code == 1
    import json

    found = json.loads(out)
    assert found["database_ok"] is False and found["problems"]


def test_check_finds_damaged_text(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    _garble_text(root)
    code, out, _ = _run(root, capsys, "check")
    assert code == 1
    assert "1 article(s) have damaged text" in out


def test_check_compares_the_index_with_the_store(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    with Library.open(root) as lib:
        victim = lib.articles.all_ids()[5]
        lib.conn.execute("DELETE FROM articles WHERE id = ?", (victim,))
    code, out, _ = _run(root, capsys, "check")
    assert code == 1
    assert "1 indexed article(s) are no longer in the store" in out
    assert "reindex" in out
    index_files = sorted(p.name for p in (root / "index").rglob("*"))
    _run(root, capsys, "check")
    assert sorted(p.name for p in (root / "index").rglob("*")) == index_files


def test_check_on_a_database_that_is_not_one(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    _garble_page(root, 1)
    code, out, err = _run(root, capsys, "check")
    assert (code, err) == (1, "")
    assert "damaged" in out


@pytest.mark.parametrize("with_cli", [True, False], ids=["sqlite3-cli", "python-only"])
def test_recover_copies_every_article_and_annotation(
    pristine: Path, tmp_path: Path, with_cli: bool
) -> None:
    root = _copy(pristine, tmp_path)
    report = recover_library(root, tmp_path / "new", use_sqlite_cli=with_cli)
    assert (report.articles, report.originals, report.annotations, report.tags) == (
        ARTICLES, ARTICLES, 1, 1,
    )
    with Library.open(tmp_path / "new") as lib:
        assert lib.articles.count() == ARTICLES
        assert [a.author for a in AnnotationStore(lib.conn).list_all()] == ["Hương"]
        with SearchIndex.open(lib) as index:
            assert index.doc_count() == ARTICLES


def test_recover_skips_what_is_damaged_and_keeps_the_rest(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = _copy(pristine, tmp_path)
    _garble_page(root, _root_page(root, "originals"))
    _garble_text(root)
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no sqlite3 program
    code, out, err = _run(root, capsys, "recover", str(tmp_path / "new"))
    assert code == 0, err
    assert f"Recovered {ARTICLES} article(s)" in out
    assert "damaged text" in out
    code, out, _ = _run(tmp_path / "new", capsys, "check")
    assert code == 0, out
    code, out, _ = _run(tmp_path / "new", capsys, "search", "kinh")
    assert f"{ARTICLES} result(s)" in out


def test_recover_rebuilds_lost_article_rows_from_their_originals(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = _copy(pristine, tmp_path)
    _garble_page(root, _root_page(root, "articles"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    code, out, err = _run(root, capsys, "recover", str(tmp_path / "new"))
    assert code == 0, err
    assert f"Recovered {ARTICLES} article(s), {ARTICLES} original(s) and 1 annotation(s)" in out
    assert f"{ARTICLES} article(s) had lost their row" in out
    code, out, _ = _run(tmp_path / "new", capsys, "search", "lúa", "--json")
    assert f'"total": {ARTICLES}' in out


def test_recover_refuses_a_folder_that_is_not_empty(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    code, _, err = _run(root, capsys, "recover", str(root))
    assert code == 2 and "not empty" in err or "not into the damaged library" in err


# -- item 10: an emptied database ----------------------------------------------


def test_a_zero_byte_database_in_a_used_folder_is_refused(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(pristine, tmp_path)
    os.truncate(root / "library.sqlite3", 0)
    with pytest.raises(LibraryError, match="damaged"):
        Library.open(root)
    code, _, err = _run(root, capsys, "import", str(tmp_path))
    assert code == 2 and "0 bytes" in err
    assert (root / "library.sqlite3").stat().st_size == 0  # nothing written over it


def test_a_zero_byte_database_in_a_new_folder_becomes_a_library(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "library.sqlite3").touch()
    with Library.open(root) as lib:
        assert lib.articles.count() == 0


# -- a damaged write-ahead log -------------------------------------------------

_WRITE_AND_DIE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE articles SET title = title || ' (sửa)'")
os._exit(0)  # no checkpoint: the change stays in library.sqlite3-wal
"""


@pytest.mark.parametrize("damage", ["truncated", "garbled"])
def test_a_damaged_wal_leaves_a_usable_library(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    import subprocess
    import sys

    root = _copy(pristine, tmp_path)
    db = root / "library.sqlite3"
    subprocess.run([sys.executable, "-c", _WRITE_AND_DIE, str(db)], check=True, timeout=60)
    wal = root / "library.sqlite3-wal"
    size = wal.stat().st_size
    assert size > 0
    if damage == "truncated":
        os.truncate(wal, size // 2)
    else:
        with open(wal, "r+b") as fh:
            fh.seek(size // 3)
            fh.write(os.urandom(8192))
    for argv in (["stats"], ["search", "kinh"], ["check"]):
        code, _, err = _run(root, capsys, *argv)
        assert code == 0, (argv, err)
        assert "Traceback" not in err
