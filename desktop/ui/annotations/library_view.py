"""``AnnotationsView``: every annotation in the library, sortable and filterable.

Filters: free text (quote and note, accents optional), tag (with the tags
below it), colour, article and creation dates. Activating a row asks to open
its article at the passage (``open_requested(article_id, offset)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations.models import PALETTE, Annotation
from desktop.core.tags import tag_ancestors
from desktop.ui.annotations.editor import swatch
from desktop.ui.annotations.labels import color_label
from desktop.ui.annotations.models import (
    AnnotationFilterProxy,
    Column,
    LibraryAnnotationsModel,
)
from desktop.ui.fit import fit_placeholder
from desktop.ui.plaintext import PlainLabel
from desktop.ui.roles import Role

_NO_DATE = QDate(2000, 1, 1)


class AnnotationsView(QWidget):
    open_requested = Signal(str, int)  # article id, code-point offset
    export_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("annotationsView")
        self.model = LibraryAnnotationsModel(self)
        self.proxy = AnnotationFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Filter quotes and notes…"))
        self.text_edit.setClearButtonEnabled(True)
        self.tag_box = QComboBox(self)
        self.tag_box.setObjectName("tagFilter")
        self.color_box = QComboBox(self)
        self.color_box.setObjectName("colorFilter")
        self.color_box.addItem(self.tr("Any colour"), "")
        for name, hex_color in PALETTE.items():
            self.color_box.addItem(swatch(hex_color), color_label(name), name)
        self.article_box = QComboBox(self)
        self.article_box.setObjectName("articleFilter")
        self.article_box.setMaximumWidth(260)
        self.from_edit = self._date_edit()
        self.to_edit = self._date_edit()
        self.count_label = PlainLabel(parent=self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(
            self.tr("Export the annotations shown (W3C JSON-LD, CSV, Markdown, REFI-QDA)")
        )
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Merge a W3C annotation file (JSON-LD)"))

        # Two rows, so the panel fits a laptop-sized window: what to filter by, then
        # the dates, the count and the buttons.
        fit_placeholder(self.text_edit)
        row = QHBoxLayout()
        row.addWidget(self.text_edit, 2)
        row.addWidget(self.tag_box, 1)
        row.addWidget(self.color_box)
        row.addWidget(self.article_box, 1)
        dates = QHBoxLayout()
        dates.addWidget(PlainLabel(self.tr("from"), self))
        dates.addWidget(self.from_edit)
        dates.addWidget(PlainLabel(self.tr("to"), self))
        dates.addWidget(self.to_edit)
        dates.addWidget(self.count_label, 1)
        dates.addWidget(self.export_button)
        dates.addWidget(self.import_button)

        self.table = QTableView(self)
        self.table.setObjectName("annotationsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)

        self.text_edit.textChanged.connect(self._apply_filters)
        for box in (self.tag_box, self.color_box, self.article_box):
            box.currentIndexChanged.connect(self._apply_filters)
        self.from_edit.dateChanged.connect(self._apply_filters)
        self.to_edit.dateChanged.connect(self._apply_filters)
        self.export_button.clicked.connect(self.export_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_NO_DATE)
        return edit

    def set_annotations(
        self,
        annotations: Sequence[Annotation],
        titles: dict[str, str],
        tags: Sequence[str],
        user: str = "",
    ) -> None:
        """Show these annotations (``user``'s own marked); keeps the chosen filters where
        they still apply. The rows are filtered once, when the model is reset."""
        # Parent tags are listed too (``policy`` for ``policy/funding``), as in the facets.
        listed = sorted({part for tag in tags for part in tag_ancestors(tag)}, key=str.casefold)
        self._refill(self.tag_box, self.tr("Any tag"), [(t, t) for t in listed])

        def title(article_id: str) -> str:
            return titles.get(article_id, article_id)

        articles = sorted({a.article_id for a in annotations}, key=lambda i: title(i).casefold())
        self._refill(self.article_box, self.tr("Any article"),
                     [(titles.get(i, i), i) for i in articles])
        self._set_filters(refilter=False)
        self.model.set_annotations(annotations, titles, user)
        self._show_count()

    def _refill(self, box: QComboBox, any_label: str, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(any_label, "")
        for label, value in items:
            box.addItem(label, value)
        found = box.findData(current) if current else 0
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        d = edit.date()
        return None if d == _NO_DATE else date(d.year(), d.month(), d.day())

    def _apply_filters(self, *_changed: object) -> None:
        self._set_filters(refilter=True)

    def _set_filters(self, *, refilter: bool) -> None:
        self.proxy.set_filters(
            refilter=refilter,
            tag=self.tag_box.currentData() or None,
            color=self.color_box.currentData() or None,
            article_id=self.article_box.currentData() or None,
            created_from=self._date(self.from_edit),
            created_to=self._date(self.to_edit),
            text=self.text_edit.text(),
        )
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))

    def _open(self, index: QModelIndex) -> None:
        ann = index.data(Role.ANNOTATION)
        if isinstance(ann, Annotation):
            self.open_requested.emit(ann.article_id, ann.start)

    def visible_annotations(self) -> list[Annotation]:
        return [
            self.proxy.index(r, 0).data(Role.ANNOTATION) for r in range(self.proxy.rowCount())
        ]

