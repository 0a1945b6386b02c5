"""A mistyped ``--library`` must not silently become a new, empty library."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main

READING_COMMANDS = [
    ["search", "x"],
    ["list"],
    ["show", "0123456789abcdef0123"],
    ["stats"],
    ["similar", "0123456789abcdef0123"],
    ["clusters"],
    ["annotations", "list"],
    ["annotations", "export", "--format", "w3c", "OUT"],
    ["bundle", "export", "OUT.zip"],
    ["reindex"],
    ["check"],
    ["recover", "OUT"],
]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_commands_that_read_refuse_a_missing_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    typo = tmp_path / "typo"
    argv = [str(tmp_path / a) if a.startswith("OUT") else a for a in command]
    rc = main(["--library", str(typo), *argv])
    err = capsys.readouterr().err
    assert rc == 2
    assert f"No library at {typo}" in err
    assert err.count("\n") == 1
    assert not typo.exists()


def test_an_empty_existing_folder_is_not_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(tmp_path), "search", "x"]) == 2
    assert "No library at" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_import_still_creates_a_new_library(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Tiêu đề bài viết\n\nNội dung bài viết ngắn về kinh tế.\n", "utf-8")
    assert main(["--library", str(tmp_path / "new"), "import", str(doc)]) == 0
    assert (tmp_path / "new" / "library.sqlite3").is_file()
