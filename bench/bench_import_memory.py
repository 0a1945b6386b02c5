"""Peak memory of the whole process tree while importing hostile and large inputs.

Goal: the peak resident memory (RSS) of the importing process and all its
worker processes together stays <= 600 MB for any input. Builds two hostile
inputs in a temporary folder and imports each, then the 35k corpus
(``../shared/corpus/vn-news-35k.zip``) when present:

- ``sparse``: 2,100 sparse text files of 4 MiB each (``*.txt``, all zero bytes);
- ``zip-bomb-ish``: a zip of about 3.4 MB holding 3,000 members of 1 MiB each;
- ``corpus-35k``: the real corpus (35,440 articles).

Each import runs ``archive-browser import --json`` (including the index catch-up)
in a child process; this script samples ``/proc`` every 50 ms and sums the RSS
of the child and its descendants. Linux only.

    .venv/bin/python bench/bench_import_memory.py [--runs 3] [--only sparse,zip,corpus]
        [--peer OLDER_SOURCE_TREE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
MIB = 1024 * 1024
GOAL_MB = 600

sys.path.insert(0, str(REPO))
from desktop.core.ingest.failures import reason_of  # noqa: E402


def build_sparse(folder: Path, count: int = 2100, size: int = 4 * MIB) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        with open(folder / f"sparse{i:05d}.txt", "wb") as fh:
            fh.truncate(size)
    return folder


def build_zip(path: Path, members: int = 3000, size: int = MIB) -> Path:
    chunk = b"\0" * size
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(members):
            zf.writestr(f"m/{i:05d}.txt", chunk)
    return path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(root: int) -> float:
    tree = _children()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kib(pid)
        stack.extend(tree.get(pid, ()))
    return total / 1024


def measure(
    inputs: list[Path], library: Path, tree: Path = REPO
) -> tuple[float, float, dict[str, object]]:
    """(peak tree RSS in MB, seconds, the import's JSON summary) of ``tree``'s import."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stdout:  # a pipe would fill up and block the import
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--library", str(library), "import",
             *map(str, inputs), "--json"],
            cwd=tree, stdout=stdout, stderr=subprocess.DEVNULL,
        )
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        stdout.seek(0)
        out = stdout.read()
    try:
        summary = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        summary = {"error": f"exit {proc.returncode}"}
    return peak, seconds, summary


def _describe(summary: dict[str, object]) -> str:
    if "error" in summary:
        return str(summary["error"])
    failed = summary.get("failed") or []
    assert isinstance(failed, list)
    reasons = {reason_of(str(f.get("error", ""))) for f in failed if isinstance(f, dict)}
    return (
        f"imported {summary.get('imported')}, failed {len(failed)}"
        + (f" ({len(reasons)} reason(s))" if failed else "")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="sparse,zip,corpus")
    parser.add_argument(
        "--peer", type=Path, default=None,
        help="another source tree (an older version) measured in the same run, for a ratio",
    )
    args = parser.parse_args()
    trees = [("this tree", REPO)] + ([("peer", args.peer.resolve())] if args.peer else [])
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-import-memory-") as tmp:
        work = Path(tmp)
        cases: list[tuple[str, list[Path]]] = []
        if "sparse" in wanted:
            cases.append(("sparse 2,100 x 4 MiB", [build_sparse(work / "sparse")]))
        if "zip" in wanted:
            bomb = build_zip(work / "members.zip")
            cases.append((f"zip {bomb.stat().st_size / 1e6:.1f} MB, 3,000 x 1 MiB", [bomb]))
        if "corpus" in wanted:
            corpus = CORPUS / "vn-news-35k.zip"
            if corpus.is_file():
                cases.append(("corpus vn-news-35k.zip", [corpus]))
            else:
                print(f"(corpus not found at {corpus}; skipped)")
        print(f"peak RSS of the import's process tree, goal <= {GOAL_MB} MB; "
              f"median of {args.runs} run(s)")
        worst = 0.0
        for name, inputs in cases:
            medians: dict[str, float] = {}
            for label, tree in trees:
                peaks, times = [], []
                summary: dict[str, object] = {}
                for run in range(args.runs):
                    library = work / f"lib-{label.replace(' ', '-')}-{run}"
                    peak, seconds, summary = measure(inputs, library, tree)
                    peaks.append(peak)
                    times.append(seconds)
                    subprocess.run(["rm", "-rf", str(library)], check=False)
                medians[label] = statistics.median(peaks)
                print(
                    f"  {name:<34} {label:<9} peak {medians[label]:6.0f} MB (runs: "
                    f"{', '.join(f'{p:.0f}' for p in peaks)}), "
                    f"{statistics.median(times):6.1f} s, {_describe(summary)}",
                    flush=True,
                )
            worst = max(worst, medians["this tree"])
            if "peer" in medians and medians["peer"]:
                print(f"  {'':<34} ratio this/peer {medians['this tree'] / medians['peer']:.2f}")
        print(f"worst median peak: {worst:.0f} MB ({'within' if worst <= GOAL_MB else 'OVER'} "
              f"the {GOAL_MB} MB goal)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
