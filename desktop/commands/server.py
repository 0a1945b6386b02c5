"""``server init ADDRESS``: make a PostgreSQL database a shared team library."""

from __future__ import annotations

import argparse

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.commands.parsing import SubParsers, action_group, add_action
from desktop.core.errors import UserError
from desktop.core.store.locations import is_server_location


def register(sub: SubParsers) -> None:
    actions = action_group(sub, "server", "shared team libraries on a PostgreSQL server")
    p = add_action(
        actions, "init", cmd_init,
        "create (or upgrade) the library schema and extensions in a database",
        json="print a JSON summary",
    )
    p.add_argument("address", help="postgresql://user[:password]@host[:port]/database")


def cmd_init(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.core.server.address import parse_address
    from desktop.core.server.library import ServerLibrary

    if not is_server_location(args.address):
        raise UserError(f"Not a server address: {args.address!r} (use postgresql://…).")
    shown = parse_address(args.address).shown
    version = ServerLibrary.init(args.address)
    if args.json:
        print_json({"library": shown, "schema_version": version})
    else:
        print(f"The server library {shown} is ready (schema version {version}).")
    return EXIT_OK
