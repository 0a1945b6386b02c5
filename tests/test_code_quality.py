"""The code stays lint-clean (ruff) and type-clean (mypy --strict on the core and the UI)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def test_ruff_clean() -> None:
    proc = subprocess.run(
        [_tool("ruff"), "check", "--quiet", "."], cwd=REPO, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.timeout(600)
def test_mypy_strict_core_and_ui() -> None:
    proc = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_never_imports_qt_or_ui() -> None:
    offenders = []
    for path in (REPO / "desktop" / "core").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            s = line.strip()
            if s.startswith(("import ", "from ")) and any(
                m in s for m in ("PySide6", "shiboken6", "desktop.ui", "desktop.cli")
            ):
                offenders.append(f"{path.relative_to(REPO)}:{n}: {s}")
    assert offenders == []


def test_tests_take_helpers_from_tests_helpers_not_from_conftest() -> None:
    """Conftest files hold fixtures; the helpers tests share live in ``tests/helpers``."""
    offenders = []
    for path in (REPO / "tests").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            s = line.strip()
            if s.startswith("from ") and " import " in s and s.split(" import ")[0].endswith(
                "conftest"
            ):
                offenders.append(f"{path.relative_to(REPO)}:{n}: {s}")
    assert offenders == []
