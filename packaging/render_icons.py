"""Render the app icon SVG to the PNG sizes desktops and installers need.

Run from the repository root: ``python packaging/render_icons.py``. Writes
``resources/icons/<APP_ID>-<size>.png`` plus ``.ico`` (Windows) and ``.icns``
(macOS), and copies the SVG and the 256 px PNG
into ``desktop/ui/assets/icons/`` for the running app.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop import APP_ID  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = REPO / "resources" / "icons"
RUNTIME_ICONS = REPO / "desktop" / "ui" / "assets" / "icons"


def svg_path() -> Path:
    return ICONS / f"{APP_ID}.svg"


def png_path(size: int) -> Path:
    return ICONS / f"{APP_ID}-{size}.png"


def render(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def write_ico(sizes: tuple[int, ...], out: Path) -> None:
    """A Windows .ico holding the PNG renderings (PNG entries are valid since Vista)."""
    images = [png_path(size).read_bytes() for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    out.write_bytes(header + entries + b"".join(images))


# ICNS element types holding PNG data, by pixel size.
_ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def write_icns(out: Path) -> None:
    """A macOS .icns holding the PNG renderings."""
    body = b""
    for size, kind in _ICNS_TYPES.items():
        data = png_path(size).read_bytes()
        body += kind + struct.pack(">I", len(data) + 8) + data
    out.write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    svg = svg_path()
    for size in SIZES:
        render(svg, size, png_path(size))
        print(png_path(size).relative_to(REPO))
    write_ico((16, 24, 32, 48, 64, 256), ICONS / f"{APP_ID}.ico")
    write_icns(ICONS / f"{APP_ID}.icns")
    RUNTIME_ICONS.mkdir(parents=True, exist_ok=True)
    shutil.copy2(svg, RUNTIME_ICONS / svg.name)
    shutil.copy2(png_path(256), RUNTIME_ICONS / f"{APP_ID}.png")
    print(RUNTIME_ICONS.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
