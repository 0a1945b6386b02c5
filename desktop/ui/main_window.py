"""The main window: composes the panels and wires them; it contains none of their logic.

Layout: search bar on top; below it a splitter with the facet sidebar, the
result list and the reader; the import progress strip under that; an
empty-library screen instead of all this when the library has no articles.
Dock panels from other parts (annotations, compare) go in with
:meth:`MainWindow.add_panel`. Bundle export, import and read-only opening are
in ``ui/bundles``; "Compare selected" hands two selected results to the
compare part. File ▸ Open Server Library… opens a shared library by its address;
when a server cannot be reached (on opening, or later from any call to it), the
``UnreachableBar`` across the top says so and retries on request, and what the
user typed stays where it is.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ServerUnreachable, UserError
from desktop.core.ingest.formats import SUPPORTED_SUFFIXES
from desktop.core.models import Article, ImportReport
from desktop.core.paths import data_dir
from desktop.core.search.models import SearchResult
from desktop.core.store import Library
from desktop.core.store.library import LibraryOpener
from desktop.core.store.locations import open_library as open_location
from desktop.core.store.locations import without_password

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary
from desktop.ui.annotations.install import install_annotations
from desktop.ui.bundles.controller import BundleController
from desktop.ui.citations import CitationsController
from desktop.ui.compare.install import CompareController, install_compare
from desktop.ui.dialogs.about import AboutDialog
from desktop.ui.dialogs.settings_dialog import SettingsDialog
from desktop.ui.empty_state import EmptyLibraryScreen
from desktop.ui.facets.sidebar import FacetSidebar
from desktop.ui.importing.controller import ImportController, IndexProgress
from desktop.ui.importing.progress_panel import ImportPanel
from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.lists.controller import ListsController
from desktop.ui.lists.install import install_lists
from desktop.ui.menus import build_menus, create_actions
from desktop.ui.plaintext import PlainLabel, plain_message_box
from desktop.ui.reader.view import ReaderView
from desktop.ui.results.model import ResultsModel
from desktop.ui.results.view import ResultsView
from desktop.ui.roles import Role
from desktop.ui.search.backend import index_is_current
from desktop.ui.search.bar import SearchBar
from desktop.ui.search.controller import SearchController
from desktop.ui.search.service import SearchService, SpansAnswer
from desktop.ui.server_bar import UnreachableBar
from desktop.ui.settings import AppSettings
from desktop.ui.theme import apply_theme


def _is_bundle(path: Path) -> bool:
    from desktop.core.bundles import is_bundle

    return path.suffix.lower() == ".zip" and path.is_file() and is_bundle(path)


def default_size(widget: QWidget) -> QSize:
    """1280×800, or less on a smaller screen (a 1366×768 laptop gets all of its height)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 800)
    room = screen.availableGeometry().size()
    return QSize(min(1280, room.width()), min(800, room.height()))


class MainWindow(QMainWindow):
    library_changed = Signal(str)  # library folder
    import_finished = Signal(object)  # ImportReport | None (None: the import failed early)
    index_synced = Signal()
    replaced = Signal(object)  # the MainWindow that took over (after a language change)
    server_answered = Signal()  # Retry found the server answering again

    def __init__(
        self,
        library: AnyLibrary,
        settings: AppSettings,
        *,
        opener: LibraryOpener | None = None,
        use_index: bool = True,
        show_reports: bool = True,
        extensions: bool = True,
        isolate_writer: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._shut = False  # the threads stopped (closed, or replaced by a rebuild)
        # The parts installed into this window, by name ("annotations", "compare", "lists").
        self.extensions: dict[str, QObject] = {}
        self.settings = settings
        self.show_reports = show_reports
        self._use_index = use_index
        self._isolate_writer = isolate_writer
        self._with_extensions = extensions
        self._title: tuple[str, bool] = ("", False)
        self._panels: list[QDockWidget] = []
        self.last_report: ImportReport | None = None
        self.sample_library_dir = data_dir() / "sample-library"
        self._prefer_article: str | None = None  # select it in the next results (rebuild)
        self._shown_query = ""  # the query the reader's article was shown for

        self.search_bar = SearchBar(self)
        self.facets = FacetSidebar(self)
        self.results_model = ResultsModel(self)
        self.results = ResultsView(self)
        self.results.setModel(self.results_model)
        self.reader = ReaderView(self)
        self.reader.set_font_family(settings.reader_font)
        self.reader.set_zoom(settings.reader_zoom)
        self.empty_screen = EmptyLibraryScreen(self)
        self.import_panel = ImportPanel(self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.reader)
        # All three shrink with the window (the reader least), so a narrow window keeps
        # the reader's primary actions in its toolbar; the facets keep room for a count.
        self.facets.setMinimumWidth(140)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([200, 420, 620])
        self.splitter.setChildrenCollapsible(False)
        browse = QWidget(self)
        browse_layout = QVBoxLayout(browse)
        browse_layout.setContentsMargins(0, 0, 0, 0)
        browse_layout.setSpacing(0)
        browse_layout.addWidget(self.search_bar)
        browse_layout.addWidget(self.splitter, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_screen)
        self.stack.addWidget(browse)
        self.browse_page = browse
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.unreachable_bar = UnreachableBar(self)
        central_layout.addWidget(self.unreachable_bar)
        central_layout.addWidget(self.stack, 1)
        central_layout.addWidget(self.import_panel)
        self.setCentralWidget(central)
        self.library_label = PlainLabel(parent=self)
        self.library_label.setObjectName("libraryPath")
        self.statusBar().addPermanentWidget(self.library_label)

        self.actions_ = create_actions(self)
        build_menus(self.menuBar(), self.actions_, self.reader)
        self.bundles = BundleController(self)
        self.citations = CitationsController(self)
        self._owns_bundle = False  # the library is a bundle opened from the menu
        self._pending_server: str | None = None  # a server address that could not be opened
        self._notice_until = 0.0
        self._connect_ui()
        self.setAcceptDrops(True)
        self.resize(default_size(self))

        self.library: AnyLibrary
        self.search_service: SearchService
        self.search: SearchController
        self.importer: ImportController
        self._attach_library(library, opener or library.reopen)
        if extensions:
            self._install_extensions()
        self._restore_window()

    # -- wiring -------------------------------------------------------------------

    def _connect_ui(self) -> None:
        a = self.actions_
        a.import_files.triggered.connect(self.choose_import_files)
        a.import_folder.triggered.connect(self.choose_import_folder)
        a.open_library.triggered.connect(self.choose_library)
        a.open_server.triggered.connect(self.choose_server_library)
        self.unreachable_bar.retry_requested.connect(self.retry_server)
        a.new_library.triggered.connect(lambda: self.choose_library(create=True))
        a.export_library.triggered.connect(self.bundles.export_library_dialog)
        a.export_results.triggered.connect(self.bundles.export_results_dialog)
        a.export_selection.triggered.connect(self.bundles.export_selection_dialog)
        a.export_citations.triggered.connect(self.citations.export_dialog)
        a.import_bundle.triggered.connect(self.bundles.choose_import)
        a.open_bundle.triggered.connect(self.bundles.choose_open)
        a.open_sample.triggered.connect(self.open_sample_library)
        a.compare_selected.triggered.connect(self.compare_selected)
        a.compare_selected.setEnabled(False)
        a.export_selection.setEnabled(False)
        self.results.selectionModel().selectionChanged.connect(self._update_selection_actions)
        a.settings.triggered.connect(self.open_settings)
        a.quit.triggered.connect(self.close)
        a.focus_search.triggered.connect(self.focus_search)
        a.clear_search.triggered.connect(self.clear_search)
        a.clear_filters.triggered.connect(self.facets.clear_filters)
        a.full_screen.toggled.connect(self.set_full_screen)
        a.about.triggered.connect(lambda: AboutDialog(self).exec())
        a.about_qt.triggered.connect(QApplication.aboutQt)
        a.search_syntax.triggered.connect(self.show_search_syntax)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        self.results.selectionModel().currentChanged.connect(self._on_current_changed)
        self.search_bar.edit.move_requested.connect(self.results.move_current)
        self.search_bar.edit.open_requested.connect(self._open_from_search_box)
        self.results.open_requested.connect(self._open_and_focus)
        self.results.escape_pressed.connect(self.clear_search)
        self.empty_screen.import_files_requested.connect(self.choose_import_files)
        self.empty_screen.import_folder_requested.connect(self.choose_import_folder)
        self.empty_screen.sample_requested.connect(self.open_sample_library)
        self.import_panel.cancel_requested.connect(self._cancel_import)
        self.reader.original_failed.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.reader.original_loader = lambda article_id: self.library.articles.original(article_id)
        self.reader.hints_loader = lambda article_id: self.library.articles.hints(article_id)
        self.reader.span_source = self._request_spans
        self.reader.serif_action.toggled.connect(self._save_reader_prefs)
        for action in (
            self.reader.zoom_in_action,
            self.reader.zoom_out_action,
            self.reader.zoom_reset_action,
        ):
            action.triggered.connect(self._save_reader_prefs)

    def _attach_library(self, library: AnyLibrary, opener: LibraryOpener) -> None:
        self.library = library
        self._opener = opener
        self.search_service = SearchService(opener, use_index=self._use_index, parent=self)
        self.search_service.spans_ready.connect(self._on_spans)
        self.search_service.unreachable.connect(self.server_unreachable)
        self.search = SearchController(
            self.search_service,
            self.results_model,
            self.search_bar,
            self.facets,
            self,
            message=self.results.message,
        )
        self.search.results_changed.connect(self._on_results)
        self.importer = ImportController(
            library.root if isinstance(library, Library) else library.server_dsn,
            isolate=self._isolate_writer,
            parent=self,
        )
        self.importer.started.connect(self.import_panel.start)
        self.importer.progress.connect(self.import_panel.show_progress)
        self.importer.index_progress.connect(self._on_index_progress)
        self.importer.imported.connect(self._on_imported)
        self.importer.finished.connect(self._on_import_finished)
        self.importer.failed.connect(self._on_import_failed)
        read_only = library.read_only
        for action in (
            self.actions_.import_files,
            self.actions_.import_folder,
            self.actions_.import_bundle,
        ):
            action.setEnabled(not read_only)
        self.empty_screen.setEnabled(not read_only)
        self.search.sort = self.settings.sort
        self.search_bar.set_sort_key(self.settings.sort)
        self._set_title(library.name, read_only)
        self.library_label.setText(library.location)
        self._update_empty_state(library.articles.count())
        if read_only and library.is_server:
            self.notify(self.read_only_notice(), 15000)
        self.search.refresh()
        if not read_only and self._use_index and not index_is_current(library):
            self.importer.sync_index()  # catch up with imports made elsewhere (CLI)
        self.library_changed.emit(library.location)

    def read_only_notice(self) -> str:
        """Why nothing can be changed: a read-only folder, or an account that only reads."""
        if self.library.is_server:
            return self.tr(
                "Your account can search and read this server library, not change it."
            )
        return self.tr("This library is read-only.")

    def _set_title(self, name: str, read_only: bool) -> None:
        """The library's name; Qt adds the product name (the application display name)."""
        self._title = (name, read_only)
        self.setWindowTitle(name + (" " + self.tr("(read-only)") if read_only else ""))

    def _detach_library(self) -> None:
        self.importer.stop()
        self.search_service.stop()
        for obj in (self.search, self.importer, self.search_service):
            obj.deleteLater()
        self.reader.clear()
        self._close_library()

    def _close_library(self) -> None:
        if self._owns_bundle:
            from desktop.core.bundles import close_bundle

            self._owns_bundle = False
            assert isinstance(self.library, Library), "a bundle opens as a folder library"
            close_bundle(self.library)  # also removes its temporary folder
        else:
            self.library.close()

    def _install_extensions(self) -> None:
        """Host the parts that plug into the reader: annotations, compare (which shows the
        annotations) and the lists."""
        annotations = install_annotations(self)
        self.extensions["annotations"] = annotations
        self.extensions["compare"] = install_compare(self, annotations)
        self.extensions["lists"] = install_lists(self, self.library)
        annotations.changed.connect(self._on_annotations_changed)

    def _on_annotations_changed(self, _article_id: str) -> None:
        """The listing (no query) reads tags from the store: its Tags facet follows at once.

        A search follows when the index has caught up (``_on_import_finished``).
        """
        if not self.search.query:
            self.refresh_results()

    # -- public API for other parts -------------------------------------------------

    def add_panel(
        self,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Dock ``widget`` beside the reader; it gets a View-menu toggle."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"panel_{len(self._panels)}_{title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self._panels.append(dock)
        view_menu = self.menuBar().findChild(QWidget, "viewMenu")
        if view_menu is not None:
            view_menu.addAction(dock.toggleViewAction())
        return dock

    def add_edit_actions(self, actions: Sequence[QAction]) -> None:
        """Put a part's actions into the Edit menu, after a separator."""
        edit_menu = self.menuBar().findChild(QMenu, "editMenu")
        if edit_menu is None:
            self.addActions(list(actions))
            return
        edit_menu.addSeparator()
        edit_menu.addActions(list(actions))

    def request_index_sync(self) -> None:
        """Let the search index catch up through the single writer (not read-only, not shut)."""
        if not self._shut and not self.library.read_only:
            self.importer.sync_index()

    def is_shut(self) -> bool:
        return self._shut

    def open_article(self, article_id: str, offset: int | None = None) -> Article | None:
        """Show an article in the reader (optionally scrolled to a code-point offset)."""
        if self._shut:
            return None
        try:
            article = self.library.articles.get(article_id)
        except ServerUnreachable as exc:
            self.server_unreachable(str(exc))
            return None
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return None
        self.stack.setCurrentWidget(self.browse_page)
        self._shown_query = self.search.query
        self.reader.show_article(article, self.search.query or None)
        if offset is not None:
            self.reader.scroll_to_offset(offset)
        return article

    def compare_selected(self) -> bool:
        """Open the compare view on the two selected results (False unless exactly two)."""
        ids = self.results.selected_ids()
        compare = self.extensions.get("compare")
        if len(ids) != 2 or not isinstance(compare, CompareController):
            self.statusBar().showMessage(self.tr("Select exactly two results to compare."), 6000)
            return False
        return compare.compare(ids[0], ids[1]) is not None

    def _update_selection_actions(self) -> None:
        count = len(self.results.selectionModel().selectedIndexes())
        self.actions_.compare_selected.setEnabled(
            count == 2 and "compare" in self.extensions
        )
        self.actions_.export_selection.setEnabled(count > 0)

    # -- search and results -----------------------------------------------------------

    def focus_search(self) -> None:
        self.stack.setCurrentWidget(self.browse_page)
        self.search_bar.focus()

    def clear_search(self) -> None:
        self.search_bar.clear()
        self.search_bar.edit.setFocus()

    def refresh_results(self) -> None:
        """Run the search again; the article in the reader stays selected if it is listed."""
        self.search.refresh()

    def _on_results(self, result: SearchResult) -> None:
        if not result.query and not self.search.all_filters():
            self._update_empty_state(result.total)
        if self.results_model.rowCount() and not self.results.currentIndex().isValid():
            # The article in the reader stays selected when the list still holds it and
            # the query is the one it was shown for (a refresh, a rebuilt window).
            row = 0
            prefer = self._prefer_article
            shown = self.reader.current_article()
            if prefer is None and shown is not None and self._shown_query == result.query:
                prefer = shown.id
            if prefer is not None and result.query == self.search.query:
                self._prefer_article = None
                ids = self.results_model.ids()
                row = ids.index(prefer) if prefer in ids else 0
            self.results.setCurrentIndex(self.results_model.index(row, 0))

    def _update_empty_state(self, count: int) -> None:
        empty = count == 0 and not self.importer.is_importing()
        self.stack.setCurrentWidget(self.empty_screen if empty else self.browse_page)
        if time.monotonic() >= self._notice_until:  # a fresh notice stays readable
            self.statusBar().showMessage(self.tr("%n article(s) in this library", "", count))

    def notify(self, text: str, ms: int = 10000) -> None:
        """A status-bar message that the article count does not overwrite for ``ms``."""
        self._notice_until = time.monotonic() + ms / 1000
        self.statusBar().showMessage(text, ms)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = current.data(Role.ID) if current.isValid() else None
        if not article_id:
            return
        shown = self.reader.current_article()
        if shown is not None and shown.id == article_id and self._shown_query == self.search.query:
            return  # a refreshed list selecting the article already shown: keep its place
        self.open_article(str(article_id))

    def _open_and_focus(self, article_id: str) -> None:
        current = self.reader.current_article()
        if current is None or current.id != article_id:
            self.open_article(article_id)
        self.reader.body_edit.setFocus()

    def _open_from_search_box(self) -> None:
        self.search_bar.flush()
        self.results.open_current()

    def _request_spans(self, article: Article, query: str) -> None:
        self.search_service.request_spans(article.id, article.body, query)

    def _on_spans(self, answer: SpansAnswer) -> None:
        self.reader.set_hit_spans(answer.article_id, answer.spans)

    # -- importing ------------------------------------------------------------------

    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import files"),
            str(Path.home()),
            self.tr("Articles and archives (%1);;All files (*)").replace(
                "%1", " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
            ),
        )
        if paths:
            self.import_paths(paths)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import a folder"), str(Path.home())
        )
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        if self.library.read_only:
            self.statusBar().showMessage(self.read_only_notice(), 6000)
            return False
        if self.bundles.is_busy():
            self.statusBar().showMessage(self.tr("Wait for the bundle task to finish."), 6000)
            return False
        if len(paths) == 1 and _is_bundle(Path(paths[0])):  # a dropped or chosen bundle merges
            return self.bundles.start_import(Path(paths[0]))
        if not self.importer.start_import(paths):
            self.statusBar().showMessage(self.tr("An import is already running."), 6000)
            return False
        self.stack.setCurrentWidget(self.browse_page)
        return True

    def _on_index_progress(self, progress: object) -> None:
        if not self.import_panel.isVisible():
            self.import_panel.start()
        self.import_panel.show_indexing(progress if isinstance(progress, IndexProgress) else None)

    def _cancel_import(self) -> None:
        self.importer.cancel()

    def _on_imported(self, report: ImportReport) -> None:
        self.last_report = report
        self.search.refresh()

    def _on_import_finished(self, report: ImportReport | None) -> None:
        self.search_service.refresh()
        if report is None:  # an index catch-up alone (after imports elsewhere, annotation edits)
            if not self.importer.is_importing():
                self.import_panel.finish()
            if self.search.query:  # a search reads the index (the listing reads the store)
                self.refresh_results()
            self.index_synced.emit()
            return
        self.import_panel.finish()
        self.search.refresh()
        self.import_finished.emit(report)
        if report is not None and self.show_reports:
            ImportReportDialog(report, self).open()

    def _on_import_failed(self, message: str) -> None:
        self.import_panel.finish()
        self.search_service.refresh()
        self.search.refresh()
        self.statusBar().showMessage(message, 10000)
        self.import_finished.emit(self.last_report)
        if self.show_reports:
            self.warn(self.tr("Import"), message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(u.isLocalFile() for u in urls) and not self.library.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- libraries, settings, window ------------------------------------------------------

    def choose_library(self, create: bool = False) -> None:
        caption = self.tr("Create a library in…") if create else self.tr("Open a library folder")
        start = self.library.root.parent if isinstance(self.library, Library) else data_dir()
        folder = QFileDialog.getExistingDirectory(self, caption, str(start))
        if folder:
            self.switch_library(Path(folder), create=create)

    def open_sample_library(self) -> bool:
        """Switch to the sample library (the articles shipped with the app), made on first use."""
        from desktop.ui.sample_library import prepare_sample_library

        root = self.sample_library_dir
        if isinstance(self.library, Library) and self.library.root == root:
            return True
        sources = prepare_sample_library(root)
        if not self.switch_library(root, create=True):
            return False
        if sources is not None:
            self.import_paths([sources])
        return True

    def switch_library(self, root: Path, create: bool = False) -> bool:
        if self.importer.is_busy() or self.bundles.is_busy():
            self.statusBar().showMessage(self.tr("Wait for the import to finish first."), 6000)
            return False
        try:
            library = Library.open(root, create=create)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 10000)
            if self.show_reports:
                self.warn(self.tr("Open library"), str(exc))
            return False
        self._detach_library()
        self.search_bar.clear()
        self.settings.remember_library(root)
        self._attach_library(library, library.reopen)
        return True

    # -- server libraries -------------------------------------------------------------

    def choose_server_library(self) -> bool:
        """File ▸ Open Server Library…: ask for the address, then open it."""
        from desktop.ui.dialogs.server_dialog import ServerLibraryDialog

        dialog = ServerLibraryDialog(self.settings.server_address, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            address = dialog.address()
        finally:
            dialog.deleteLater()
        self.settings.server_address = address  # never with its password
        return self.open_server_library(address)

    def open_server_library(self, address: str, *, keep_search: bool = False) -> bool:
        """Open the server library at ``address`` instead of the library open now.

        When the server cannot be reached the bar says so and Retry tries again
        (``keep_search``: the query typed meanwhile is run in the library opened);
        the library open now stays open meanwhile.
        """
        if self.importer.is_busy() or self.bundles.is_busy():
            self.statusBar().showMessage(self.tr("Wait for the import to finish first."), 6000)
            return False
        try:
            library = open_location(address, create=False)
        except ServerUnreachable as exc:
            self._pending_server = address
            self.server_unreachable(str(exc))
            return False
        except UserError as exc:
            self._pending_server = None
            self.unreachable_bar.hide()
            self.statusBar().showMessage(str(exc), 10000)
            if self.show_reports:
                self.warn(self.tr("Open server library"), str(exc))
            return False
        self._pending_server = None
        self.unreachable_bar.hide()
        query = self.search_bar.text() if keep_search else ""
        self._detach_library()
        self.search_bar.clear()
        self._attach_library(library, library.reopen)
        if query:
            self.search_bar.edit.setText(query)
            self.search_bar.flush()
        self.notify(self.tr("Opened the server library {address}").format(
            address=without_password(address)
        ))
        return True

    def server_unreachable(self, reason: str) -> None:
        """A call to the server failed: say so across the window, keep everything typed."""
        if self._shut:
            return
        self.unreachable_bar.show_problem(reason)

    def retry_server(self) -> bool:
        """Retry: open the server asked for, or check the open library answers again.

        A library whose connection did not come back is opened afresh; the search
        (query and filters) and the article in the reader carry over.
        """
        if self._pending_server is not None:
            return self.open_server_library(self._pending_server, keep_search=True)
        try:
            self.library.articles.generation()
        except ServerUnreachable:
            try:
                fresh = self.library.reopen()
            except ServerUnreachable as exc:
                self.server_unreachable(str(exc))
                return False
            except UserError as exc:
                self.server_unreachable(str(exc))
                return False
            self._reattach(fresh)
        self.unreachable_bar.hide()
        self.search_service.refresh()
        self.search.refresh()
        self.server_answered.emit()
        return True

    def _reattach(self, library: AnyLibrary) -> None:
        """Put ``library`` (the same library, connected afresh) in place of the open one."""
        query, filters = self.search.query, dict(self.search.filters)
        extra = dict(self.search.extra_filters)
        article = self.reader.current_article()
        self._detach_library()
        self._attach_library(library, library.reopen)
        self.search.filters, self.search.extra_filters = filters, extra
        if query:
            self.search.set_query(query)
        if article is not None:
            self.open_article(article.id)

    def show_bundle_library(self, library: Library, name: str | None = None) -> bool:
        """Browse a bundle opened read-only (``open_bundle_readonly``) instead of the library."""
        if self.importer.is_busy():
            from desktop.core.bundles import close_bundle

            close_bundle(library)
            self.statusBar().showMessage(self.tr("Wait for the import to finish first."), 6000)
            return False
        self._detach_library()
        self.search_bar.clear()
        self._attach_library(library, library.reopen)
        self._owns_bundle = True
        if name:
            self._set_title(name, True)
            self.library_label.setText(name)
        return True

    def after_bundle_import(self) -> None:
        """Show what a bundle import added; the index catches up through the single writer."""
        self.search_service.refresh()
        self.search.refresh()
        if self._use_index:
            self.importer.sync_index()  # finishes with index_synced
        else:
            self.index_synced.emit()

    def show_search_syntax(self) -> QDialog:
        """Help ▸ Search syntax; an example chosen there is tried in the search box."""
        from desktop.ui.dialogs.help_pages import SearchSyntaxDialog

        dialog = SearchSyntaxDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.example_chosen.connect(self._try_example)
        dialog.show()
        return dialog

    def _try_example(self, query: str) -> None:
        self.stack.setCurrentWidget(self.browse_page)
        self.search_bar.edit.setText(query)
        self.search_bar.flush()

    def show_shortcuts(self) -> QDialog:
        """Help ▸ Keyboard shortcuts, listed from the window's own actions."""
        from desktop.ui.dialogs.help_pages import ShortcutsDialog

        actions = [*self.actions(), *self.reader.actions()]
        for child in self.findChildren(QWidget):  # menus, panels and their views
            if child is not self.reader:
                actions.extend(child.actions())
        dialog = ShortcutsDialog(actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            language = self.settings.language
            dialog.save()
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, self.settings.theme)
            if self.settings.language != language:
                self.apply_language(self.settings.language)

    def apply_language(self, choice: str) -> None:
        """Speak ``choice`` at once: install it and rebuild the window in the new language.

        While an import or a bundle task runs, the rebuild waits for it to finish.
        """
        from desktop.ui.i18n import install_translations

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translations(app, choice)
        self._rebuild_when_idle()

    def _rebuild_when_idle(self) -> None:
        if self._shut:
            return
        if self.importer.is_busy() or self.bundles.is_busy():
            QTimer.singleShot(500, self._rebuild_when_idle)
            return
        self.rebuild()

    def rebuild(self) -> MainWindow:
        """A new window on the same library, in the current language; this one closes.

        The library stays open (the new window owns it), and the search, the
        article in the reader, the window's size and its panels carry over.
        """
        self.save_window()
        query = self.search_bar.text()
        article = self.reader.current_article()
        self._shut = True  # stop this window's threads, but keep the library open
        self.search_service.blockSignals(True)
        self.importer.blockSignals(True)
        self.importer.stop()
        self.search_service.stop()
        self.reader.original_loader = None
        window = MainWindow(
            self.library,
            self.settings,
            opener=self._opener,
            use_index=self._use_index,
            show_reports=self.show_reports,
            extensions=self._with_extensions,
            isolate_writer=self._isolate_writer,
        )
        window._owns_bundle, self._owns_bundle = self._owns_bundle, False
        window.sample_library_dir = self.sample_library_dir
        window._set_title(*self._title)
        if self.library_label.text():
            window.library_label.setText(self.library_label.text())
        window.setWindowIcon(self.windowIcon())
        if article is not None:
            window._prefer_article = article.id
            window.open_article(article.id)
        if query:
            window.search_bar.edit.setText(query)
            window.search_bar.flush()  # the listing of every article is dropped unseen
        if self.isVisible():
            window.setGeometry(self.geometry())
            window.setWindowState(self.windowState())
            window.show()
        self.replaced.emit(window)
        self.hide()
        self.deleteLater()
        return window

    def warn(self, title: str, message: str) -> QMessageBox:
        """A non-blocking warning box (the event loop keeps running behind it)."""
        box = plain_message_box(QMessageBox.Icon.Warning, title, message, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def _save_reader_prefs(self) -> None:
        self.settings.reader_font = self.reader.font_family()
        self.settings.reader_zoom = self.reader.zoom()

    def _first_run_layout(self) -> None:
        """Docked panels start small so the results and the reader get most of the room.

        The bottom panels share one tab group, so the window fits 900×600.
        """
        bottom = [
            d
            for d in self._panels
            if self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]
        side = [
            d
            for d in self._panels
            if self.dockWidgetArea(d)
            in (Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea)
        ]
        if bottom:
            # One tab group under the reader: side by side they would not fit a laptop.
            for dock in bottom[1:]:
                self.tabifyDockWidget(bottom[0], dock)
            bottom[0].raise_()
            self.resizeDocks(bottom[:1], [170], Qt.Orientation.Vertical)
        if side:
            width = 280 if self.width() >= 1200 else 220  # a narrow window keeps the reader
            self.resizeDocks(side, [width] * len(side), Qt.Orientation.Horizontal)

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        else:
            self._first_run_layout()
        splitter = self.settings.splitter_state("main")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_window(self) -> None:
        self.settings.save_window(
            self.saveGeometry(), self.saveState(), {"main": self.splitter.saveState()}
        )
        self.settings.sort = self.search.sort
        self._save_reader_prefs()
        self.settings.sync()

    def shutdown(self) -> None:
        """Stop the worker threads and close the library (idempotent)."""
        if self._shut:
            return
        self._shut = True
        self.search_service.blockSignals(True)
        self.importer.blockSignals(True)
        self.importer.stop()
        self.search_service.stop()
        self.reader.original_loader = None
        self._stop_watchers()
        lists = self.extensions.get("lists")
        if isinstance(lists, ListsController):
            lists.stop()
        self._close_library()

    def _stop_watchers(self) -> None:
        """Stop following other people's changes, closing the watcher's own connection
        now rather than at its next tick (a server's socket is not left to the GC)."""
        from desktop.ui.live_updates import GenerationWatcher

        for part in self.extensions.values():
            watcher = getattr(part, "watcher", None)
            if isinstance(watcher, GenerationWatcher):
                watcher.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window()
        self.shutdown()
        super().closeEvent(event)
