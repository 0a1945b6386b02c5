"""How long an article with 1,000 annotations takes to open and paint in the reader.

Goal: <= 100 ms from ``ReaderView.show_article`` (which makes the controller
load the annotations and apply the highlights in one edit block) to a finished
repaint of the body's viewport. The body is built from real articles of the
shared corpus when it is present (else from generated Vietnamese text);
annotations are spread evenly, with emoji in the text.

    .venv/bin/python bench/bench_annotations_paint.py [--annotations 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))


def corpus_body(min_chars: int) -> str:
    path = CORPUS / "vn-news-35k.zip"
    if not path.is_file():
        line = "Đội tuyển Việt Nam 🇻🇳 tập luyện trên sân vận động trước trận đấu. "
        return "\n\n".join(line * 4 for _ in range(min_chars // (len(line) * 4) + 1))
    from desktop.core.textnorm import tidy_body

    parts: list[str] = []
    size = 0
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist())[:2000]:
            if not name.endswith(".txt"):
                continue
            text = tidy_body(zf.read(name).decode("utf-8", "replace"))
            parts.append(text + " ☕")
            size += len(text)
            if size >= min_chars:
                break
    return "\n\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotations", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    from desktop.core.annotations.models import (
        PALETTE,
        Annotation,
        TextPositionSelector,
        new_annotation_id,
        quote_for_span,
        utc_now,
    )
    from desktop.core.annotations.store import AnnotationStore
    from desktop.core.models import ArticleDraft, Original, article_id_for
    from desktop.core.store import Library
    from desktop.ui.annotations.controller import AnnotationController
    from desktop.ui.reader.view import ReaderView

    app = QApplication.instance() or QApplication([])
    n = args.annotations
    body = corpus_body(min_chars=n * 80)
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "lib")
        raw = body.encode()
        draft = ArticleDraft(id=article_id_for(raw), title="Bench", body=body,
                             source_path="bench.txt", kind="text", original=Original(data=raw))
        lib.articles.add(draft)
        article = lib.articles.get(draft.id)
        store = AnnotationStore(lib.conn)
        step = len(body) // n
        colors = list(PALETTE)
        now = utc_now()
        with store.writing() as touched:
            for i in range(n):
                start = i * step
                end = min(len(body), start + max(5, step // 2))
                store.write_row(Annotation(
                    id=new_annotation_id(), article_id=article.id,
                    quote=quote_for_span(body, start, end),
                    position=TextPositionSelector(start=start, end=end),
                    content_hash=article.content_hash, tags=(f"tag{i % 7}",),
                    color=colors[i % len(colors)], created=now, modified=now,
                ))
            touched.add(article.id)

        reader = ReaderView()
        reader.resize(1000, 800)
        reader.show()

        controller: AnnotationController | None = None
        phases: dict[str, list[float]] = {"load": [], "paint": [], "repaint": []}

        def measure(runs: int) -> tuple[list[float], list[float]]:
            """Wall-clock and CPU milliseconds of open + paint, per run."""
            wall, cpu = [], []
            for values in phases.values():
                values.clear()
            for _ in range(runs):
                reader.clear()
                app.processEvents()
                began, began_cpu = time.perf_counter(), time.process_time()
                reader.show_article(article)
                opened = time.perf_counter()
                reader.body_edit.viewport().repaint()
                phases["repaint"].append((time.perf_counter() - opened) * 1000)
                app.processEvents()
                wall.append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
                if controller is not None:
                    phases["load"].append(controller.last_load_ms)
                    phases["paint"].append(controller.last_paint_ms)
            return wall, cpu

        base_wall, base_cpu = measure(args.runs)  # the reader alone, no annotations
        controller = AnnotationController(reader, lambda: lib)
        controller.panel.resize(300, 800)
        controller.panel.show()
        wall, cpu = measure(args.runs)
        opened_phases = {name: list(values) for name, values in phases.items()}
        paints = []
        middle = store.for_article(article.id)[n // 2]
        for i in range(args.runs):  # an edit: one annotation in the middle changes colour
            store.update(middle.id, color="#123456" if i % 2 == 0 else "#654321")
            controller.reload_article()
            paints.append(controller.last_paint_ms)
        painted = controller.article_model.rowCount()
        reader.close()
        controller.panel.close()
        lib.close()
    med = statistics.median
    print(f"body: {len(body):,} code points; annotations painted: {painted}")
    print(
        f"while opening: load annotations {med(opened_phases['load']):.1f} ms, "
        f"apply highlights (one edit block, layout off) {med(opened_phases['paint']):.1f} ms, "
        f"first repaint of the body {med(opened_phases['repaint']):.1f} ms (medians)"
    )
    print(f"repaint after an edit of one annotation (open article): median {med(paints):.1f} ms")
    print(f"reader alone (no annotations): median {med(base_wall):.1f} ms wall, "
          f"{med(base_cpu):.1f} ms CPU")
    print(
        f"open + load + paint with {n} annotations: median {med(wall):.1f} ms wall "
        f"(max {max(wall):.1f}), {med(cpu):.1f} ms CPU over {args.runs} runs (goal <= 100 ms)"
    )
    print(f"annotations' share: {med(wall) - med(base_wall):.1f} ms wall, "
          f"{med(cpu) - med(base_cpu):.1f} ms CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
