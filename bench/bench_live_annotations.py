"""How soon one app window shows an annotation another instance made on the same library.

Goal: within 2 s, with the GUI thread never blocked more than 100 ms. Two
``Library`` objects on one folder stand for two app instances: the window shows
the first; the second adds an annotation at a random moment of the poll cycle,
and the time until the window's annotation list holds it is measured. Printed:
the latency (median and worst of the runs), the same as a ratio to the poll
interval (the peer: a change can wait at most one interval before it is read),
the generation read on the pool thread, the GUI-thread work of showing what was
read (the annotations themselves are read on the pool thread too), and
the longest stall of the GUI thread seen during the runs, next to the longest
seen in the same run while nothing changes (the machine's own noise). The library holds
``--existing`` annotations (real articles from the shared corpus when present,
else generated Vietnamese text).

With ``--server DSN`` the two instances are two connections to a server library
instead (an empty database the bench may fill: it runs ``server init`` on it), so
the figures are those of a shared team library, polled by its generation counter.

    .venv/bin/python bench/bench_live_annotations.py [--runs 9] [--existing 2000]
    .venv/bin/python bench/bench_live_annotations.py --server postgresql://me@localhost/bench
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))


def bodies(count: int) -> list[str]:
    path = CORPUS / "vn-news-35k.zip"
    if not path.is_file():
        line = "Đội tuyển Việt Nam tập luyện trên sân vận động trước trận đấu. "
        return [f"Bài {n}. " + line * 20 for n in range(count)]
    from desktop.core.textnorm import tidy_body

    found: list[str] = []
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if name.endswith(".txt"):
                text = tidy_body(zf.read(name).decode("utf-8", "replace"))
                if len(text) > 200:
                    found.append(text)
            if len(found) >= count:
                break
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--existing", type=int, default=2000)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--no-freeze", action="store_true", help="leave start-up objects to the GC")
    ap.add_argument(
        "--server", metavar="DSN", help="two connections to this (empty) server database"
    )
    args = ap.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.models import ArticleDraft, Original, article_id_for
    from desktop.core.store import Library
    from desktop.ui.annotations.controller import AnnotationController
    from desktop.ui.app import settle_heap
    from desktop.ui.live_updates import INTERVAL_MS, GenerationWatcher
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    def open_instance(tmp: str) -> Any:
        """One app instance's library: the folder, or a connection to the server."""
        if args.server:
            from desktop.core.server.library import ServerLibrary

            return ServerLibrary.open(args.server)
        return Library.open(Path(tmp) / "shared")

    if args.server:
        from desktop.core.server.library import ServerLibrary

        ServerLibrary.init(args.server)
    with tempfile.TemporaryDirectory() as tmp:
        mine = open_instance(tmp)
        mine.user = "an"
        drafts = []
        for n, body in enumerate(bodies(args.articles)):
            raw = f"{n}\n{body}".encode()
            drafts.append(ArticleDraft(
                id=article_id_for(raw), title=f"Bài {n}", body=body, source_path=f"{n}.txt",
                kind="text", original=Original(data=raw, media_type="text/plain"),
            ))
        mine.articles.add_many(drafts)
        ids = [d.id for d in drafts]
        store = mine.annotations
        stored = mine.articles.get_many(ids)
        with store.writing() as touched:  # many at once, as an import of a file does
            for n in range(args.existing):
                article = stored[n % len(stored)]
                start = rng.randrange(0, len(article.body) - 20)
                store.write_row(store._new(article, start, start + 10, "", (), None))
                touched.add(article.id)
        if args.server and mine.annotations.count() > args.existing:
            print("the server database was not empty: give an empty one")
            return 1
        other = open_instance(tmp)
        other.user = "bình"
        window = MainWindow(
            mine, AppSettings(Path(tmp) / "s.ini"), use_index=False, show_reports=False,
            isolate_writer=False,
        )
        window.show()
        if not args.no_freeze:
            settle_heap()  # as the app does once its window is up
        controller = window.extensions["annotations"]
        assert isinstance(controller, AnnotationController)
        watcher = controller.watcher
        assert isinstance(watcher, GenerationWatcher)
        window.open_article(ids[0])

        last_tick = [time.perf_counter()]
        stalls: list[float] = []

        def tick() -> None:
            now = time.perf_counter()
            stalls.append((now - last_tick[0]) * 1000)
            last_tick[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(tick)
        heartbeat.start()

        refresh_ms: list[float] = []
        def timed_refresh(snapshot: object) -> None:
            began = time.perf_counter()
            controller.show_snapshot(snapshot)
            refresh_ms.append((time.perf_counter() - began) * 1000)

        watcher.moved.disconnect()
        watcher.moved.connect(lambda _g, snapshot: timed_refresh(snapshot))

        def wait(seconds: float, until: object = None) -> bool:
            deadline = time.perf_counter() + seconds
            while time.perf_counter() < deadline:
                app.processEvents()
                if callable(until) and until():
                    return True
                time.sleep(0.002)
            return False

        wait(2.0)
        stalls.clear()
        wait(args.runs * INTERVAL_MS / 1000)  # the peer: the same window with nothing changing
        idle_stall = max(stalls)
        stalls.clear()
        latencies: list[float] = []
        reads: list[float] = []
        other_store = other.annotations
        for run in range(args.runs):
            wait(rng.uniform(0, INTERVAL_MS / 1000))  # a random moment of the poll cycle
            before = controller.view.model.rowCount()
            began = time.perf_counter()
            other_store.create(ids[run % len(ids)], 0, 5, note=f"lần {run}")
            last_tick[0] = time.perf_counter()  # the other instance's write is not this window's
            shown = wait(5.0, lambda b=before: controller.view.model.rowCount() > b)
            if not shown:
                print(f"run {run}: not shown within 5 s")
                return 1
            latencies.append((time.perf_counter() - began) * 1000)
            reads.append(watcher.last_read_ms)
        heartbeat.stop()
        window.shutdown()
        other.close()
        mine.close()

    med = statistics.median(latencies)
    kind = "server library (PostgreSQL)" if args.server else "library folder (SQLite)"
    print(f"{kind}; annotations in the library: {args.existing}, runs: {args.runs}, "
          f"start-up objects frozen: {not args.no_freeze}")
    print(f"latency: median {med:.0f} ms, worst {max(latencies):.0f} ms (goal <= 2000 ms)")
    print(f"latency / poll interval ({INTERVAL_MS} ms): median {med / INTERVAL_MS:.2f}")
    print(f"generation read (pool thread): median {statistics.median(reads):.2f} ms")
    print(f"showing it on the GUI thread: median {statistics.median(refresh_ms):.1f} ms, "
          f"worst {max(refresh_ms):.1f} ms")
    print(f"longest GUI-thread stall: {max(stalls):.0f} ms (goal <= 100 ms); with nothing "
          f"changing, in the same run: {idle_stall:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
