"""Benchmark: export, verify, import and read-only open of a bundle of real articles.

Loads the first N articles of the corpus's ``vn-news-35k.zip`` into a temporary
library (line 1 title, line 2 lead, then body; the file bytes as the original),
then times each bundle step and prints the figures. The read-only open runs
twice: the first builds the search index, the second copies the one kept in the
cache (a private cache folder inside the temporary folder).

    python bench/bench_bundles.py [--articles N] [--no-open]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.bundles import (  # noqa: E402
    close_bundle,
    export_bundle,
    import_bundle,
    open_bundle_readonly,
    verify_bundle,
)
from desktop.core.models import ArticleDraft, Original, article_id_for  # noqa: E402
from desktop.core.store import Library  # noqa: E402
from desktop.core.textnorm import normalize_text  # noqa: E402

CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))


def load(lib: Library, n: int) -> int:
    drafts: list[ArticleDraft] = []
    with zipfile.ZipFile(CORPUS / "vn-news-35k.zip") as zf:
        names = [i.filename for i in zf.infolist() if i.filename.endswith(".txt")][:n]
        for name in names:
            raw = zf.read(name)
            lines = normalize_text(raw.decode("utf-8")).split("\n")
            body = "\n".join(line for line in lines[1:] if line.strip())
            if not body:
                continue
            drafts.append(
                ArticleDraft(
                    id=article_id_for(raw), title=lines[0][:300] or name, body=body,
                    source_path="vn-news-35k.zip", source_member=name, kind="text",
                    original=Original(data=raw, media_type="text/plain", encoding="utf-8"),
                )
            )
    added = 0
    for start in range(0, len(drafts), 1000):
        outcomes = lib.articles.add_many(drafts[start : start + 1000])
        added += sum(o.value == "added" for o in outcomes)
    return added


def timed(label: str, func):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = func()
    print(f"{label:34} {time.perf_counter() - started:8.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument(
        "--no-open", action="store_true", help="skip the read-only open (it builds an index)"
    )
    args = parser.parse_args()
    if not (CORPUS / "vn-news-35k.zip").is_file():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")
        src = Library.open(root / "src")
        n = timed(f"load {args.articles} articles", lambda: load(src, args.articles))
        print(f"{'articles stored':34} {n:8d}")
        out = root / "b.zip"
        rep = timed("export (originals)", lambda: export_bundle(src, out, with_originals=True))
        print(f"{'bundle size':34} {rep.bytes / 1e6:8.1f} MB")
        timed("verify", lambda: verify_bundle(out))
        dst = Library.open(root / "dst")
        started = time.perf_counter()
        res = timed("import into an empty library", lambda: import_bundle(dst, out))
        rate = res.imported / (time.perf_counter() - started)
        print(f"{'imported / duplicates':34} {res.imported:8d} / {res.duplicates}")
        print(f"{'import rate (articles/s)':34} {rate:8.0f}")
        res = timed("import again (all duplicates)", lambda: import_bundle(dst, out))
        if not args.no_open:
            for label in ("building the index", "index from the cache"):
                started = time.perf_counter()
                ro = timed(f"open read-only, {label}", lambda: open_bundle_readonly(out))
                took = time.perf_counter() - started
                print(f"{'read-only articles':34} {ro.articles.count():8d}")
                close_bundle(ro)
                if label.startswith("building"):
                    first = took
                else:
                    print(f"{'second open / first open':34} {took / first:8.2f}")
        src.close()
        dst.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
