"""``compare``, ``similar`` and ``clusters``: text reuse from the command line."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from pathlib import Path
from typing import Any

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.core.compare import compare_texts
from desktop.core.compare.align import DEFAULT_BUDGET_MS
from desktop.core.compare.models import AlignedPair, CompareResult
from desktop.core.compare.report import render_article_report, write_report
from desktop.core.compare.similar import library_clusters, similar_articles
from desktop.core.errors import UserError
from desktop.core.models import Article


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compare",
        help="align two articles: shared, changed and one-sided passages",
        description="Align two articles sentence by sentence (also when reordered or "
        "reworded) and show what they share, what changed and what only one has.",
    )
    p.add_argument("id1", metavar="ID1", help="first article id (or a unique prefix)")
    p.add_argument("id2", metavar="ID2", help="second article id (or a unique prefix)")
    p.add_argument("--json", action="store_true", help="print the alignment as JSON")
    p.add_argument("--html", metavar="OUT", type=Path, help="write a self-contained HTML report")
    p.add_argument(
        "--budget-ms", type=float, default=DEFAULT_BUDGET_MS,
        help="time budget; beyond it fuzzy and word-level matching are cut short "
        f"(default {DEFAULT_BUDGET_MS:.0f}; 0 = no limit)",
    )
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("similar", help="near-duplicates of an article (then related ones)")
    p.add_argument("id", help="article id (or a unique prefix)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=_positive, default=10)
    p.set_defaults(func=cmd_similar)

    p = sub.add_parser("clusters", help="groups of near-duplicate articles, largest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--min-size", type=_positive, default=2)
    p.set_defaults(func=cmd_clusters)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


# -- compare -----------------------------------------------------------------


def cmd_compare(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(create=False)
    a = lib.articles.get(lib.articles.resolve_id(args.id1))
    b = lib.articles.get(lib.articles.resolve_id(args.id2))
    if args.budget_ms < 0:
        raise UserError("--budget-ms must not be negative.")
    result = compare_texts(a.body, b.body, time_budget_ms=args.budget_ms or None)
    if args.html is not None:
        write_report(args.html, render_article_report(result, a, b))
    if args.json:
        print_json(result.public_dict())
    elif args.html is None:
        print(text_summary(result, a, b))
    else:
        print(f"Report written to {args.html}")
    return EXIT_OK


def text_summary(result: CompareResult, a: Article, b: Article, width: int | None = None) -> str:
    """A readable unified listing: ``=`` same, ``~`` changed, ``-`` only A, ``+`` only B."""
    width = width or min(100, shutil.get_terminal_size((100, 24)).columns)
    counts = result.counts()
    lines = [
        f"A  {a.id[:12]}  {a.title}",
        f"B  {b.id[:12]}  {b.title}",
        f"A found in B: {result.similarity.a_in_b:.1%}   "
        f"B found in A: {result.similarity.b_in_a:.1%}   "
        f"({counts['same']} same, {counts['changed']} changed, "
        f"{counts['only_a']} only in A, {counts['only_b']} only in B; "
        f"{result.took_ms:.0f} ms)",
    ]
    if result.notice:
        lines.append(f"Note: {result.notice}")
    lines.append("Legend: = same  ~ changed ([-removed-] {+added+})  - only in A  + only in B")
    lines.append("")
    for pair in result.pairs:
        lines.extend(_pair_lines(pair, a.body, b.body, width))
    return "\n".join(lines)


def _pair_lines(pair: AlignedPair, a: str, b: str, width: int) -> list[str]:
    if pair.kind == "same" and pair.a:
        return _wrap("= ", a[pair.a[0] : pair.a[1]], width)
    if pair.kind == "only_a" and pair.a:
        return _wrap("- ", a[pair.a[0] : pair.a[1]], width)
    if pair.kind == "only_b" and pair.b:
        return _wrap("+ ", b[pair.b[0] : pair.b[1]], width)
    if pair.a and pair.b:
        return [
            *_wrap("~A ", _inline_marks(a, pair, "a"), width),
            *_wrap(" B ", _inline_marks(b, pair, "b"), width),
        ]
    return []


def _inline_marks(text: str, pair: AlignedPair, side: str) -> str:
    span = pair.a if side == "a" else pair.b
    assert span is not None
    open_, close = ("[-", "-]") if side == "a" else ("{+", "+}")
    out: list[str] = []
    pos = span[0]
    for w in pair.words:
        ws = w.a if side == "a" else w.b
        if ws is None:
            continue
        out.append(text[pos : ws[0]])
        out.append(open_ + text[ws[0] : ws[1]] + close)
        pos = ws[1]
    out.append(text[pos : span[1]])
    return "".join(out)


def _wrap(prefix: str, text: str, width: int) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), width=width, initial_indent=prefix,
        subsequent_indent=" " * len(prefix), break_on_hyphens=False,
    ) or [prefix.rstrip()]


# -- similar and clusters ----------------------------------------------------


def cmd_similar(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(create=False)
    article_id = lib.articles.resolve_id(args.id)
    found = similar_articles(lib, article_id, args.limit)
    if args.json:
        print_json(
            {
                "id": article_id,
                "similar": [
                    {"id": s.id, "title": s.title, "similarity": round(s.similarity, 4),
                     "kind": s.kind}
                    for s in found
                ],
            }
        )
        return EXIT_OK
    if not found:
        print("No similar articles found.")
    for s in found:
        print(f"{s.similarity:6.1%}  {s.kind:14}  {s.id[:12]}  {s.title}")
    return EXIT_OK


def cmd_clusters(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library(create=False)
    clusters = library_clusters(lib, args.min_size)
    if args.json:
        out: dict[str, Any] = {
            "clusters": [
                {
                    "members": [
                        {"id": m.id, "title": m.title, "similarity": round(m.similarity, 4)}
                        for m in cluster
                    ]
                }
                for cluster in clusters
            ]
        }
        print_json(out)
        return EXIT_OK
    if not clusters:
        print("No near-duplicate clusters found.")
    for n, cluster in enumerate(clusters, 1):
        print(f"Cluster {n}: {len(cluster)} articles")
        for m in cluster:
            print(f"  {m.similarity:6.1%}  {m.id[:12]}  {m.title}")
    return EXIT_OK
