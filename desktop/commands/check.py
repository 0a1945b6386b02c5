"""``check`` and ``recover``: find damage in a library, and copy out what is readable."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.base import EXIT_FAILURE, EXIT_OK, CommandContext, print_json
from desktop.commands.progress import StatusLine
from desktop.core.search.index import SearchIndex
from desktop.core.store import Library
from desktop.core.store.check import CheckReport, check_library
from desktop.core.store.recover import recover_library

# Problems listed in the readable output (``--json`` has them all).
_SHOWN_PROBLEMS = 8


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check", help="check the library database and whether the search index matches it"
    )
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "recover",
        help="copy every readable article and annotation of a damaged library into a new one",
    )
    p.add_argument("out", metavar="OUT", help="new library folder to create")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(func=cmd_recover)


def cmd_check(args: argparse.Namespace, ctx: CommandContext) -> int:
    report = check_library(ctx.require_library())
    if args.json:
        print_json(_check_dict(report))
    else:
        for line in _check_lines(report):
            print(line)
    return EXIT_OK if report.ok else EXIT_FAILURE


def _check_dict(report: CheckReport) -> dict[str, object]:
    return {
        "ok": report.ok,
        "database": str(report.db_path),
        "database_ok": report.database_ok,
        "problems": report.problems,
        "articles": report.articles,
        "unreadable_articles": report.unreadable_articles,
        "index_ok": report.index_ok,
        "index_problem": report.index.problem,
        "index_documents": report.index.documents,
        "missing_from_index": report.index.missing,
        "extra_in_index": report.index.extra,
    }


def _check_lines(report: CheckReport) -> list[str]:
    folder = report.db_path.parent
    lines = [f"Database: {report.db_path}"]
    if report.database_ok:
        lines.append(f"  ok ({report.articles:,} articles)")
    else:
        shown = report.problems[:_SHOWN_PROBLEMS]
        lines += [f"  {problem}" for problem in shown]
        if len(report.problems) > len(shown):
            lines.append(f"  ... and {len(report.problems) - len(shown)} more (see --json)")
        if report.unreadable_articles:
            lines.append(f"  {report.unreadable_articles:,} article(s) have damaged text")
    lines.append(f"Search index: {folder / 'index'}")
    index = report.index
    if index.problem:
        lines.append(f"  {index.problem}")
    elif report.index_ok:
        lines.append(f"  ok ({index.documents:,} documents, the same as the store)")
    else:
        if index.missing:
            lines.append(f"  {index.missing:,} stored article(s) are not in the index")
        if index.extra:
            lines.append(f"  {index.extra:,} indexed article(s) are no longer in the store")
    if not report.database_ok:
        lines.append(
            f"To copy what is readable into a new library: "
            f"archive-browser --library {folder} recover NEW_FOLDER"
        )
    elif not report.index_ok:
        lines.append(f"To rebuild the index: archive-browser --library {folder} reindex")
    return lines


def cmd_recover(args: argparse.Namespace, ctx: CommandContext) -> int:
    source = ctx.require_library()
    out = Path(args.out).expanduser()
    report = recover_library(source, out)
    status = StatusLine.on_stderr()
    try:
        with Library.open(out, create=False) as recovered:
            SearchIndex.open(
                recovered, progress=status.counter("Indexing") if status else None
            ).close()
    finally:
        if status:
            status.finish()
    if args.json:
        print_json({
            "library": str(Path(args.out)),
            "method": report.method,
            "articles": report.articles,
            "originals": report.originals,
            "annotations": report.annotations,
            "tags": report.tags,
            "unreadable_rows": report.unreadable_rows,
            "repaired_text": report.repaired_text,
            "rebuilt_from_originals": report.rebuilt_from_originals,
        })
    else:
        print(
            f"Recovered {report.articles:,} article(s), {report.originals:,} original(s) and "
            f"{report.annotations:,} annotation(s) into {args.out} ({report.method})."
        )
        if report.rebuilt_from_originals:
            print(
                f"{report.rebuilt_from_originals:,} article(s) had lost their row and were "
                "extracted again from their stored original."
            )
        if report.unreadable_rows:
            print(f"{report.unreadable_rows:,} row(s) could not be read and were left out.")
        if report.repaired_text:
            print(f"{report.repaired_text:,} row(s) had damaged text, kept with � marks.")
    return EXIT_OK
