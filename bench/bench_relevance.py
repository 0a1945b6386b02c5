"""Benchmark: known-item relevance (MRR@10) on vn-news, against SQLite FTS5 in the same run.

The development set is built here from the articles themselves, so nothing
of the corpus is stored in the project: for a deterministic sample of
articles, a run of syllables is taken from a sentence of the body (never the
title or the lead line) and turned into known-item queries:

* ``exact``    the run as written (with diacritics);
* ``dropped``  the run with about a third of its syllables dropped;
* ``question`` the run wrapped as a question (``... là gì?``, ``Vì sao ...?``).

Each is also asked without diacritics (``*-folded``). The answer is the source
article (or any article with the same title and body). Compared with FTS5 BM25
over the accented text with every pair of adjacent query syllables added as a
phrase (``"a" OR "b" OR "a b"``), the strongest plain baseline measured.

    .venv/bin/python bench/bench_relevance.py [--corpus PATH] [--limit N] [--sample N]
        [--keep DIR] [--weights NAME=VALUE,NAME=VALUE ...]

``--weights`` evaluates other ranking settings in the same run (for tuning): each
spec sets constants of ``results``, ``postings`` or ``highlight`` by name, for example
``PAIR_WEIGHT=2.5,PAIR_K1=1.0``. ``--keep DIR`` keeps the library and its index
in DIR and reuses them on the next run (the queries are rebuilt from it).
The source articles are split in two halves: weights are tuned on the ``tune``
half, and the figures that count are those of the ``report`` half. 600 source
articles (1,800 queries a half) by default: with 200, one query moved a kind's
MRR by half a point, more than the weights being compared.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_search import DEFAULT_CORPUS, import_direct, read_corpus  # noqa: E402

from desktop.core.search import highlight, postings, results  # noqa: E402
from desktop.core.search.analysis import fold_text  # noqa: E402
from desktop.core.search.index import SearchIndex  # noqa: E402
from desktop.core.search.models import SearchRequest  # noqa: E402
from desktop.core.store import Library  # noqa: E402

SYL = re.compile(r"[^\W_]+")
SENTENCE = re.compile(r"[^.!?\n]+")
RUN = 7
QUESTIONS = ["{} là gì?", "Vì sao {}?", "{} như thế nào?", "Có phải {} không?"]


Dev = list[tuple[str, str, set[str]]]


def build_dev_set(lib: Library, sample: int, seed: int) -> tuple[Dev, Dev]:
    """(kind, query, relevant ids) of the tune half and of the report half."""
    rng = random.Random(seed)
    rows = lib.conn.execute("SELECT id, title, body FROM articles ORDER BY seq").fetchall()
    same: dict[tuple[str, str], set[str]] = {}
    for article_id, title, body in rows:
        same.setdefault((title, body), set()).add(article_id)
    picked = rng.sample(rows, min(sample, len(rows)))
    halves: tuple[Dev, Dev] = ([], [])
    for n, (_article_id, title, body) in enumerate(picked):
        out = halves[n % 2]
        lines = body.split("\n")[1:] or body.split("\n")
        sentences = [s for line in lines for s in SENTENCE.findall(line)
                     if len(SYL.findall(s)) >= RUN + 2]
        if not sentences:
            continue
        tokens = SYL.findall(rng.choice(sentences))
        start = rng.randrange(0, len(tokens) - RUN + 1)
        run = tokens[start : start + RUN]
        relevant = same[(title, body)]
        exact = " ".join(run).lower()
        kept = [t for t in run if rng.random() > 0.34] or run[:3]
        dropped = " ".join(kept).lower()
        question = rng.choice(QUESTIONS).format(" ".join(run[:5]).lower())
        for kind, text in (("exact", exact), ("dropped", dropped), ("question", question)):
            out.append((kind, text, relevant))
            out.append((kind + "-folded", fold_text(text), relevant))
    return halves


def rank_of(ids: list[str], relevant: set[str]) -> int | None:
    for n, article_id in enumerate(ids[:10], start=1):
        if article_id in relevant:
            return n
    return None


def mrr(ranks: list[int | None]) -> float:
    return sum(1.0 / r for r in ranks if r) / max(len(ranks), 1)


def run_ours(index: SearchIndex, dev: list[tuple[str, str, set[str]]]) -> dict[str, float]:
    per_kind: dict[str, list[int | None]] = {}
    for kind, query, relevant in dev:
        result = index.search(SearchRequest(query=query, limit=10, snippets=False, facets=False))
        per_kind.setdefault(kind, []).append(rank_of([h.id for h in result.hits], relevant))
    return {k: mrr(v) for k, v in per_kind.items()}


def build_fts(lib: Library, path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )
    conn.execute("BEGIN")
    for article_id, title, body in lib.conn.execute("SELECT id, title, body FROM articles"):
        conn.execute("INSERT INTO fts VALUES (?, ?, ?)", (article_id, title, body))
    conn.execute("COMMIT")
    return conn


def fts_query(query: str) -> str:
    syls = SYL.findall(query.lower())
    parts = [f'"{s}"' for s in syls] + [f'"{a} {b}"' for a, b in zip(syls, syls[1:], strict=False)]
    return " OR ".join(parts)


def run_fts(conn: sqlite3.Connection, dev: list[tuple[str, str, set[str]]]) -> dict[str, float]:
    per_kind: dict[str, list[int | None]] = {}
    for kind, query, relevant in dev:
        if kind.endswith("-folded"):
            continue
        rows = conn.execute(
            "SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10",
            (fts_query(query),),
        ).fetchall()
        per_kind.setdefault(kind, []).append(rank_of([r[0] for r in rows], relevant))
    return {k: mrr(v) for k, v in per_kind.items()}


TUNABLE = (results, postings, highlight)


def set_weights(spec: str) -> dict[str, float]:
    """Set the named constants of ``spec`` (``NAME=VALUE,...``); the previous values."""
    previous: dict[str, float] = {}
    for item in filter(None, (x.strip() for x in spec.split(","))):
        name, sep, value = item.partition("=")
        homes = [m for m in TUNABLE if isinstance(getattr(m, name, None), int | float)]
        if not sep or not homes:
            raise SystemExit(f"unknown setting {item!r}: use NAME=VALUE with a constant "
                             "of desktop.core.search.results, .postings or .highlight")
        for module in homes:
            previous.setdefault(name, getattr(module, name))
            setattr(module, name, type(getattr(module, name))(float(value)))
    return previous


def summary(label: str, scores: dict[str, float]) -> None:
    accented = [v for k, v in scores.items() if not k.endswith("-folded")]
    folded = [v for k, v in scores.items() if k.endswith("-folded")]
    parts = "  ".join(f"{k} {v:.3f}" for k, v in sorted(scores.items()))
    line = f"{label}: MRR@10 with diacritics {statistics.mean(accented):.3f}"
    if folded:
        line += f", without {statistics.mean(folded):.3f}"
    print(line)
    print(f"    {parts}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=5000, help="articles to load")
    ap.add_argument("--sample", type=int, default=600, help="source articles of queries")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--weights", nargs="*", default=[], help="NAME=VALUE,... to try")
    ap.add_argument("--tune-only", action="store_true",
                    help="only the --weights runs on the tune half (no report half, no FTS5)")
    ap.add_argument("--keep", type=Path, default=None, help="library folder to keep and reuse")
    args = ap.parse_args()
    zip_path = args.corpus / "vn-news-35k.zip" if args.corpus.is_dir() else args.corpus
    if not zip_path.is_file():
        print(f"corpus not found: {zip_path}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-relevance-")) if args.keep is None else args.keep
    lib = Library.open(work / "lib")
    if not lib.articles.count():
        import_direct(lib, read_corpus(zip_path, args.limit))
    index = SearchIndex.open(lib)
    tune, report = build_dev_set(lib, args.sample, args.seed)
    print(f"articles: {lib.articles.count()}, queries: {len(tune)} to tune + "
          f"{len(report)} to report ({args.sample} source articles x 3 kinds x "
          "with/without diacritics)")
    fts_path = work / "fts.sqlite3"
    fts_conn = sqlite3.connect(fts_path) if fts_path.exists() else build_fts(lib, fts_path)
    for half, dev in () if args.tune_only else (("tune", tune), ("report", report)):
        print(f"-- {half} half")
        started = time.perf_counter()
        ours = run_ours(index, dev)
        took = time.perf_counter() - started
        summary("ours (current weights)", ours)
        accented = statistics.mean(v for k, v in ours.items() if not k.endswith("-folded"))
        folded = statistics.mean(v for k, v in ours.items() if k.endswith("-folded"))
        print(f"    loss without diacritics: {100 * (accented - folded):.1f} points "
              f"(goal < 2); {1000 * took / len(dev):.1f} ms per query")
        fts = run_fts(fts_conn, dev)
        summary("FTS5 BM25, accented text + pair phrases", fts)
        base = statistics.mean(fts.values())
        print(f"    ours with diacritics {'beats' if accented > base else 'does NOT beat'} FTS5; "
              f"without diacritics {'beats' if folded > base else 'does NOT beat'} FTS5")
    for spec in args.weights:
        previous = set_weights(spec)
        summary(f"tune half, ours with {spec}", run_ours(index, tune))
        set_weights(",".join(f"{k}={v}" for k, v in previous.items()))
    index.close()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
