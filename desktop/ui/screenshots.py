"""``python -m desktop.ui.screenshots OUTDIR``: render the app's main states to PNG.

Builds a small library from the self-test fixture shipped in the package (text
written for this project) and saves, in light and dark themes: the empty
library screen, results for a search, the reader with highlighted hits, the
original view and the import report. Runs offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SIZE = QSize(1360, 820)


def _save(widget: QWidget, path: Path) -> Path:
    QCoreApplication.processEvents()
    widget.repaint()
    QCoreApplication.processEvents()
    widget.grab().save(str(path))
    return path


def render_all(outdir: Path) -> list[Path]:
    from desktop.core.store import Library
    from desktop.ui.app import create_application
    from desktop.ui.importing.report_dialog import ImportReportDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.selftest import copy_fixture, wait_until
    from desktop.ui.settings import AppSettings
    from desktop.ui.theme import apply_theme

    app = create_application()
    assert isinstance(app, QApplication)
    outdir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="archive-browser-shots-") as tmp:
        root = Path(tmp)
        fixture = root / "fixture"
        copy_fixture(fixture)
        (fixture / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip at all")
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            library = Library.open(root / f"library-{theme}")
            window = MainWindow(library, AppSettings(root / f"{theme}.ini"), show_reports=False)
            window.resize(SIZE)
            window.show()
            wait_until(lambda w=window: w.search.last_result is not None, 20)
            saved.append(_save(window, outdir / f"empty-library-{theme}.png"))

            reports: list[object] = []
            window.import_finished.connect(reports.append)
            window.import_paths([fixture])
            wait_until(lambda r=reports: bool(r), 120)
            dialog = ImportReportDialog(reports[0], window)  # type: ignore[arg-type]
            dialog.show()
            saved.append(_save(dialog, outdir / f"import-report-{theme}.png"))
            dialog.close()

            window.search_bar.edit.setText("doi tuyen")
            wait_until(
                lambda w=window: w.search.last_result is not None
                and w.search.last_result.query == "doi tuyen",
                30,
            )
            wait_until(lambda w=window: bool(w.reader.hit_spans()), 30)
            window.results.setFocus()
            saved.append(_save(window, outdir / f"results-reader-{theme}.png"))

            window.reader.open_find()
            window.reader.find_bar.edit.setText("gốm")
            window.search_bar.edit.setText("gom")
            wait_until(
                lambda w=window: w.search.last_result is not None
                and w.search.last_result.query == "gom",
                30,
            )
            wait_until(lambda w=window: bool(w.reader.hit_spans()), 30)
            saved.append(_save(window, outdir / f"reader-find-{theme}.png"))
            window.reader.close_find()
            window.close()
            window.shutdown()
            window.deleteLater()
            QCoreApplication.processEvents()
        apply_theme(app, "light")
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m desktop.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    for path in render_all(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
