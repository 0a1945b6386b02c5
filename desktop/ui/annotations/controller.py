"""``AnnotationController``: ties the reader, the store, the panels and undo together.

It adds an "Annotate" action to the reader, paints the current article's
annotations (``AnnotationHighlighter``), keeps the article panel and the
library-wide view up to date, and makes create/edit/delete undoable through
one ``QUndoStack``. Errors the user can act on are sent as ``message``.

A read-only library (an opened bundle) can be read and its annotations shown
and exported, but every editing action is disabled with a tool tip saying why,
and every editing entry point refuses with the same message (``READ_ONLY``):
nothing is opened that could not be saved.

When a server library cannot be reached, a save is not lost: the change asked
for is kept (``pending``) and ``unreachable`` tells the window, whose Retry
saves it (``retry_pending``) once the server answers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop.core.annotations.exports import SUFFIXES, ExportReport, export_annotations
from desktop.core.annotations.models import Annotation
from desktop.core.annotations.store import AnnotationStore
from desktop.core.annotations.w3c import MergeReport, import_annotation_file
from desktop.core.errors import ServerUnreachable, UserError
from desktop.ui.annotations.commands import CreateCommand, DeleteCommand, EditCommand
from desktop.ui.annotations.editor import AnnotationEditor
from desktop.ui.annotations.highlighter import AnnotationHighlighter
from desktop.ui.annotations.library_view import AnnotationsView
from desktop.ui.annotations.models import ArticleAnnotationsModel
from desktop.ui.annotations.panel import AnnotationPanel
from desktop.ui.export_folder import remember_export, suggested_path
from desktop.ui.plaintext import plain_tooltip
from desktop.ui.reader.view import ReaderView

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

LibraryProvider = Callable[[], "AnyLibrary"]


@dataclass(frozen=True)
class AnnotationsSnapshot:
    """What the annotation panels show, read off the GUI thread (live updates)."""

    annotations: list[Annotation]
    titles: dict[str, str]
    tags: list[str]
    article_id: str | None  # the article in the reader when the read started
    article_annotations: list[Annotation]


def read_snapshot(library: AnyLibrary, article_id: str | None) -> AnnotationsSnapshot:
    """Every annotation with its article's title, the tags, and one article's annotations."""
    store = library.annotations
    annotations = store.list_all()
    ids = sorted({a.article_id for a in annotations})
    titles = {s.id: s.title for s in library.articles.summaries_for(ids)}
    mine = store.for_article(article_id) if article_id else []
    return AnnotationsSnapshot(annotations, titles, store.all_tags(), article_id, mine)
# (quote, note, tags, colour, known tags) -> (note, tags, colour) or None when cancelled.
EditorFn = Callable[
    [str, str, Sequence[str], str, Sequence[str]], tuple[str, tuple[str, ...], str] | None
]


class AnnotationController(QObject):
    changed = Signal(str)  # article id whose annotations changed
    open_requested = Signal(str, int)  # article id, code-point offset
    message = Signal(str)
    unreachable = Signal(str)  # a server library could not be reached (the message)

    def __init__(
        self,
        reader: ReaderView,
        library: LibraryProvider,
        parent: QObject | None = None,
        *,
        editor: EditorFn | None = None,
    ):
        super().__init__(parent)
        self.reader = reader
        self._library = library
        self._editor = editor or self._dialog_editor
        self.highlighter = AnnotationHighlighter(reader.body_edit)
        self.article_model = ArticleAnnotationsModel(self)
        self.panel = AnnotationPanel(self.article_model)
        self.view = AnnotationsView()
        self.undo_stack = QUndoStack(self)
        self.last_paint_ms = 0.0  # painting the highlights, last time (for the benchmark)
        self.last_load_ms = 0.0  # reading the annotations from the store, last time
        self._focused: str | None = None
        self.watcher: QObject | None = None  # follows other people's changes (install)
        # A save the server did not take (it was unreachable), made again on retry.
        self.pending: Callable[[], object] | None = None

        self.annotate_action = QAction(self.tr("Annotate"), self)
        self.annotate_action.setObjectName("annotateAction")
        self.annotate_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.annotate_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.annotate_action.setToolTip(self.tr("Annotate the selected passage (Ctrl+Shift+A)"))
        self.annotate_action.triggered.connect(lambda _=False: self.annotate_selection())
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        reader.add_action(self.annotate_action)

        reader.article_changed.connect(self._on_article_changed)
        reader.body_edit.cursorPositionChanged.connect(self._on_cursor_moved)
        self.panel.activated.connect(self.show_annotation)
        self.panel.edit_requested.connect(self.edit_with_dialog)
        self.panel.delete_requested.connect(self.delete)
        self.view.open_requested.connect(self.open_requested)
        self.view.export_requested.connect(self.export_with_dialog)
        self.view.import_requested.connect(self.import_with_dialog)
        self.delete_action = QAction(self.tr("Delete annotation"), self.panel.list)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.panel.list.addAction(self.delete_action)
        self.changed.connect(self._on_changed)
        self._update_enabled()
        self.refresh_library_view()

    # -- plumbing ------------------------------------------------------------------

    @property
    def library(self) -> AnyLibrary:
        return self._library()

    def store(self) -> AnnotationStore:
        return self.library.annotations

    def library_switched(self, *_args: object) -> None:
        """The host opened another library: undo history no longer applies."""
        self.undo_stack.clear()
        self.article_model.set_annotations([])
        self.highlighter.forget()
        self._update_enabled()
        self.refresh_library_view()

    def read_only_message(self) -> str:
        if self.library.is_server:
            return self.tr(
                "Your account on this server library can search and read but not change it, "
                "so annotations cannot be added or changed. Ask the library's administrator "
                "for write access."
            )
        return self.tr(
            "This bundle is open read-only, so annotations cannot be added or changed. "
            "To annotate, copy it into a library: File ▸ Import bundle."
        )

    def _writable(self) -> bool:
        """True when the library can be changed; else says why (``message``)."""
        if self.library.read_only:
            self.message.emit(self.read_only_message())
            return False
        return True

    def _update_enabled(self) -> None:
        writable = not self.library.read_only
        why = "" if writable else self.read_only_message()
        self.reader.set_action_allowed(self.annotate_action, writable)
        annotate_tip = self.tr("Annotate the selected passage (Ctrl+Shift+A)")
        self.annotate_action.setToolTip(plain_tooltip(annotate_tip if writable else why))
        self.delete_action.setEnabled(writable)
        self.panel.edit_button.setVisible(writable)
        self.panel.delete_button.setVisible(writable)
        self.panel.list.setToolTip(plain_tooltip(why))
        self.view.import_button.setEnabled(writable)
        self.view.import_button.setToolTip(
            plain_tooltip(self.tr("Merge a W3C annotation file (JSON-LD)") if writable else why)
        )
        for action in (self.undo_action, self.redo_action):
            action.setVisible(writable)

    # -- showing -------------------------------------------------------------------

    def _on_article_changed(self, _article_id: str) -> None:
        self.highlighter.forget()  # the reader replaced the document
        self._focused = None
        self.reload_article()

    def reload_article(self) -> None:
        """Re-read and re-paint the annotations of the article in the reader."""
        article = self.reader.current_article()
        if article is None:
            self.article_model.set_annotations([])
            return
        began = time.perf_counter()
        annotations = self.store().for_article(article.id)
        self.last_load_ms = (time.perf_counter() - began) * 1000
        self._show_article_annotations(annotations)

    def _show_article_annotations(self, annotations: list[Annotation]) -> None:
        self.article_model.set_annotations(annotations, self.library.user)
        began = time.perf_counter()
        self.highlighter.apply(annotations, self.reader.offset_map, self._focused)
        self.last_paint_ms = (time.perf_counter() - began) * 1000

    def refresh_library_view(self) -> None:
        store = self.store()
        annotations = store.list_all()
        ids = sorted({a.article_id for a in annotations})
        titles = {s.id: s.title for s in self.library.articles.summaries_for(ids)}
        self.view.set_annotations(annotations, titles, store.all_tags(), self.library.user)

    def refresh_from_others(self) -> None:
        """Someone else changed the library: show their annotations (and no longer the
        ones they deleted) in the panels and the reader's marks."""
        try:
            self.reload_article()
            self.refresh_library_view()
        except ServerUnreachable as exc:
            self.unreachable.emit(str(exc))

    def snapshot_reader(self) -> Callable[[AnyLibrary], AnnotationsSnapshot]:
        """On the GUI thread: a reader of what the panels show, to run on another thread."""
        article = self.reader.current_article()
        article_id = article.id if article is not None else None
        return lambda library: read_snapshot(library, article_id)

    def show_snapshot(self, snapshot: object) -> None:
        """Put what ``snapshot_reader`` read on screen (someone else changed the library)."""
        if not isinstance(snapshot, AnnotationsSnapshot):
            self.refresh_from_others()
            return
        self.view.set_annotations(
            snapshot.annotations, snapshot.titles, snapshot.tags, self.library.user
        )
        article = self.reader.current_article()
        if article is None:
            self.article_model.set_annotations([])
        elif article.id == snapshot.article_id:
            self._show_article_annotations(snapshot.article_annotations)
        else:  # the reader moved on meanwhile
            self.refresh_from_others()

    def retry_pending(self) -> None:
        """The server answers again: make the save it did not take, then show what is new."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending()
        self.refresh_from_others()

    def _keep_for_retry(self, exc: ServerUnreachable, retry: Callable[[], object]) -> None:
        self.pending = retry
        self.unreachable.emit(str(exc))

    def _on_changed(self, article_id: str) -> None:
        current = self.reader.current_article()
        if current is not None and current.id == article_id:
            self.reload_article()
        self.refresh_library_view()

    def show_annotation(self, annotation_id: str) -> None:
        """Select and scroll to an annotation's passage in the reader."""
        ann = self.store().find(annotation_id)
        if ann is None:
            return
        current = self.reader.current_article()
        if current is None or current.id != ann.article_id:
            self.open_requested.emit(ann.article_id, ann.start)
            return
        self._focused = ann.id
        if not ann.orphaned:
            self.reader.select_span(ann.start, ann.end)
            self.reader.scroll_to_offset(ann.start)
        self.panel.select(ann.id)

    def annotation_at(self, offset: int) -> Annotation | None:
        """The (innermost) anchored annotation covering code-point ``offset``."""
        covering = [
            a for a in self.article_model.annotations()
            if not a.orphaned and a.start <= offset < a.end
        ]
        return min(covering, key=lambda a: a.end - a.start) if covering else None

    def _on_cursor_moved(self) -> None:
        cursor = self.reader.body_edit.textCursor()
        if cursor.hasSelection():
            return
        ann = self.annotation_at(self.reader.offset_map.to_codepoint(cursor.position()))
        if ann is not None:
            self.panel.select(ann.id)

    # -- editing (undoable) ------------------------------------------------------------

    def _notify(self, article_id: str) -> None:
        self.changed.emit(article_id)

    def create(
        self,
        article_id: str,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        color: str | None = None,
    ) -> Annotation | None:
        if not self._writable():
            return None
        tags = tuple(tags)
        try:
            made = self.store().create(article_id, start, end, note=note, tags=tags, color=color)
        except ServerUnreachable as exc:
            retry = partial(self.create, article_id, start, end, note=note, tags=tags, color=color)
            self._keep_for_retry(exc, retry)
            return None
        except UserError as exc:
            self.message.emit(str(exc))
            return None
        self.undo_stack.push(CreateCommand(made, self.store, self._notify))
        self._notify(article_id)
        return made

    def edit(
        self,
        annotation_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        color: str | None = None,
    ) -> Annotation | None:
        if not self._writable():
            return None
        store = self.store()
        tags = None if tags is None else tuple(tags)
        try:
            before = store.get(annotation_id)
            after = store.update(annotation_id, note=note, tags=tags, color=color)
        except ServerUnreachable as exc:
            self._keep_for_retry(
                exc, partial(self.edit, annotation_id, note=note, tags=tags, color=color)
            )
            return None
        except UserError as exc:
            self.message.emit(str(exc))
            return None
        if after != before:
            self.undo_stack.push(EditCommand(before, after, self.store, self._notify))
            self._notify(after.article_id)
        return after

    def delete(self, annotation_id: str) -> Annotation | None:
        if not self._writable():
            return None
        try:
            removed = self.store().delete(annotation_id)
        except ServerUnreachable as exc:
            self._keep_for_retry(exc, partial(self.delete, annotation_id))
            return None
        except UserError as exc:
            self.message.emit(str(exc))
            return None
        self.undo_stack.push(DeleteCommand(removed, self.store, self._notify))
        self._notify(removed.article_id)
        return removed

    def _delete_current(self) -> None:
        current = self.panel.current_id()
        if current and not self.library.read_only:
            self.delete(current)

    # -- export and import ---------------------------------------------------------------

    def export_visible(self, path: Path, fmt: str) -> ExportReport | None:
        """Export the annotations the library view shows (its filters apply)."""
        try:
            report = export_annotations(
                self.library.articles, self.view.visible_annotations(), fmt, path
            )
        except UserError as exc:
            self.message.emit(str(exc))
            return None
        self.message.emit(
            self.tr("Exported {n} annotation(s) to {path}").format(
                n=report.annotations, path=report.path
            )
        )
        return report

    def import_file(self, path: Path) -> MergeReport | None:
        """Merge a W3C JSON-LD file (not undoable: merging keeps the newer copy)."""
        if not self._writable():
            return None
        try:
            report = import_annotation_file(self.library, path)
        except UserError as exc:
            self.message.emit(str(exc))
            return None
        self.message.emit(
            self.tr("Imported: {a} added, {u} updated, {o} orphaned, {f} failed").format(
                a=report.added, u=report.updated, o=report.orphaned, f=len(report.failed)
            )
        )
        self.reload_article()
        self.refresh_library_view()
        return report

    def export_with_dialog(self) -> None:
        filters = {
            self.tr("W3C Web Annotations (*.jsonld)"): "w3c",
            self.tr("CSV for spreadsheets (*.csv)"): "csv",
            self.tr("Markdown for Obsidian/Logseq (*.md)"): "markdown",
            self.tr("REFI-QDA project (*.qdpx)"): "qdpx",
        }
        path, chosen = QFileDialog.getSaveFileName(
            self.view,
            self.tr("Export annotations"),
            suggested_path(self.view, "annotations.jsonld"),
            ";;".join(filters),
        )
        if path:
            remember_export(self.view, path)
            fmt = filters.get(chosen, "w3c")
            target = Path(path)
            if not target.suffix:
                target = target.with_suffix(SUFFIXES[fmt])
            self.export_visible(target, fmt)

    def import_with_dialog(self) -> None:
        if not self._writable():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.view, self.tr("Import annotations"), "",
            self.tr("W3C Web Annotations (*.jsonld *.json *.jsonl)"),
        )
        if path:
            self.import_file(Path(path))

    # -- with the editor dialog ------------------------------------------------------

    def annotate_selection(self) -> Annotation | None:
        """Annotate the reader's selection, asking for colour, note and tags."""
        if not self._writable():
            return None
        article = self.reader.current_article()
        span = self.reader.selected_span()
        if article is None or span is None or span[0] == span[1]:
            self.message.emit(self.tr("Select a passage to annotate first."))
            return None
        start, end = span
        answer = self._editor(article.body[start:end], "", (), "yellow", self.store().all_tags())
        if answer is None:
            return None
        note, tags, color = answer
        return self.create(article.id, start, end, note=note, tags=tags, color=color)

    def edit_with_dialog(self, annotation_id: str) -> Annotation | None:
        if not self._writable():
            return None
        ann = self.store().find(annotation_id)
        if ann is None:
            return None
        answer = self._editor(ann.exact, ann.note, ann.tags, ann.color, self.store().all_tags())
        if answer is None:
            return None
        note, tags, color = answer
        return self.edit(annotation_id, note=note, tags=tags, color=color)

    def _dialog_editor(
        self, quote: str, note: str, tags: Sequence[str], color: str, known: Sequence[str]
    ) -> tuple[str, tuple[str, ...], str] | None:
        parent = self.reader.window()
        dialog = AnnotationEditor(
            quote, note=note, tags=tags, color=color, known_tags=known,
            parent=parent if isinstance(parent, QWidget) else None,
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.note(), dialog.tags(), dialog.color()
        finally:
            dialog.deleteLater()
