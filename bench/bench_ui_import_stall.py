"""How long the GUI thread stalls while the app imports the 35k-article corpus.

Imports ``vn-news-35k.zip`` through the real main window and its import
controller (offscreen), while a 10 ms ``QTimer`` heartbeat on the GUI thread
records the gaps between its ticks. The import and the search-index catch-up
both run on the writer thread; the GUI must never stall for 100 ms or more.
Prints the longest stall, the p99 gap and how long each phase took.

    .venv/bin/python bench/bench_ui_import_stall.py [--library DIR] [--cancel-after SECONDS]

``--library`` keeps the library (bench_ui_startup.py can reuse it);
``--cancel-after`` presses Cancel after that many seconds to keep a run short.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
HEARTBEAT_MS = 10
GOAL_MS = 100.0


def start_watchdog(ticks: list[float]) -> None:
    """A plain thread that prints the GUI thread's stack when the heartbeat is late."""
    import threading
    import traceback

    gui = threading.main_thread().ident
    last_seen = [0, time.monotonic()]

    def watch() -> None:
        while True:
            time.sleep(0.05)
            if len(ticks) != last_seen[0]:
                last_seen[:] = [len(ticks), time.monotonic()]
                continue
            late = time.monotonic() - last_seen[1]
            if ticks and late > 0.15:
                frame = sys._current_frames().get(gui)
                stack = "".join(traceback.format_stack(frame, limit=8)) if frame else "?"
                print(f"--- GUI thread {late * 1000:.0f} ms late:\n{stack}", flush=True)
                last_seen[1] = time.monotonic() + 1.0  # at most one report per second

    threading.Thread(target=watch, daemon=True).start()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, help="library folder to import into (kept)")
    parser.add_argument("--cancel-after", type=float, help="cancel the import after N seconds")
    parser.add_argument("--source", type=Path, default=CORPUS / "vn-news-35k.zip")
    parser.add_argument(
        "--diagnose",
        action="store_true",
        help="print what the GUI thread was doing whenever a tick is 150 ms late",
    )
    args = parser.parse_args()
    if not args.source.exists():
        print(f"corpus not found: {args.source}", file=sys.stderr)
        return 2

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.store import Library
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    tmp = tempfile.TemporaryDirectory(prefix="bench-ui-import-")
    root = args.library or Path(tmp.name) / "library"
    library = Library.open(root)
    window = MainWindow(library, AppSettings(Path(tmp.name) / "settings.ini"), show_reports=False)
    window.show()

    ticks: list[float] = []
    if args.diagnose:
        start_watchdog(ticks)
    clock = QElapsedTimer()
    clock.start()
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))

    phases: dict[str, float] = {}
    done: list[object] = []
    progress_updates = [0]
    window.importer.progress.connect(
        lambda _p: progress_updates.__setitem__(0, progress_updates[0] + 1)
    )
    window.importer.imported.connect(lambda _r: phases.setdefault("import", time.perf_counter()))
    window.import_finished.connect(done.append)
    window.importer.failed.connect(lambda message: print(f"import failed: {message}", flush=True))

    while window.importer.is_busy():  # the start-up index catch-up of an existing library
        QCoreApplication.processEvents()
        time.sleep(0.01)
    heartbeat.start()
    started = time.perf_counter()
    window.import_paths([args.source])
    if args.cancel_after:
        QTimer.singleShot(int(args.cancel_after * 1000), window.import_panel.cancel_button.click)
    while not done:
        app.processEvents()
        time.sleep(0.001)
    finished = time.perf_counter()
    heartbeat.stop()

    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    worst = sorted(zip(gaps, ticks[1:], strict=False), reverse=True)[:5]
    base = ticks[0] if ticks else 0.0
    import_ms = (phases.get("import", finished) - started) * 1000
    for gap, at in worst:
        phase = "import" if at - base < import_ms else "index catch-up"
        print(f"  stall {gap:.0f} ms ending {(at - base) / 1000:.1f} s into the run ({phase})")
    gaps.sort()
    p99 = gaps[int(len(gaps) * 0.99) - 1] if gaps else 0.0
    report = done[0]
    imported_at = phases.get("import", finished)
    print(f"source: {args.source.name}")
    print(
        f"imported: {getattr(report, 'imported', 0):,} articles, "
        f"{getattr(report, 'duplicates', 0):,} duplicates, "
        f"{len(getattr(report, 'failed', [])):,} failed, "
        f"cancelled={getattr(report, 'cancelled', None)}"
    )
    print(
        f"import phase: {imported_at - started:.1f} s; "
        f"index catch-up: {finished - imported_at:.1f} s"
    )
    print(
        f"progress updates reaching the GUI: {progress_updates[0]} "
        f"({progress_updates[0] / max(0.001, imported_at - started):.1f}/s)"
    )
    print(f"heartbeat ticks: {len(ticks):,} (every {HEARTBEAT_MS} ms)")
    print(f"longest GUI stall: {gaps[-1] if gaps else 0:.1f} ms (goal < {GOAL_MS:.0f} ms)")
    print(f"p99 gap: {p99:.1f} ms; median gap: {statistics.median(gaps) if gaps else 0:.1f} ms")
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
