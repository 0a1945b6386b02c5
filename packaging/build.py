"""Build the frozen app with PyInstaller and zip it.

``python packaging/build.py`` builds the one-folder app into ``dist/archive-browser/``
with the portable marker (``portable.txt``) beside the executable, then writes
``dist/archive-browser-<version>-<os>-portable.zip``. With ``--installed`` the
folder has no marker (library and settings go to the per-user folders) and no
zip is written unless ``--zip`` is given. Prints the build time and zip size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop import APP_ID, APP_SLUG, __version__  # noqa: E402
from desktop.core.paths import PORTABLE_MARKER  # noqa: E402

SPEC = REPO / "packaging" / "archive-browser.spec"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
RESOURCES = REPO / "resources"

PORTABLE_NOTE = """\
This file makes Archive Browser portable.

While it sits beside the program, the library, settings and caches are kept in the
"data" folder next to it (for example on a USB stick), never in your home folder.
Delete this file to use the per-user folders instead.
"""


def os_name() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def app_dir() -> Path:
    return DIST / APP_SLUG


def zip_name(*, portable: bool) -> str:
    suffix = "-portable" if portable else ""
    return f"{APP_SLUG}-{__version__}-{os_name()}{suffix}.zip"


def run_pyinstaller(*, clean: bool) -> None:
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
    ]
    if clean:
        cmd.insert(3, "--clean")
    subprocess.run(cmd, cwd=REPO, check=True)


def add_desktop_files(folder: Path) -> None:
    """The freedesktop files, laid out as under a ``/usr`` prefix (``share/...``)."""
    share = folder / "share"
    linux = RESOURCES / "linux"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = share / "icons" / "hicolor"
    (icons / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy2(RESOURCES / "icons" / f"{APP_ID}.svg", icons / "scalable" / "apps")
    for png in sorted((RESOURCES / "icons").glob(f"{APP_ID}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = icons / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / f"{APP_ID}.png")


def strip_libpython(folder: Path) -> None:
    """Remove debug symbols from libpython (some Python builds ship them: +17 MB).

    Only libpython: stripping libraries that wheels patched (numpy.libs, scipy.libs)
    makes them unloadable. Linux only; skipped when ``strip`` is not installed.
    """
    tool = shutil.which("strip")
    if os_name() != "linux" or tool is None:
        return
    for lib in (folder / "_internal").glob("libpython3*.so*"):
        if lib.is_file() and not lib.is_symlink():
            subprocess.run([tool, "--strip-debug", str(lib)], check=True)


# Distributions whose code ships in the frozen app, for the notices file.
NOTICE_DISTRIBUTIONS = (
    "PySide6-Essentials", "shiboken6", "whoosh-reloaded", "pydantic", "pydantic-core",
    "platformdirs", "trafilatura", "justext", "htmldate", "courlan", "lxml", "warcio",
    "charset-normalizer", "rapidfuzz", "numpy", "babel", "dateparser",
    "regex", "tld", "python-dateutil", "pytz", "tzlocal", "urllib3", "certifi",
    "pypdfium2", "rispy", "bibtexparser", "pylatexenc",
)

QT_NOTICE = """\
Qt for Python (PySide6) and the Qt libraries are used under the GNU Lesser General
Public License v3 (https://www.gnu.org/licenses/lgpl-3.0.html). They are separate
shared libraries in _internal/PySide6 (Qt/lib holds the Qt libraries): you may replace
them with your own builds of the same version. Source: https://download.qt.io/.
"""


def license_of(dist: str) -> str:
    try:
        meta = metadata.metadata(dist)
    except metadata.PackageNotFoundError:
        return ""
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    value = str(meta.get("License") or "").strip().splitlines()
    if value and len(value[0]) < 80 and not value[0].startswith("Copyright"):
        return value[0]
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the project"


def add_notices(folder: Path) -> None:
    """The app's license and a list of the third-party software inside the folder."""
    shutil.copy2(REPO / "LICENSE", folder / "LICENSE.txt")
    lines = [f"{APP_SLUG} {__version__} includes the following software.", "", QT_NOTICE]
    lines.append(f"Python {sys.version.split()[0]} (PSF License)")
    for dist in NOTICE_DISTRIBUTIONS:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
        lines.append(f"{dist} {version} ({license_of(dist)})")
    (folder / "THIRD-PARTY-NOTICES.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def set_marker(folder: Path, *, portable: bool) -> None:
    marker = folder / PORTABLE_MARKER
    if portable:
        marker.write_text(PORTABLE_NOTE, encoding="utf-8")
    else:
        marker.unlink(missing_ok=True)


def zip_folder(folder: Path, out: Path) -> None:
    """Zip ``folder`` under its own name, keeping modes and symlinks; atomic."""
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(folder.rglob("*")):
            arcname = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(arcname)
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, os.readlink(path))
            elif path.is_dir():
                zf.write(path, arcname)
            else:
                zf.write(path, arcname)
    os.replace(tmp, out)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--installed", action="store_true", help="no portable marker")
    parser.add_argument("--zip", action="store_true", help="also zip the installed build")
    parser.add_argument("--clean", action="store_true", help="clear PyInstaller's cache first")
    parser.add_argument(
        "--skip-pyinstaller", action="store_true", help="reuse dist/ (re-mark and re-zip only)"
    )
    args = parser.parse_args(argv)
    portable = not args.installed

    started = time.monotonic()
    if not args.skip_pyinstaller:
        run_pyinstaller(clean=args.clean)
    folder = app_dir()
    if not (folder / (APP_SLUG + (".exe" if os_name() == "windows" else ""))).exists():
        print(f"build.py: no frozen app in {folder}", file=sys.stderr)
        return 1
    built = time.monotonic() - started
    if not args.skip_pyinstaller:
        strip_libpython(folder)
    add_desktop_files(folder)
    add_notices(folder)
    set_marker(folder, portable=portable)
    print(f"app folder: {folder.relative_to(REPO)} ({folder_size(folder) / 1e6:.1f} MB)")
    print(f"pyinstaller: {built:.0f} s")
    if portable or args.zip:
        out = DIST / zip_name(portable=portable)
        zip_folder(folder, out)
        print(f"zip: {out.relative_to(REPO)} ({out.stat().st_size / 1e6:.1f} MB)")
    print(f"total: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
