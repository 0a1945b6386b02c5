"""Starting the app: the self-test, the About versions, panels and articles opened by others."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop import __version__
from desktop.ui.dialogs.about import AboutDialog, versions
from desktop.ui.selftest import run_self_test
from tests.helpers.window import wait_ready

REPO = Path(__file__).resolve().parents[2]


def test_self_test_passes_in_process(qtbot, capsys) -> None:
    from PySide6.QtWidgets import QApplication

    assert run_self_test(QApplication.instance()) == 0
    out = capsys.readouterr().out
    assert "[ok] import: 8 imported, 0 failed" in out
    assert "[ok] search" in out and "[ok] reader" in out and "FAIL" not in out


def test_self_test_command(tmp_path) -> None:
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "passed" in proc.stdout
    # A self-test leaves no trace in the app's folders (settings, libraries).
    assert not (tmp_path / "cfg" / "archive-browser").exists()
    assert not (tmp_path / "data" / "archive-browser").exists()


def test_about_lists_versions(qtbot) -> None:
    info = versions()
    assert info["Archive Browser"] == __version__
    assert set(info) == {"Archive Browser", "Python", "Qt", "PySide6", "Whoosh"}
    assert all(v and v != "?" for v in info.values())
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel).text()
    assert info["PySide6"] in text and info["Whoosh"] in text


def test_add_panel_and_open_article(qtbot, seeded_library, make_window) -> None:
    window = make_window(seeded_library)
    wait_ready(qtbot, window)
    panel = QLabel("notes")
    dock = window.add_panel("Notes", panel)
    assert (
        dock.widget() is panel
        and window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    )
    article_id = seeded_library.articles.all_ids()[5]
    body = seeded_library.articles.get(article_id).body
    article = window.open_article(article_id, offset=len(body) - 1)
    assert article is not None and window.reader.current_article().id == article_id
    assert window.open_article("does-not-exist") is None
    assert "does-not-exist" in window.statusBar().currentMessage()


def test_app_start_skips_the_command_modules() -> None:
    from desktop.cli import build_parser, opens_app

    assert opens_app([]) and opens_app(["--library", "lib"]) and opens_app(["--self-test"])
    assert opens_app(["--bundle", "b.zip", "--library", "list"])  # option values are not commands
    assert not opens_app(["list"]) and not opens_app(["--library", "lib", "search", "gom"])
    assert not opens_app(["--help"]) and not opens_app(["--version"])
    assert build_parser(with_commands=False).parse_args(["--library", "x"]).command is None
