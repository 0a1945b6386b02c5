"""The window's actions and the standard File / Edit / View / Help menus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenuBar

from desktop.ui.reader.view import ReaderView


@dataclass
class WindowActions:
    import_files: QAction
    import_folder: QAction
    open_library: QAction
    open_server: QAction
    new_library: QAction
    export_library: QAction
    export_results: QAction
    export_selection: QAction
    export_citations: QAction
    import_bundle: QAction
    open_bundle: QAction
    open_sample: QAction
    compare_selected: QAction
    settings: QAction
    quit: QAction
    focus_search: QAction
    clear_search: QAction
    clear_filters: QAction
    full_screen: QAction
    about: QAction
    about_qt: QAction
    search_syntax: QAction
    shortcuts: QAction


def create_actions(window: QMainWindow) -> WindowActions:
    def make(text: str, shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(text, window)
        if shortcuts:
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        return action

    full = make(QCoreApplication.translate("Menus", "&Full Screen"), [QKeySequence("F11")])
    full.setCheckable(True)
    quit_action = make(QCoreApplication.translate("Menus", "&Quit"), [QKeySequence("Ctrl+Q")])
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    settings = make(QCoreApplication.translate("Menus", "&Settings…"), [QKeySequence("Ctrl+,")])
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    about = make(QCoreApplication.translate("Menus", "&About Archive Browser"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    return WindowActions(
        import_files=make(
            QCoreApplication.translate("Menus", "&Import Files…"), [QKeySequence("Ctrl+O")]
        ),
        import_folder=make(
            QCoreApplication.translate("Menus", "Import &Folder…"), [QKeySequence("Ctrl+Shift+O")]
        ),
        open_library=make(QCoreApplication.translate("Menus", "&Open Library…")),
        open_server=make(QCoreApplication.translate("Menus", "Open Ser&ver Library…")),
        new_library=make(QCoreApplication.translate("Menus", "&New Library…")),
        export_library=make(
            QCoreApplication.translate("Menus", "&Export Library as Bundle…"),
            [QKeySequence("Ctrl+E")],
        ),
        export_results=make(
            QCoreApplication.translate("Menus", "Export Current &Results as Bundle…")
        ),
        export_selection=make(
            QCoreApplication.translate("Menus", "Export Selected Articles as &Bundle…")
        ),
        export_citations=make(QCoreApplication.translate("Menus", "Export C&itations…")),
        import_bundle=make(QCoreApplication.translate("Menus", "Import B&undle…")),
        open_bundle=make(QCoreApplication.translate("Menus", "Open Bundle Rea&d-Only…")),
        open_sample=make(QCoreApplication.translate("Menus", "Open the Sa&mple Library")),
        compare_selected=make(
            QCoreApplication.translate("Menus", "Co&mpare Selected"), [QKeySequence("Ctrl+D")]
        ),
        settings=settings,
        quit=quit_action,
        focus_search=make(
            QCoreApplication.translate("Menus", "&Search the Library"),
            [QKeySequence("Ctrl+K"), QKeySequence("Ctrl+L")],
        ),
        clear_search=make(QCoreApplication.translate("Menus", "&Clear Search")),
        clear_filters=make(QCoreApplication.translate("Menus", "Clear &Filters")),
        full_screen=full,
        about=about,
        about_qt=make(QCoreApplication.translate("Menus", "About &Qt")),
        search_syntax=make(
            QCoreApplication.translate("Menus", "&Search Syntax"),
            [QKeySequence(QKeySequence.StandardKey.HelpContents)],
        ),
        shortcuts=make(QCoreApplication.translate("Menus", "&Keyboard Shortcuts")),
    )


def build_menus(menubar: QMenuBar, actions: WindowActions, reader: ReaderView) -> None:
    file_menu = menubar.addMenu(QCoreApplication.translate("Menus", "&File"))
    file_menu.setObjectName("fileMenu")
    file_menu.addAction(actions.import_files)
    file_menu.addAction(actions.import_folder)
    file_menu.addSeparator()
    file_menu.addAction(actions.open_library)
    file_menu.addAction(actions.open_server)
    file_menu.addAction(actions.new_library)
    file_menu.addAction(actions.open_bundle)
    file_menu.addAction(actions.open_sample)
    file_menu.addSeparator()
    file_menu.addAction(actions.import_bundle)
    file_menu.addAction(actions.export_library)
    file_menu.addAction(actions.export_results)
    file_menu.addAction(actions.export_selection)
    file_menu.addAction(actions.export_citations)
    file_menu.addSeparator()
    file_menu.addAction(actions.settings)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = menubar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    edit_menu.setObjectName("editMenu")
    edit_menu.addAction(actions.focus_search)
    edit_menu.addAction(actions.clear_search)
    edit_menu.addAction(actions.clear_filters)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.compare_selected)
    edit_menu.addSeparator()
    edit_menu.addAction(reader.find_action)
    edit_menu.addAction(reader.next_hit_action)
    edit_menu.addAction(reader.prev_hit_action)

    view_menu = menubar.addMenu(QCoreApplication.translate("Menus", "&View"))
    view_menu.setObjectName("viewMenu")
    view_menu.addAction(reader.zoom_in_action)
    view_menu.addAction(reader.zoom_out_action)
    view_menu.addAction(reader.zoom_reset_action)
    view_menu.addAction(reader.serif_action)
    view_menu.addSeparator()
    view_menu.addAction(reader.original_action)
    view_menu.addSeparator()
    view_menu.addAction(actions.full_screen)

    help_menu = menubar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(actions.search_syntax)
    help_menu.addAction(actions.shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(actions.about)
    help_menu.addAction(actions.about_qt)
