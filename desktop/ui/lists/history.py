"""``HistoryCompleter``: recent queries offered under the search box as you type.

Matches anywhere in a past query, ignoring case. The queries come from the
library's ``SearchHistory``; the controller records a query once it has been
used (Enter, or results left on screen for a moment).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

MAX_SHOWN = 10


class HistoryCompleter(QCompleter):
    def __init__(self, edit: QLineEdit):
        super().__init__(edit)
        self.setObjectName("historyCompleter")
        self.queries = QStringListModel(self)
        self.setModel(self.queries)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(MAX_SHOWN)
        edit.setCompleter(self)

    def set_queries(self, queries: list[str]) -> None:
        self.queries.setStringList(queries)

    def recent(self) -> list[str]:
        return list(self.queries.stringList())
