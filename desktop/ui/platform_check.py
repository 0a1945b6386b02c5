"""Before Qt starts: can it open a window? One clear line instead of Qt's abort when not.

On Linux, Qt draws through its ``xcb`` plugin, which needs a few X11 client
libraries that a minimal Debian or Ubuntu does not install (libxcb-cursor0 and
friends; README lists them). When the plugin cannot load, Qt prints several
lines and aborts the process. ``display_problem`` finds this out first, by
loading the plugin the way Qt would, and says which library is missing.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

DEBIAN_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 "
    "libfontconfig1 libdbus-1-3"
)


def _uses_xcb(env: dict[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "").strip()
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    wayland = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland  # Qt's default on Linux outside a Wayland session


def xcb_plugin_path() -> Path:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


def _missing_library(error: str) -> str | None:
    found = re.search(r"(lib[\w.+-]+\.so[\w.]*)\s*:\s*cannot open shared object", error)
    return found.group(1) if found else None


def display_problem(
    env: dict[str, str] | None = None, plugin: Path | None = None, platform: str | None = None
) -> str | None:
    """A one-line explanation when Qt will not be able to open a window, else None."""
    env = dict(os.environ) if env is None else env
    if (platform or sys.platform) != "linux" or not _uses_xcb(env):
        return None
    plugin = plugin or xcb_plugin_path()
    if plugin.exists():
        try:
            ctypes.CDLL(str(plugin), mode=getattr(os, "RTLD_LAZY", 1))
        except OSError as exc:
            missing = _missing_library(str(exc))
            what = f"{missing} is missing" if missing else f"it does not load ({exc})"
            return (
                f"Qt cannot open a window: its X11 (xcb) plugin needs system libraries, "
                f"and {what}. On Debian/Ubuntu: sudo apt install {DEBIAN_PACKAGES}"
            )
    display = env.get("DISPLAY")
    if not display and not env.get("WAYLAND_DISPLAY"):
        return (
            "No display to open a window on (DISPLAY is not set). Start it from a desktop "
            "session, or run archive-browser --self-test, or the command-line commands."
        )
    if display and plugin.exists() and not _can_connect(display):
        return (
            f"Cannot connect to the X display {display}: is the desktop session running, "
            f"and is DISPLAY right?"
        )
    return None


def _can_connect(display: str) -> bool:
    """True when an X server answers on ``display`` (through libxcb, as Qt would)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # let Qt report it
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return not xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)
