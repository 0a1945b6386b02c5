"""Tints for aligned passages and changed words, for light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QWidget

_LIGHT = {
    "same": "#e3f3e6",
    "changed": "#fff1bf",
    "only_a": "#fde0de",
    "only_b": "#dce9fd",
    "del": "#f6b8b3",
    "ins": "#a9dfb5",
    "current": "#ffb74d",
}
_DARK = {
    "same": "#1f3a27",
    "changed": "#4a3f14",
    "only_a": "#4d2320",
    "only_b": "#1e3250",
    "del": "#7a2b25",
    "ins": "#22603a",
    "current": "#8a6d00",
}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def color(widget: QWidget, role: str) -> QColor:
    return QColor((_DARK if is_dark(widget) else _LIGHT)[role])


def tint(widget: QWidget, role: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QBrush(color(widget, role)))
    if role == "del":
        fmt.setFontStrikeOut(True)
    elif role == "ins":
        fmt.setFontUnderline(True)
    return fmt


def css(widget: QWidget, role: str) -> str:
    return color(widget, role).name()
