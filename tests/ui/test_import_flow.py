"""Importing from the window: progress strip, cancel keeps what was committed, failure report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.core.store import Library
from desktop.ui.importing.report_dialog import FailuresModel, ImportReportDialog
from tests.helpers.window import search_for, wait_ready

TOWNS = ("Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ", "Hải Phòng", "Vinh", "Quy Nhơn")


def write_texts(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        text = (
            f"Tin ngắn số {i} từ {town}\n"
            f"Bản tin địa phương số {i} về thời tiết và giao thông ở {town}.\n\n"
            f"Sáng nay tại {town}, mã bản tin {i:05d}, trời nhiều mây, giao thông thuận lợi. "
            f"Người dân {town} đi làm sớm để tránh mưa. Đây là nội dung riêng của bản tin {i}.\n"
        )
        path = folder / f"tin-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_import_shows_progress_and_reports_failures(qtbot, tmp_path, make_window) -> None:
    library = Library.open(tmp_path / "lib")
    window = make_window(library, show_reports=True)
    wait_ready(qtbot, window)
    assert window.stack.currentWidget() is window.empty_screen
    folder = tmp_path / "in"
    write_texts(folder, 12)
    (folder / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip at all")
    progress: list[object] = []
    window.importer.progress.connect(progress.append)
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        assert window.import_paths([folder])
        assert window.import_panel.isVisibleTo(window)
    report = blocker.args[0]
    assert report.imported == 12 and len(report.failed) == 1
    assert "broken.warc.gz" in report.failed[0].path and report.failed[0].error
    assert progress and progress[-1].imported == 12
    assert not window.import_panel.isVisibleTo(window)
    assert window.stack.currentWidget() is window.browse_page
    qtbot.waitUntil(lambda: window.results_model.total == 12, timeout=10000)
    # The report dialog lists the failure with its reason.
    qtbot.waitUntil(lambda: window.findChild(ImportReportDialog) is not None, timeout=5000)
    dialog = window.findChild(ImportReportDialog)
    model = dialog.table.model()
    assert isinstance(model, FailuresModel) and model.rowCount() == 1
    assert "broken.warc.gz" in model.index(0, 0).data()
    assert model.index(0, 1).data() == report.failed[0].error
    dialog.close()
    # The new articles are searchable (the writer synced the index).
    result = search_for(qtbot, window, "Quy Nhon")
    assert result.total == len([i for i in range(12) if TOWNS[i % len(TOWNS)] == "Quy Nhơn"])


def test_cancel_keeps_committed_articles(qtbot, tmp_path, make_window) -> None:
    library = Library.open(tmp_path / "lib")
    window = make_window(library)
    wait_ready(qtbot, window)
    folder = tmp_path / "many"
    write_texts(folder, 700)

    def cancel_once_committed(p) -> None:
        if p.imported > 0 and window.import_panel.cancel_button.isEnabled():
            qtbot.mouseClick(window.import_panel.cancel_button, Qt.MouseButton.LeftButton)

    window.importer.progress.connect(cancel_once_committed)
    with qtbot.waitSignal(window.import_finished, timeout=120000) as blocker:
        window.import_paths([folder])
    report = blocker.args[0]
    assert report.cancelled
    assert 0 < report.imported < 700
    assert library.articles.count() == report.imported  # what was committed is kept
    # Importing again completes the job; committed ones count as duplicates.
    with qtbot.waitSignal(window.import_finished, timeout=120000) as blocker:
        window.importer.progress.disconnect(cancel_once_committed)
        window.import_paths([folder])
    again = blocker.args[0]
    assert not again.cancelled
    assert again.imported + again.duplicates == 700
    assert library.articles.count() == 700


def test_dropping_files_imports_them(qtbot, tmp_path, make_window) -> None:
    library = Library.open(tmp_path / "lib")
    window = make_window(library)
    wait_ready(qtbot, window)
    paths = write_texts(tmp_path / "drop", 3)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        window.dropEvent(event)
    assert blocker.args[0].imported == 3


def test_import_in_a_child_process(qtbot, tmp_path, make_window) -> None:
    """The default writer runs the job in a child process; results come back the same way."""
    library = Library.open(tmp_path / "lib")
    window = make_window(library, isolate_writer=True)
    wait_ready(qtbot, window)
    write_texts(tmp_path / "in", 5)
    (tmp_path / "in" / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip at all")
    progress: list[object] = []
    window.importer.progress.connect(progress.append)
    with qtbot.waitSignal(window.import_finished, timeout=120000) as blocker:
        window.import_paths([tmp_path / "in"])
    report = blocker.args[0]
    assert report.imported == 5 and len(report.failed) == 1
    assert progress and progress[-1].imported == 5
    assert library.articles.count() == 5
    result = search_for(qtbot, window, "Hai Phong")
    assert result.total == 1


def test_report_dialog_names_the_article_each_duplicate_duplicates(qtbot) -> None:
    from desktop.core.models import DuplicateNote, ImportReport

    report = ImportReport(
        imported=1,
        duplicates=1,
        duplicate_of=[
            DuplicateNote(
                source="b.txt", article_id="3f2a9c" * 6, title="Tin ngắn <b>", recorded=True
            )
        ],
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    text = dialog.duplicates.text()
    assert "b.txt" in text and "Tin ngắn <b>" in text and "3f2a9c3f2a9c" in text
    assert dialog.duplicates.textFormat() == Qt.TextFormat.PlainText
    empty = ImportReportDialog(ImportReport())
    qtbot.addWidget(empty)
    assert empty.duplicates.isHidden()
