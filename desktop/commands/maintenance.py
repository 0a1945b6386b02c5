"""``reindex``: rebuild the search index from the library's store."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.core.search.index import SearchIndex


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=cmd_reindex)


def progress_bar(stream: object = None) -> Callable[[int, int], None] | None:
    """A progress bar on stderr when it is a terminal, else None."""
    out = sys.stderr if stream is None else stream
    if not getattr(out, "isatty", lambda: False)():
        return None
    last = [-1.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        width = 30
        frac = done / total if total else 1.0
        bar = "#" * int(frac * width)
        out.write(f"\rIndexing [{bar:<{width}}] {done}/{total}")  # type: ignore[attr-defined]
        if done >= total:
            out.write("\n")  # type: ignore[attr-defined]
        out.flush()  # type: ignore[attr-defined]

    return show


def cmd_reindex(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    started = time.perf_counter()
    progress = progress_bar()
    index = SearchIndex(lib, lib.index_dir)
    try:
        written = index.rebuild(progress)
        count = index.doc_count()
    finally:
        index.close()
    seconds = time.perf_counter() - started
    if args.json:
        print_json({"indexed": written, "documents": count, "seconds": round(seconds, 3)})
    else:
        print(f"Indexed {written} article(s) in {seconds:.1f} s.")
    return EXIT_OK
