"""Sizes that keep a widget's text whole, in whatever language it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

# Frame, text margins and the clear button of a line edit, around its text.
LINE_EDIT_PADDING = 48


def fit_placeholder(edit: QLineEdit) -> None:
    """Never narrower than its placeholder text (so "Filter…" never shrinks to "F…")."""
    width = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    edit.setMinimumWidth(width + LINE_EDIT_PADDING)
