"""Benchmark: search on a PostgreSQL server against SQLite + Whoosh, on N articles.

    .venv/bin/python bench/bench_server.py [--n 1000000] [--dsn postgresql://...]
        [--runs 3] [--corpus PATH] [--no-whoosh] [--keep DIR]

Makes N articles from vn-news (``vn-news-35k.zip``): article k is corpus file
k mod 35k; every further pass over the corpus (``variant``) rotates the body's
paragraphs, gives the title a varied lead word, and moves the date and site,
so no two articles are duplicates (the store would merge those). They go into a
SQLite library; the PostgreSQL search tables are built from it (on ``--dsn``,
or on a throwaway cluster started here like the tests'), then the everyday query
set of ``bench_search`` (a third of them phrases) is timed: p50/p95 of top 20
with snippets and facets, warm, median of ``--runs`` passes, with every phrase's
total checked against an exhaustive count of the stored text. The same on the
Whoosh index unless ``--no-whoosh``, in the same run, and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_search import QUERIES, check_phrase_totals, pct  # noqa: E402
from bench_search import time_ours as time_queries  # noqa: E402

from desktop.core.models import ArticleDraft, Original, article_id_for  # noqa: E402
from desktop.core.search.interface import SearchBackend  # noqa: E402
from desktop.core.search.models import SearchRequest  # noqa: E402
from desktop.core.store import Library  # noqa: E402
from desktop.core.textnorm import normalize_text, tidy_body  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
# bench_search's site: queries name news0..news7; later variants spread over more sites.
SITES = [f"news{i}.example.vn" for i in range(40)]
LEADS = ("", "Tin mới:", "Cập nhật:", "Nóng:", "Góc nhìn:", "Phóng sự:", "Bình luận:",
         "Toàn cảnh:", "Chuyên đề:", "Hỏi đáp:")


def corpus_texts(zip_path: Path) -> list[tuple[str, str]]:
    """(title, body) of every usable corpus file, in file order."""
    out: list[tuple[str, str]] = []
    with zipfile.ZipFile(zip_path) as zf:
        for name in sorted(n for n in zf.namelist() if n.endswith(".txt")):
            text = normalize_text(zf.read(name).decode("utf-8", errors="replace"))
            title, _, rest = text.partition("\n")
            body = tidy_body(rest)
            if body and title.strip():
                out.append((title.strip(), body))
    return out


def make_article(k: int, texts: list[tuple[str, str]]) -> ArticleDraft:
    title, body = texts[k % len(texts)]
    variant = k // len(texts)
    if variant:
        paras = body.split("\n")
        cut = variant % len(paras)
        body = "\n".join(paras[cut:] + paras[:cut])
        if cut == 0:
            body += f"\n(Bản {variant})"
        title = f"{LEADS[variant % len(LEADS)]} {title} ({variant})".strip()
    site = SITES[(k % 8) if variant == 0 else (k + variant * 7) % len(SITES)]
    day = date(2016, 1, 1) + timedelta(days=(k * 7919 + variant * 97) % 3650)
    key = f"bench-server {k}".encode()
    return ArticleDraft(
        id=article_id_for(key), title=title, body=body, site=site, published=day,
        source_path="vn-news-35k.zip", source_member=f"{k}", kind="text",
        original=Original(data=key, media_type="text/plain"),
    )


def load(lib: Library, n: int, texts: list[tuple[str, str]]) -> int:
    done = 0
    batch: list[ArticleDraft] = []
    for k in range(n):
        batch.append(make_article(k, texts))
        if len(batch) >= 1000:
            done += sum(1 for o in lib.articles.add_many(batch) if o.value == "added")
            batch = []
    if batch:
        done += sum(1 for o in lib.articles.add_many(batch) if o.value == "added")
    return done


@contextmanager
def server(dsn: str | None) -> Iterator[str]:
    """The database to use: ``dsn``, or a fresh one on a throwaway cluster."""
    if dsn:
        yield dsn
        return
    from tests.helpers import pgserver

    with pgserver.server() as found, found.database() as fresh:
        yield fresh


def top_ids(index: SearchBackend) -> dict[str, list[str]]:
    """The top 10 of every query (to compare the two engines' rankings)."""
    return {
        q: [h.id for h in index.search(SearchRequest(query=q, limit=10, snippets=False)).hits]
        for q, _, _ in QUERIES
    }


def overlap(a: dict[str, list[str]], b: dict[str, list[str]]) -> float:
    """Mean share of one engine's top 10 that is also in the other's."""
    shares = [len(set(a[q]) & set(b[q])) / len(b[q]) for q in a if b.get(q)]
    return statistics.mean(shares) if shares else 0.0


def report(name: str, times: list[float], per_query: dict[str, float], slowest: int) -> None:
    print(f"{name}: p50 {pct(times, 50):.1f} ms  p95 {pct(times, 95):.1f} ms  "
          f"({len(times)} timings)")
    worst = sorted(per_query.items(), key=lambda kv: -kv[1])[:slowest]
    print("  slowest: " + ", ".join(f"{q} {t:.0f} ms" for q, t in worst))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="articles to make")
    ap.add_argument("--dsn", default=None, help="a database to use (else a throwaway cluster)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-whoosh", action="store_true", help="skip SQLite + Whoosh")
    ap.add_argument("--keep", type=Path, default=None, help="library folder to keep")
    ap.add_argument("--slowest", type=int, default=5)
    args = ap.parse_args()
    zip_path = args.corpus / "vn-news-35k.zip" if args.corpus.is_dir() else args.corpus
    if not zip_path.is_file():
        print(f"corpus not found: {zip_path}", file=sys.stderr)
        return 2
    texts = corpus_texts(zip_path)
    work = Path(tempfile.mkdtemp(prefix="bench-server-")) if args.keep is None else args.keep
    lib = Library.open(work / "lib")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{len(QUERIES)} queries; {args.n} articles from {len(texts)} corpus texts")
    started = time.perf_counter()
    added = load(lib, args.n, texts)
    load_s = time.perf_counter() - started
    print(f"SQLite store: {added} articles in {load_s:.0f} s ({added / load_s:.0f}/s)")

    from desktop.core.search.pg.index import PgSearchIndex

    with server(args.dsn) as dsn:
        started = time.perf_counter()
        pg = PgSearchIndex.open(lib, dsn)
        pg_s = time.perf_counter() - started
        size = pg.conn.run("SELECT pg_total_relation_size('search_docs') + "
                           "pg_total_relation_size('search_vocab')")[0][0]
        print(f"PostgreSQL search tables: {pg.doc_count()} rows in {pg_s:.0f} s "
              f"({added / pg_s:.0f} articles/s), {size / 1e6:.0f} MB")
        pg.conn.run("VACUUM ANALYZE search_docs")
        check_phrase_totals(lib, pg)  # type: ignore[arg-type]
        _, pg_times, pg_per = time_queries(pg, args.runs)
        report("PostgreSQL", pg_times, pg_per, args.slowest)
        pg_top = top_ids(pg)
        pg.close()
    if args.no_whoosh:
        return 0
    from desktop.core.search.index import SearchIndex

    started = time.perf_counter()
    whoosh = SearchIndex.open(lib)
    whoosh_s = time.perf_counter() - started
    print(f"Whoosh index: {whoosh.doc_count()} documents in {whoosh_s:.0f} s "
          f"({added / whoosh_s:.0f} articles/s)")
    check_phrase_totals(lib, whoosh)
    _, w_times, w_per = time_queries(whoosh, args.runs)
    report("SQLite + Whoosh", w_times, w_per, args.slowest)
    print(f"top 10 in common with Whoosh's, mean over the queries: "
          f"{overlap(pg_top, top_ids(whoosh)):.0%}")
    whoosh.close()
    print(f"PostgreSQL / Whoosh, same run: p50 {pct(pg_times, 50) / pct(w_times, 50):.2f}x  "
          f"p95 {pct(pg_times, 95) / pct(w_times, 95):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
