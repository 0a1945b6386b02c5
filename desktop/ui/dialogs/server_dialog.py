"""File ▸ Open Server Library…: asks for a shared library's address.

The address is a PostgreSQL connection address (``postgresql://user@host/db``).
The dialog starts from the address opened last (remembered without its
password) and accepts only a server address; the password, when the address
carries one, is used for this connection and never written to the settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store.locations import is_server_location
from desktop.ui.fit import fit_placeholder
from desktop.ui.plaintext import PlainLabel

EXAMPLE = "postgresql://user@host/db"


class ServerLibraryDialog(QDialog):
    def __init__(self, address: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("serverLibraryDialog")
        self.setWindowTitle(self.tr("Open Server Library"))
        intro = PlainLabel(
            self.tr(
                "A shared library on a PostgreSQL server: everyone who opens it searches "
                "and annotates the same articles. Ask its administrator for the address."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setObjectName("serverAddress")
        self.address_edit.setPlaceholderText(EXAMPLE)
        self.address_edit.setClearButtonEnabled(True)
        fit_placeholder(self.address_edit)
        hint = PlainLabel(
            self.tr(
                "The password, if the server asks for one, comes from ~/.pgpass or "
                "PGPASSWORD; a password typed into the address is used once and never saved."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setObjectName("serverHint")
        self.error_label = PlainLabel(parent=self)
        self.error_label.setObjectName("serverError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(PlainLabel(self.tr("Address:"), self))
        layout.addWidget(self.address_edit)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(520, self.screen().availableGeometry().width() - 40))

    def address(self) -> str:
        return self.address_edit.text().strip()

    def _accept_if_valid(self) -> None:
        if is_server_location(self.address()):
            self.accept()
            return
        self.error_label.setText(
            self.tr("Enter an address that starts with postgresql://, such as {example}.").format(
                example=EXAMPLE
            )
        )
        self.error_label.show()
        self.address_edit.setFocus()
