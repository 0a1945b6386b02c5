"""A small status-bar strip showing what a bundle job is doing and how far it got."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from desktop.core.bundles import BundleProgress
from desktop.ui.plaintext import PlainLabel


class BundleProgressStrip(QWidget):
    """Hidden while idle; ``start(text)``, ``show_progress(p)``, ``finish()``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bundleProgress")
        self.label = PlainLabel(parent=self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._task = ""
        self.hide()

    def start(self, text: str) -> None:
        self._task = text
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first report with a total
        self.show()

    def stage_text(self, stage: str) -> str:
        names = {
            "verify": self.tr("checking"),
            "articles": self.tr("articles"),
            "annotations": self.tr("annotations"),
            "index": self.tr("search index"),
        }
        return names.get(stage, stage)

    def show_progress(self, progress: BundleProgress) -> None:
        stage = self.stage_text(progress.stage)
        if progress.total:
            self.bar.setRange(0, max(1, progress.total))
            self.bar.setValue(min(progress.done, progress.total))
            self.label.setText(f"{self._task} — {stage} {progress.done:,}/{progress.total:,}")
        else:
            self.bar.setRange(0, 0)
            self.label.setText(f"{self._task} — {stage} {progress.done:,}")

    def finish(self) -> None:
        self.hide()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
