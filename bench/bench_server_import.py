"""Import speed into a server library, as a ratio of the SQLite store's in the same run.

Reads the first ``--limit`` articles of ``vn-news-35k.zip`` into memory as drafts
(title on line 1, the rest the body), then stores them in chunks of 1,000 (one
transaction each, as imports commit) into a fresh folder library and into a fresh
server library, alternating, and prints articles/s of each (median of the runs)
and the ratio. Extraction is left out: it is the same for both backends.

The server is ``$ARCHIVE_BROWSER_TEST_PG`` (a maintenance database on which the
bench may create and drop databases), else a throwaway cluster the bench starts.

    python bench/bench_server_import.py [--corpus PATH] [--limit 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.models import ArticleDraft, Original, article_id_for  # noqa: E402
from desktop.core.server.library import ServerLibrary  # noqa: E402
from desktop.core.store import Library  # noqa: E402
from tests.helpers import pgserver  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
CHUNK = 1000


def drafts_from(zip_path: Path, limit: int) -> list[ArticleDraft]:
    found: list[ArticleDraft] = []
    with zipfile.ZipFile(zip_path) as zf:
        for name in zf.namelist():
            if not name.endswith(".txt"):
                continue
            data = zf.read(name)
            text = data.decode("utf-8", errors="replace")
            title, _, body = text.strip().partition("\n")
            if not title.strip() or not body.strip():
                continue
            found.append(
                ArticleDraft(
                    id=article_id_for(data), title=title.strip(), body=body.strip(),
                    site="baomoi.com", source_path="vn-news-35k.zip", source_member=name,
                    kind="text", original=Original(data=data, media_type="text/plain"),
                )
            )
            if len(found) >= limit:
                break
    return found


def store_all(library: object, drafts: Sequence[ArticleDraft]) -> float:
    """Seconds to store ``drafts`` in chunks, one transaction each."""
    started = time.perf_counter()
    for start in range(0, len(drafts), CHUNK):
        library.articles.add_many_with_holders(drafts[start : start + CHUNK])  # type: ignore[attr-defined]
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = args.corpus / "vn-news-35k.zip"
    if not source.exists():
        print(f"no corpus at {source}", file=sys.stderr)
        return 1
    drafts = drafts_from(source, args.limit)
    print(f"{len(drafts)} articles from {source.name}; {args.runs} runs, chunks of {CHUNK}")
    sqlite_rates: list[float] = []
    server_rates: list[float] = []
    with pgserver.server() as server:
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                with Library.open(Path(tmp) / "lib") as lib:
                    sqlite_rates.append(len(drafts) / store_all(lib, drafts))
            with server.database() as dsn:
                ServerLibrary.init(dsn)
                with ServerLibrary.open(dsn) as lib:
                    server_rates.append(len(drafts) / store_all(lib, drafts))
                    assert lib.articles.count() == len(drafts)
            print(f"run {run + 1}: sqlite {sqlite_rates[-1]:,.0f}/s, "
                  f"server {server_rates[-1]:,.0f}/s")
    sqlite_median = statistics.median(sqlite_rates)
    server_median = statistics.median(server_rates)
    print(f"median: sqlite {sqlite_median:,.0f} articles/s, server {server_median:,.0f} "
          f"articles/s, server/sqlite {server_median / sqlite_median:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
