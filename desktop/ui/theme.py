"""Light, dark or system theme: the Fusion style with a matching palette.

``QStyleHints.setColorScheme`` is used where Qt offers it, so native parts
follow too; the explicit palette makes the result the same on every platform
(and offscreen).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, alt = QColor(37, 38, 41), QColor(28, 29, 31), QColor(44, 45, 49)
    text, muted = QColor(226, 227, 229), QColor(150, 152, 158)
    accent = QColor(74, 136, 212)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, alt)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, alt)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, alt)
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.BrightText, QColor(255, 90, 90))
        p.setColor(group, QPalette.ColorRole.Highlight, accent)
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.ColorRole.Link, QColor(120, 170, 240))
        p.setColor(group, QPalette.ColorRole.LinkVisited, QColor(170, 140, 230))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, muted)
        p.setColor(group, QPalette.ColorRole.Mid, QColor(105, 108, 114))
        p.setColor(group, QPalette.ColorRole.Dark, QColor(20, 20, 22))
        p.setColor(group, QPalette.ColorRole.Light, QColor(70, 72, 76))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(disabled, role, QColor(110, 112, 118))
    p.setColor(disabled, QPalette.ColorRole.Base, window)
    p.setColor(disabled, QPalette.ColorRole.Button, window)
    return p


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette() if QApplication.instance() else QPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor(46, 110, 190))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(246, 247, 249))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(110, 112, 118))
    return p


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme is not None and scheme() == Qt.ColorScheme.Dark)


def resolve(theme: str) -> Literal["light", "dark"]:
    if theme == "dark":
        return "dark"
    if theme == "light":
        return "light"
    return "dark" if system_prefers_dark() else "light"


def apply_theme(app: QApplication, theme: str) -> Literal["light", "dark"]:
    """Apply ``theme`` (system/light/dark) to the whole app; returns the one in effect."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        scheme = {
            "dark": Qt.ColorScheme.Dark,
            "light": Qt.ColorScheme.Light,
        }.get(theme, Qt.ColorScheme.Unknown)
        hints.setColorScheme(scheme)
    app.setStyle("Fusion")
    effective = resolve(theme)
    app.setPalette(_dark_palette() if effective == "dark" else _light_palette())
    app.setProperty("effectiveTheme", effective)
    return effective


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def mark_colors(palette: QPalette) -> tuple[str, str]:
    """Background and text colour for highlighted matches, readable on ``palette``."""
    if is_dark(palette):
        return "#8a6d12", "#ffffff"
    return "#ffe26a", "#000000"


def current_match_color(palette: QPalette) -> str:
    return "#d9822b" if is_dark(palette) else "#ff9d3b"
