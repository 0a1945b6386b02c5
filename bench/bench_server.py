"""Benchmark: search on a PostgreSQL server against SQLite + Whoosh, on N articles.

    .venv/bin/python bench/bench_server.py [--n 1000000] [--dsn postgresql://...]
        [--server-store] [--runs 3] [--corpus PATH] [--no-whoosh] [--keep DIR]
        [--whoosh-n N]

Makes N articles from vn-news (``vn-news-35k.zip``): article k is corpus file
k mod 35k; every further pass over the corpus (``variant``) rotates the body's
paragraphs and ends it with the pass's number, gives the title a varied lead
word, and moves the date and site, so no two articles are duplicates (the store
would merge those).

By default they go into a SQLite library and the PostgreSQL search tables are
built from it (on ``--dsn``, or on a throwaway cluster started here like the
tests'). With ``--server-store`` they are imported into a server library on
``--dsn`` instead, in chunks of 1,000 committed one by one as the importer does
(the import rate into the server), and the search tables are built from that
library. A store (either kind) that already holds articles is continued from
there, so a kept library is reused: the import is skipped when it holds N.

Then the everyday query set of ``bench_search`` (a third of them phrases) is
timed: p50/p95 of top 20 with snippets and facets, warm, median of ``--runs``
passes, with every phrase's total checked against an exhaustive count of the
stored text. The same on the Whoosh index of a SQLite library (``--keep``, of
the first ``--whoosh-n`` articles, N by default) unless ``--no-whoosh``, and
the ratio; the two engines' passes are interleaved, so both see the same load.
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
from typing import TYPE_CHECKING, TextIO

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

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

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
        # A rotation repeats every len(paras) passes: the mark keeps the body unique.
        body = "\n".join(paras[cut:] + paras[:cut]) + f"\n(Bản {variant})"
        title = f"{LEADS[variant % len(LEADS)]} {title} ({variant})".strip()
    site = SITES[(k % 8) if variant == 0 else (k + variant * 7) % len(SITES)]
    day = date(2016, 1, 1) + timedelta(days=(k * 7919 + variant * 97) % 3650)
    key = f"bench-server {k}".encode()
    return ArticleDraft(
        id=article_id_for(key), title=title, body=body, site=site, published=day,
        source_path="vn-news-35k.zip", source_member=f"{k}", kind="text",
        original=Original(data=key, media_type="text/plain"),
    )


def load(
    lib: AnyLibrary, n: int, texts: list[tuple[str, str]], log: TextIO
) -> tuple[int, float]:
    """Store articles ``count()``..``n - 1`` in chunks of 1,000, one transaction each
    (as the importer commits): how many were added and the seconds the store took.
    Logs the rate every 50,000."""
    start = lib.articles.count()
    done = 0
    storing = 0.0  # seconds in the store alone (making the drafts is left out)
    for first in range(start, n, 1000):
        batch = [make_article(k, texts) for k in range(first, min(first + 1000, n))]
        started = time.perf_counter()
        outcomes = lib.articles.add_many_with_holders(batch)
        storing += time.perf_counter() - started
        done += sum(1 for o, _ in outcomes if o.value == "added")
        if (first + 1000 - start) % 50_000 == 0:
            print(f"  stored {first + len(batch):,} ({done / storing:,.0f}/s so far, load "
                  f"{os.getloadavg()[0]:.1f})", file=log, flush=True)
    return done, storing


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


def stored(name: str, lib: AnyLibrary, n: int, texts: list[tuple[str, str]]) -> None:
    """Fill ``lib`` up to ``n`` articles and say at what rate."""
    had = lib.articles.count()
    if had >= n:
        print(f"{name}: {had} articles already stored (reused)", flush=True)
        return
    added, took = load(lib, n, texts, sys.stdout)
    if not added:  # the rest were duplicates of stored ones
        print(f"{name}: {had} articles already stored (reused)", flush=True)
        return
    print(f"{name}: {added} articles added to {had} in {took:.0f} s "
          f"({added / took:,.0f}/s, chunks of 1,000 committed one by one)", flush=True)


def timed_pair(engines: dict[str, SearchBackend], runs: int) -> dict[str, tuple[list[float],
                                                                            dict[str, float]]]:
    """Time every engine ``runs`` times, one pass of each in turn (same load for all)."""
    passes: dict[str, list[tuple[list[float], dict[str, float]]]] = {e: [] for e in engines}
    for _ in range(runs):
        for name, engine in engines.items():
            _, times, per = time_queries(engine, 1)
            passes[name].append((times, per))
    out = {}
    for name, done in passes.items():
        times = [t for ts, _ in done for t in ts]
        per = {q: statistics.median(p[q] for _, p in done) for q in done[0][1]}
        out[name] = (times, per)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="articles to make")
    ap.add_argument("--dsn", default=None, help="a database to use (else a throwaway cluster)")
    ap.add_argument("--server-store", action="store_true",
                    help="import into a server library on --dsn (else a SQLite library)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-whoosh", action="store_true", help="skip SQLite + Whoosh")
    ap.add_argument("--whoosh-n", type=int, default=None,
                    help="articles in the SQLite + Whoosh library (default: --n)")
    ap.add_argument("--keep", type=Path, default=None, help="library folder to keep")
    ap.add_argument("--slowest", type=int, default=5)
    ap.add_argument("--no-phrase-check", action="store_true",
                    help="skip the exhaustive phrase-total check (done on an earlier run)")
    ap.add_argument("--store-only", action="store_true",
                    help="stop once the articles are stored (search tables built later)")
    args = ap.parse_args()
    zip_path = args.corpus / "vn-news-35k.zip" if args.corpus.is_dir() else args.corpus
    if not zip_path.is_file():
        print(f"corpus not found: {zip_path}", file=sys.stderr)
        return 2
    if args.server_store and not args.dsn:
        print("--server-store needs --dsn (a database the bench may fill and keep)",
              file=sys.stderr)
        return 2
    texts = corpus_texts(zip_path)
    work = Path(tempfile.mkdtemp(prefix="bench-server-")) if args.keep is None else args.keep
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{len(QUERIES)} queries; {args.n} articles from {len(texts)} corpus texts",
          flush=True)
    folder: Library | None = None
    whoosh_n = args.n if args.whoosh_n is None else args.whoosh_n
    if not args.server_store or not args.no_whoosh:
        folder = Library.open(work / "lib")
        stored("SQLite store", folder, args.n if not args.server_store else whoosh_n, texts)

    from desktop.core.search.pg.index import PgSearchIndex
    from desktop.core.server.library import ServerLibrary

    with server(args.dsn) as dsn:
        lib: AnyLibrary
        if args.server_store:
            ServerLibrary.init(dsn)  # creates the schema, or leaves it as it is
            lib = ServerLibrary.open(dsn)
            stored("Server store", lib, args.n, texts)
            if args.store_only:
                lib.close()
                return 0
        else:
            assert folder is not None
            lib = folder
        started = time.perf_counter()
        pg = PgSearchIndex.open(lib, dsn)
        pg_s = time.perf_counter() - started
        size = pg.conn.run("SELECT pg_total_relation_size('search_docs') + "
                           "pg_total_relation_size('search_vocab')")[0][0]
        whole = pg.conn.run("SELECT pg_database_size(current_database())")[0][0]
        rows = pg.doc_count()
        print(f"PostgreSQL search tables: {rows} rows in {pg_s:.0f} s "
              f"({rows / max(pg_s, 1e-9):.0f} articles/s), {size / 1e6:.0f} MB; "
              f"database {whole / 1e9:.1f} GB", flush=True)
        pg.conn.run("VACUUM ANALYZE search_docs")
        if not args.no_phrase_check:
            check_phrase_totals(lib, pg)  # type: ignore[arg-type]
        engines: dict[str, SearchBackend] = {"PostgreSQL": pg}
        if not args.no_whoosh:
            from desktop.core.search.index import SearchIndex

            assert folder is not None
            started = time.perf_counter()
            whoosh = SearchIndex.open(folder)
            whoosh_s = time.perf_counter() - started
            print(f"Whoosh index: {whoosh.doc_count()} documents in {whoosh_s:.0f} s "
                  f"({whoosh.doc_count() / max(whoosh_s, 1e-9):.0f} articles/s)", flush=True)
            if not args.no_phrase_check:
                check_phrase_totals(folder, whoosh)
            engines["SQLite + Whoosh"] = whoosh
        timed = timed_pair(engines, args.runs)
        for name, (times, per) in timed.items():
            report(name, times, per, args.slowest)
        if len(engines) == 2:
            pg_times, w_times = timed["PostgreSQL"][0], timed["SQLite + Whoosh"][0]
            if whoosh_n == args.n:
                print(f"top 10 in common with Whoosh's, mean over the queries: "
                      f"{overlap(top_ids(pg), top_ids(engines['SQLite + Whoosh'])):.0%}")
            print(f"PostgreSQL / Whoosh, same run: p50 {pct(pg_times, 50) / pct(w_times, 50):.2f}x"
                  f"  p95 {pct(pg_times, 95) / pct(w_times, 95):.2f}x")
        for engine in engines.values():
            engine.close()
        if lib is not folder:
            lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
