"""Helpers for the layout tests: find widgets that overlap or are squeezed below their minimum."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QWidget,
)

LEAF_TYPES = (QAbstractButton, QComboBox, QLineEdit, QLabel, QAbstractItemView)


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(top_left, widget.size())


def visible_leaves(window: QWidget) -> list[QWidget]:
    """Visible controls (buttons, boxes, labels, views) not nested in another control."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, LEAF_TYPES) or not widget.isVisible():
            continue
        if widget.window() is not window or widget.width() <= 1 or widget.height() <= 1:
            continue
        if not window_rect(widget, window).intersects(window.rect()):
            continue  # a dock in a tab behind another is moved out of sight, not hidden
        parent = widget.parentWidget()
        nested = False
        while parent is not None and parent is not window:
            if isinstance(parent, LEAF_TYPES):
                nested = True
                break
            parent = parent.parentWidget()
        if not nested:
            found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""  # type: ignore[attr-defined]
    return f"{type(widget).__name__}({widget.objectName() or text!r})"


def overlaps(window: QWidget) -> list[str]:
    """Pairs of visible controls whose rectangles intersect."""
    leaves = visible_leaves(window)
    rects = [(w, window_rect(w, window)) for w in leaves]
    problems = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            inter = ra.intersected(rb)
            if inter.width() > 1 and inter.height() > 1:
                problems.append(
                    f"{describe(a)} {ra.getRect()} overlaps {describe(b)} {rb.getRect()}"
                )
    return problems


def squeezed(window: QWidget) -> list[str]:
    """Controls whose text is cut: narrower than their minimum, or wrapped text too low."""
    problems = []
    for widget in visible_leaves(window):
        if isinstance(widget, QAbstractItemView | QLineEdit):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            need_height = widget.heightForWidth(widget.width())
            if widget.height() + 1 < need_height:
                problems.append(
                    f"{describe(widget)} is {widget.height()} px high, needs {need_height}"
                )
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue
        need = widget.minimumSizeHint().width()
        if widget.width() < need:
            problems.append(f"{describe(widget)} is {widget.width()} px wide, needs {need}")
    return problems


def dock_overlaps(window: QMainWindow) -> list[str]:
    """Visible docks (and the central widget) whose rectangles intersect."""
    areas: list[tuple[str, QRect]] = [("central", window.centralWidget().geometry())]
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() and not dock.isFloating() and dock.geometry().intersects(window.rect()):
            areas.append((dock.windowTitle(), dock.geometry()))
    problems = []
    for i, (a, ra) in enumerate(areas):
        for b, rb in areas[i + 1 :]:
            if ra.intersects(rb):
                problems.append(f"{a} {ra.getRect()} overlaps {b} {rb.getRect()}")
    return problems
