"""Benchmark: near-duplicate scan of the 35k vn-news corpus (goal: full scan <= 60 s).

Builds a library from ``vn-news-35k.zip`` (line 1 title, the rest body) with
``ArticleStore.add_many``, holding back 100 articles; times the full scan, then
adds the 100 and times the incremental refresh, then a refresh with nothing new.
Prints the figures, the pairs and clusters found and a few example clusters.

    python bench/bench_neardup.py [--corpus PATH] [--library DIR] [--limit N]

``--library DIR`` keeps the built library there and reuses it on the next run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from desktop.core.compare.clusters import find_clusters
from desktop.core.compare.neardup import CACHE_SUBDIR, NearDuplicateIndex
from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library
from desktop.core.textnorm import normalize_text, tidy_body

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
HELD_BACK = 100


def drafts_from_zip(path: Path, limit: int | None) -> list[ArticleDraft]:
    drafts: list[ArticleDraft] = []
    with zipfile.ZipFile(path) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))[:limit]
        for name in names:
            data = zf.read(name)
            text = normalize_text(data.decode("utf-8", "replace"))
            title, _, body = text.partition("\n")
            body = tidy_body(body)
            if not body:
                continue
            drafts.append(
                ArticleDraft(
                    id=article_id_for(data),
                    title=title.strip() or name,
                    body=body,
                    source_path=path.name,
                    source_member=name,
                    kind="text",
                    original=Original(data=data, media_type="text/plain", encoding="utf-8"),
                )
            )
    return drafts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--library", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    args = ap.parse_args(argv)
    zpath = args.corpus / "vn-news-35k.zip"
    if not zpath.is_file():
        print(f"corpus not found at {zpath}", file=sys.stderr)
        return 1
    tmp = None
    root = args.library
    if root is None:
        tmp = tempfile.mkdtemp(prefix="neardup-bench-")
        root = Path(tmp) / "lib"
    try:
        return run(zpath, root, args.limit)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def run(zpath: Path, root: Path, limit: int | None) -> int:
    t0 = time.perf_counter()
    drafts = drafts_from_zip(zpath, limit)
    held, main_part = drafts[:HELD_BACK], drafts[HELD_BACK:]
    with Library.open(root) as lib:
        if lib.articles.count() == 0:
            for lo in range(0, len(main_part), 2000):
                lib.articles.add_many(main_part[lo : lo + 2000])
        else:
            lib.articles.delete([d.id for d in held])
        print(f"library: {lib.articles.count()} articles ready in {time.perf_counter() - t0:.1f} s")
        shutil.rmtree(lib.cache_dir / CACHE_SUBDIR, ignore_errors=True)

        index = NearDuplicateIndex.for_library(lib)
        report = index.refresh()
        print(f"full scan: {report.took_ms / 1000:.1f} s for {report.articles} articles "
              f"(goal <= 60 s), {report.pairs} near-duplicate pairs, "
              f"{len(index.stop)} boilerplate shingles (in > {index.params.max_df} articles)")

        lib.articles.add_many(held)
        index = NearDuplicateIndex.for_library(lib)  # reloads the cache from disk
        report = index.refresh()
        print(f"incremental: +{report.hashed} articles in {report.took_ms / 1000:.2f} s, "
              f"{report.pairs} pairs (full={report.full})")
        report = index.refresh()
        print(f"no-op refresh: {report.took_ms:.1f} ms")

        t1 = time.perf_counter()
        clusters = find_clusters(index, min_size=2)
        sizes = [len(c) for c in clusters]
        print(f"clusters: {len(clusters)} (sizes: largest {sizes[:10]}, "
              f"{sum(sizes)} articles in clusters) in {(time.perf_counter() - t1) * 1000:.0f} ms")
        lowest = min((m.similarity for c in clusters for m in c), default=1.0)
        print(f"lowest member similarity to its representative: {lowest:.0%}")
        for cluster in clusters[:3]:
            titles = lib.articles.summaries_for([m.id for m in cluster[:4]])
            print("  -", " | ".join(f"{s.title[:40]} ({m.similarity:.0%})"
                                    for s, m in zip(titles, cluster[:4], strict=False)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
