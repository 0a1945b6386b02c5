"""A message laid over the result list: a query error (the list below is greyed) or a notice.

It floats over the list instead of taking room in a layout, so the search
box, the list and the reader keep their sizes while it shows. Errors sit at
the top of the list; notices (which accompany valid results) at the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QGraphicsOpacityEffect,
    QLabel,
)

from desktop.ui.plaintext import plain_tooltip

STALE_OPACITY = 0.35
MARGIN = 6


class ResultsMessage(QLabel):
    def __init__(self, view: QAbstractScrollArea):
        super().__init__(view)
        self.setObjectName("resultsMessage")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setMargin(8)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._view = view
        self._stale = False
        self._effect: QGraphicsOpacityEffect | None = None
        view.viewport().installEventFilter(self)
        self.hide()

    @property
    def stale(self) -> bool:
        """True while an error is shown: the list below is an older search's answer."""
        return self._stale

    def show_error(self, text: str) -> None:
        self._stale = True
        self.setProperty("kind", "error")
        self.setStyleSheet("QLabel#resultsMessage { color: #d0453a; }")
        self._grey(True)
        self._show(text)

    def show_notice(self, text: str) -> None:
        self._stale = False
        self.setProperty("kind", "notice")
        self.setStyleSheet("")
        self._grey(False)
        self._show(text)

    def clear(self) -> None:
        self._stale = False
        self._grey(False)
        super().clear()
        self.hide()

    def _show(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(plain_tooltip(text))
        self.show()
        self.raise_()
        self._place()

    def _grey(self, on: bool) -> None:
        viewport = self._view.viewport()
        if on and self._effect is None:
            self._effect = QGraphicsOpacityEffect(viewport)
            self._effect.setOpacity(STALE_OPACITY)
            viewport.setGraphicsEffect(self._effect)
        elif not on and self._effect is not None:
            # Qt takes None (and deletes the effect); the type stubs do not say so.
            viewport.setGraphicsEffect(None)  # type: ignore[arg-type]
            self._effect = None

    def _place(self) -> None:
        area = self._view.viewport().geometry()
        width = max(40, area.width() - 2 * MARGIN)
        height = min(self.heightForWidth(width), max(area.height() - 2 * MARGIN, 20))
        top = area.top() + MARGIN if self._stale else area.bottom() - MARGIN - height
        self.setGeometry(area.left() + MARGIN, top, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
