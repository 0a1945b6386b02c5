"""``install_annotations``: the one call that puts annotations into the main window.

The host (a :class:`~desktop.ui.host.ReaderHost`) gets the Annotations panels
docked, the Annotate, Undo and Redo actions in its Edit menu, and a request
to let the search index catch up shortly after annotation edits (notes and
tags are searchable). A ``GenerationWatcher`` shows what other people change in
the library within a few seconds. The library is read from the host on every
use, so switching libraries works.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from desktop.core.errors import ServerUnreachable
from desktop.ui.annotations.controller import AnnotationController
from desktop.ui.annotations.labels import panel_titles
from desktop.ui.host import ReaderHost
from desktop.ui.live_updates import GenerationWatcher

SYNC_DELAY_MS = 250


def install_annotations(host: ReaderHost) -> AnnotationController:
    """Create the annotation controller and dock its panels into ``host``."""
    controller = AnnotationController(host.reader, lambda: host.library, parent=host.window())
    article_title, library_title = panel_titles()
    host.add_panel(article_title, controller.panel, Qt.DockWidgetArea.RightDockWidgetArea)
    host.add_panel(library_title, controller.view, Qt.DockWidgetArea.BottomDockWidgetArea)
    controller.open_requested.connect(
        lambda article_id, offset: host.open_article(article_id, offset)
    )
    controller.message.connect(lambda text: host.notify(text, 6000))
    controller.unreachable.connect(host.server_unreachable)
    host.server_answered.connect(controller.retry_pending)
    host.add_edit_actions(
        [controller.annotate_action, controller.undo_action, controller.redo_action]
    )
    host.library_changed.connect(controller.library_switched)
    _keep_index_current(host, controller)
    _follow_other_writers(host, controller)
    return controller


def _follow_other_writers(host: ReaderHost, controller: AnnotationController) -> None:
    """Re-read the annotations shown when someone else changed the library."""
    watcher = GenerationWatcher(host.is_shut, controller, prepare=controller.snapshot_reader)
    controller.watcher = watcher

    def follow(*_args: object) -> None:
        library = host.library
        watcher.watch(library.reopen, library.articles.generation())

    watcher.moved.connect(lambda _generation, snapshot: controller.show_snapshot(snapshot))

    def failed(exc: object) -> None:
        if isinstance(exc, ServerUnreachable):
            host.server_unreachable(str(exc))

    watcher.failed.connect(failed)
    host.library_changed.connect(follow)
    follow()


def _keep_index_current(host: ReaderHost, controller: AnnotationController) -> None:
    """After annotation edits, let the search index catch up (notes and tags are searchable).

    Edits in quick succession (typing, undo bursts) are coalesced into one catch-up.
    """
    timer = QTimer(controller)
    timer.setSingleShot(True)
    timer.setInterval(SYNC_DELAY_MS)
    timer.timeout.connect(host.request_index_sync)
    controller.changed.connect(lambda _article_id: timer.start())
