"""A library on a read-only folder or medium opens read-only, is searched as it is, and says so."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from desktop.core.store import library as library_module
from tests.helpers.ui_library import seed

_MOUNT_RO = 'mount --bind -o ro "$0" "$0" && exec "$@"'


def _built(root: Path) -> Path:
    with Library.open(root) as lib:
        seed(lib, 40)
        SearchIndex.open(lib).close()
    return root


def _ro_mount_available(tmp_path: Path) -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", _MOUNT_RO + " 2>/dev/null", str(tmp_path), "true"],
        capture_output=True, timeout=30,
    )
    return probe.returncode == 0


def _on_read_only_mount(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with ``root`` bind-mounted read-only (in a private mount namespace)."""
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", _MOUNT_RO, str(root),
         sys.executable, "-m", "desktop", "--library", str(root), *argv],
        capture_output=True, text=True, timeout=120,
    )


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*") if p.is_file()
    }


def test_search_on_a_read_only_mount(tmp_path: Path) -> None:
    if not _ro_mount_available(tmp_path):
        pytest.skip("read-only bind mounts are not available here")
    root = _built(tmp_path / "lib")
    before = _snapshot(root)
    out = _on_read_only_mount(root, "search", "gốm", "--json")
    assert out.returncode == 0, out.stderr
    assert '"total": 10' in out.stdout
    assert "read-only" in out.stderr
    for command in (["stats"], ["list", "--limit", "2"], ["check"]):
        done = _on_read_only_mount(root, *command)
        assert done.returncode == 0, (command, done.stderr)
    refused = _on_read_only_mount(root, "import", str(tmp_path))
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "is read-only" in refused.stderr
    assert _snapshot(root) == before


@pytest.fixture
def unwritable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every folder and file looks unwritable, as on a read-only medium (root ignores modes)."""
    monkeypatch.setattr(library_module, "writable", lambda path: False)


def test_an_unwritable_library_opens_read_only_and_immutable(
    tmp_path: Path, unwritable: None
) -> None:
    root = _built(tmp_path / "lib")
    before = _snapshot(root)
    with Library.open(root) as lib:
        assert lib.read_only and lib.immutable
        with SearchIndex.open(lib) as index:
            assert index.index_dir == lib.index_dir  # the index as it is, not a copy
            result = index.search(SearchRequest(query="gốm"))
            assert result.total == 10
        other = lib.connect()
        assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 41
        other.close()
    assert _snapshot(root) == before


def test_cli_says_the_library_is_read_only(
    tmp_path: Path, unwritable: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _built(tmp_path / "lib")
    assert main(["--library", str(root), "search", "gốm"]) == 0
    out, err = capsys.readouterr()
    assert "10 result(s)" in out
    assert "read-only" in err
    for argv in (["reindex"], ["annotations", "delete", "x"], ["import", str(tmp_path)]):
        assert main(["--library", str(root), *argv]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is read-only" in err

