"""Known-item relevance (MRR@10) of the server search against the Whoosh index, same library.

The development set is ``bench_relevance``'s (runs of syllables from a body sentence,
as written, with syllables dropped, and as a question; each with and without
diacritics), drawn from a library that ``bench_server.py --keep DIR`` built, so
both engines answer over the same articles. Halves as there: ``tune`` and
``report``; only the report half counts.

    .venv/bin/python bench/bench_server_relevance.py --keep DIR --dsn postgresql://...
        [--sample 600]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_relevance import build_dev_set, run_ours, summary  # noqa: E402

from desktop.core.search.index import SearchIndex  # noqa: E402
from desktop.core.search.pg.index import PgSearchIndex  # noqa: E402
from desktop.core.store import Library  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, required=True, help="bench_server.py's --keep folder")
    ap.add_argument("--dsn", required=True, help="the database of its search tables")
    ap.add_argument("--sample", type=int, default=600, help="source articles of queries")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    if not (args.keep / "lib").is_dir():
        print(f"no library at {args.keep / 'lib'}: run bench_server.py --keep first",
              file=sys.stderr)
        return 2
    lib = Library.open(args.keep / "lib")
    engines = {"PostgreSQL": PgSearchIndex.open(lib, args.dsn), "Whoosh": SearchIndex.open(lib)}
    tune, report = build_dev_set(lib, args.sample, args.seed)
    print(f"articles: {lib.articles.count()}, queries: {len(tune)} to tune + {len(report)} "
          "to report")
    for half, dev in (("tune", tune), ("report", report)):
        print(f"-- {half} half")
        for name, engine in engines.items():
            started = time.perf_counter()
            scores = run_ours(engine, dev)  # type: ignore[arg-type]
            took = time.perf_counter() - started
            summary(name, scores)
            print(f"    all kinds {statistics.mean(scores.values()):.3f}; "
                  f"{1000 * took / len(dev):.1f} ms per query")
    for engine in engines.values():
        engine.close()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
