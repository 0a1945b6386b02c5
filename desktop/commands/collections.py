"""``collection list|show|add|remove|rename|delete``: article collections from the command line."""

from __future__ import annotations

import argparse

from desktop.commands.articles import print_summary
from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.commands.parsing import SubParsers, action_group, add_action


def register(sub: SubParsers) -> None:
    cmds = action_group(sub, "collection", "article collections: list, show, add, remove")
    add_action(cmds, "list", cmd_list, "collections with their article counts", json=True)
    add_action(
        cmds, "show", cmd_show, "the articles of a collection", named=True,
        json="one JSON object per line",
    )
    p = add_action(
        cmds, "add", cmd_add, "put articles in a collection (made if missing)", named=True,
        json=True,
    )
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids or unique prefixes")
    p = add_action(
        cmds, "remove", cmd_remove, "take articles out of a collection", named=True, json=True
    )
    p.add_argument("ids", nargs="+", metavar="ID")
    p = add_action(cmds, "rename", cmd_rename, "rename a collection", named=True)
    p.add_argument("new_name")
    add_action(cmds, "delete", cmd_delete, "delete a collection (its articles stay)", named=True)


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    found = lib.collections.list_all()
    if args.json:
        print_json([{"name": c.name, "articles": c.count, "created": c.created} for c in found])
        return EXIT_OK
    if not found:
        print("No collections. Add articles with: archive-browser collection add NAME ID...")
    for c in found:
        print(f"{c.name}  ({c.count} article(s))")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    ids = lib.collections.article_ids(args.name)
    by_id = {s.id: s for s in lib.articles.summaries_for(ids)}
    for article_id in ids:
        s = by_id.get(article_id)
        if s is not None:
            print_summary(s, as_json=args.json)
    return EXIT_OK


def cmd_add(args: argparse.Namespace, ctx: CommandContext) -> int:
    return _change_members(args, ctx, adding=True)


def cmd_remove(args: argparse.Namespace, ctx: CommandContext) -> int:
    return _change_members(args, ctx, adding=False)


def _change_members(args: argparse.Namespace, ctx: CommandContext, *, adding: bool) -> int:
    """Add the articles to the collection, or take them out of it."""
    lib = ctx.open_library(writes=True)
    ids = [lib.articles.resolve_id(i) for i in args.ids]
    store = lib.collections
    count = store.add(args.name, ids) if adding else store.remove(args.name, ids)
    name = store.canonical_name(args.name)
    key, verb, where = ("added", "Added", "to") if adding else ("removed", "Removed", "from")
    if args.json:
        print_json({"name": name, key: count, "articles": len(store.article_ids(name))})
    else:
        print(f"{verb} {count} article(s) {where} {name!r}.")
    return EXIT_OK


def cmd_rename(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    new = lib.collections.rename(args.name, args.new_name)
    print(f"Renamed {args.name!r} to {new!r}.")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    lib.collections.delete(args.name)
    print(f"Deleted the collection {args.name!r} (its articles stay in the library).")
    return EXIT_OK
