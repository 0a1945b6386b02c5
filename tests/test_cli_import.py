"""The ``import`` command's contract: JSON shape, exit codes, idempotency, list/show."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.store import Library
from tests.core.ingest._builders import PARAGRAPHS, article_html, text_dump

KEYS = {"imported", "duplicates", "failed", "ids"}


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "page.html").write_text(article_html(), encoding="utf-8")
    (folder / "dump.txt").write_text(
        text_dump("Bản tin dòng lệnh", *reversed(PARAGRAPHS)), encoding="utf-8"
    )
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_json_contract_and_idempotency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = str(tmp_path / "lib")
    folder = _inputs(tmp_path / "in")
    code, out, _ = _run(capsys, "--library", lib, "import", str(folder), "--json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == KEYS
    assert (result["imported"], result["duplicates"], result["failed"]) == (2, 0, [])
    assert len(result["ids"]) == 2

    code, out, _ = _run(capsys, "--library", lib, "import", str(folder), "--json")
    assert code == 0
    assert json.loads(out) == {"imported": 0, "duplicates": 2, "failed": [], "ids": []}

    code, out, _ = _run(capsys, "--library", lib, "list", "--json")
    listed = [json.loads(line) for line in out.splitlines()]
    assert {row["id"] for row in listed} == set(result["ids"])

    code, out, _ = _run(capsys, "--library", lib, "show", result["ids"][0], "--json")
    shown = json.loads(out)
    assert code == 0 and shown["id"] == result["ids"][0] and shown["body"]


def test_import_finishes_with_the_search_index_in_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib"
    folder = _inputs(tmp_path / "in")
    code, out, _ = _run(capsys, "--library", str(lib), "import", str(folder), "--json")
    assert code == 0
    state = json.loads((lib / "index" / "state.json").read_text(encoding="utf-8"))
    library = Library.open(lib)
    try:
        assert state["generation"] == library.articles.generation()
    finally:
        library.close()
    code, out, _ = _run(capsys, "--library", str(lib), "search", "doi tuyen", "--json")
    assert code == 0
    assert "Đội tuyển" in out


def test_failures_are_listed_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = str(tmp_path / "lib")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = _run(capsys, "--library", lib, "import", str(bad), "--json")
    assert code != 0
    result = json.loads(out)
    assert result["imported"] == 0
    assert result["failed"] == [{"path": str(bad), "error": result["failed"][0]["error"]}]
    assert "binary" in result["failed"][0]["error"]
    assert "Traceback" not in err

    folder = _inputs(tmp_path / "in")
    code, out, _ = _run(capsys, "--library", lib, "import", str(folder), str(bad))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2 imported, 0 duplicates, 1 failed")
    assert lines[1].startswith(f"failed: {bad}: ")


def test_missing_path_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(
        capsys, "--library", str(tmp_path / "lib"), "import", str(tmp_path / "nope"), "--json"
    )
    assert code != 0
    assert out == ""
    assert "No such file or folder" in err and "Traceback" not in err


def test_import_as_a_subprocess(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(tmp_path / "lib"),
         "import", str(folder), "--json"],
        capture_output=True, text=True, env=env, cwd=repo, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == KEYS and result["imported"] == 2
    assert proc.stderr == ""  # no progress bar when stderr is not a terminal


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_ctrl_c_keeps_what_was_committed(tmp_path: Path) -> None:
    import signal
    import sqlite3
    import time
    import zipfile

    source = tmp_path / "batch.zip"
    with zipfile.ZipFile(source, "w") as zf:
        for i in range(4000):
            zf.writestr(
                f"b/{i:05d}.txt",
                text_dump(
                    f"Bản tin {i} của đợt nhập lớn",
                    f"Tóm tắt riêng của bản tin {i} trong đợt nhập thử.",
                    f"Nội dung bản tin {i}: hội thảo ứng dụng công nghệ lần {i * 13}.",
                ),
            )
    lib = tmp_path / "lib"
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--library", str(lib), "import", str(source), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=repo,
    )
    db = lib / "library.sqlite3"
    deadline = time.monotonic() + 180
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                count = 0
            if count >= 250:
                proc.send_signal(signal.SIGINT)
                break
        time.sleep(0.05)
    out, err = proc.communicate(timeout=120)
    assert count >= 250, "the import finished before it could be interrupted"
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "interrupted" in err
    result = json.loads(out)
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    assert result["imported"] == stored
    assert 250 <= stored < 4000


def test_two_files_with_the_same_text_are_both_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = str(tmp_path / "lib")
    folder = tmp_path / "in"
    folder.mkdir()
    dump = text_dump("Bản tin trùng lặp", *PARAGRAPHS)
    (folder / "a.txt").write_text(dump, encoding="utf-8")
    (folder / "b.txt").write_text("Menu\n\n" + dump, encoding="utf-8")  # other bytes
    code, out, _ = _run(capsys, "--library", lib, "import", str(folder))
    assert code == 0
    assert out.startswith("1 imported, 1 duplicates")
    [note] = [line for line in out.splitlines() if line.startswith("duplicate:")]
    with Library.open(Path(lib)) as library:
        [article_id] = library.articles.all_ids()
        kept = library.articles.get(article_id)
        [further] = library.sources.sources_of(article_id)
        assert {kept.source_path, further.source_path} == {
            str(folder / "a.txt"), str(folder / "b.txt")
        }
        assert library.sources.original(further.id).data.decode("utf-8").endswith(dump)
    # The report names the article the duplicate duplicates.
    assert article_id[:12] in note and "Bản tin trùng lặp" in note
    # ``show`` lists both sources.
    code, out, _ = _run(capsys, "--library", lib, "show", article_id)
    assert code == 0
    sources = [line for line in out.splitlines() if line.startswith("Source:")]
    assert len(sources) == 2
    code, out, _ = _run(capsys, "--library", lib, "show", article_id, "--json")
    assert [s["id"] for s in json.loads(out)["further_sources"]] == [further.id]
