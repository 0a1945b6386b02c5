"""The ``archive-browser`` command line.

With no subcommand it opens the desktop app. Subcommands give a scriptable CLI
over the core; each lives in its own module under ``desktop.commands`` and
registers itself through ``register(subparsers)``. Errors the user can act on
are printed as one line on stderr, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.commands.base import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, CommandContext
from desktop.core.errors import UserError
from desktop.core.store.faults import library_fault

# Command modules, in the order their commands appear in ``--help``.
COMMAND_MODULES = (
    "imports",
    "articles",
    "search",
    "saved",
    "collections",
    "reading",
    "compare",
    "annotations",
    "cite",
    "reextract",
    "bundle",
    "maintenance",
    "check",
    "server",
)


# Global options that take a value (so their value is not mistaken for a command).
_VALUE_OPTIONS = ("--library", "--bundle", "--user")


def opens_app(argv: Sequence[str]) -> bool:
    """True when ``argv`` names no command (and asks for no help): the app opens.

    The app then starts without importing the command modules, which keeps
    start-up fast.
    """
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("-h", "--help", "--version"):
            return False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return False
    return True


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archive-browser",
        description="Offline library for web articles: import, search, read, compare, annotate.",
        epilog="Without a command, the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder or server library (postgresql://user@host/db); default: "
        "$ARCHIVE_BROWSER_LIBRARY or the per-user data folder",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="who you are, recorded on the annotations you make (default: your login name)",
    )
    parser.add_argument(
        "--bundle", metavar="ZIP", help="open the app read-only on an archive bundle"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start the app offscreen, import a fixture, search, read, and exit",
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=not opens_app(arguments))
    args, extra = parser.parse_known_args(arguments)
    if extra:
        # A command whose positionals may come on both sides of its options names
        # them in ``intermixed``; argparse leaves the later ones over.
        target = getattr(args, "intermixed", None)
        if target is None or any(a.startswith("-") for a in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        setattr(args, target, [*getattr(args, target), *extra])
    ctx = CommandContext(library=args.library, user=args.user)
    try:
        if args.command is None:
            return _open_app(args, ctx)
        result: int = args.func(args, ctx)
        return result
    except UserError as exc:
        print(f"archive-browser: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.ProgrammingError):
            raise
        # Damage (or a full disk, a read-only medium) found while a command ran.
        print(f"archive-browser: error: {library_fault(exc, ctx.db_path())}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("archive-browser: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    finally:
        ctx.close()


def _open_app(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        from desktop.ui.app import run_app
    except ImportError as exc:
        print(f"archive-browser: the desktop app is not available: {exc}", file=sys.stderr)
        return 1
    return run_app(
        library_dir=ctx.library_dir(),
        bundle=args.bundle,
        self_test=args.self_test,
        must_exist=ctx.is_explicit(),
        user=args.user,
    )
