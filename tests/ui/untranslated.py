"""Find English words on screen while the UI speaks Vietnamese.

Two checks over what a window shows:

* every visible string (labels, buttons, menus, dock and tab titles, headers,
  placeholders, combo box items, cells of item views) is compared with the
  English source texts of the catalogues; one that reads like a source whose
  translation differs was not translated;
* the words of the interface (not the article text, titles or paths, which are
  data) must contain none of the English words that occur only in source
  texts, so strings that never reached the catalogue are caught as well.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from desktop.ui.plaintext import tooltip_text

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [
    ROOT / "resources" / "translations" / "archive_browser_vi.ts",
    ROOT / "resources" / "translations" / "qt_standard_vi.ts",
]
# Widgets whose text is the library's data (article titles, bodies, paths, sites, tags).
DATA_NAMES = {
    "articleTitle", "articleSource", "articleUrl", "libraryPath", "tagFilter", "articleFilter",
    "searchBox", "findEdit", "compareTitleA", "compareTitleB",
}
# Words shared by both languages, or names.
SHARED = {"ok", "html", "csv", "json", "jsonl", "jsonld", "warc", "wacz", "arc", "zip", "qt",
          "markdown", "obsidian", "logseq", "refi", "qda", "qdpx", "w3c", "minhash", "utf",
          "archive", "browser", "ctrl", "shift", "alt", "esc", "enter", "tab", "del", "ascii",
          "nvivo", "atlas", "ti", "qualcoder", "pdf", "txt", "htm", "gz", "ms", "sha", "id",
          "url", "lgpl", "mit", "gpl", "zotero", "unicode", "nfc", "or", "not", "and", "to",
          "title", "site", "author", "tag", "note", "published", "near", "python", "pyside"}
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%[0-9n]|%s|%L?\d")
_WORD = re.compile(r"[A-Za-zÀ-ỹđĐ]+")


def _messages() -> Iterator[tuple[str, str]]:
    pattern = re.compile(
        r"<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?"
        r"<translation[^>]*>(?:\s*<numerusform>)?([^<]*)", re.S)
    for path in CATALOGUES:
        for source, translation in pattern.findall(path.read_text(encoding="utf-8")):
            yield html.unescape(source), html.unescape(translation)


def _plain(text: str) -> str:
    text = re.sub(r"&(?=\S)", "", text.replace("&&", "\0")).replace("\0", "&")
    return " ".join(text.split())


class Checker:
    def __init__(self) -> None:
        self.sources: list[re.Pattern[str]] = []
        english: set[str] = set()
        vietnamese: set[str] = set()
        for source, translation in _messages():
            src, tr = _plain(source), _plain(translation)
            english.update(w.lower() for w in _WORD.findall(_PLACEHOLDER.sub(" ", src)))
            vietnamese.update(w.lower() for w in _WORD.findall(tr))
            if src == tr or len(_WORD.findall(_PLACEHOLDER.sub(" ", src))) < 1:
                continue
            parts = _PLACEHOLDER.split(src)
            regex = ".+?".join(re.escape(p) for p in parts)
            self.sources.append(re.compile(regex, re.S))
        self.english_words = {w for w in english - vietnamese - SHARED if len(w) >= 3}

    def untranslated(self, text: str, ui: bool) -> str | None:
        plain = _plain(text)
        if not plain or not _WORD.search(plain):
            return None
        for pattern in self.sources:
            if pattern.fullmatch(plain):
                return f"source text {pattern.pattern!r}"
        if ui:
            words = {w.lower() for w in _WORD.findall(plain)} & self.english_words
            if words:
                return f"English word(s) {sorted(words)}"
        return None


def _is_data(widget: QWidget) -> bool:
    while widget is not None:
        if widget.objectName() in DATA_NAMES:
            return True
        widget = widget.parentWidget()
    return False


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str, bool]]:
    yield where, menu.title(), True
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} ▸ {action.menu().title()}")
        elif not action.isSeparator() and action.isVisible():
            yield f"{where} ▸ item", action.text(), True


def _view_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str, bool]]:
    model = view.model()
    if model is None:
        return
    def columns(parent: QModelIndex) -> int:
        try:
            return int(model.columnCount(parent))
        except TypeError:  # list models keep columnCount private
            return 1

    for column in range(columns(QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            yield f"{where} header", header, True

    def walk(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str, bool]]:
        for row in range(min(model.rowCount(parent), 50)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                value = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    yield f"{where} cell", value, False
                if depth < 2 and column == 0 and model.rowCount(index) > 0:
                    yield from walk(index, depth + 1)

    yield from walk(QModelIndex(), 0)


def visible_texts(window: QWidget) -> Iterator[tuple[str, str, bool]]:
    """(where, text, is interface text) for what ``window`` shows."""
    yield "window title", window.windowTitle(), False
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() and not isinstance(widget, QMenuBar):
            continue
        name = f"{type(widget).__name__}({widget.objectName()})"
        ui = not _is_data(widget)
        if isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.menu() is not None:
                    yield from _menu_texts(action.menu(), "menu")
        elif isinstance(widget, QLabel):
            yield name, widget.text(), ui
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text(), ui
            yield f"{name} tooltip", tooltip_text(widget.toolTip()), ui
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText(), ui
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item", widget.itemText(i), ui
        elif isinstance(widget, QGroupBox):
            yield name, widget.title(), ui
        elif isinstance(widget, QDockWidget):
            yield name, widget.windowTitle(), True
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{name} tab", widget.tabText(i), ui
        if isinstance(widget, QAbstractItemView):
            yield from _view_texts(widget, name)
