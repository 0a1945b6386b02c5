"""``search``: query the library from the command line (one query or a batch file)."""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from pathlib import Path
from typing import Any

from desktop.commands.base import EXIT_FAILURE, EXIT_OK, CommandContext, print_json
from desktop.core.errors import UserError
from desktop.core.search.interface import SearchBackend, open_search
from desktop.core.search.models import SearchRequest, SearchResult

_TAG = re.compile(r"</?mark>")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="search the library (diacritics optional)",
        description=(
            'Words are ANDed. Also: "phrases", "phrase"~5, a NEAR b, a NEAR/5 b, OR, '
            "NOT/-word, (groups), title: site: author: tag: note: collection:, "
            "published:2023 / 2023-05 / [2023-01-01 TO 2023-06-30], prefix*, fuzzy~. "
            "Anything else typed is searched as text."
        ),
    )
    p.add_argument("query", nargs="?", default=None, help="the query (quote it in the shell)")
    p.add_argument("--limit", type=int, default=20, help="hits per page (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many hits")
    p.add_argument("--sort", choices=["relevance", "newest", "oldest"], default="relevance")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--batch", metavar="FILE", help="run one query per line of FILE, one JSON line each"
    )
    p.set_defaults(func=cmd_search)


def result_dict(result: SearchResult, took_ms: float) -> dict[str, Any]:
    """The ``--json`` contract."""
    return {
        "query": result.query,
        "total": result.total,
        "hits": [
            {
                "id": h.id,
                "title": h.title,
                "score": h.score,
                "snippet": h.snippet,
                "published": h.published.isoformat() if h.published else None,
                "site": h.site,
            }
            for h in result.hits
        ],
        "facets": {
            "site": dict(result.facets.get("site", {})),
            "year": dict(result.facets.get("year", {})),
        },
        "notice": result.notice,
        "took_ms": round(took_ms, 3),
    }


def _request(args: argparse.Namespace, query: str) -> SearchRequest:
    if not 1 <= args.limit <= 10_000:
        raise UserError("--limit must be between 1 and 10000.")
    if args.offset < 0:
        raise UserError("--offset cannot be negative.")
    return SearchRequest(query=query, limit=args.limit, offset=args.offset, sort=args.sort)


def _timed(index: SearchBackend, request: SearchRequest) -> tuple[SearchResult, float]:
    started = time.perf_counter()
    result = index.search(request)
    return result, (time.perf_counter() - started) * 1000.0


def cmd_search(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.batch is None and args.query is None:
        raise UserError("Give a query, or --batch FILE.")
    if args.batch is not None and args.query is not None:
        raise UserError("Give either a query or --batch FILE, not both.")
    lib = ctx.open_library()
    index = open_search(lib)
    try:
        if args.batch is not None:
            return _run_batch(index, args)
        result, took = _timed(index, _request(args, args.query))
        if args.json:
            print_json(result_dict(result, took))
        else:
            print_result(result, took)
        return EXIT_OK
    finally:
        index.close()


def _run_batch(index: SearchBackend, args: argparse.Namespace) -> int:
    path = Path(args.batch)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"Cannot read the batch file {path}: {exc}") from exc
    failed = False
    for line in lines:
        query = line.strip()
        if not query:
            continue
        try:
            result, took = _timed(index, _request(args, query))
        except UserError as exc:
            print_json({"query": query, "error": str(exc)})
            failed = True
            continue
        print_json(result_dict(result, took))
        sys.stdout.flush()
    return EXIT_FAILURE if failed else EXIT_OK


def _plain(snippet: str) -> str:
    return html.unescape(_TAG.sub("", snippet))


def print_result(result: SearchResult, took: float) -> None:
    about = "" if result.total_is_exact else "about "
    print(f"{about}{result.total} result(s) for {result.query!r} in {took:.1f} ms")
    if result.notice:
        print(result.notice)
    for n, hit in enumerate(result.hits, start=result.offset + 1):
        when = hit.published.isoformat() if hit.published else "----------"
        print(f"{n:3}. {hit.title}")
        print(f"     {hit.id[:12]}  {when}  {hit.site or '-'}  score {hit.score:.2f}")
        if hit.snippet:
            print(f"     {_plain(hit.snippet)}")
