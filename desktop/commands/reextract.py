"""``reextract [ID...]``: extract articles again from their originals, then re-anchor.

Annotations on articles whose text changed are found again in the new text
(kept, moved, fuzzy) or marked orphaned; the summary says how many of each.
"""

from __future__ import annotations

import argparse

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.core.annotations.anchoring import ReanchorCounts, reanchor_article


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "reextract", help="extract articles again from their originals and re-anchor annotations"
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="article ids (default: every article)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reextract)


def cmd_reextract(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.core.ingest.reextract import reextract

    lib = ctx.open_library(writes=True)
    ids = [lib.articles.resolve_id(i) for i in args.ids] if args.ids else None
    changed = reextract(lib, ids)
    counts = ReanchorCounts()
    for article_id in changed:
        article = lib.articles.find(article_id)
        if article is not None:
            counts = counts + reanchor_article(lib.annotations, article)
    summary = {
        "checked": len(ids) if ids is not None else lib.articles.count(),
        "changed": len(changed),
        "changed_ids": changed,
        "annotations": counts.model_dump(),
    }
    if args.json:
        print_json(summary)
    else:
        print(f"re-extracted {summary['checked']} article(s); {len(changed)} changed")
        print(
            f"annotations: {counts.kept} kept, {counts.moved} moved, {counts.fuzzy} fuzzy, "
            f"{counts.orphaned} orphaned"
        )
    return EXIT_OK
