"""``reindex``: rebuild the search index from the library's store."""

from __future__ import annotations

import argparse
import time

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.commands.progress import StatusLine
from desktop.core.search.index import SearchIndex


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=cmd_reindex)


def cmd_reindex(args: argparse.Namespace, ctx: CommandContext) -> int:
    ctx.require_folder("Rebuilding the search index")
    lib = ctx.open_library(writes=True)
    started = time.perf_counter()
    status = StatusLine.on_stderr()
    index = SearchIndex(lib, lib.index_dir)
    try:
        written = index.rebuild(status.counter("Indexing") if status else None)
        count = index.doc_count()
    finally:
        index.close()
        if status:
            status.finish()
    seconds = time.perf_counter() - started
    if args.json:
        print_json({"indexed": written, "documents": count, "seconds": round(seconds, 3)})
    else:
        print(f"Indexed {written} article(s) in {seconds:.1f} s.")
    return EXIT_OK
