"""The frozen app (``python packaging/build.py``): portable mode and the smoke run.

These tests run only when ``dist/`` holds a built app; they copy it to a temporary
folder so the build output is never changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop import APP_SLUG, __version__
from desktop.core.paths import PORTABLE_MARKER

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "dist"
EXE_NAME = APP_SLUG + (".exe" if sys.platform == "win32" else "")
OS_NAME = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
PORTABLE_ZIP = DIST / f"{APP_SLUG}-{__version__}-{OS_NAME}-portable.zip"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (DIST / APP_SLUG / EXE_NAME).is_file(),
        reason="no frozen app in dist/ (run python packaging/build.py)",
    ),
]


def clean_env(home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("XDG_", "ARCHIVE_BROWSER", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return env


@pytest.fixture
def app_copy(tmp_path: Path) -> Path:
    app = tmp_path / APP_SLUG
    shutil.copytree(DIST / APP_SLUG, app, symlinks=True)
    (app / PORTABLE_MARKER).write_text("portable\n", encoding="utf-8")
    shutil.rmtree(app / "data", ignore_errors=True)
    return app


def run(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app / EXE_NAME), *args], cwd=home.parent, env=clean_env(home),
        capture_output=True, text=True, timeout=300,
    )


def test_portable_frozen_app_keeps_its_library_beside_it(app_copy: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    proc = run(app_copy, home, "--version")
    assert proc.returncode == 0, proc.stderr
    assert __version__ in proc.stdout

    # A command that only reads names the library it looked for, and creates none.
    proc = run(app_copy, home, "stats", "--json")
    assert proc.returncode == 2
    assert f"No library at {app_copy / 'data' / 'library'}" in proc.stderr

    text = tmp_path / "bai.txt"
    text.write_text("Tiêu đề bài báo\n\nHà Nội mùa thu, lá vàng rơi trên phố cổ.\n",
                    encoding="utf-8")
    proc = run(app_copy, home, "import", str(text), "--json")
    assert proc.returncode == 0, proc.stderr
    assert (app_copy / "data" / "library" / "library.sqlite3").is_file()
    proc = run(app_copy, home, "stats", "--json")
    assert f'"library": "{app_copy / "data" / "library"}"' in proc.stdout
    assert '"articles": 1' in proc.stdout

    bundle = tmp_path / "b.zip"
    proc = run(app_copy, home, "bundle", "export", str(bundle), "--json")
    assert proc.returncode == 0, proc.stderr
    proc = run(app_copy, home, "bundle", "verify", str(bundle))
    assert proc.returncode == 0, proc.stderr
    assert list(home.iterdir()) == []


def test_self_test_offscreen_in_portable_mode(app_copy: Path, tmp_path: Path) -> None:
    """The CI smoke run: import, search and read offscreen, nothing written to HOME."""
    home = tmp_path / "home"
    home.mkdir()
    proc = run(app_copy, home, "--self-test")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "passed" in proc.stdout
    assert list(home.iterdir()) == []


def test_installed_frozen_app_uses_home(tmp_path: Path) -> None:
    app = tmp_path / APP_SLUG
    shutil.copytree(DIST / APP_SLUG, app, symlinks=True)
    (app / PORTABLE_MARKER).unlink(missing_ok=True)
    shutil.rmtree(app / "data", ignore_errors=True)  # left by an earlier portable run
    home = tmp_path / "home"
    home.mkdir()
    text = tmp_path / "bai.txt"
    text.write_text("Tiêu đề\n\nHội An về đêm, đèn lồng sáng khắp phố.\n", encoding="utf-8")
    proc = run(app, home, "import", str(text), "--json")
    assert proc.returncode == 0, proc.stderr
    assert not (app / "data").exists()
    assert any(home.rglob("library.sqlite3"))


@pytest.mark.skipif(not PORTABLE_ZIP.is_file(), reason="no portable zip in dist/")
def test_portable_zip_holds_the_marker_beside_the_executable() -> None:
    with zipfile.ZipFile(PORTABLE_ZIP) as zf:
        names = set(zf.namelist())
    assert f"{APP_SLUG}/{PORTABLE_MARKER}" in names
    assert f"{APP_SLUG}/{EXE_NAME}" in names
    assert PORTABLE_ZIP.stat().st_size <= 120 * 1000 * 1000


def test_frozen_app_imports_every_document_format_and_cites(
    app_copy: Path, tmp_path: Path
) -> None:
    """PDFium, lxml, rispy and bibtexparser are inside the frozen app."""
    from tests.helpers.documents import docx_bytes, email_bytes, epub_bytes, mhtml_bytes
    from tests.helpers.pdf import browser_printed_pdf

    home = tmp_path / "home"
    home.mkdir()
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.pdf").write_bytes(browser_printed_pdf(
        "Harbour plan", "https://news.example.org/harbour", "3/17/23, 8:05 AM",
        [["The harbour plan was approved on Monday."], ["Work starts in spring."]],
    ))
    (inputs / "b.epub").write_bytes(epub_bytes([("Chương", ["Một đoạn văn."])]))
    (inputs / "c.docx").write_bytes(docx_bytes(["Một đoạn trong báo cáo."]))
    (inputs / "d.eml").write_bytes(email_bytes())
    (inputs / "e.mhtml").write_bytes(mhtml_bytes())
    proc = run(app_copy, home, "import", str(inputs), "--json")
    assert proc.returncode == 0, proc.stderr
    assert '"imported": 5' in proc.stdout and '"failed": []' in proc.stdout
    for fmt, marker in (("bibtex", "@online{"), ("ris", "TY  - ELEC"), ("csljson", '"URL"')):
        out = tmp_path / f"refs.{fmt}"
        proc = run(app_copy, home, "cite", "--format", fmt, str(out))
        assert proc.returncode == 0, proc.stderr
        assert marker in out.read_text(encoding="utf-8")
