"""``saved list|add|run|remove``: saved searches, the keyword-tracking loop.

``saved run NAME --new-since-last`` shows only the articles that arrived since
the saved search was last opened (in the app or here), then marks it opened.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.commands.parsing import SubParsers, action_group, add_action, add_filter_options
from desktop.commands.search import print_result, result_dict
from desktop.core.errors import UserError
from desktop.core.search.interface import open_search
from desktop.core.search.query import parse_query
from desktop.core.search.tracking import new_count, run_saved
from desktop.core.store.saved_searches import SORTS, SavedSearch


def register(sub: SubParsers) -> None:
    cmds = action_group(sub, "saved", "saved searches: list, add, run (new since last time)")
    add_action(
        cmds, "list", cmd_list, "saved searches with how many articles are new", json=True
    )
    p = add_action(
        cmds, "add", cmd_add, "save a query (with filters) under a name", named=True, json=True
    )
    p.add_argument("query", help="the query (quote it in the shell)")
    add_filter_options(p, collection=True)
    p.add_argument("--unread", action="store_true", help="only articles not yet read")
    p.add_argument("--sort", choices=SORTS, default="relevance")
    p.add_argument("--replace", action="store_true", help="replace a saved search of that name")

    p = add_action(
        cmds, "run", cmd_run, "run a saved search and mark it opened", named=True, json=True
    )
    p.add_argument(
        "--new-since-last", action="store_true",
        help="only the articles added since the saved search was last opened",
    )
    p.add_argument("--limit", type=int, default=20, help="hits to show (default 20)")
    p.add_argument("--keep-new", action="store_true", help="do not mark it opened")
    add_action(cmds, "remove", cmd_remove, "delete a saved search", named=True)


def saved_dict(saved: SavedSearch, new: int | None = None) -> dict[str, Any]:
    """The ``--json`` form of a saved search."""
    out: dict[str, Any] = {
        "name": saved.name,
        "query": saved.query,
        "filters": {k: list(v) for k, v in saved.filters.items()},
        "sort": saved.sort,
        "created": saved.created.isoformat(),
        "last_opened": saved.last_opened.isoformat() if saved.last_opened else None,
    }
    if new is not None:
        out["new"] = new
    return out


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    searches = lib.saved_searches.list_all()
    rows: list[tuple[SavedSearch, int | None]]
    index = open_search(lib)
    try:
        rows = [(s, new_count(index, s)) for s in searches]
    finally:
        index.close()
    if args.json:
        print_json([saved_dict(s, n) for s, n in rows])
        return EXIT_OK
    if not rows:
        print("No saved searches. Add one with: archive-browser saved add NAME QUERY")
    for saved, new in rows:
        filters = " ".join(f"{k}:{','.join(v)}" for k, v in saved.filters.items())
        counted = f"  ({new} new)" if new is not None else ""
        print(f"{saved.name}{counted}  {saved.query!r} {filters}".rstrip())
    return EXIT_OK


def cmd_add(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    filters = {
        "site": args.site, "year": args.year, "tag": args.tag, "collection": args.collection,
        "read": ["unread"] if args.unread else [],
    }
    parse_query(args.query)  # a query the search cannot parse is refused before it is saved
    saved = lib.saved_searches.add(
        args.name, args.query, filters, args.sort, replace=args.replace
    )
    if args.json:
        print_json(saved_dict(saved))
    else:
        print(f"Saved {saved.name!r}: {saved.query!r}")
    return EXIT_OK


def cmd_run(args: argparse.Namespace, ctx: CommandContext) -> int:
    if not 1 <= args.limit <= 10_000:
        raise UserError("--limit must be between 1 and 10000.")
    lib = ctx.open_library()
    index = open_search(lib)
    try:
        run = run_saved(
            index, lib.saved_searches, args.name, new_only=args.new_since_last,
            limit=args.limit, mark_opened=not args.keep_new and not lib.read_only,
        )
    finally:
        index.close()
    if args.json:
        out = saved_dict(run.saved, run.new)
        out["new_since_last"] = bool(args.new_since_last)
        out["result"] = result_dict(run.result, run.result.took_ms)
        print_json(out)
        return EXIT_OK
    print(f"{run.saved.name}: {run.new} new since last opened")
    print_result(run.result, run.result.took_ms)
    return EXIT_OK


def cmd_remove(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    lib.saved_searches.remove(args.name)
    print(f"Removed the saved search {args.name!r}.")
    return EXIT_OK
