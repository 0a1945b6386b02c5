"""``python -m desktop.ui.screenshots OUTDIR``: render the app's main states to PNG.

Builds a small library from the self-test fixture shipped in the package (text
written for this project) and saves, in light and dark themes and in English
and Vietnamese: the empty library screen, results for a search, the reader
with highlighted hits, a query error, the find bar, the import report, the
annotations panel with a few highlights, the help pages, the settings and the
compare view of two selected results (one article and a reworded copy of it
made here), the saved searches, collections and unread results, and the server
parts: the Open Server Library dialog and the "Server unreachable" bar. Runs
offscreen.

Options: ``--language en|vi|both`` (default both), ``--theme light|dark|both``
(default both) and ``--size WxH`` (repeatable; default 1360x820). Files are
named ``STATE-THEME.png``, with ``-vi`` for Vietnamese and ``-WxH`` for a size
other than the default. ``render_all(..., visit=f)`` also calls ``f(state,
widget)`` for every state, which the tests use to inspect what is shown.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SIZE = QSize(1360, 820)
Visitor = Callable[[str, QWidget], None]


class _Shots:
    """Where the pictures of one run go, and who else wants to see each state."""

    def __init__(self, outdir: Path, suffix: str, visit: Visitor | None):
        self.outdir, self.suffix, self.visit = outdir, suffix, visit

    def path(self, name: str) -> Path:
        return self.outdir / f"{name}{self.suffix}.png"

    def save(self, widget: QWidget, name: str) -> Path:
        path = self.path(name)
        _save(widget, path)
        if self.visit is not None:
            self.visit(name, widget)
        return path


def _save(widget: QWidget, path: Path) -> Path:
    QCoreApplication.processEvents()
    widget.repaint()
    QCoreApplication.processEvents()
    widget.grab().save(str(path))
    return path


def _annotations_state(window: Any, shots: _Shots, name: str) -> Path:
    """The reader with three highlights (notes, tags) and the annotations panels."""
    from desktop.ui.selftest import wait_until

    article = window.reader.current_article()
    controller = window.extensions.get("annotations")
    if article is not None and controller is not None:
        marks = (
            ("lò gốm", "yellow", "Nghề truyền thống", ("nghề gốm",)),
            ("thợ gốm trẻ", "green", "Nhân vật chính của bài", ("nhân vật",)),
            ("hai ngày đêm", "pink", "Chi tiết kỹ thuật nung", ("kỹ thuật",)),
        )
        for quote, color, note, tags in marks:
            start = article.body.find(quote)
            if start >= 0:
                controller.create(
                    article.id, start, start + len(quote), note=note, tags=tags, color=color
                )
        QCoreApplication.processEvents()
        tags = window.facets.facet_model.group_index("tag")
        # The Tags facet shows once the index has caught up with the new tags.
        wait_until(lambda: window.facets.facet_model.rowCount(tags) > 0, 15)
        wait_until(lambda: False, 0.4)  # let the highlights and panels paint
    return shots.save(window, name)


def _dialog_states(window: Any, shots: _Shots, theme: str) -> list[Path]:
    """Help ▸ Search syntax, Help ▸ Keyboard shortcuts, the settings and the annotation editor."""
    from desktop.ui.annotations.editor import AnnotationEditor
    from desktop.ui.dialogs.server_dialog import ServerLibraryDialog
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    saved = []
    settings = SettingsDialog(window.settings, window)
    editor = AnnotationEditor("lò gốm cổ bên bờ sông", known_tags=("nghề gốm",), parent=window)
    server = ServerLibraryDialog(SERVER_EXAMPLE, window)
    for name, dialog in (
        ("search-syntax", window.show_search_syntax()),
        ("shortcuts", window.show_shortcuts()),
        ("settings", settings),
        ("annotation-editor", editor),
        ("server-library", server),
    ):
        dialog.show()
        saved.append(shots.save(dialog, f"{name}-{theme}"))
        dialog.close()
    return saved


SERVER_EXAMPLE = "postgresql://lan@thuvien.example/toasoan"


def _server_unreachable_state(window: Any, shots: _Shots, theme: str) -> Path:
    """The bar across the window when the server does not answer (what was typed stays)."""
    window.server_unreachable(SERVER_EXAMPLE)
    path = shots.save(window, f"server-unreachable-{theme}")
    window.unreachable_bar.hide()
    return path


def _reworded(body: str) -> str:
    """A copy of ``body`` with its second paragraph dropped and a few words changed."""
    paragraphs = body.split("\n\n")
    kept = paragraphs[:1] + paragraphs[2:] if len(paragraphs) > 2 else paragraphs
    text = "\n\n".join(kept)
    for old, new in (("sớm", "tinh mơ"), ("hai ngày đêm", "ba ngày liền"), ("trẻ", "lành nghề")):
        text = text.replace(old, new, 1)
    return text + "\n\nBài viết được đăng lại với một số chỉnh sửa."


def _compare_state(window: Any, shots: _Shots, theme: str, size: QSize) -> list[Path]:
    """Select an article and its reworded copy in the results; compare them."""
    from PySide6.QtCore import QItemSelectionModel

    from desktop.core.models import ArticleDraft, Original, article_id_for
    from desktop.ui.roles import Role
    from desktop.ui.selftest import wait_until

    article = window.reader.current_article()
    compare = window.extensions.get("compare")
    if article is None or compare is None:
        return []
    body = _reworded(article.body)
    data = body.encode("utf-8")
    window.library.articles.add_many(
        [
            ArticleDraft(
                id=article_id_for(data, salt="screenshot-copy"),
                title=article.title + " (đăng lại)",
                body=body,
                published=article.published,
                site="baomoi.example.vn",
                source_path="screenshots/reworded.txt",
                kind="text",
                original=Original(data=data, media_type="text/plain", encoding="utf-8"),
            )
        ]
    )
    window.after_bundle_import()  # the same refresh and index catch-up as a bundle import
    wait_until(lambda: not window.importer.is_busy(), 60)
    window.search_bar.edit.setText("làng gốm")
    wait_until(
        lambda: window.search.last_result is not None
        and window.search.last_result.query == "làng gốm"
        and window.results_model.rowCount() >= 2,
        30,
    )
    model, selection = window.results_model, window.results.selectionModel()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    pair = [i for i in rows if i.data(Role.ID) == article.id]
    pair += [i for i in rows if i.data(Role.ID) != article.id][:1]
    selection.clearSelection()
    for index in pair:
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)
    window.results.setFocus()
    wait_until(lambda: False, 1.5)  # the Similar articles panel waits for a pause, then looks
    saved = [shots.save(window, f"results-two-selected-{theme}")]
    window.actions_.compare_selected.trigger()
    view = compare.view
    if view is None:
        return saved
    view.resize(size)
    wait_until(lambda: view.result() is not None, 30)
    saved.append(shots.save(view, f"compare-{theme}"))
    view.close()
    return saved


def _lists_states(window: Any, shots: _Shots, theme: str) -> list[Path]:
    """Saved searches (one with new articles), a collection shown, and unread results
    (bold) beside read ones."""
    from PySide6.QtCore import QItemSelectionModel

    from desktop.core.models import ArticleDraft, Original, article_id_for
    from desktop.ui.selftest import wait_until

    lists = window.extensions.get("lists")
    if lists is None:
        return []
    lists.tracker.set_read_delay(600_000)  # only the states set here
    library = window.library
    ids = library.articles.all_ids()
    library.collections.add("Làng nghề", ids[:3])
    library.collections.add("Giáo dục", ids[3:5])
    saved = library.saved_searches
    saved.add("Làng gốm", "gom", sort="newest")
    saved.add("Đội tuyển", "doi tuyen")
    body = "Lò gốm mới ở làng Phù Lãng nhận học trò. Nghề gốm được truyền cho lớp trẻ."
    data = body.encode("utf-8")
    window.library.articles.add_many(
        [
            ArticleDraft(
                id=article_id_for(data, salt="screenshot-new"),
                title="Làng gốm Phù Lãng nhận học trò",
                body=body,
                site="baomoi.example.vn",
                source_path="screenshots/new.txt",
                kind="text",
                original=Original(data=data, media_type="text/plain", encoding="utf-8"),
            )
        ]
    )
    library.reading_state.mark(ids[1:3] + ids[5:7])
    window.after_bundle_import()
    wait_until(lambda: not window.importer.is_busy(), 60)
    lists.reload()
    wait_until(lambda: bool(lists.model.entries("saved")[1].new), 10)
    saved_paths: list[Path] = []
    lists.open_collection("Làng nghề")
    wait_until(
        lambda: window.search.last_result is not None
        and window.search.last_result.query.startswith("collection:"),
        30,
    )
    window.results.selectionModel().select(
        window.results_model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    wait_until(lambda: False, 0.5)
    saved_paths.append(shots.save(window, f"lists-collection-{theme}"))
    window.search_bar.edit.setText("")
    window.search_bar.flush()
    lists.unread_only_action.setChecked(False)
    wait_until(lambda: False, 0.8)
    saved_paths.append(shots.save(window, f"lists-unread-bold-{theme}"))
    lists.unread_only_action.setChecked(True)
    wait_until(lambda: False, 0.8)
    saved_paths.append(shots.save(window, f"lists-unread-only-{theme}"))
    lists.unread_only_action.setChecked(False)
    return saved_paths


def render_all(
    outdir: Path,
    *,
    languages: Sequence[str] = ("en", "vi"),
    themes: Sequence[str] = ("light", "dark"),
    sizes: Sequence[QSize] = (SIZE,),
    visit: Visitor | None = None,
) -> list[Path]:
    from desktop.ui.app import create_application
    from desktop.ui.i18n import install_translations
    from desktop.ui.selftest import copy_fixture
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
        try:
            for language in languages:
                install_translations(app, language)
                for size in sizes:
                    for theme in themes:
                        suffix = ("" if language == "en" else f"-{language}") + (
                            "" if size == SIZE else f"-{size.width()}x{size.height()}"
                        )
                        apply_theme(app, theme)
                        run = root / f"{language}-{theme}-{size.width()}x{size.height()}"
                        shots = _Shots(outdir, suffix, visit)
                        saved.extend(_render_run(run, fixture, theme, size, shots))
        finally:
            install_translations(app, "en")
            apply_theme(app, "light")
    return saved


def _render_run(root: Path, fixture: Path, theme: str, size: QSize, shots: _Shots) -> list[Path]:
    """Every state once, in a fresh library, for one language, theme and size."""
    from desktop.core.models import ImportReport
    from desktop.core.store import Library
    from desktop.ui.importing.report_dialog import ImportReportDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.selftest import wait_until
    from desktop.ui.settings import AppSettings

    saved: list[Path] = []
    library = Library.open(root / "library")
    window = MainWindow(library, AppSettings(root / "settings.ini"), show_reports=False)
    window.resize(size)
    window.show()
    wait_until(lambda: window.search.last_result is not None, 20)
    saved.append(shots.save(window, f"empty-library-{theme}"))

    reports: list[ImportReport | None] = []
    window.import_finished.connect(reports.append)
    window.import_paths([fixture])
    wait_until(lambda: bool(reports), 120)
    report = reports[0]
    assert report is not None, "the import failed"
    dialog = ImportReportDialog(report, window)
    dialog.show()
    saved.append(shots.save(dialog, f"import-report-{theme}"))
    dialog.close()

    window.search_bar.edit.setText("doi tuyen")
    wait_until(
        lambda: window.search.last_result is not None
        and window.search.last_result.query == "doi tuyen",
        30,
    )
    wait_until(lambda: bool(window.reader.hit_spans()), 30)
    window.results.setFocus()
    saved.append(shots.save(window, f"results-reader-{theme}"))

    errors: list[str] = []
    window.search.error_shown.connect(errors.append)
    window.search_bar.edit.setText("doi tuyen published:2023-13")  # a month that does not exist
    wait_until(lambda: bool(errors), 5)
    saved.append(shots.save(window, f"query-error-{theme}"))

    window.reader.open_find()
    window.reader.find_bar.edit.setText("gốm")
    window.search_bar.edit.setText("gom")
    wait_until(
        lambda: window.search.last_result is not None
        and window.search.last_result.query == "gom",
        30,
    )
    wait_until(lambda: bool(window.reader.hit_spans()), 30)
    saved.append(shots.save(window, f"reader-find-{theme}"))
    window.reader.close_find()
    saved.append(_annotations_state(window, shots, f"annotations-{theme}"))
    saved.extend(_dialog_states(window, shots, theme))
    saved.append(_server_unreachable_state(window, shots, theme))
    saved.extend(_compare_state(window, shots, theme, size))
    saved.extend(_lists_states(window, shots, theme))
    window.close()
    window.shutdown()
    window.deleteLater()
    QCoreApplication.processEvents()
    return saved


def _parse_size(text: str) -> QSize:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise ValueError(f"not a size like 900x600: {text}")
    return QSize(int(width), int(height))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m desktop.ui.screenshots", description="Render the app's states to PNG."
    )
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--language", choices=("en", "vi", "both"), default="both")
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    parser.add_argument("--size", action="append", default=[], metavar="WxH")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        sizes = [_parse_size(text) for text in args.size] or [SIZE]
    except ValueError as exc:
        parser.error(str(exc))
    languages = ("en", "vi") if args.language == "both" else (args.language,)
    themes = ("light", "dark") if args.theme == "both" else (args.theme,)
    for path in render_all(args.outdir, languages=languages, themes=themes, sizes=sizes):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
