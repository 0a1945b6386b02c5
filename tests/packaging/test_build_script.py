"""``packaging/build.py`` helpers and the spec's promises (one folder, package constants)."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from desktop import APP_ID, APP_SLUG, __version__
from desktop.core.paths import PORTABLE_MARKER

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ab_build", REPO / "packaging" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_zip_names(build: ModuleType) -> None:
    expected_os = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(
        sys.platform, "linux"
    )
    assert build.os_name() == expected_os
    assert build.zip_name(portable=True) == f"{APP_SLUG}-{__version__}-{expected_os}-portable.zip"
    assert build.zip_name(portable=False) == f"{APP_SLUG}-{__version__}-{expected_os}.zip"


def test_marker_is_set_and_removed(build: ModuleType, tmp_path: Path) -> None:
    build.set_marker(tmp_path, portable=True)
    assert "portable" in (tmp_path / PORTABLE_MARKER).read_text(encoding="utf-8")
    build.set_marker(tmp_path, portable=False)
    assert not (tmp_path / PORTABLE_MARKER).exists()


def test_zip_keeps_layout_modes_and_symlinks(build: ModuleType, tmp_path: Path) -> None:
    app = tmp_path / APP_SLUG
    (app / "_internal").mkdir(parents=True)
    exe = app / APP_SLUG
    exe.write_bytes(b"\x7fELF")
    exe.chmod(0o755)
    (app / "_internal" / "libQt6Core.so.6").write_bytes(b"qt")
    os.symlink("libQt6Core.so.6", app / "_internal" / "libQt6Core.so")
    build.set_marker(app, portable=True)
    out = tmp_path / "app.zip"
    build.zip_folder(app, out)
    with zipfile.ZipFile(out) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        assert f"{APP_SLUG}/{PORTABLE_MARKER}" in infos
        assert (infos[f"{APP_SLUG}/{APP_SLUG}"].external_attr >> 16) & 0o111
        link = infos[f"{APP_SLUG}/_internal/libQt6Core.so"]
        assert stat.S_ISLNK(link.external_attr >> 16)
        assert zf.read(link) == b"libQt6Core.so.6"
    assert not list(tmp_path.glob("*.part"))


def test_desktop_files_layout(build: ModuleType, tmp_path: Path) -> None:
    build.add_desktop_files(tmp_path)
    share = tmp_path / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()


def test_spec_is_one_folder_and_uses_package_constants() -> None:
    spec = (REPO / "packaging" / "archive-browser.spec").read_text(encoding="utf-8")
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec
    assert "from desktop import APP_ID, APP_NAME, APP_SLUG, __version__" in spec
    compile(spec, "archive-browser.spec", "exec")
    entry = (REPO / "packaging" / "entry.py").read_text(encoding="utf-8")
    assert "from desktop.cli import main" in entry


def test_notices_name_qt_and_its_license(build: ModuleType, tmp_path: Path) -> None:
    build.add_notices(tmp_path)
    assert (tmp_path / "LICENSE.txt").read_bytes() == (REPO / "LICENSE").read_bytes()
    notices = (tmp_path / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "Lesser General" in notices
    assert "PySide6-Essentials 6.11.3 (LGPL" in notices
    # One short line per distribution, even where the metadata holds a whole license text.
    listed = notices.split("download.qt.io/.", 1)[1].strip().splitlines()
    assert any(line.startswith("numpy ") for line in listed)
    assert all(len(line) < 120 and "Copyright" not in line for line in listed)
