"""Starting the desktop app: the QApplication, its identity, language, theme and main window.

``run_app`` is what ``archive-browser`` runs without a subcommand. With
``self_test=True`` it runs offscreen through import, search and reading on a
small fixture shipped in the package, prints a report and exits.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop.core.store.library import DB_NAME

if TYPE_CHECKING:  # Qt is loaded only when the app starts
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.core.store import Library


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon, QPixmap

    icon = QIcon()
    folder = resources.files("desktop.ui.assets").joinpath("icons")
    for name in (f"{APP_ID}.png", f"{APP_ID}.svg"):
        ref = folder.joinpath(name)
        try:
            data = ref.read_bytes()
        except (FileNotFoundError, OSError):
            continue
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            icon.addPixmap(pixmap)
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the app's names and icon."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def _error_box(title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        print(f"archive-browser: error: {message}", file=sys.stderr)
        return
    from desktop.ui.plaintext import plain_message_box

    plain_message_box(QMessageBox.Icon.Critical, title, message).exec()


def open_library_for_app(library_dir: Path, bundle: str | None) -> Library:
    """The library to show: a read-only bundle, or the library folder (created if new)."""
    from desktop.core.store import Library

    if bundle:
        from desktop.core.bundles.readonly import open_bundle_readonly

        return open_bundle_readonly(Path(bundle))
    return Library.open(library_dir)


def confirm_new_library(library_dir: Path) -> bool:
    """Asked when the library was named (``--library``) but holds none: create it there?

    A mistyped folder must not silently become an empty library. Without a
    screen to ask on (offscreen), the answer is no.
    """
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.plaintext import ask_yes_no

    question = QCoreApplication.translate(
        "App", "There is no library in {folder}. Create a new, empty library there?"
    ).format(folder=library_dir)
    return ask_yes_no(APP_NAME, question)


def settle_heap() -> None:
    """Keep what start-up made out of the garbage collector's full passes (``gc.freeze``).

    The window, its models and the imported modules make some 100,000 objects that
    live as long as the app. A full collection walks all of them and stopped the GUI
    thread for 150-350 ms whenever a refresh of thousands of annotations (other
    people's changes arriving) allocated enough to trigger one; frozen, they are
    skipped (``bench/bench_live_annotations.py``).
    """
    import gc

    gc.collect()
    gc.freeze()


def run_app(
    library_dir: Path,
    bundle: str | None = None,
    self_test: bool = False,
    *,
    must_exist: bool = False,
    user: str | None = None,
) -> int:
    """Start the app on ``library_dir`` (or a bundle read-only).

    ``must_exist``: the library was named explicitly, so a folder without one is
    created only when the user says so. ``user`` (``--user``) is who the library
    records on the annotations made in this session (default: the login name).
    """
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        from desktop.ui.platform_check import display_problem

        problem = display_problem()
        if problem is not None:  # instead of Qt's abort
            print(f"archive-browser: error: {problem}", file=sys.stderr)
            return 1
    from desktop.core.errors import UserError
    from desktop.ui.i18n import install_translations
    from desktop.ui.settings import AppSettings
    from desktop.ui.theme import apply_theme

    app = create_application()
    if self_test:
        # Before the user's settings are touched: a self-test leaves no trace.
        from desktop.ui.selftest import run_self_test

        return run_self_test(app)

    settings = AppSettings()
    install_translations(app, settings.language)
    apply_theme(app, settings.theme)

    from desktop.ui.main_window import MainWindow

    if (
        must_exist
        and not bundle
        and not (Path(library_dir) / DB_NAME).is_file()
        and not confirm_new_library(Path(library_dir))
    ):
        print(
            f"archive-browser: error: No library at {library_dir} (it has no {DB_NAME}).",
            file=sys.stderr,
        )
        return 2
    try:
        library = open_library_for_app(Path(library_dir), bundle)
    except UserError as exc:
        _error_box(APP_NAME, str(exc))
        return 1
    if user is not None:
        library.user = user
    window = MainWindow(library, settings)
    if not bundle:
        settings.remember_library(Path(library_dir))
    current = [window]

    def follow(replacement: MainWindow) -> None:  # a language change rebuilds the window
        current[0] = replacement
        replacement.replaced.connect(follow)

    window.replaced.connect(follow)
    from desktop.ui.server_errors import route_server_errors

    route_server_errors(lambda reason: current[0].server_unreachable(reason))
    window.show()
    settle_heap()
    code = int(app.exec())
    current[0].shutdown()
    return code
