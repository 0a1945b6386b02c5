"""``archive-browser bundle export|import|verify`` end to end."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.store import Library
from tests.helpers.bundles import drafts


@pytest.fixture
def source(tmp_path: Path) -> Path:
    root = tmp_path / "source"
    with Library.open(root) as lib:
        lib.articles.add_many(drafts())
    return root


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    out = capsys.readouterr().out
    result: dict[str, object] = json.loads(out)
    return result


def test_export_verify_import(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.zip"
    target = tmp_path / "target"
    exported = run_json(
        capsys, "--library", str(source), "bundle", "export", str(out), "--with-originals",
        "--json",
    )
    assert exported["articles"] == 5 and exported["originals"] == 5
    verified = run_json(capsys, "bundle", "verify", str(out), "--json")
    assert verified["ok"] is True
    assert verified["counts"] == {
        "articles": 5, "originals": 5, "annotations": 0, "index_files": 0
    }
    imported = run_json(capsys, "--library", str(target), "bundle", "import", str(out), "--json")
    assert (imported["imported"], imported["duplicates"]) == (5, 0)
    again = run_json(capsys, "--library", str(target), "bundle", "import", str(out), "--json")
    assert (again["imported"], again["duplicates"]) == (0, 5)


def test_selection_and_text_output(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open(source) as lib:
        ids = lib.articles.all_ids()
    out = tmp_path / "sel.zip"
    assert main(["--library", str(source), "bundle", "export", str(out), "--ids", ids[0][:8],
                 ids[4]]) == 0
    text = capsys.readouterr().out
    assert "articles:    2" in text
    assert main(["bundle", "verify", str(out)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")
    assert main(["--library", str(tmp_path / "t"), "bundle", "import", str(out)]) == 0
    assert "Imported 2 of 2 articles" in capsys.readouterr().out


def test_errors_are_one_line(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.zip"
    assert main(["--library", str(source), "bundle", "export", str(out)]) == 0
    capsys.readouterr()
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "articles.jsonl":
                data = data.replace(b"captures", b"CAPTURES")
            zout.writestr(name, data)
    assert main(["bundle", "verify", str(damaged)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "articles.jsonl" in err and "Traceback" not in err
    assert main(["--library", str(source), "bundle", "export", str(out), "--ids", "0zz"]) == 2
    assert "No article" in capsys.readouterr().err
    assert main(["--library", str(tmp_path / "none"), "bundle", "export", str(out)]) == 2
    assert "No library" in capsys.readouterr().err


def test_command_line_process(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    out.write_bytes(b"PK\x03\x04 broken")
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "bundle", "verify", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("archive-browser: error: ")
    assert "Traceback" not in proc.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_goes_to_a_terminal_only(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--library", str(source), "bundle", "export", str(tmp_path / "a.zip")]) == 0
    assert "\rarticles: 5/5" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")

    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    assert main(["--library", str(source), "bundle", "export", str(tmp_path / "b.zip")]) == 0
    assert piped.getvalue() == ""


@pytest.fixture
def filled_lib(source: Path) -> Iterator[Library]:
    lib = Library.open(source)
    yield lib
    lib.close()


def test_human_sizes() -> None:
    from desktop.commands.bundle import human_size

    assert [human_size(n) for n in (5, 40_545, 19_000_000, 5_000_000_000)] == [
        "5 bytes", "40.5 KB", "19.0 MB", "5.0 GB"
    ]


def test_with_index_is_accepted_but_writes_no_index(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.zip"
    argv = ["--library", str(source), "bundle", "export", str(out), "--with-index"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "--with-index is ignored" in err and len(err.strip().splitlines()) == 1
    with zipfile.ZipFile(out) as zf:
        assert not [n for n in zf.namelist() if n.startswith("index/")]
