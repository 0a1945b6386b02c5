"""``list``, ``show`` and ``stats``: reading the library from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.base import EXIT_OK, CommandContext, print_json
from desktop.commands.parsing import SubParsers, add_filter_options
from desktop.core.models import Article, ArticleSummary


def register(sub: SubParsers) -> None:
    p = sub.add_parser("list", help="list the library's articles, newest first")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--sort", choices=["newest", "oldest", "title", "imported"], default="newest")
    p.add_argument("--limit", type=int, default=None)
    add_filter_options(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", help="article id (or a unique prefix of it)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("stats", help="summarize the library")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)


def summary_dict(s: ArticleSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "published": s.published.isoformat() if s.published else None,
        "site": s.site,
        "author": s.author,
        "url": s.url,
        "source": s.source,
    }


def article_dict(a: Article) -> dict[str, Any]:
    d = summary_dict(a.summary())
    d["language"] = a.language
    d["body"] = a.body
    return d


def print_summary(s: ArticleSummary, *, as_json: bool) -> None:
    """One article of a listing: a JSON line, or id, date, site and title."""
    if as_json:
        print_json(summary_dict(s))
    else:
        when = s.published.isoformat() if s.published else "----------"
        print(f"{s.id[:12]}  {when}  {(s.site or '-')[:24]:24}  {s.title}")


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    filters = {"site": args.site, "year": [y.strip() for y in args.year], "tag": args.tag}
    for s in lib.listing.summaries(filters, order=args.sort, limit=args.limit):
        print_summary(s, as_json=args.json)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    article = lib.articles.get(lib.articles.resolve_id(args.id))
    if args.json:
        d = article_dict(article)
        d["further_sources"] = [
            {"id": s.id, "source": s.source} for s in lib.sources.sources_of(article.id)
        ]
        print_json(d)
        return EXIT_OK
    print(article.title)
    print("=" * min(len(article.title), 78))
    for label, value in (
        ("Date", article.published.isoformat() if article.published else None),
        ("Site", article.site),
        ("Author", article.author),
        ("URL", article.url),
        ("Source", article.source),
        ("Id", article.id),
    ):
        if value:
            print(f"{label + ':':8} {value}")
    for source in lib.sources.sources_of(article.id):
        print(f"{'Source:':8} {source.source} (same text, id {source.id[:12]})")
    print()
    print(article.body)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, ctx: CommandContext) -> int:
    lib = ctx.open_library()
    first, last = lib.articles.date_range()
    stats: dict[str, Any] = {
        "library": lib.location,
        "articles": lib.articles.count(),
        "kinds": lib.articles.kind_counts(),
        "sites": len(lib.articles.site_counts()),
        "first_published": first.isoformat() if first else None,
        "last_published": last.isoformat() if last else None,
        "database_bytes": None if ctx.is_server() else lib.db_path.stat().st_size,
    }
    if args.json:
        print_json(stats)
        return EXIT_OK
    print(f"Library:   {stats['library']}")
    print(f"Articles:  {stats['articles']}")
    for kind, n in sorted(stats["kinds"].items()):
        print(f"  {kind:8} {n}")
    print(f"Sites:     {stats['sites']}")
    if first:
        print(f"Published: {stats['first_published']} .. {stats['last_published']}")
    return EXIT_OK
