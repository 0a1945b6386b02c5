"""Export Citations…: CSL-JSON, RIS or BibTeX of the selected results, else of all of them.

Several selected rows are a selection; one row is only the current article, so the
whole result list (the current query and filters) is cited.

The file and format are chosen in a save dialog; the export runs on a pool
thread with its own connection (``core/cite``), and the outcome is shown in the
status bar, or in a warning box when it fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from desktop.core.cite import SUFFIXES, CitationReport, export_citations
from desktop.core.errors import UserError
from desktop.core.store.library import LibraryOpener
from desktop.ui.bundles.controller import result_ids
from desktop.ui.threading import run_task

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class CitationsController(QObject):
    """Owns the Export Citations action's dialog and job for one main window."""

    finished = Signal(object)  # CitationReport
    failed = Signal(str)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.busy = False

    def filters(self) -> dict[str, str]:
        """Save-dialog filter -> format."""
        return {
            self.tr("CSL-JSON for Zotero and Pandoc (*.json)"): "csljson",
            self.tr("RIS for EndNote and Zotero (*.ris)"): "ris",
            self.tr("BibTeX for LaTeX (*.bib)"): "bibtex",
        }

    def scope(self) -> tuple[tuple[str, ...] | None, str, dict[str, tuple[str, ...]]]:
        """The selected ids (None: every current result), the query and the filters."""
        selected = tuple(self.window.results.selected_ids())
        search = self.window.search
        filters = {k: tuple(v) for k, v in search.filters.items() if v}
        if len(selected) > 1:
            return selected, search.query, filters
        return None, search.query, filters

    def caption(self) -> str:
        ids, _, _ = self.scope()
        if ids is not None:
            return self.tr("Export citations of the %n selected article(s)", "", len(ids))
        last = self.window.search.last_result
        total = last.total if last is not None else 0
        return self.tr("Export citations of the %n current result(s)", "", total)

    def export_dialog(self) -> None:
        filters = self.filters()
        chosen, selected_filter = QFileDialog.getSaveFileName(
            self.window,
            self.caption(),
            str(Path.home() / "citations.json"),
            ";;".join(filters),
        )
        if not chosen:
            return
        self.start_export(Path(chosen), filters.get(selected_filter, _format_for(chosen)))

    def start_export(self, out: Path, fmt: str) -> bool:
        if self.busy:
            self.window.statusBar().showMessage(self.tr("Citations are being exported."), 4000)
            return False
        suffix = SUFFIXES[fmt]
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        ids, query, filters = self.scope()
        opener = self.window.library.reopen
        self.busy = True
        run_task(
            lambda: run_citation_export(opener, out, fmt, ids, query, filters),
            on_done=self._done,
            on_error=self._failed,
        )
        return True

    def _done(self, report: CitationReport) -> None:
        self.busy = False
        self.window.statusBar().showMessage(
            self.tr("%n citation(s) written to %1", "", report.citations).replace(
                "%1", report.path
            ),
            8000,
        )
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        message = str(exc) if isinstance(exc, UserError | OSError) else repr(exc)
        self.window.warn(self.tr("Export citations"), message)
        self.failed.emit(message)


def _format_for(path: str) -> str:
    lower = path.lower()
    for fmt, suffix in SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    return "csljson"


def run_citation_export(
    opener: LibraryOpener,
    out: Path,
    fmt: str,
    ids: tuple[str, ...] | None,
    query: str,
    filters: dict[str, tuple[str, ...]],
) -> CitationReport:
    """The export job (runs on a pool thread with its own connection)."""
    library = opener()
    try:
        chosen = list(ids) if ids is not None else result_ids(library, query, filters)
        return export_citations(library, chosen, fmt, out)
    finally:
        library.close()
