"""``cite``: export citations (CSL-JSON, RIS, BibTeX) of articles or of a search result."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.annotations import _articles_matching
from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.core.cite import CITATION_FORMATS, export_citations
from desktop.core.errors import UserError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "cite",
        help="export citations for Zotero, EndNote or LaTeX",
        description="Write the citations (title, authors, site, URL, published and "
        "accessed dates, language) of the given articles, of the articles a search finds "
        "(--query), or of the whole library when neither is given.",
    )
    # One positional list (ids, then the output file); options may come in between.
    p.add_argument(
        "targets", nargs="+", metavar="[ID ...] OUT",
        help="article ids (or unique prefixes), then the file to write",
    )
    p.add_argument("--query", help="cite every article this search finds")
    p.add_argument("--format", required=True, choices=CITATION_FORMATS,
                   help="csljson (Zotero, Pandoc), ris (EndNote, Zotero) or bibtex (LaTeX)")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(func=cmd_cite, intermixed="targets")


def cmd_cite(args: argparse.Namespace, ctx: CommandContext) -> int:
    *given, out = args.targets
    lib = ctx.open_library(create=False)
    if given and args.query:
        raise UserError("Give article ids or --query, not both.")
    if args.query is not None:
        ids = list(_articles_matching(lib, args.query))
        if not ids:
            raise UserError(f"The search {args.query!r} finds no articles; nothing written.")
    elif given:
        ids = [lib.articles.resolve_id(i) for i in given]
    else:
        ids = lib.articles.all_ids()
    report = export_citations(lib, ids, args.format, Path(out))
    if args.json:
        print_json(report.model_dump())
    else:
        print(f"wrote {report.citations} citation(s) to {report.path}")
    return EXIT_OK
