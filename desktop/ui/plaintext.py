"""Showing article and user text in Qt widgets as text, never as markup.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) in labels,
tool tips and message boxes, and rich text loads images: a title or a quote such
as ``<img src="/dev/zero">`` would make it read that file without end. Text
from articles, bundles, imported files and the user goes through these helpers:

- ``PlainLabel``: a ``QLabel`` that always shows its text as plain text (every
  label in the UI is one, or a ``RichLabel``);
- ``RichLabel``: a label for markup this program writes, with every piece of
  outside text escaped (``html.escape``) where it is put together;
- ``plain_tooltip``: a tool tip showing the text as it is;
- ``plain_message_box``: a message box showing its text as plain text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


class PlainLabel(QLabel):
    """A label whose text is never read as markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


class RichLabel(QLabel):
    """A label for markup built here; every piece of outside text in it must be escaped."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(text)


def plain_tooltip(text: str | None) -> str:
    """A tool tip that shows ``text`` as it is (escaped, so Qt renders no markup); "" for none."""
    if not text:
        return ""
    return f"{_TOOLTIP_OPEN}{html.escape(text, quote=False)}{_TOOLTIP_CLOSE}"


_TOOLTIP_OPEN = "<p style='white-space:pre-wrap'>"
_TOOLTIP_CLOSE = "</p>"


def tooltip_text(tooltip: str) -> str:
    """The text a tool tip shows: ``plain_tooltip`` undone, other tool tips as they are."""
    if tooltip.startswith(_TOOLTIP_OPEN) and tooltip.endswith(_TOOLTIP_CLOSE):
        return html.unescape(tooltip[len(_TOOLTIP_OPEN) : -len(_TOOLTIP_CLOSE)])
    return tooltip


def plain_message_box(
    icon: QMessageBox.Icon,
    title: str,
    message: str,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box with an OK button whose message is shown as plain text."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    return box


def ask_yes_no(
    title: str, question: str, parent: QWidget | None = None, *, no_by_default: bool = True
) -> bool:
    """A plain-text Yes/No question; True when the answer is Yes."""
    box = plain_message_box(QMessageBox.Icon.Question, title, question, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if no_by_default:
        box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
