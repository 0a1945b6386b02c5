"""Atomic replacement of files: all or nothing, no temporary files left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.atomic import atomic_path, atomic_write_text
from desktop.core.errors import UserError


def test_atomic_path_replaces_on_success(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_text("new")
        assert target.read_text() == "old"
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_atomic_path_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "cache.npz"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.npz"]


def test_atomic_path_passes_os_errors_through(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_path(tmp_path / "missing" / "x"):
        pass


def test_write_text_names_what_it_writes(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Cannot write the report to .*: folder .* does not exist"):
        atomic_write_text(tmp_path / "no" / "r.html", "x", what=f"the report to {tmp_path}")
