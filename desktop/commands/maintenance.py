"""``reindex``: rebuild the search index from the library's store."""

from __future__ import annotations

import argparse
import time

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.commands.progress import StatusLine
from desktop.core.search.index import SearchIndex
from desktop.core.search.interface import SearchBackend, open_search, server_dsn


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=cmd_reindex)


def cmd_reindex(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    started = time.perf_counter()
    status = StatusLine.on_stderr()
    # A folder's index is rebuilt without reading the old one (it may be damaged); a
    # server's search tables are opened (created if missing), then refilled.
    index: SearchBackend = (
        SearchIndex(lib, lib.index_dir) if server_dsn(lib) is None else open_search(lib)
    )
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
