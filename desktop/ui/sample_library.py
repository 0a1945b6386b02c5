"""The sample library: the short articles shipped with the app, for a first try.

The articles are the self-test fixture (``desktop/ui/assets/selftest``, text
written for this project). ``prepare_sample_library`` copies them into the
sample library's cache folder the first time, so the window can import them
through the ordinary import path (the same extraction, index and report).
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import UserError
from desktop.core.store import Library
from desktop.ui.selftest import copy_fixture

SOURCES = Path("cache") / "sample-articles"


def _has_articles(root: Path) -> bool:
    try:
        library = Library.open(root, create=False, read_only=True)
    except UserError:
        return False
    try:
        return library.articles.count() > 0
    finally:
        library.close()


def prepare_sample_library(root: Path) -> Path | None:
    """The folder of sample articles to import into ``root``, or None when it has them already."""
    if _has_articles(root):
        return None
    sources = root / SOURCES
    copy_fixture(sources)
    return sources
