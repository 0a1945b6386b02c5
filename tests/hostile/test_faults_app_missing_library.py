"""The app, like the read-only commands, never turns a mistyped --library into a library."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import cli
from desktop.ui import app as app_module


def test_the_app_refuses_a_named_folder_without_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object, monkeypatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    typo = tmp_path / "typo"
    code = cli.main(["--library", str(typo)])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"archive-browser: error: No library at {typo} (it has no library.sqlite3)."]
    assert not typo.exists()


def test_a_named_folder_becomes_a_library_only_when_the_user_says_so(
    tmp_path: Path, qapp: object, monkeypatch
) -> None:
    asked: list[Path] = []

    def decline(folder: Path) -> bool:
        asked.append(folder)
        return False

    monkeypatch.setattr(app_module, "confirm_new_library", decline)
    typo = tmp_path / "typo"
    assert app_module.run_app(typo, must_exist=True) == 2
    assert asked == [typo] and not typo.exists()


def test_offscreen_there_is_no_one_to_ask(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app_module.confirm_new_library(tmp_path / "x") is False
