"""Benchmark: import + index of a folder of vn-news articles, against Recoll's recollindex.

Extracts the first N articles (default 5,000) of ``vn-news-35k.zip`` into a
folder, then alternately runs ``archive-browser import FOLDER`` (a fresh
library each time: store and search index) and ``recollindex`` (a fresh
Recoll configuration each time) on the same folder, in the same run. Prints
each engine's median wall time over the runs and their ratio, and the same for
the CPU time of the engine's processes (user + system, every child included):
on a shared machine under load the CPU time is the steadier figure.

    .venv/bin/python bench/bench_recoll.py [--corpus PATH] [--limit N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))


def extract(zip_path: Path, limit: int, folder: Path) -> int:
    with zipfile.ZipFile(zip_path) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))[:limit]
        for name in names:
            (folder / Path(name).name).write_bytes(zf.read(name))
    return len(names)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and all its children)."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started, _children_cpu() - cpu


def time_ours(folder: Path, work: Path) -> tuple[float, float]:
    library = work / "lib"
    shutil.rmtree(library, ignore_errors=True)
    return timed(
        [sys.executable, "-m", "desktop", "--library", str(library), "import", str(folder),
         "--json"],
        cwd=REPO,
    )


def time_recoll(folder: Path, work: Path) -> tuple[float, float]:
    conf = work / "recoll"
    shutil.rmtree(conf, ignore_errors=True)
    conf.mkdir()
    (conf / "recoll.conf").write_text(
        f"topdirs = {folder}\nindexstemminglanguages =\nloglevel = 1\n", encoding="utf-8"
    )
    return timed(["recollindex", "-c", str(conf), "-z"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    zip_path = args.corpus / "vn-news-35k.zip" if args.corpus.is_dir() else args.corpus
    if not zip_path.is_file():
        print(f"corpus not found: {zip_path}", file=sys.stderr)
        return 2
    if shutil.which("recollindex") is None:
        print("recollindex is not installed (apt-get install recoll)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-recoll-"))
    folder = work / "articles"
    folder.mkdir()
    count = extract(zip_path, args.limit, folder)
    ours: list[tuple[float, float]] = []
    recoll: list[tuple[float, float]] = []
    for _ in range(args.runs):
        ours.append(time_ours(folder, work))
        recoll.append(time_recoll(folder, work))
        print(
            f"  run: ours {ours[-1][0]:.1f} s (CPU {ours[-1][1]:.1f} s), "
            f"recollindex {recoll[-1][0]:.1f} s (CPU {recoll[-1][1]:.1f} s)",
            flush=True,
        )
    o, r = statistics.median(t for t, _ in ours), statistics.median(t for t, _ in recoll)
    oc, rc = statistics.median(c for _, c in ours), statistics.median(c for _, c in recoll)
    print(f"{count} articles, {args.runs} runs, load average {os.getloadavg()[0]:.1f}")
    print(f"import+index ours: median {o:.1f} s ({count / o:.0f} articles/s), CPU {oc:.1f} s")
    print(f"recollindex:       median {r:.1f} s ({count / r:.0f} articles/s), CPU {rc:.1f} s")
    print(f"ratio ours/recollindex: {o / r:.2f}   (goal <= 1.0); CPU time ratio {oc / rc:.2f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
