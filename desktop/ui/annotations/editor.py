"""The annotation editor: colour palette, Markdown note, tags with completion."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from desktop.core.annotations.models import DEFAULT_COLOR, PALETTE
from desktop.core.tags import normalize_tags
from desktop.ui.annotations.labels import color_label
from desktop.ui.annotations.models import short
from desktop.ui.fit import fit_placeholder
from desktop.ui.plaintext import PlainLabel, plain_tooltip

TAG_SEPARATOR = ","


def swatch(hex_color: str, size: int = 16) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(hex_color))
    return QIcon(pix)


class TagCompleter(QCompleter):
    """Completes the tag being typed (after the last comma), keeping the others."""

    def __init__(self, tags: Sequence[str], parent: QWidget | None = None):
        super().__init__(QStringListModel(list(tags)), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data())
        edit = self.widget()
        if not isinstance(edit, QLineEdit):
            return chosen
        head, sep, _ = edit.text().rpartition(TAG_SEPARATOR)
        return f"{head}{sep} {chosen}".lstrip() if sep else chosen

    def splitPath(self, path: str) -> list[str]:
        return [path.rpartition(TAG_SEPARATOR)[2].strip()]


class AnnotationEditor(QDialog):
    """Edit one annotation's colour, note and tags."""

    def __init__(
        self,
        quote: str,
        *,
        note: str = "",
        tags: Sequence[str] = (),
        color: str = DEFAULT_COLOR,
        known_tags: Sequence[str] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setWindowTitle(self.tr("Annotation"))
        self.quote_label = PlainLabel(f"“{short(quote, 240)}”", self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.colors = QButtonGroup(self)
        self.colors.setExclusive(True)
        palette_row = QHBoxLayout()
        self._custom_color: str | None = None
        for name, hex_color in PALETTE.items():
            button = QToolButton(self)
            button.setObjectName(f"color_{name}")
            button.setCheckable(True)
            button.setIcon(swatch(hex_color))
            button.setToolTip(plain_tooltip(color_label(name)))
            button.setProperty("colorName", name)
            self.colors.addButton(button)
            palette_row.addWidget(button)
        palette_row.addStretch(1)
        self.set_color(color)

        self.note_edit = QPlainTextEdit(note, self)
        self.note_edit.setObjectName("annotationNote")
        self.note_edit.setPlaceholderText(self.tr("Note (Markdown)"))
        self.tags_edit = QLineEdit(", ".join(tags), self)
        self.tags_edit.setObjectName("annotationTags")
        self.tags_edit.setPlaceholderText(self.tr("tags, comma separated: policy/funding, …"))
        fit_placeholder(self.tags_edit)
        self.tags_edit.setCompleter(TagCompleter(known_tags, self))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.quote_label)
        form.addRow(self.tr("Colour"), palette_row)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(self.tr("Tags"), self.tags_edit)
        form.addRow(buttons)
        self.note_edit.setFocus()

    def set_color(self, color: str) -> None:
        for button in self.colors.buttons():
            if button.property("colorName") == color:
                button.setChecked(True)
                self._custom_color = None
                return
        self._custom_color = color  # a #rrggbb colour from elsewhere: keep it unless changed
        for button in self.colors.buttons():
            button.setChecked(False)

    def color(self) -> str:
        checked = self.colors.checkedButton()
        if checked is not None:
            return str(checked.property("colorName"))
        return self._custom_color or DEFAULT_COLOR

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def tags(self) -> tuple[str, ...]:
        return normalize_tags(self.tags_edit.text().split(TAG_SEPARATOR))
