"""Import speed on the 35k Vietnamese news zip.

Imports ``vn-news-35k.zip`` into a fresh temporary library (``import_paths``,
store only; the search index is measured by bench_search.py) and prints
articles/s (median of the runs), imported/duplicate/failed counts and peak RSS.

    python bench/bench_import.py [--corpus PATH] [--runs N] [--limit N] [--profile FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import resource
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from desktop.core.ingest import import_paths
from desktop.core.store import Library

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # ru_maxrss is KiB on Linux


def _subset(source: Path, limit: int, folder: Path) -> Path:
    """A zip holding the first ``limit`` members, for quick runs."""
    target = folder / f"first-{limit}.zip"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        names = [n for n in src.namelist() if n.endswith(".txt")][:limit]
        for name in names:
            dst.writestr(name, src.read(name))
    return target


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_once(
    source: Path, profile: str | None, workers: int | None
) -> tuple[float, int, int, int, float, float]:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        lib = Library.open(Path(tmp) / "lib")
        try:
            profiler = cProfile.Profile() if profile else None
            cpu_main = _cpu_seconds(resource.RUSAGE_SELF)
            cpu_workers = _cpu_seconds(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            report = import_paths(lib, [source], workers=workers)
            if profiler:
                profiler.disable()
                profiler.dump_stats(profile)  # type: ignore[arg-type]
            elapsed = time.perf_counter() - start
            cpu_main = _cpu_seconds(resource.RUSAGE_SELF) - cpu_main
            cpu_workers = _cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_workers
        finally:
            lib.close()
    return (
        elapsed, report.imported, report.duplicates, len(report.failed), cpu_main, cpu_workers
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="import only the first N articles")
    parser.add_argument("--profile", help="write cProfile stats of the last run to this file")
    parser.add_argument(
        "--workers", type=int, default=None,
        help="extraction processes (default: the importer's own choice)",
    )
    args = parser.parse_args()
    source = args.corpus / "vn-news-35k.zip"
    if not source.is_file():
        print(f"corpus not found: {source}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-input-") as tmp:
        if args.limit:
            source = _subset(source, args.limit, Path(tmp))
        rates: list[float] = []
        cpu_rates: list[float] = []
        counts = (0, 0, 0)
        for i in range(args.runs):
            last = i == args.runs - 1
            elapsed, imported, duplicates, failed, cpu_main, cpu_workers = run_once(
                source, args.profile if last else None, args.workers
            )
            counts = (imported, duplicates, failed)
            total = imported + duplicates + failed
            rates.append(total / elapsed)
            # With a core free for each process, the busier process sets the pace.
            cpu_rates.append(total / max(cpu_main, cpu_workers))
            print(
                f"run {i + 1}: {total} articles in {elapsed:.1f} s = {total / elapsed:,.0f}/s; "
                f"CPU: main {cpu_main:.1f} s, workers {cpu_workers:.1f} s"
            )
    imported, duplicates, failed = counts
    print(f"articles/s (median of {len(rates)}): {statistics.median(rates):,.0f}")
    print(
        "articles/s if each process had a core to itself (articles / busiest process's "
        f"CPU time, median): {statistics.median(cpu_rates):,.0f}"
    )
    print(f"imported {imported}, duplicates {duplicates}, failed {failed}")
    print(f"peak RSS: {_peak_rss_mib():,.0f} MiB (largest of this process and its workers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
