"""When Qt's xcb plugin cannot load, the app says so in one line instead of Qt's abort."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.ui import platform_check
from desktop.ui.platform_check import _missing_library, display_problem


def test_a_plugin_that_does_not_load_gives_one_clear_line(tmp_path: Path) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_text("not a shared library")
    problem = display_problem({"DISPLAY": ":0"}, plugin, platform="linux")
    assert problem is not None and "\n" not in problem
    assert "xcb" in problem and "libxcb-cursor0" in problem and "apt install" in problem


def test_the_missing_library_is_named() -> None:
    error = "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
    assert _missing_library(error) == "libxcb-icccm.so.4"
    assert _missing_library("something else went wrong") is None


def test_no_check_off_linux_offscreen_or_on_wayland(tmp_path: Path) -> None:
    broken = tmp_path / "libqxcb.so"
    broken.write_text("x")
    assert display_problem({"DISPLAY": ":0"}, broken, platform="darwin") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, broken, platform="linux") is None
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert display_problem(wayland, broken, platform="linux") is None


def test_no_display_is_said_plainly(tmp_path: Path, monkeypatch) -> None:
    missing_plugin = tmp_path / "none" / "libqxcb.so"
    problem = display_problem({}, missing_plugin, platform="linux")
    assert problem is not None and "DISPLAY" in problem


def test_run_app_prints_the_line_and_exits(tmp_path: Path, monkeypatch, capsys) -> None:
    from desktop.ui.app import run_app

    plugin = tmp_path / "libqxcb.so"
    plugin.write_text("not a shared library")
    monkeypatch.setattr(platform_check, "xcb_plugin_path", lambda: plugin)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    assert run_app(tmp_path / "lib") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("archive-browser: error: Qt cannot open a window")


def test_the_real_command_never_shows_qt_abort_text(tmp_path: Path) -> None:
    """Whatever this machine has installed, the start-up is one line or a window."""
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":98", "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(tmp_path / "lib")],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert "This application failed to start" not in done.stderr
    assert done.returncode != 0 and len(done.stderr.strip().splitlines()) == 1


def test_an_x_server_that_does_not_answer_is_said_plainly() -> None:
    import ctypes

    import pytest
    from PySide6.QtCore import QLibraryInfo

    try:
        ctypes.CDLL("libxcb.so.1")
    except OSError:
        pytest.skip("libxcb is not installed")
    loadable = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)) / "libQt6Core.so.6"
    if not loadable.exists():
        pytest.skip("no Qt library at the usual place to stand in for the plugin")
    problem = display_problem({"DISPLAY": ":98"}, loadable, platform="linux")
    assert problem is not None and "Cannot connect to the X display :98" in problem
