"""Undoable annotation edits (``QUndoCommand``s) on an ``AnnotationStore``.

Each command has already been applied when it is pushed (the first ``redo``
does nothing), so a failing write raises before anything lands on the stack.
Undo and redo write whole annotations back with ``restore`` so ids, creation
times and positions come back exactly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.core.annotations.models import Annotation
from desktop.core.annotations.store import AnnotationStore

StoreProvider = Callable[[], AnnotationStore]
Changed = Callable[[str], None]  # article id


class _Command(QUndoCommand):
    def __init__(self, text: str, store: StoreProvider, changed: Changed):
        super().__init__(text)
        self._store = store
        self._changed = changed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._changed(self._redo())

    def undo(self) -> None:
        self._changed(self._undo())

    def _redo(self) -> str:
        raise NotImplementedError

    def _undo(self) -> str:
        raise NotImplementedError


class CreateCommand(_Command):
    def __init__(self, created: Annotation, store: StoreProvider, changed: Changed):
        super().__init__(
            QCoreApplication.translate("AnnotationCommands", "Add annotation"), store, changed
        )
        self.annotation = created

    def _redo(self) -> str:
        return self._store().restore(self.annotation).article_id

    def _undo(self) -> str:
        return self._store().delete(self.annotation.id).article_id


class EditCommand(_Command):
    def __init__(
        self, before: Annotation, after: Annotation, store: StoreProvider, changed: Changed
    ):
        super().__init__(
            QCoreApplication.translate("AnnotationCommands", "Edit annotation"), store, changed
        )
        self.before, self.after = before, after

    def _redo(self) -> str:
        return self._store().restore(self.after).article_id

    def _undo(self) -> str:
        return self._store().restore(self.before).article_id


class DeleteCommand(_Command):
    def __init__(self, deleted: Annotation, store: StoreProvider, changed: Changed):
        super().__init__(
            QCoreApplication.translate("AnnotationCommands", "Delete annotation"), store, changed
        )
        self.annotation = deleted

    def _redo(self) -> str:
        return self._store().delete(self.annotation.id).article_id

    def _undo(self) -> str:
        return self._store().restore(self.annotation).article_id
