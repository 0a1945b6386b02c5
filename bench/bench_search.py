"""Benchmark: import + index the 35k Vietnamese news corpus, then time queries.

Compares the Whoosh index with SQLite FTS5 over a folded copy of the same
bodies (``unicode61 remove_diacritics 2``, with ``snippet()``), in the same run.

    .venv/bin/python bench/bench_search.py [--corpus PATH] [--runs N] [--limit N]
        [--importer pipeline|direct] [--keep DIR [--reuse]]

Prints: import and index speed (articles/s), index size against the raw text,
peak RSS, and query p50/p95 (top 20 with snippets, warm searcher) for both
engines and their ratio. The engines' passes over the queries alternate, so
both see the same load; each pass's p95 ratio is printed with their median.

``--importer pipeline`` (the default) imports with the real importer
(``desktop.core.ingest.pipeline.import_paths``). The corpus has no sites or
dates, so its site: and published: queries then match nothing.
``--importer direct`` stores each file as title (line 1) + body and gives it
SYNTHETIC metadata derived from its file number (one of 8 sites, a date in
2016-2017), so the filter queries select real subsets.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.models import ArticleDraft, Original, article_id_for  # noqa: E402
from desktop.core.search.analysis import fold_text, syllables  # noqa: E402
from desktop.core.search.index import SearchIndex  # noqa: E402
from desktop.core.search.models import SearchRequest  # noqa: E402
from desktop.core.store import Library  # noqa: E402
from desktop.core.textnorm import normalize_text, tidy_body  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
SITES = [f"news{i}.example.vn" for i in range(8)]

# (our query, FTS5 MATCH expression or None to derive it, extra SQL filter)
QUERIES: list[tuple[str, str | None, str | None]] = [
    ("hà nội", None, None),
    ("ha noi", None, None),
    ("học sinh", None, None),
    ("hoc sinh", None, None),
    ("việt nam", None, None),
    ("viet nam", None, None),
    ("bóng đá", None, None),
    ("bong da", None, None),
    ("giáo dục", None, None),
    ("giao duc", None, None),
    ("kinh tế", None, None),
    ("chính phủ", None, None),
    ("công an", None, None),
    ("tai nạn giao thông", None, None),
    ("tai nan giao thong", None, None),
    ("đổi mới sáng tạo", None, None),
    ("doi moi sang tao", None, None),
    ("đội tuyển việt nam", None, None),
    ("doi tuyen viet nam", None, None),
    ("thủ tướng", None, None),
    ("bệnh viện", None, None),
    ("benh vien bach mai", None, None),
    ("hội an", None, None),
    ("sân bay", None, None),
    ("chứng khoán", None, None),
    ("bất động sản", None, None),
    ("xuất khẩu gạo", None, None),
    ("ô nhiễm", None, None),
    ("người", None, None),
    ("năm", None, None),
    ("ý", None, None),
    ("ở", None, None),
    ("facebook", None, None),
    ("iphone", None, None),
    ('"hà nội"', None, None),
    ('"thành phố hồ chí minh"', None, None),
    ('"đội tuyển"', None, None),
    ('"giá xăng"', None, None),
    ('"đổi mới sáng tạo"', None, None),
    ('"doi tuyen viet nam"', None, None),
    ('"khoa học công nghệ"', None, None),
    ('"tai nạn giao thông"', None, None),
    ('"bất động sản"', None, None),
    ('"bệnh viện bạch mai"', None, None),
    ('"học sinh"', None, None),
    ('"thủ tướng chính phủ"', None, None),
    ('"ha noi"', None, None),
    ('"người dân"', None, None),
    ('"công an"', None, None),
    ('"sân bay"', None, None),
    ('"giáo dục"', None, None),
    ('"kinh tế"', None, None),
    ('"chính phủ"', None, None),
    ('"hội an"', None, None),
    ("học sinh site:news3.example.vn", None, "site = 'news3.example.vn'"),
    ("bóng đá site:news1.example.vn", None, "site = 'news1.example.vn'"),
    ("kinh tế published:2017", None, "published LIKE '2017%'"),
    ("giáo dục published:2016-05", None, "published LIKE '2016-05%'"),
    ("hà nội published:[2017-01-01 TO 2017-03-31]", None,
     "published BETWEEN '2017-01-01' AND '2017-03-31'"),
    ("bóng đá OR thể thao", '"bong da" OR "the thao"', None),
    ("giáo dục -đại", '"giao duc" NOT dai', None),
    ("thủ*", "thu*", None),
]


def synthetic_meta(number: int) -> tuple[str, date]:
    site = SITES[number % len(SITES)]
    day = date(2016, 1, 1) + timedelta(days=(number * 7919) % 730)
    return site, day


def read_corpus(zip_path: Path, limit: int | None) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(zip_path) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))
        if limit:
            names = names[:limit]
        return [(n, zf.read(n)) for n in names]


def import_direct(lib: Library, members: list[tuple[str, bytes]]) -> int:
    drafts: list[ArticleDraft] = []
    added = 0
    for n, (name, data) in enumerate(members):
        text = normalize_text(data.decode("utf-8", errors="replace"))
        title, _, rest = text.partition("\n")
        body = tidy_body(rest)
        if not body:
            continue
        site, day = synthetic_meta(n)
        drafts.append(
            ArticleDraft(
                id=article_id_for(data), title=title.strip(), body=body, site=site,
                published=day, source_path="vn-news-35k.zip", source_member=name,
                kind="text", original=Original(data=data, media_type="text/plain"),
            )
        )
        if len(drafts) >= 500:
            added += sum(1 for o in lib.articles.add_many(drafts) if o.value == "added")
            drafts = []
    if drafts:
        added += sum(1 for o in lib.articles.add_many(drafts) if o.value == "added")
    return added


def import_pipeline(lib: Library, zip_path: Path) -> int:
    from desktop.core.ingest.pipeline import import_paths

    report = import_paths(lib, [zip_path])
    return report.imported


def build_fts(lib: Library, path: Path) -> tuple[sqlite3.Connection, float]:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute("CREATE TABLE meta (rowid INTEGER PRIMARY KEY, site TEXT, published TEXT)")
    conn.execute("BEGIN")
    rows = lib.conn.execute("SELECT seq, title, body, site, published FROM articles")
    for seq, title, body, site, published in rows:
        conn.execute(
            "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
            (seq, fold_text(title), fold_text(body)),
        )
        conn.execute("INSERT INTO meta VALUES (?, ?, ?)", (seq, site, published))
    conn.execute("COMMIT")
    return conn, time.perf_counter() - started


def fts_match(query: str) -> str:
    """The FTS5 form of a simple query: folded words ANDed, quoted phrases kept."""
    text = " ".join(p for p in query.split() if ":" not in p)
    if text.startswith('"') and text.endswith('"'):
        return '"' + " ".join(syllables(text)) + '"'
    words = syllables(text)
    return " ".join(f'"{w}"' for w in words)


def fts_pass(conn: sqlite3.Connection) -> dict[str, float]:
    """One pass of every query over FTS5: query -> milliseconds."""
    took: dict[str, float] = {}
    for query, match, where in QUERIES:
        expr = match or fts_match(query)
        sql = (
            "SELECT fts.rowid, snippet(fts, 1, '<mark>', '</mark>', '…', 16) FROM fts "
            "JOIN meta ON meta.rowid = fts.rowid WHERE fts MATCH ?"
        )
        if where:
            sql += f" AND meta.{where}"
        sql += " ORDER BY rank LIMIT 20"
        started = time.perf_counter()
        conn.execute(sql, (expr,)).fetchall()
        took[query] = (time.perf_counter() - started) * 1000
    return took


def ours_pass(index: SearchIndex) -> dict[str, float]:
    """One pass of every query over our index: query -> milliseconds."""
    took: dict[str, float] = {}
    for query, _, _ in QUERIES:
        started = time.perf_counter()
        index.search(SearchRequest(query=query, limit=20))
        took[query] = (time.perf_counter() - started) * 1000
    return took


def time_ours(
    index: SearchIndex, runs: int
) -> tuple[list[float], list[float], dict[str, float]]:
    """(first pass: cold posting cache, later passes: warm, median per query)."""
    first = cold_pass(index)
    passes = [ours_pass(index) for _ in range(runs)]
    times = [t for p in passes for t in p.values()]
    per_query = {q: statistics.median(p[q] for p in passes) for q in passes[0]} if passes else {}
    return first, times, per_query


def cold_pass(index: SearchIndex) -> list[float]:
    """Our first pass over a reader just opened: a cold posting cache and no phrase
    checked on the text yet (run it before anything else searches)."""
    index.search(SearchRequest(query="", limit=20))  # open the searcher, load columns
    return list(ours_pass(index).values())


def time_both(
    index: SearchIndex, conn: sqlite3.Connection, runs: int
) -> tuple[list[list[float]], list[list[float]]]:
    """Per engine, the times of each warm pass. The engines' passes alternate, so both
    see the same load."""
    fts_pass(conn)  # warm SQLite's page cache
    ours: list[list[float]] = []
    fts: list[list[float]] = []
    for _ in range(runs):
        ours.append(list(ours_pass(index).values()))
        fts.append(list(fts_pass(conn).values()))
    return ours, fts


def check_phrase_totals(lib: Library, index: SearchIndex) -> None:
    """Every phrase query's total against an exhaustive scan of the stored text."""
    from desktop.core.search.highlight import phrase_regex
    from desktop.core.textnorm import fold

    phrases = [q for q, _, _ in QUERIES if q.startswith('"') and q.endswith('"')]
    patterns = {q: phrase_regex(syllables(q)) for q in phrases}
    counts = dict.fromkeys(phrases, 0)
    last = -1
    while True:  # in slices of the store's order, so a million articles fit in memory
        rows = lib.conn.execute(
            "SELECT seq, title, body FROM articles WHERE seq > ? ORDER BY seq LIMIT 5000",
            (last,),
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        for _, title, body in rows:
            ftitle, fbody = fold(title), fold(body)
            for q, rx in patterns.items():
                if rx.search(ftitle) or rx.search(fbody):
                    counts[q] += 1
    exact = 0
    for q in phrases:
        result = index.search(SearchRequest(query=q, limit=1, snippets=False))
        total = result.total if result.notice is None else 0
        if total == counts[q] and result.total_is_exact:
            exact += 1
        else:
            print(f"  phrase total differs: {q} ours {total} exhaustive {counts[q]}")
    print(f"phrase totals equal to an exhaustive count: {exact}/{len(phrases)} "
          f"({len(phrases)} of {len(QUERIES)} queries are phrases)")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--importer", choices=["pipeline", "direct"], default="pipeline")
    ap.add_argument("--keep", type=Path, default=None, help="library folder to keep")
    ap.add_argument("--slowest", type=int, default=5, help="print the N slowest queries")
    ap.add_argument(
        "--reuse", action="store_true",
        help="with --keep: reuse the library and FTS copy already there (queries only)",
    )
    args = ap.parse_args()
    zip_path = args.corpus / "vn-news-35k.zip" if args.corpus.is_dir() else args.corpus
    if not zip_path.is_file():
        print(f"corpus not found: {zip_path}", file=sys.stderr)
        return 2
    members = read_corpus(zip_path, args.limit)
    raw_bytes = sum(len(d) for _, d in members)
    work = Path(tempfile.mkdtemp(prefix="bench-search-")) if args.keep is None else args.keep
    lib = Library.open(work / "lib")
    print(f"queries: {len(QUERIES)}, articles in corpus: {len(members)}, "
          f"raw text {raw_bytes / 1e6:.1f} MB, importer: {args.importer}")

    reuse = bool(args.reuse and args.keep and (work / "lib" / "library.sqlite3").exists()
                 and lib.articles.count())
    if reuse:
        index = SearchIndex.open(lib)
        return _queries(args, lib, index, work, reuse=True)
    started, cpu0 = time.perf_counter(), time.process_time()
    if args.importer == "direct":
        imported = import_direct(lib, members)
    else:
        imported = import_pipeline(lib, zip_path)
    import_s, import_cpu = time.perf_counter() - started, time.process_time() - cpu0
    started, cpu0 = time.perf_counter(), time.process_time()
    index = SearchIndex.open(lib)
    index_s, index_cpu = time.perf_counter() - started, time.process_time() - cpu0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = dir_size(lib.index_dir)
    total_s = import_s + index_s
    total_cpu = import_cpu + index_cpu
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(wall-clock figures suffer when the machine is shared)")
    print(f"imported {imported} articles in {import_s:.1f} s wall / {import_cpu:.1f} s CPU "
          f"({imported / import_s:.0f}/s wall)")
    print(f"indexed in {index_s:.1f} s wall / {index_cpu:.1f} s CPU "
          f"({imported / index_s:.0f}/s wall, {imported / index_cpu:.0f}/s CPU)")
    print(f"import+index: {imported / total_s:.0f} articles/s wall, "
          f"{imported / total_cpu:.0f} articles/s CPU")
    print(f"index size: {size / 1e6:.1f} MB = {size / raw_bytes:.2f}x raw text   (goal <= 1.0x)")
    print(f"peak RSS after import+index: {rss_mb:.0f} MB   (goal <= 600 on 35k)")

    return _queries(args, lib, index, work, reuse=False)


def _queries(
    args: argparse.Namespace, lib: Library, index: SearchIndex, work: Path, *, reuse: bool
) -> int:
    first = cold_pass(index)
    check_phrase_totals(lib, index)
    fts_path = work / "fts.sqlite3"
    if reuse and fts_path.exists():
        fts_conn, fts_build = sqlite3.connect(fts_path), 0.0
    else:
        fts_path.unlink(missing_ok=True)
        fts_conn, fts_build = build_fts(lib, fts_path)
    print(f"FTS5 build (folded copy): {fts_build:.1f} s")
    ours_runs, fts_runs = time_both(index, fts_conn, args.runs)
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"query ours, first pass (cold: posting cache, phrase checks): "
          f"p50 {pct(first, 50):.1f} ms  p95 {pct(first, 95):.1f} ms")
    ratios = []
    for n, (o, f) in enumerate(zip(ours_runs, fts_runs, strict=True), start=1):
        ratios.append(pct(o, 95) / pct(f, 95))
        print(f"  pass {n}: ours p50 {pct(o, 50):.1f} p95 {pct(o, 95):.1f} ms, "
              f"FTS5 p50 {pct(f, 50):.1f} p95 {pct(f, 95):.1f} ms, p95 ratio {ratios[-1]:.2f}")
    ours = [t for o in ours_runs for t in o]
    fts = [t for f in fts_runs for t in f]
    o50, o95 = pct(ours, 50), pct(ours, 95)
    f50, f95 = pct(fts, 50), pct(fts, 95)
    print(f"query ours: p50 {o50:.1f} ms  p95 {o95:.1f} ms   (goal p95 <= 50 ms on 35k)")
    print(f"query FTS5: p50 {f50:.1f} ms  p95 {f95:.1f} ms")
    print(f"ratio p95 ours/FTS5: {o95 / f95:.2f} over all passes, median of the passes' "
          f"ratios {statistics.median(ratios):.2f}   (goal <= 1 on 35k, <= 2 on 5k)")
    names = [q for q, _, _ in QUERIES]
    for label, passes in (("ours", ours_runs), ("FTS5", fts_runs)):
        medians = {q: statistics.median(p[i] for p in passes) for i, q in enumerate(names)}
        for q, t in sorted(medians.items(), key=lambda kv: -kv[1])[: args.slowest]:
            print(f"  slowest {label}: {t:7.1f} ms  {q}")
    index.close()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
