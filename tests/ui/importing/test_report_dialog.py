"""Import failure reasons are shown whole: wrapped in the table, in a tooltip, and copyable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.core.models import ImportFailure, ImportReport
from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.plaintext import plain_tooltip

REASON = (
    "damaged or truncated archive (a record's length field points past the end of the "
    "file: read 1,204 of 9,876 bytes, so the rest of this capture cannot be read)"
)


def _dialog(qtbot) -> ImportReportDialog:
    report = ImportReport(
        imported=3,
        failed=[
            ImportFailure(path="/captures/2024/đợt-một/crawl-0001.warc.gz", error=REASON),
            ImportFailure(path="notes.txt", error="not UTF-8 text"),
        ],
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_long_reasons_wrap_instead_of_losing_their_middle(qtbot) -> None:
    dialog = _dialog(qtbot)
    table = dialog.table
    line = table.fontMetrics().height()
    width = table.columnWidth(1)
    needed = table.fontMetrics().horizontalAdvance(REASON)
    assert needed > width  # it cannot fit on one line at this size ...
    assert table.rowHeight(0) >= 2 * line  # ... so the row grows and the reason wraps
    assert table.rowHeight(1) < 2 * line + 6  # a short reason keeps one line
    index = dialog.model.index(0, 1)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == plain_tooltip(REASON)  # whole, as text


def test_details_view_and_copy_give_every_reason_whole(qtbot) -> None:
    dialog = _dialog(qtbot)
    dialog.details_button.click()
    assert dialog.details.isVisible() and not dialog.table.isVisible()
    assert dialog.details.isReadOnly()
    assert REASON in dialog.details.toPlainText()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines() == [
        f"/captures/2024/đợt-một/crawl-0001.warc.gz\t{REASON}",
        "notes.txt\tnot UTF-8 text",
    ]
    dialog.details_button.click()
    assert dialog.table.isVisible() and not dialog.details.isVisible()


def test_no_failures_no_details_buttons(qtbot) -> None:
    dialog = ImportReportDialog(ImportReport(imported=2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details_button.isVisible() and not dialog.copy_button.isVisible()
