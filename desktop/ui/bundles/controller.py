"""Bundle jobs of the main window: export, import (merge) and open read-only.

Each job runs off the GUI thread through :func:`desktop.ui.threading.run_task`
with its own library connection; progress comes back throttled through a
queued signal and shows in a status-bar strip. A failure (a tampered bundle's
``UnsafeArchiveError``, any ``UserError``) is shown as one line in a
non-blocking message box, never as a traceback. After an import the search
index catches up through the window's single writer (``importer.sync_index``),
so no second index writer is ever opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.bundles import BundleProgress, export_bundle, import_bundle, open_bundle_readonly
from desktop.core.bundles.readonly import close_bundle
from desktop.core.errors import UserError
from desktop.core.progress import PROGRESS_INTERVAL, Throttle
from desktop.core.search.models import SearchRequest
from desktop.core.store.library import LibraryOpener
from desktop.ui.bundles.options_dialog import ExportOptionsDialog
from desktop.ui.bundles.progress_strip import BundleProgressStrip
from desktop.ui.export_folder import remember_export, suggested_path
from desktop.ui.threading import run_task

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary
    from desktop.ui.main_window import MainWindow



@dataclass(frozen=True)
class ExportScope:
    """What to export: the library (both None), a query (and filters) or ids."""

    ids: tuple[str, ...] | None = None
    query: str | None = None
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()


def result_ids(library: AnyLibrary, query: str, filters: dict[str, tuple[str, ...]]) -> list[str]:
    """Every id the results view would list for ``query`` and ``filters``, in its order."""
    from desktop.ui.search.backend import Backend

    backend = Backend(library)
    try:
        return backend.all_ids(SearchRequest(query=query, filters=filters))
    finally:
        backend.refresh_index()


def run_export(
    opener: LibraryOpener,
    out: Path,
    scope: ExportScope,
    with_originals: bool,
    progress: Any,
) -> Any:
    """The export job (runs on a pool thread with its own connection)."""
    library = opener()
    try:
        ids: list[str] | None = list(scope.ids) if scope.ids is not None else None
        query = scope.query
        if query is not None and scope.filters:
            ids, query = result_ids(library, query, dict(scope.filters)), None
        elif query is not None and not query.strip():
            query = None  # no query: the listing is the whole library
        if query is None and ids is None and scope.filters:
            ids = result_ids(library, "", dict(scope.filters))
        return export_bundle(
            library,
            out,
            ids=ids,
            query=query,
            with_originals=with_originals,
            progress=progress,
        )
    finally:
        library.close()


def run_import(opener: LibraryOpener, path: Path, progress: Any) -> Any:
    """The import job: merge the bundle into the library ``opener`` opens."""
    library = opener()
    try:
        return import_bundle(library, path, progress=progress)
    finally:
        library.close()


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit through it (queued)."""

    progress = Signal(object)  # BundleProgress


class BundleController(QObject):
    """Owns the bundle actions' behaviour for one main window."""

    finished = Signal(str, object)  # kind ("export", "import", "open"), its report/library
    failed = Signal(str, str)  # kind, message

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.strip = BundleProgressStrip(window)
        window.statusBar().addWidget(self.strip)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._busy: str | None = None
        self.last_error: QMessageBox | None = None
        self._opening = Path()

    def is_busy(self) -> bool:
        return self._busy is not None

    # -- choosing (dialogs) --------------------------------------------------------

    def _suggested(self, stem: str) -> Path:
        return Path(suggested_path(self.window, f"{stem}.zip"))

    def export_library_dialog(self) -> ExportOptionsDialog:
        count = self.window.library.articles.count()
        return self._export_dialog(
            self.tr("Export library as bundle"),
            self.tr("All %n article(s) of this library, with their annotations.", "", count),
            ExportScope(),
            self._suggested(self.window.library.name or "library"),
        )

    def export_results_dialog(self) -> ExportOptionsDialog:
        search = self.window.search
        total = search.last_result.total if search.last_result is not None else 0
        filters = tuple(sorted((k, tuple(v)) for k, v in search.filters.items() if v))
        scope = ExportScope(query=search.query, filters=filters)
        return self._export_dialog(
            self.tr("Export current results as bundle"),
            self.tr("The %n article(s) of the current results.", "", total),
            scope,
            self._suggested("results"),
        )

    def export_selection_dialog(self) -> ExportOptionsDialog | None:
        ids = self.window.results.selected_ids()
        if not ids:
            self._status(self.tr("Select articles in the results first."))
            return None
        return self._export_dialog(
            self.tr("Export selected articles as bundle"),
            self.tr("The %n selected article(s).", "", len(ids)),
            ExportScope(ids=tuple(ids)),
            self._suggested("selection"),
        )

    def _export_dialog(
        self, title: str, summary: str, scope: ExportScope, suggested: Path
    ) -> ExportOptionsDialog:
        dialog = ExportOptionsDialog(title, summary, suggested, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: remember_export(self.window, dialog.path()))
        dialog.accepted.connect(
            lambda: self.start_export(
                dialog.path(),
                scope,
                with_originals=dialog.with_originals(),
            )
        )
        dialog.open()
        return dialog

    def choose_import(self) -> None:
        path = self._choose_bundle(self.tr("Import a bundle"))
        if path:
            self.start_import(path)

    def choose_open(self) -> None:
        path = self._choose_bundle(self.tr("Open a bundle read-only"))
        if path:
            self.start_open(path)

    def _choose_bundle(self, caption: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, caption, str(Path.home()), self.tr("Bundles (*.zip);;All files (*)")
        )
        return Path(chosen) if chosen else None

    # -- jobs ------------------------------------------------------------------------

    def start_export(self, out: Path, scope: ExportScope, *, with_originals: bool) -> bool:
        opener = self.window.library.reopen
        return self._run(
            "export",
            self.tr("Exporting bundle"),
            lambda progress: run_export(opener, Path(out), scope, with_originals, progress),
        )

    def start_import(self, path: Path) -> bool:
        if self.window.library.read_only:
            self._status(self.tr("This library is read-only."))
            return False
        if self.window.importer.is_busy():
            self._status(self.tr("Wait for the import to finish first."))
            return False
        opener = self.window.library.reopen
        return self._run(
            "import",
            self.tr("Importing bundle"),
            lambda progress: run_import(opener, Path(path), progress),
        )

    def start_open(self, path: Path) -> bool:
        if self.window.importer.is_busy():
            self._status(self.tr("Wait for the import to finish first."))
            return False
        self._opening = Path(path)
        return self._run(
            "open",
            self.tr("Opening bundle"),
            lambda progress: open_bundle_readonly(Path(path), progress=progress),
        )

    def _run(self, kind: str, text: str, job: Any) -> bool:
        if self._busy is not None:
            self._status(self.tr("A bundle task is already running."))
            return False
        self._busy = kind
        self.strip.start(text)
        relay = self._relay
        throttle = Throttle(relay.progress.emit, PROGRESS_INTERVAL)

        def work() -> Any:
            try:
                return job(throttle.offer)
            finally:
                throttle.flush()

        run_task(
            work,
            on_done=lambda result: self._done(kind, result),
            on_error=lambda exc: self._failed(kind, exc),
        )
        return True

    def _on_progress(self, progress: BundleProgress) -> None:
        if self._busy is not None:
            self.strip.show_progress(progress)

    def _done(self, kind: str, result: Any) -> None:
        self._busy = None
        self.strip.finish()
        if self.window.is_shut():
            if kind == "open":
                close_bundle(result)
            return
        if kind == "export":
            self._status(
                self.tr("Exported %n article(s) to %1", "", result.articles).replace(
                    "%1", result.path
                )
            )
        elif kind == "import":
            self._status(
                self.tr("Imported %n new article(s) from the bundle", "", result.imported)
                + (
                    " " + self.tr("(%n already in the library)", "", result.duplicates)
                    if result.duplicates
                    else ""
                )
            )
            self.window.after_bundle_import()
        elif kind == "open":
            self.window.show_bundle_library(result, self._opening.name)
        self.finished.emit(kind, result)

    def _failed(self, kind: str, exc: BaseException) -> None:
        self._busy = None
        self.strip.finish()
        if self.window.is_shut():
            return
        if isinstance(exc, UserError):
            message = str(exc)
        else:
            message = self.tr("The bundle task failed: %1").replace("%1", str(exc) or repr(exc))
        titles = {
            "export": self.tr("Export bundle"),
            "import": self.tr("Import bundle"),
            "open": self.tr("Open bundle"),
        }
        self._status(message)
        self.last_error = self.window.warn(titles.get(kind, kind), message)
        self.failed.emit(kind, message)

    def _status(self, text: str) -> None:
        self.window.notify(text, 10000)
