"""``ListsController``: saved searches, search history, collections and reading state in the app.

It owns the sidebar's ``ListsModel``, the search box's history completer and
the ``ReadingTracker``, and the actions: Save Search, Add to Collection,
Mark as Read / Unread and Unread Only. The stores are read and written on the
main window's library connection (small, indexed writes); saved searches'
new-article counts run on the search thread (``SearchService.count``). The
window is read again on every use, so switching libraries works.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QSplitter

from desktop.core.errors import UserError
from desktop.core.search.tracking import request_for
from desktop.ui.facets.model import GROUPS
from desktop.ui.lists.history import HistoryCompleter
from desktop.ui.lists.model import ListEntry, ListsModel
from desktop.ui.lists.panel import ListsPanel
from desktop.ui.lists.reading import ReadingTracker
from desktop.ui.plaintext import ask_yes_no

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary
    from desktop.ui.main_window import MainWindow

# (title, label, choices, suggested) -> the name typed or chosen, or None when cancelled.
AskName = Callable[[str, str, list[str], str], str | None]
RECORD_AFTER_MS = 2000
# Filters a saved search keeps beside the facets' (the facets hold site, year, tag).
EXTRA_KEYS = ("collection", "read")


def quoted_collection(name: str) -> str:
    """The query that shows a collection: ``collection:"Name"``."""
    return f'collection:"{name}"'


class ListsController(QObject):
    message = Signal(str)
    changed = Signal()  # the lists were reloaded

    def __init__(self, window: MainWindow, *, ask_name: AskName | None = None):
        super().__init__(window)
        self.window = window
        self.sidebar: QSplitter | None = None  # the lists above the facets (``install``)
        self.ask_name: AskName = ask_name or self._dialog_name
        self.confirm: Callable[[str], bool] = self._dialog_confirm
        self.model = ListsModel(self)
        self._count_ids: dict[int, str] = {}
        self._applying = False

        def make(text: str, shortcut: str | None = None, name: str = "") -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
            return action

        self.save_search_action = make("", "Ctrl+S", "saveSearchAction")
        self.add_to_collection_action = make("", "Ctrl+Shift+L", "addToCollectionAction")
        self.mark_read_action = make("", "Ctrl+Shift+R", "markReadAction")
        self.mark_unread_action = make("", "Ctrl+Shift+U", "markUnreadAction")
        self.clear_history_action = make("", None, "clearHistoryAction")
        self.unread_only_action = make("", None, "unreadOnlyAction")
        self.unread_only_action.setCheckable(True)
        self.retranslate()
        self.save_search_action.triggered.connect(lambda _=False: self.save_current_search())
        self.add_to_collection_action.triggered.connect(
            lambda _=False: self.add_selected_to_collection()
        )
        self.mark_read_action.triggered.connect(lambda _=False: self.mark_selected(True))
        self.mark_unread_action.triggered.connect(lambda _=False: self.mark_selected(False))
        self.unread_only_action.toggled.connect(self.set_unread_only)
        self.clear_history_action.triggered.connect(lambda _=False: self.clear_history())

        self.panel = ListsPanel(self.model, self.unread_only_action)
        self.panel.activated.connect(self.activate)
        self.panel.entry_actions = self._entry_actions
        self.panel.language_changed.connect(self.retranslate)
        self.completer = HistoryCompleter(window.search_bar.edit)
        self.tracker = ReadingTracker(window.reader, self.library, self)
        self.tracker.read_changed.connect(window.results_model.set_read)
        window.results_model.read_lookup = self.tracker.read_among
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.setInterval(RECORD_AFTER_MS)
        self._record_timer.timeout.connect(self.record_query)
        window.search_bar.edit.open_requested.connect(self.record_query)
        window.search_bar.query_changed.connect(self._on_query_typed)
        self._attach()

    def retranslate(self) -> None:
        """Action texts in the current language (at start and when it changes)."""
        self.save_search_action.setText(self.tr("Save Search…"))
        self.save_search_action.setToolTip(
            self.tr("Save the query, its filters and sort under a name (Ctrl+S)")
        )
        self.add_to_collection_action.setText(self.tr("Add to Collection…"))
        self.mark_read_action.setText(self.tr("Mark as Read"))
        self.mark_unread_action.setText(self.tr("Mark as Unread"))
        self.clear_history_action.setText(self.tr("Clear Search History"))
        self.unread_only_action.setText(self.tr("Unread Only"))
        self.unread_only_action.setToolTip(self.tr("Show only the articles not read yet"))

    # -- the library -------------------------------------------------------------

    def library(self) -> AnyLibrary:
        return self.window.library

    def writable(self) -> bool:
        return not self.library().read_only

    def stop(self) -> None:
        """Write what waits on a timer (a scrolled position) and stop the timers, before
        the window closes the library."""
        self._record_timer.stop()
        self.tracker.stop()

    def _attach(self) -> None:
        """Bind to the window's current library, search thread and search controller."""
        window = self.window
        window.search_service.counted.connect(self._on_counted)
        window.search.results_changed.connect(lambda _r: self._record_timer.start())
        if self.unread_only_action.isChecked():
            window.search.set_extra_filter("read", ("unread",))
        writable = self.writable()
        for action in (
            self.save_search_action,
            self.add_to_collection_action,
            self.mark_read_action,
            self.mark_unread_action,
            self.clear_history_action,
        ):
            action.setEnabled(writable)
        self.reload()

    def library_switched(self, _root: str = "") -> None:
        self._count_ids.clear()
        self._attach()

    def reload(self) -> None:
        """Read the lists and the history again; count the saved searches' new articles."""
        library = self.library()
        saved = library.saved_searches.list_all()
        self.model.set_entries(
            "saved", [ListEntry(name=s.name, query=s.query) for s in saved]
        )
        self.model.set_entries(
            "collection",
            [ListEntry(name=c.name, count=c.count) for c in library.collections.list_all()],
        )
        self.completer.set_queries(library.search_history.recent())
        self.panel.expand_groups()
        self.refresh_counts()
        self.changed.emit()

    def refresh_counts(self) -> None:
        """Ask the search thread how many articles are new for each saved search."""
        service = self.window.search_service
        for saved in self.library().saved_searches.list_all():
            request = request_for(saved, new_only=True, limit=1, snippets=False, facets=False)
            self._count_ids[service.count(request)] = saved.name

    def _on_counted(self, request_id: int, total: int) -> None:
        name = self._count_ids.pop(request_id, None)
        if name is not None:
            self.model.set_new_count(name, total if total >= 0 else None)

    # -- history -------------------------------------------------------------------

    def record_query(self) -> None:
        """Remember the current query (once it has been used) for the completer."""
        self._record_timer.stop()
        query = self.window.search.query.strip()
        if not query or not self.writable():
            return
        last = self.window.search.last_result
        if last is None or last.total == 0:
            return
        history = self.library().search_history
        try:
            history.record(query)
            self.completer.set_queries(history.recent())
        except sqlite3.Error:
            pass  # the library closed under the timer; the history is only a convenience

    def clear_history(self) -> None:
        """Forget the recent queries (saved searches stay)."""
        try:
            self.library().search_history.clear()
        except (UserError, sqlite3.Error) as exc:
            self.message.emit(str(exc))
            return
        self.completer.set_queries([])

    def _on_query_typed(self, _query: str) -> None:
        if not self._applying and "collection" in self.window.search.extra_filters:
            # A saved search's collection filter ends when the user types a new query.
            self.window.search.extra_filters.pop("collection", None)

    # -- saved searches ------------------------------------------------------------------

    def save_current_search(self, name: str | None = None) -> str | None:
        """Save the current query, filters and sort under a name (asked when not given)."""
        search = self.window.search
        if name is None:
            name = self.ask_name(
                self.tr("Save search"),
                self.tr("Name of the saved search:"),
                [],
                search.query.strip() or self.tr("All articles"),
            )
            if name is None:
                return None
        filters = {k: v for k, v in search.all_filters().items() if k != "since"}
        store = self.library().saved_searches
        try:
            replace = False
            if store.find(name) is not None:
                if not self.confirm(self.tr("Replace the saved search “%1”?").replace("%1", name)):
                    return None
                replace = True
            saved = store.add(name, search.query, filters, search.sort, replace=replace)
        except (UserError, sqlite3.Error) as exc:  # sqlite3: busy or locked
            self.message.emit(str(exc))
            return None
        self.reload()
        self.message.emit(self.tr("Saved the search “%1”.").replace("%1", saved.name))
        return saved.name

    def open_saved(self, name: str) -> bool:
        """Show a saved search's results (query, filters, sort); nothing is new afterwards."""
        store = self.library().saved_searches
        try:
            saved = store.get(name)
        except (UserError, sqlite3.Error) as exc:  # sqlite3: busy or locked
            self.message.emit(str(exc))
            return False
        window = self.window
        self._applying = True
        try:
            search = window.search
            for key in EXTRA_KEYS:
                search.extra_filters.pop(key, None)
            collections = saved.filters.get("collection", ())
            if collections:
                search.extra_filters["collection"] = collections
            unread = "unread" in saved.filters.get("read", ())
            if unread != self.unread_only_action.isChecked():
                self.unread_only_action.setChecked(unread)
            window.search_bar.set_sort_key(saved.sort)
            window.facets.facet_model.set_filters(
                {k: v for k, v in saved.filters.items() if k in GROUPS}
            )
            window.search_bar.edit.setText(saved.query)
            window.search_bar.flush()
            search.refresh()
        finally:
            self._applying = False
        if self.writable():
            store.mark_opened(saved.name)
            self.model.set_new_count(saved.name, 0)
        return True

    def delete_saved(self, name: str) -> bool:
        return self._apply(lambda: self.library().saved_searches.remove(name))

    # -- collections -------------------------------------------------------------------------

    def _apply(self, change: Callable[[], object]) -> bool:
        """Make one change to the lists, then show them again; a refusal or a busy
        library (sqlite3: locked) is said in the status bar, not raised."""
        try:
            change()
        except (UserError, sqlite3.Error) as exc:
            self.message.emit(str(exc))
            return False
        self.reload()
        return True

    def _target_ids(self) -> list[str]:
        ids: list[str] = self.window.results.selected_ids()
        if not ids:
            article = self.window.reader.current_article()
            ids = [article.id] if article is not None else []
        return ids

    def add_selected_to_collection(self, name: str | None = None) -> int:
        """Put the selected results (or the article in the reader) in a collection."""
        ids = self._target_ids()
        if not ids:
            self.message.emit(self.tr("Select articles in the results first."))
            return 0
        store = self.library().collections
        if name is None:
            name = self.ask_name(
                self.tr("Add to collection"),
                self.tr("Add %n article(s) to the collection (choose or type a new name):", "",
                        len(ids)),
                store.names(),
                "",
            )
            if name is None:
                return 0
        try:
            added = store.add(name, ids)
            name = store.canonical_name(name)
        except (UserError, sqlite3.Error) as exc:  # sqlite3: busy or locked
            self.message.emit(str(exc))
            return 0
        self.reload()
        if self.window.search.query.strip() == quoted_collection(name):
            self.window.search.refresh()
        self.message.emit(
            self.tr("Added %n article(s) to “%1”.", "", added).replace("%1", name)
        )
        return added

    def remove_selected_from_collection(self, name: str) -> int:
        ids = self._target_ids()
        removed: list[int] = []
        if not self._apply(lambda: removed.append(self.library().collections.remove(name, ids))):
            return 0
        if self.window.search.query.strip() == quoted_collection(name):
            self.window.search.refresh()
        return removed[0]

    def open_collection(self, name: str) -> None:
        """Show a collection's articles: the query ``collection:"NAME"``."""
        self._applying = True
        try:
            self.window.search.extra_filters.pop("collection", None)
            query = quoted_collection(name)
            self.window.search_bar.edit.setText(query)
            self.window.search_bar.flush()
            if self.window.search.query != query:
                self.window.search.set_query(query)
            else:
                self.window.search.refresh()
        finally:
            self._applying = False

    def rename(self, kind: str, name: str, new_name: str | None = None) -> bool:
        """Rename a saved search (``kind`` "saved") or a collection ("collection"); the new
        name is asked for when not given."""
        saved = kind == "saved"
        if new_name is None:
            title = self.tr("Rename saved search") if saved else self.tr("Rename collection")
            new_name = self.ask_name(title, self.tr("New name:"), [], name)
            if new_name is None:
                return False
        def rename() -> object:
            library = self.library()
            store = library.saved_searches if saved else library.collections
            return store.rename(name, new_name)

        return self._apply(rename)

    def delete_collection(self, name: str) -> bool:
        question = self.tr("Delete the collection “%1”? Its articles stay in the library.")
        if not self.confirm(question.replace("%1", name)):
            return False
        return self._apply(lambda: self.library().collections.delete(name))

    def export_collection(self, name: str) -> None:
        """Show the collection, then (once its results are in) offer to export them."""
        bundles, search = self.window.bundles, self.window.search

        def ready(_result: object) -> None:
            search.results_changed.disconnect(ready)
            bundles.export_results_dialog()

        search.results_changed.connect(ready)
        self.open_collection(name)

    # -- reading state ------------------------------------------------------------------------

    def mark_selected(self, read: bool) -> int:
        return self.tracker.mark(self._target_ids(), read)

    def set_unread_only(self, on: bool) -> None:
        if not self._applying:
            self.window.search.set_extra_filter("read", ("unread",) if on else ())
        elif on:
            self.window.search.extra_filters["read"] = ("unread",)
        else:
            self.window.search.extra_filters.pop("read", None)

    # -- the sidebar ----------------------------------------------------------------------------

    def activate(self, kind: str, name: str) -> None:
        if kind == "saved":
            self.open_saved(name)
        elif kind == "collection":
            self.open_collection(name)

    def _entry_actions(self, kind: str, name: str) -> list[QAction]:
        def action(text: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
            act = QAction(text, self.panel)
            act.triggered.connect(lambda _=False: slot())
            act.setEnabled(enabled)
            return act

        writable = self.writable()
        if kind == "saved":
            return [
                action(self.tr("Open"), lambda: self.open_saved(name)),
                action(self.tr("Rename…"), lambda: self.rename(kind, name), writable),
                action(self.tr("Delete"), lambda: self.delete_saved(name), writable),
            ]
        return [
            action(self.tr("Show"), lambda: self.open_collection(name)),
            action(
                self.tr("Remove Selected Results from This Collection"),
                lambda: self.remove_selected_from_collection(name),
                writable,
            ),
            action(self.tr("Export as Bundle…"), lambda: self.export_collection(name)),
            action(self.tr("Rename…"), lambda: self.rename(kind, name), writable),
            action(self.tr("Delete"), lambda: self.delete_collection(name), writable),
        ]

    # -- dialogs -----------------------------------------------------------------------------------

    def _dialog_name(
        self, title: str, label: str, choices: list[str], suggested: str
    ) -> str | None:
        if choices:
            text, ok = QInputDialog.getItem(self.window, title, label, choices, 0, True)
        else:
            text, ok = QInputDialog.getText(self.window, title, label, text=suggested)
        text = str(text).strip()
        return text if ok and text else None

    def _dialog_confirm(self, question: str) -> bool:
        return ask_yes_no(
            self.tr("Archive Browser"), question, self.window, no_by_default=False
        )
