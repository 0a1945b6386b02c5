"""``reading mark|unmark|status``: the read / unread state of articles from the command line."""

from __future__ import annotations

import argparse

from desktop.commands.base import EXIT_OK, CommandContext, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    top = sub.add_parser("reading", help="mark articles read or unread, or show their state")
    cmds = top.add_subparsers(dest="reading_command", metavar="ACTION", required=True)
    for name, help_text in (
        ("mark", "mark articles read"),
        ("unmark", "mark articles unread"),
        ("status", "show whether articles are read, and where they were left"),
    ):
        p = cmds.add_parser(name, help=help_text)
        p.add_argument("ids", nargs="+", metavar="ID", help="article ids or unique prefixes")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_reading, reading_action=name)


def cmd_reading(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=args.reading_action != "status")
    ids = list(dict.fromkeys(lib.articles.resolve_id(i) for i in args.ids))
    store = lib.reading_state
    if args.reading_action != "status":
        changed = store.mark(ids, read=args.reading_action == "mark")
        if args.json:
            print_json({"changed": changed, "articles": len(ids)})
        else:
            state = "read" if args.reading_action == "mark" else "unread"
            print(f"Marked {changed} article(s) {state} ({len(ids) - changed} already were).")
        return EXIT_OK
    for article_id in ids:
        state = store.get(article_id)
        if args.json:
            print_json({"id": article_id, "read": state.read, "position": state.position})
        else:
            print(f"{article_id[:12]}  {'read' if state.read else 'unread':6}  at {state.position}")
    return EXIT_OK
