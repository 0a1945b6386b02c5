"""``bundle export|import|verify``: portable archive bundles from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.commands.parsing import action_group
from desktop.commands.progress import StatusLine
from desktop.core.bundles import (
    BundleProgress,
    ProgressFn,
    export_bundle,
    import_bundle,
    verify_bundle,
)

WITH_INDEX_GONE = (
    "Note: --with-index is ignored: bundles no longer carry a search index "
    "(the reader builds its own, because an index from a bundle could run code)."
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmds = action_group(sub, "bundle", "export, import and verify portable archive bundles")

    p = cmds.add_parser(
        "export", help="write the library, a search result or chosen articles to a .zip"
    )
    p.add_argument("out", metavar="OUT.zip", help="bundle to write (replaced atomically)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--query", metavar="Q", help="only the articles matching this search")
    what.add_argument(
        "--ids", nargs="+", metavar="ID", help="only these articles (ids or unique prefixes)"
    )
    what.add_argument("--collection", metavar="NAME", help="only the articles of this collection")
    p.add_argument(
        "--with-originals", action="store_true", help="include the original files (larger)"
    )
    # Kept so that old scripts still run; bundles no longer carry an index.
    p.add_argument("--with-index", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("import", help="merge a bundle into the library (no duplicates)")
    p.add_argument("bundle", metavar="IN.zip")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("verify", help="check a bundle's members against its manifest")
    p.add_argument("bundle", metavar="IN.zip")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def _bundle_progress(status: StatusLine | None) -> ProgressFn | None:
    if status is None:
        return None

    def show(p: BundleProgress) -> None:
        total = f"/{p.total}" if p.total is not None else ""
        status.write(f"{p.stage}: {p.done}{total}", force=p.done == p.total)

    return show


def human_size(n: int) -> str:
    if n < 1000:
        return f"{n} bytes"
    size = n / 1000
    for unit in ("KB", "MB"):
        if size < 1000:
            return f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


def cmd_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(create=False)
    if args.with_index:
        print(WITH_INDEX_GONE, file=sys.stderr)
    status = StatusLine.on_stderr()
    try:
        report = export_bundle(
            lib,
            Path(args.out),
            ids=args.ids,
            query=args.query,
            collection=args.collection,
            with_originals=args.with_originals,
            progress=_bundle_progress(status),
        )
    finally:
        if status:
            status.finish()
    if args.json:
        print_json(report.model_dump(mode="json"))
        return EXIT_OK
    print(f"Wrote {report.path} ({human_size(report.bytes)})")
    print(f"  articles:    {report.articles}")
    print(f"  originals:   {report.originals}")
    print(f"  annotations: {report.annotations}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(create=True)
    status = StatusLine.on_stderr()
    try:
        report = import_bundle(lib, Path(args.bundle), progress=_bundle_progress(status))
    finally:
        if status:
            status.finish()
    if args.json:
        print_json(report.public_dict())
        return EXIT_OK
    print(f"Imported {report.imported} of {report.articles} articles "
          f"({report.duplicates} already in the library).")
    merge = report.annotation_merge
    if merge is not None and report.annotations:
        print(f"Annotations: {merge.get('added', 0)} added, {merge.get('updated', 0)} updated, "
              f"{merge.get('unchanged', 0)} unchanged, {merge.get('orphaned', 0)} orphaned.")
        for failure in merge.get("failed", []):
            print(f"  skipped {failure}", file=sys.stderr)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, ctx: CommandContext) -> int:
    status = StatusLine.on_stderr()
    try:
        report = verify_bundle(Path(args.bundle), progress=_bundle_progress(status))
    finally:
        if status:
            status.finish()
    if args.json:
        print_json(report.model_dump(mode="json"))
        return EXIT_OK
    c = report.counts
    print(f"OK: {report.path}: {report.members} members, {report.bytes} bytes, "
          f"created {report.created} by Archive Browser {report.app_version}")
    print(f"  articles {c.articles}, originals {c.originals}, annotations {c.annotations}")
    if c.index_files:
        print(f"  index files {c.index_files} (from an older version; never read)")
    return EXIT_OK
