"""Text-dump extraction speed on the vn-news corpus.

Reads every member of ``vn-news-35k.zip`` in-process, decodes UTF-8, and runs
``extract_text_dump`` on each (after a ``LineStats`` pass over the batch, as the
importer does), in one process. Prints articles/s by wall clock and per CPU
second (median of the runs) and how many articles got a title, a date, an
author and a site.

    .venv/bin/python bench/bench_textdump.py [--runs 3] [--limit N]

The corpus is found beside the repository (``../shared/corpus``) or at
``$ARCHIVE_BROWSER_CORPUS``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import zipfile
from pathlib import Path

from desktop.core.errors import ExtractionError
from desktop.core.extract.textdump import LineStats, extract_text_dump

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))


def load(limit: int | None) -> list[str]:
    with zipfile.ZipFile(CORPUS / "vn-news-35k.zip") as zf:
        names = [n for n in zf.namelist() if n.endswith(".txt")]
        if limit:
            names = names[:limit]
        return [zf.read(n).decode("utf-8") for n in names]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not (CORPUS / "vn-news-35k.zip").is_file():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    texts = load(args.limit)
    n = len(texts)
    print(f"{n} articles, median {statistics.median(len(t.encode()) for t in texts)} bytes")

    extract_rates: list[float] = []
    total_rates: list[float] = []
    cpu_rates: list[float] = []
    results = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        stats = LineStats()
        for t in texts:
            stats.observe(t)
        t1 = time.perf_counter()
        results = []
        failed = 0
        for t in texts:
            try:
                results.append(extract_text_dump(t, stats=stats))
            except ExtractionError:
                failed += 1
        t2 = time.perf_counter()
        c2 = time.process_time()
        extract_rates.append(n / (t2 - t1))
        total_rates.append(n / (t2 - t0))
        cpu_rates.append(n / (c2 - c0))
    print(f"extract only:       {statistics.median(extract_rates):8.0f} articles/s "
          f"({1000 / statistics.median(extract_rates):.3f} ms each)")
    print(f"observe + extract:  {statistics.median(total_rates):8.0f} articles/s")
    print(f"  per CPU second:   {statistics.median(cpu_rates):8.0f} articles/s "
          "(process time; less sensitive to other load on the machine)")
    print(f"failed:   {failed}")
    print(f"title:    {sum(1 for r in results if r.title)}")
    print(f"date:     {sum(1 for r in results if r.published)}")
    print(f"author:   {sum(1 for r in results if r.author)}")
    print(f"site:     {sum(1 for r in results if r.site)}")
    print(f"language vi: {sum(1 for r in results if r.language == 'vi')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
