"""Query errors and notices from the core are shown in the UI's language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.core.search.query import parse_query
from desktop.ui.core_messages import translate_message
from desktop.ui.i18n import install_translations


def test_known_messages_are_translated_with_their_parts(qtbot) -> None:
    app = QApplication.instance()
    try:
        install_translations(app, "vi")
        assert translate_message("OR needs a word on both sides.") == "OR cần một từ ở cả hai bên."
        assert translate_message("Bad date '2023-13': no such day or month.") == (
            "Ngày '2023-13' không hợp lệ: không có ngày hoặc tháng đó."
        )
        assert translate_message("Something new from the core.") == "Something new from the core."
    finally:
        install_translations(app, "en")
    assert translate_message("OR needs a word on both sides.") == "OR needs a word on both sides."


def test_the_templates_match_what_the_parser_says(qtbot) -> None:
    """Every error the parser gives for these queries is one the UI can translate."""
    from desktop.core.errors import UserError

    app = QApplication.instance()
    try:
        install_translations(app, "vi")
        for query in ('doi "tuyen', "published:2023-13", "published:[2024 TO 2023]", "title:"):
            try:
                parse_query(query)
            except UserError as exc:
                assert translate_message(str(exc)) != str(exc), str(exc)
    finally:
        install_translations(app, "en")


def test_import_failure_reasons_are_translated_in_the_report(qtbot) -> None:
    from desktop.core.models import ImportFailure, ImportReport
    from desktop.ui.importing.report_dialog import ImportReportDialog

    reason = (
        "damaged or truncated archive (a record has an invalid length); "
        "0 intact record(s) were read"
    )
    report = ImportReport(failed=[ImportFailure(path="crawl.warc.gz", error=reason)])
    app = QApplication.instance()
    try:
        install_translations(app, "vi")
        dialog = ImportReportDialog(report)
        qtbot.addWidget(dialog)
        shown = dialog.model.index(0, 1).data()
        assert shown.startswith("kho lưu trữ bị hỏng")
        assert "(a record has an invalid length)" in shown
        assert shown in dialog.details_text()
    finally:
        install_translations(app, "en")
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 1).data() == reason
