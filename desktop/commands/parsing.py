"""Argument parsing the command groups share: an ``ACTION`` group, its actions, filters.

``action_group`` makes ``archive-browser GROUP ACTION ...``; ``add_action`` adds
one action with its handler, an optional leading ``name`` argument and an
optional ``--json`` flag; ``add_filter_options`` adds the facet filters
(``--site``, ``--year``, ``--tag``, optionally ``--collection``) that ``list``
and ``saved add`` take, matched as the app's facets match them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeAlias

from desktop.commands.base import CommandContext

Handler = Callable[[argparse.Namespace, CommandContext], int]
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def action_group(sub: SubParsers, group: str, help: str) -> SubParsers:
    """The actions of ``archive-browser GROUP`` (one of them is required)."""
    top = sub.add_parser(group, help=help)
    return top.add_subparsers(dest=f"{group}_command", metavar="ACTION", required=True)


def add_action(
    actions: SubParsers,
    action: str,
    handler: Handler,
    help: str,
    *,
    named: bool = False,
    json: bool | str = False,
) -> argparse.ArgumentParser:
    """One action; ``named`` takes a ``name`` first, ``json`` adds ``--json`` (a string
    is its help text)."""
    p = actions.add_parser(action, help=help)
    if named:
        p.add_argument("name")
    if json:
        p.add_argument("--json", action="store_true", help=json if isinstance(json, str) else None)
    p.set_defaults(func=handler)
    return p


def add_filter_options(p: argparse.ArgumentParser, *, collection: bool = False) -> None:
    """``--site``, ``--year`` and ``--tag`` (each repeatable), and ``--collection``."""
    p.add_argument(
        "--site", action="append", default=[], metavar="SITE",
        help="only articles from this site (repeat for any of several)",
    )
    p.add_argument(
        "--year", action="append", default=[], metavar="YEAR",
        help="only articles published in this year (repeat for any of several)",
    )
    p.add_argument(
        "--tag", action="append", default=[], metavar="TAG",
        help="only articles with an annotation tagged TAG or a tag below it "
        "(repeat: all of them)",
    )
    if collection:
        p.add_argument(
            "--collection", action="append", default=[], metavar="NAME",
            help="only the articles of this collection (repeatable)",
        )
