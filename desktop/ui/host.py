"""``ReaderHost``: what the parts that plug into the reader (annotations, compare) need.

The main window is the one host in the app; a part receives it typed as this
Protocol, so it never probes the window for attributes and a test can see at a
glance what a part depends on. The library is read again on every use, so a
part follows when the host switches libraries (``library_changed``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.core.models import Article
from desktop.ui.reader.view import ReaderView

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary


class ReaderHost(Protocol):
    """The window a part is installed into (see the module docstring)."""

    @property
    def reader(self) -> ReaderView:
        """The reader: a part adds its actions to it and follows ``article_changed``."""
        ...

    @property
    def library(self) -> AnyLibrary:
        """The library open now."""
        ...

    @property
    def library_changed(self) -> SignalInstance:
        """Emitted with the library folder after the host opened another library."""
        ...

    def window(self) -> QWidget:
        """The top-level widget that parents a part's objects, dialogs and windows."""
        ...

    def add_panel(
        self, title: str, widget: QWidget, area: Qt.DockWidgetArea = ...
    ) -> QDockWidget:
        """Dock ``widget`` beside the reader, with a View-menu toggle."""
        ...

    def add_edit_actions(self, actions: Sequence[QAction]) -> None:
        """Put ``actions`` into the Edit menu (their shortcuts work window-wide)."""
        ...

    def open_article(self, article_id: str, offset: int | None = None) -> Article | None:
        """Show an article in the reader, optionally at a code-point offset."""
        ...

    def notify(self, text: str, ms: int = ...) -> None:
        """A status-bar message, shown for ``ms`` milliseconds."""
        ...

    def request_index_sync(self) -> None:
        """Let the search index catch up with the store (after edits it indexes)."""
        ...

    def server_unreachable(self, reason: str) -> None:
        """A call to a server library failed: the window says so and offers a retry."""
        ...

    @property
    def server_answered(self) -> SignalInstance:
        """Emitted when a retry found the server answering again."""
        ...

    def is_shut(self) -> bool:
        """True once the host stopped its threads (closed, or replaced by a rebuild)."""
        ...
