"""``annotations add|list|show|history|delete|export|import``: annotations from the CLI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.base import EXIT_FAILURE, EXIT_OK, CommandContext, print_json
from desktop.commands.parsing import action_group
from desktop.core.annotations.exports import FORMATS, export_annotations
from desktop.core.annotations.models import PALETTE, Annotation, AnnotationFilter
from desktop.core.annotations.store import HistoryEntry
from desktop.core.annotations.w3c import import_annotation_file
from desktop.core.errors import UserError
from desktop.core.store import Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmds = action_group(sub, "annotations", "add, list, export and import annotations")
    colors = ", ".join(PALETTE)

    p = cmds.add_parser("add", help="annotate a passage of an article by quoting it")
    p.add_argument("id", help="article id (or a unique prefix of it)")
    p.add_argument("--quote", required=True, help="the passage, as it appears in the text")
    p.add_argument("--prefix", default="", help="text just before the quote (to choose)")
    p.add_argument("--suffix", default="", help="text just after the quote (to choose)")
    p.add_argument("--note", default="", help="note (Markdown)")
    p.add_argument("--tag", action="append", default=[], help="tag, e.g. policy/funding")
    p.add_argument("--color", default=None, help=f"{colors} or #rrggbb")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_add)

    p = cmds.add_parser("list", help="list annotations, newest first")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--tag", help="only this tag and the tags below it")
    p.add_argument("--article", metavar="ID", help="only this article's, in text order")
    p.add_argument("--color", help="only this colour")
    p.add_argument("--text", help="words in the quote or note (accents optional)")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("show", help="one annotation in full, with who made it")
    p.add_argument("annotation", help="annotation id (or a unique prefix of it)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser(
        "history", help="the earlier versions of an annotation (edited or deleted), newest first"
    )
    p.add_argument("annotation", help="annotation id (or a unique prefix of it), deleted too")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_history)

    p = cmds.add_parser("delete", help="delete an annotation")
    p.add_argument("annotation", help="annotation id (or a unique prefix of it)")
    p.set_defaults(func=cmd_delete)

    p = cmds.add_parser("export", help="export annotations to a file")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("out", help="file to write")
    p.add_argument("--tag", help="only this tag and the tags below it")
    p.add_argument("--query", help="only annotations on articles matching this search")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("import", help="merge a W3C annotation file (JSON-LD)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)


def annotation_dict(a: Annotation) -> dict[str, Any]:
    return {
        "id": a.id,
        "article": a.article_id,
        "start": a.start,
        "end": a.end,
        "quote": a.exact,
        "note": a.note,
        "tags": list(a.tags),
        "color": a.color,
        "status": a.status,
        "created": a.created.isoformat(),
        "modified": a.modified.isoformat(),
        "author": a.author,
        "editor": a.editor,
    }


def history_dict(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "action": entry.action,
        "replaced_by": entry.replaced_by,
        "replaced_at": entry.replaced_at.isoformat(),
        "version": annotation_dict(entry.annotation),
    }


def _one_line(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def cmd_add(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    article_id = lib.articles.resolve_id(args.id)
    made = lib.annotations.create_from_quote(
        article_id, args.quote, prefix=args.prefix, suffix=args.suffix, note=args.note,
        tags=args.tag, color=args.color,
    )
    if made.match.ambiguous:
        print(
            f"archive-browser: note: the quote occurs {made.match.occurrences} times; "
            "annotated the first one (give --prefix/--suffix to choose another)",
            file=sys.stderr,
        )
    ann = made.annotation
    if args.json:
        out = annotation_dict(ann)
        out["occurrences"] = made.match.occurrences
        out["ambiguous"] = made.match.ambiguous
        print_json(out)
    else:
        print(f"{ann.id}  {article_id[:12]}  {ann.start}..{ann.end}  {_one_line(ann.exact)}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    store = lib.annotations
    article_id = lib.articles.resolve_id(args.article) if args.article else None
    flt = AnnotationFilter(tag=args.tag, color=args.color, text=args.text, article_id=article_id)
    found = store.list_all(flt)
    if article_id:
        found.sort(key=lambda a: (a.start, a.end))
    for a in found:
        if args.json:
            print_json(annotation_dict(a))
        else:
            mark = "?" if a.orphaned else " "
            tags = " ".join(f"#{t}" for t in a.tags)
            who = _one_line(a.author or "-", 16)
            print(
                f"{a.id[:8]}{mark} {a.article_id[:12]}  {who:16}  {_one_line(a.exact, 50):50}  "
                f"{tags}".rstrip()
            )
    return EXIT_OK


def _who(name: str) -> str:
    return name or "(unknown)"


def cmd_show(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    store = lib.annotations
    a = store.get(store.resolve_id(args.annotation))
    if args.json:
        print_json(annotation_dict(a))
        return EXIT_OK
    lines = [
        f"id:       {a.id}",
        f"article:  {a.article_id}  {a.start}..{a.end}" + ("  (orphaned)" if a.orphaned else ""),
        f"author:   {_who(a.author)}  {a.created.isoformat()}",
        f"modified: {_who(a.editor)}  {a.modified.isoformat()}",
        f"colour:   {a.color}",
        f"tags:     {' '.join('#' + t for t in a.tags)}",
        f"quote:    {_one_line(a.exact, 400)}",
    ]
    if a.note:
        lines.append("note:")
        lines.extend(f"  {line}" for line in a.note.splitlines())
    print("\n".join(lines))
    return EXIT_OK


def cmd_history(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    store = lib.annotations
    annotation_id = store.resolve_id(args.annotation, deleted=True)
    entries = store.history(annotation_id)
    if args.json:
        for entry in entries:
            print_json(history_dict(entry))
        return EXIT_OK
    current = store.find(annotation_id)
    if current is None:
        print(f"{annotation_id}: deleted")
    else:
        print(f"{annotation_id}: current version by {_who(current.editor)} "
              f"at {current.modified.isoformat()}")
    if not entries:
        print("no earlier versions")
    for entry in entries:
        v = entry.annotation
        verb = "deleted" if entry.action == "delete" else "replaced"
        print(
            f"- {verb} by {_who(entry.replaced_by)} at {entry.replaced_at.isoformat()}: "
            f"the version by {_who(v.editor)} of {v.modified.isoformat()}"
        )
        tags = " ".join(f"#{t}" for t in v.tags)
        print(f"    colour {v.color}  {tags}".rstrip())
        if v.note:
            print(f"    note: {_one_line(v.note, 200)}")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    store = lib.annotations
    removed = store.delete(store.resolve_id(args.annotation))
    print(f"deleted {removed.id}")
    return EXIT_OK


def _articles_matching(lib: Library, query: str) -> tuple[str, ...]:
    """Ids of every article the search index finds for ``query``."""
    if not query.strip():
        raise UserError("The --query is empty.")
    from desktop.core.search.interface import open_search  # loaded only for --query
    from desktop.core.search.models import SearchRequest

    index = open_search(lib)
    try:
        return tuple(index.all_ids(SearchRequest(query=query)))
    finally:
        index.close()


def cmd_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    article_ids = _articles_matching(lib, args.query) if args.query else None
    flt = AnnotationFilter(tag=args.tag, article_ids=article_ids)
    found = lib.annotations.list_all(flt)
    report = export_annotations(lib.articles, found, args.format, Path(args.out))
    if args.json:
        print_json(report.model_dump())
    else:
        print(
            f"wrote {report.annotations} annotation(s) on {report.articles} article(s) "
            f"to {report.path}"
        )
        if report.skipped:
            print(f"left out {report.skipped} orphaned annotation(s)")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(writes=True)
    report = import_annotation_file(lib, Path(args.file))
    if args.json:
        print_json(report.model_dump())
    else:
        print(
            f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
            f"orphaned {report.orphaned}, failed {len(report.failed)}"
        )
        for failure in report.failed:
            print(f"  failed: {failure}", file=sys.stderr)
    ok = not report.failed or (report.added + report.updated + report.unchanged) > 0
    return EXIT_OK if ok else EXIT_FAILURE
