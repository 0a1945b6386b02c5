"""Preferences: theme and interface language, both applied at once."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from desktop.ui.settings import LANGUAGES, AppSettings, Language, pick
from desktop.ui.theme import THEMES, Theme


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.theme_box = QComboBox(self)
        self.theme_box.setObjectName("themeBox")
        self.theme_box.addItem(self.tr("Follow the system"), "system")
        self.theme_box.addItem(self.tr("Light"), "light")
        self.theme_box.addItem(self.tr("Dark"), "dark")
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        self.language_box.addItem(self.tr("Follow the system"), "system")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("Tiếng Việt", "vi")
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(settings.theme)))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.language)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Theme:"), self.theme_box)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(buttons)

    def chosen_theme(self) -> Theme:
        return pick(self.theme_box.currentData(), THEMES)

    def chosen_language(self) -> Language:
        return pick(self.language_box.currentData(), LANGUAGES)

    def save(self) -> None:
        self.settings.theme = self.chosen_theme()
        self.settings.language = self.chosen_language()
        self.settings.sync()
