"""PDF import speed: 200 generated PDFs of 10 pages each (goal: at least 20 PDFs/s).

Writes the PDFs (browser-printed style: header and footer lines on every page,
a few paragraphs per page) into a temporary folder and imports them into a fresh
temporary library with ``import_paths``, several runs. Prints PDFs/s per run and
the median, and, as a check on machine noise, the median ratio against importing
the same text as plain-text dumps in the same runs (the peer).

    python bench/bench_pdf.py [--count 200] [--pages 10] [--runs 3] [--workers N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.ingest import import_paths  # noqa: E402
from desktop.core.store import Library  # noqa: E402
from tests.helpers.pdf import browser_printed_pdf  # noqa: E402

WORDS = (
    "the council approved a new plan for the river port after months of debate "
    "while residents asked for more parks schools and safer roads near the market"
).split()


def _page(doc: int, page: int) -> list[str]:
    lines = []
    for n in range(30):
        start = (doc * 7 + page * 3 + n) % len(WORDS)
        words = [WORDS[(start + k) % len(WORDS)] for k in range(11)]
        lines.append(" ".join(words) + (f" ({doc}.{page}.{n})." if n % 6 == 5 else ""))
    return lines


def write_inputs(folder: Path, count: int, pages: int) -> tuple[Path, Path]:
    pdfs, texts = folder / "pdf", folder / "text"
    pdfs.mkdir()
    texts.mkdir()
    for doc in range(count):
        body = [_page(doc, p) for p in range(pages)]
        (pdfs / f"doc{doc:04d}.pdf").write_bytes(
            browser_printed_pdf(
                f"Report number {doc}", f"https://news.example.org/report/{doc}",
                "3/17/23, 8:05 AM", body,
            )
        )
        text = f"Report number {doc}\n" + "\n".join(" ".join(p) for p in body) + "\n"
        (texts / f"doc{doc:04d}.txt").write_text(text, encoding="utf-8")
    return pdfs, texts


def timed_import(source: Path, workers: int | None) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory(prefix="bench-pdf-lib-") as tmp:
        library = Library.open(Path(tmp) / "lib")
        try:
            start = time.perf_counter()
            report = import_paths(library, [source], workers=workers)
            elapsed = time.perf_counter() - start
        finally:
            library.close()
    return elapsed, report.imported, len(report.failed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None,
                        help="extraction processes (default: the importer's own choice)")
    args = parser.parse_args()
    rates: list[float] = []
    ratios: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-in-") as tmp:
        pdfs, texts = write_inputs(Path(tmp), args.count, args.pages)
        for run in range(1, args.runs + 1):
            pdf_s, imported, failed = timed_import(pdfs, args.workers)
            text_s, _, _ = timed_import(texts, args.workers)
            rate = args.count / pdf_s
            rates.append(rate)
            ratios.append(text_s / pdf_s)
            print(
                f"run {run}: {args.count} PDFs of {args.pages} pages in {pdf_s:.2f} s = "
                f"{rate:.1f} PDFs/s (imported {imported}, failed {failed}); "
                f"the same text as dumps: {text_s:.2f} s"
            )
    print(f"PDFs/s (median of {len(rates)}): {statistics.median(rates):.1f} (goal: >= 20)")
    print(
        "speed relative to the same text as plain-text dumps (median; 1.0 = as fast): "
        f"{statistics.median(ratios):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
