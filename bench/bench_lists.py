"""Benchmark: ``collection:`` and the unread filter (answered from the store) against
an index-native ``site:`` filter selecting as many articles, in the same run.

    .venv/bin/python bench/bench_lists.py [--articles N] [--runs N]

Builds a synthetic library (generated text, one of 20 sites per article), puts
every 20th article in a collection (as many as one site holds) and marks every
other article read, then times, warm, the median of ``--runs``: the plain
query, the query with ``site:``, with ``collection:``, and with the unread
filter. Prints milliseconds and the ratio to ``site:``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.models import ArticleDraft, Original, article_id_for  # noqa: E402
from desktop.core.search.index import SearchIndex  # noqa: E402
from desktop.core.search.models import SearchRequest  # noqa: E402
from desktop.core.store import Library  # noqa: E402
from desktop.core.store.collections import CollectionStore  # noqa: E402
from desktop.core.store.reading_state import ReadingStateStore  # noqa: E402

WORDS = (
    "làng nghề gốm sông nước mùa lúa đồng ruộng thư viện trường học đội tuyển bóng đá "
    "kinh tế giáo dục y tế du lịch chợ nổi vùng cao chè cà phê tỉnh thành phố"
).split()
SITES = [f"tin{i}.example.vn" for i in range(20)]


def build(root: Path, n: int) -> Library:
    rng = random.Random(7)
    lib = Library.open(root)
    drafts = []
    for i in range(n):
        body = " ".join(rng.choice(WORDS) for _ in range(120))
        data = f"{i}\n{body}".encode()
        drafts.append(
            ArticleDraft(
                id=article_id_for(data), title=" ".join(rng.choice(WORDS) for _ in range(8)),
                body=body, site=SITES[i % len(SITES)], source_path=f"b/{i}.txt", kind="text",
                original=Original(data=data, media_type="text/plain"),
            )
        )
    for start in range(0, n, 2000):
        lib.articles.add_many(drafts[start : start + 2000])
    ids = [d.id for d in drafts]
    CollectionStore(lib.conn).add("Bộ sưu tập", ids[::20])
    ReadingStateStore(lib.conn).mark(ids[::2])
    return lib


def timed(index: SearchIndex, request: SearchRequest, runs: int) -> tuple[float, int]:
    index.search(request)  # warm
    times = []
    total = 0
    for _ in range(runs):
        started = time.perf_counter()
        total = index.search(request).total
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lib = build(Path(tmp) / "lib", args.articles)
        index = SearchIndex.open(lib)
        try:
            cases = [
                ("plain", SearchRequest(query="gốm")),
                ("site:", SearchRequest(query="gốm site:tin0.example.vn")),
                ("collection:", SearchRequest(query='gốm collection:"bộ sưu tập"')),
                ("unread", SearchRequest(query="gốm", filters={"read": ("unread",)})),
                ("listing site", SearchRequest(query="", filters={"site": (SITES[0],)})),
                ("listing unread", SearchRequest(query="", filters={"read": ("unread",)})),
            ]
            results = {name: timed(index, req, args.runs) for name, req in cases}
        finally:
            index.close()
            lib.close()
    base = results["site:"][0]
    print(f"{args.articles} articles, median of {args.runs} warm runs (top 20 with snippets)")
    for name, (ms, total) in results.items():
        print(f"  {name:15} {ms:8.2f} ms  {total:6} hits  x{ms / base:5.2f} of site:")
    return 0


if __name__ == "__main__":
    sys.exit(main())
