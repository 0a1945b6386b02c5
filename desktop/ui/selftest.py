"""``archive-browser --self-test``: import, search and read a small fixture, offscreen.

The fixture (``desktop/ui/assets/selftest``) is shipped inside the package, so
the frozen app can run this in CI. Prints one line per step and returns 0
when every step passed, 1 otherwise.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.core.store import Library

FIXTURE_PACKAGE = "desktop.ui.assets"
FIXTURE_DIR = "selftest"
QUERY = "doi tuyen"  # unaccented on purpose: must find "Đội tuyển"
EXPECTED_TITLE_WORD = "Đội tuyển"


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if predicate():
            return True
        time.sleep(0.005)
    return predicate()


def copy_fixture(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for ref in resources.files(FIXTURE_PACKAGE).joinpath(FIXTURE_DIR).iterdir():
        if ref.name.endswith((".txt", ".html")):
            path = target / ref.name
            path.write_bytes(ref.read_bytes())
            copied.append(path)
    return sorted(copied)


def run_self_test(app: QApplication, timeout: float = 120.0) -> int:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings

    started = time.monotonic()
    lines: list[str] = [f"{APP_NAME} {__version__} self-test"]
    ok = True

    def step(name: str, passed: bool, detail: str = "") -> bool:
        nonlocal ok
        ok = ok and passed
        lines.append(f"  [{'ok' if passed else 'FAIL'}] {name}" + (f": {detail}" if detail else ""))
        return passed

    with tempfile.TemporaryDirectory(prefix="archive-browser-selftest-") as tmp:
        root = Path(tmp)
        files = copy_fixture(root / "fixture")
        step("fixture", len(files) > 0, f"{len(files)} files")
        library = Library.open(root / "library")
        window = MainWindow(library, AppSettings(root / "settings.ini"), show_reports=False)
        try:
            window.show()
            reports: list[object] = []
            window.import_finished.connect(reports.append)
            if not window.import_paths([root / "fixture"]):
                step("import started", False)
            done = wait_until(lambda: bool(reports), timeout)
            report = reports[0] if reports else None
            imported = getattr(report, "imported", 0)
            failed = getattr(report, "failed", [])
            step(
                "import",
                done and imported == len(files) and not failed,
                f"{imported} imported, {len(failed)} failed",
            )

            results: list[object] = []
            window.search.results_changed.connect(
                lambda r: results.append(r) if r.query == QUERY else None
            )
            window.search_bar.edit.setText(QUERY)
            found = wait_until(lambda: bool(results), 30)
            result = results[0] if results else None
            hits = getattr(result, "hits", [])
            step(
                "search",
                found and bool(hits) and EXPECTED_TITLE_WORD in hits[0].title,
                f"{getattr(result, 'total', 0)} hit(s) for {QUERY!r}",
            )

            if hits:
                article = window.open_article(hits[0].id)
                shown = wait_until(lambda: bool(window.reader.hit_spans()), 30)
                spans = window.reader.hit_spans()
                text = article.body[spans[0][0] : spans[0][1]] if article and spans else ""
                step(
                    "reader",
                    shown and article is not None and "đội" in text.lower(),
                    f"{len(spans)} highlighted, first {text!r}",
                )
            else:
                step("reader", False, "no hit to open")
        finally:
            window.close()
            window.shutdown()
            window.deleteLater()
            QCoreApplication.processEvents()
    lines.append(f"{'passed' if ok else 'FAILED'} in {time.monotonic() - started:.1f} s")
    print("\n".join(lines), flush=True)
    return 0 if ok else 1
