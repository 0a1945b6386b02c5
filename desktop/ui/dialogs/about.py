"""The About dialog, with the versions of the app and of what it runs on."""

from __future__ import annotations

import html
import platform
import sys
from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop import APP_NAME, __version__
from desktop.ui.plaintext import RichLabel


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def versions() -> dict[str, str]:
    try:
        import whoosh

        whoosh_version = ".".join(str(p) for p in whoosh.versionstring().split("."))
    except Exception:
        whoosh_version = _dist_version("whoosh-reloaded")
    return {
        APP_NAME: __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Whoosh": whoosh_version,
    }


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
            for k, v in versions().items()
        )
        blurb = self.tr("An offline library for collections of web articles.")
        text = (
            f"<h2>{html.escape(APP_NAME)}</h2>"
            f"<p>{html.escape(blurb)}</p>"
            f"<table>{rows}</table>"
            f"<p><small>{html.escape(sys.platform)}</small></p>"
        )
        self.label = RichLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
