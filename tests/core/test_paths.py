"""Where data lives: per-user folders normally, beside the program in portable mode."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import paths

REPO = Path(__file__).resolve().parents[2]


def test_without_marker_everything_is_per_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path / "prog")
    home = Path(os.environ["HOME"])
    assert paths.portable_root() is None
    assert not paths.is_portable()
    for folder in (paths.data_dir(), paths.config_dir(), paths.cache_dir()):
        assert folder.is_relative_to(home)
        assert "archive-browser" in folder.parts
    assert paths.resolve_library_dir() == paths.data_dir() / "library"


def test_marker_moves_everything_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prog = tmp_path / "prog"
    prog.mkdir()
    (prog / paths.PORTABLE_MARKER).write_text("portable\n")
    monkeypatch.setattr(paths, "program_dir", lambda: prog)
    assert paths.is_portable()
    assert paths.data_dir() == prog / "data"
    assert paths.config_dir() == prog / "data" / "settings"
    assert paths.cache_dir() == prog / "data" / "cache"
    assert paths.resolve_library_dir() == prog / "data" / "library"
    # An explicit choice still wins over the portable default.
    monkeypatch.setenv(paths.LIBRARY_ENV, str(tmp_path / "env-lib"))
    assert paths.resolve_library_dir() == tmp_path / "env-lib"
    assert paths.resolve_library_dir(tmp_path / "cli-lib") == tmp_path / "cli-lib"


def test_a_folder_named_like_the_marker_is_not_a_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / paths.PORTABLE_MARKER).mkdir()
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path)
    assert paths.portable_root() is None


def test_frozen_program_dir_is_the_executable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exe = tmp_path / "app" / "archive-browser"
    exe.parent.mkdir()
    exe.write_bytes(b"")
    (exe.parent / paths.PORTABLE_MARKER).write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert paths.program_dir() == exe.parent.resolve()
    assert paths.resolve_library_dir() == exe.parent.resolve() / "data" / "library"


def test_source_checkout_program_dir() -> None:
    assert paths.program_dir() == REPO


@pytest.mark.parametrize("portable", [True, False])
def test_source_run_of_a_program_copy(tmp_path: Path, portable: bool) -> None:
    """A copy of the package run from source: the library lands beside it, or in HOME."""
    prog = tmp_path / "prog"
    shutil.copytree(
        REPO / "desktop", prog / "desktop", ignore=shutil.ignore_patterns("__pycache__")
    )
    if portable:
        (prog / paths.PORTABLE_MARKER).write_text("portable\n")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARCHIVE_BROWSER"))}
    env.update(HOME=str(home), PYTHONPATH=str(prog), PYTHONNOUSERSITE="1")
    code = (
        "import desktop.core.paths as p; from desktop.core.store import Library; "
        "lib = Library.open(p.resolve_library_dir()); print(p.__file__); print(lib.root)"
    )
    proc = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(prog)!r}); {code}"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    module_file, root = proc.stdout.split()
    assert Path(module_file).is_relative_to(prog)
    if portable:
        assert Path(root) == prog / "data" / "library"
        assert (prog / "data" / "library" / "library.sqlite3").is_file()
        assert list(home.iterdir()) == []
    else:
        assert Path(root).is_relative_to(home)
        assert not (prog / "data").exists()
